#pragma once

#include "protocol/Messages.h"

#include <QList>
#include <QObject>
#include <QString>

#include <deque>

namespace lockstep::room {

class RoomSession;

// One line of the room's chat as the window shows it.
struct ChatLine {
    qint64 id = 0;
    QString clientId;
    QString name;
    QString text;
    double serverTs = 0.0;
    bool own = false; // sent by this app
};

// The room's conversation: the history a late joiner receives, every message
// after it once (a rejoin brings back what was missed, nothing twice), and
// sending within the room's rules, checked here first so that a message the
// server would refuse is never lost: send() says why in a sentence and the
// text stays with the user.
class ChatController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 500;

    explicit ChatController(RoomSession &session, QObject *parent = nullptr);

    const QList<ChatLine> &lines() const { return m_lines; }
    // Sends `text`; returns an empty string when sent, else why it was not.
    QString send(const QString &text);

    // Chat text as HTML for a rich-text view: everything escaped, line breaks
    // kept, and web addresses made links (which the view opens only after
    // asking). Nothing in the text is ever interpreted as markup.
    static QString toHtml(const QString &text);
    // The web addresses in `text`, in order.
    static QStringList links(const QString &text);
    // Our messages on their way: sent, not yet relayed back by the room
    // (after a dead link, until the reconnection sends them again).
    QStringList pending() const;
    // What to show while some are on their way; empty when none is.
    QString pendingText() const;

signals:
    void lineAdded(const lockstep::room::ChatLine &line);
    // The whole list changed (a room entered or left).
    void linesReset();
    // The server refused a message we sent; `text` is given back.
    void sendRefused(const QString &text, const QString &reason);
    void pendingChanged();

private:
    void onJoined(bool rejoined);
    void onReceived(const protocol::ChatEntry &entry);
    void onRefused(const protocol::Error &error);
    bool add(const protocol::ChatEntry &entry);

    RoomSession &m_session;
    QList<ChatLine> m_lines;
    std::deque<double> m_sentAt; // our recent sends (session clock)
    QString m_lastSent;
    double m_lastSentAt = -1.0e18;
};

} // namespace lockstep::room
