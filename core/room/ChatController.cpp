#include "ChatController.h"

#include "RoomSession.h"
#include "protocol/Clock.h"
#include "protocol/Codec.h"
#include "protocol/ErrorCode.h"
#include "protocol/Limits.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace lockstep::room {

namespace {

// What we allow ourselves is a little stricter than the server's window, so
// that our messages' travel time never makes the server refuse one.
constexpr double kWindowMargin = 0.5; // s
// A refusal this soon after a send is about that send.
constexpr double kRefusalWindow = 5.0; // s

const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"((?:https?://)[^\s<>"]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// A link ends before punctuation that closes the sentence around it.
qsizetype trimmedLinkLength(const QString &link)
{
    qsizetype length = link.size();
    while (length > 0 && QStringLiteral(".,;:!?)]}'").contains(link.at(length - 1)))
        --length;
    return length;
}

} // namespace

ChatController::ChatController(RoomSession &session, QObject *parent)
    : QObject(parent), m_session(session)
{
    connect(&session, &RoomSession::joined, this, &ChatController::onJoined);
    connect(&session, &RoomSession::chatReceived, this, &ChatController::onReceived);
    connect(&session, &RoomSession::refused, this, &ChatController::onRefused);
    connect(&session, &RoomSession::pendingChatChanged, this, &ChatController::pendingChanged);
    connect(&session, &RoomSession::activeChanged, this, [this](bool active) {
        if (!active)
            return;
        // A new room: its conversation starts empty.
        m_lines.clear();
        m_sentAt.clear();
        emit linesReset();
    });
}

QString ChatController::send(const QString &text)
{
    using protocol::ChatTextProblem;
    switch (protocol::chatTextProblem(text)) {
    case ChatTextProblem::None:
        break;
    case ChatTextProblem::Empty:
        return tr("Type a message first.");
    case ChatTextProblem::TooLong:
        return tr("A message can be at most %1 characters long; this one has %2.")
            .arg(protocol::limits::kMaxChatLength)
            .arg(text.trimmed().toUcs4().size());
    case ChatTextProblem::ControlCharacter:
        return tr("The message contains characters that cannot be sent.");
    }
    if (!m_session.connection().inRoom())
        return tr("You can chat once you are in a room.");
    const double now = m_session.connection().clock().now();
    const double window = protocol::limits::kChatWindow + kWindowMargin;
    while (!m_sentAt.empty() && now - m_sentAt.front() >= window)
        m_sentAt.pop_front();
    if (int(m_sentAt.size()) >= protocol::limits::kChatBurst) {
        const int wait = int(std::ceil(window - (now - m_sentAt.front())));
        return tr("You can send %1 messages every %2 seconds. Wait %n s.", "", wait)
            .arg(protocol::limits::kChatBurst)
            .arg(int(protocol::limits::kChatWindow));
    }
    if (!m_session.sendChat(text))
        return tr("You can chat once you are in a room.");
    m_sentAt.push_back(now);
    m_lastSent = text.trimmed();
    m_lastSentAt = now;
    return {};
}

void ChatController::onJoined(bool rejoined)
{
    if (!rejoined) {
        m_lines.clear();
        emit linesReset();
    }
    // The room's history: on a rejoin, what was said while we were away.
    for (const protocol::ChatEntry &entry : m_session.party().chatHistory())
        add(entry);
}

void ChatController::onReceived(const protocol::ChatEntry &entry)
{
    add(entry);
}

bool ChatController::add(const protocol::ChatEntry &entry)
{
    const bool known = std::any_of(m_lines.cbegin(), m_lines.cend(), [&](const ChatLine &line) {
        return line.id == entry.id && line.clientId == entry.client && line.text == entry.text;
    });
    if (known)
        return false;
    const ChatLine line {entry.id,       entry.client,
                         entry.name,     entry.text,
                         entry.serverTs, entry.client == m_session.connection().clientId()};
    m_lines.append(line);
    if (m_lines.size() > kMaxLines)
        m_lines.removeFirst();
    emit lineAdded(line);
    return true;
}

QStringList ChatController::pending() const
{
    return m_session.party().pendingChat();
}

QString ChatController::pendingText() const
{
    const QStringList texts = pending();
    if (texts.isEmpty())
        return {};
    if (texts.size() == 1)
        return tr("Sending \u201c%1\u201d\u2026").arg(texts.first());
    return tr("Sending %n messages\u2026", "", int(texts.size()));
}

void ChatController::onRefused(const protocol::Error &error)
{
    if (error.errorCode() != protocol::ErrorCode::RateLimited || m_lastSent.isEmpty()
        || m_session.connection().clock().now() - m_lastSentAt > kRefusalWindow)
        return;
    const QString text = std::exchange(m_lastSent, QString());
    emit sendRefused(text,
                     tr("The room refused your message because you sent several quickly. "
                        "Wait a few seconds and send it again."));
}

QStringList ChatController::links(const QString &text)
{
    QStringList result;
    auto matches = linkPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QString link = matches.next().captured(0);
        result << link.left(trimmedLinkLength(link));
    }
    return result;
}

QString ChatController::toHtml(const QString &text)
{
    QString html;
    qsizetype at = 0;
    auto matches = linkPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString link = match.captured(0).left(trimmedLinkLength(match.captured(0)));
        html += text.mid(at, match.capturedStart() - at).toHtmlEscaped();
        const QString escaped = link.toHtmlEscaped();
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(escaped);
        at = match.capturedStart() + link.size();
    }
    html += text.mid(at).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

} // namespace lockstep::room
