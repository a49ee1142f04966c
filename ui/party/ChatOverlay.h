#pragma once

#include "FloatingPanel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QVBoxLayout;

namespace lockstep::room {
class ChatController;
struct ChatLine;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// The room's chat over the video, for when the room panel is out of sight
// (full screen, or the panel closed): new messages appear at the bottom left
// and fade after a while, and a line above them counts down to the next
// playlist item. Like the toasts, it is a FloatingPanel over the video.
class ChatOverlay : public FloatingPanel
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 6;
    static constexpr int kLineMs = 10000;

    ChatOverlay(ChatController &chat, QWidget *anchor);

    // Whether new messages are shown here (the panel's chat is out of sight).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // A line above the messages ("Next: Episode 2 in 3 s"); empty removes it.
    void setBanner(const QString &text);
    QStringList visibleLines() const;
    QString banner() const;

protected:
    bool hasContent() const override;
    void place() override;

private:
    struct Entry {
        QLabel *label = nullptr;
        qint64 expiresAt = 0; // ms since epoch
    };
    void add(const ChatLine &line);
    void prune();
    void clearLines();

    QVBoxLayout *m_layout;
    QLabel *m_banner;
    QList<Entry> m_entries;
    QTimer *m_timer;
    bool m_active = false;
};

// A line to type a chat message in without leaving full screen: it sits
// under the video while open, Enter sends, Escape closes.
class ChatInputBar : public QWidget
{
    Q_OBJECT

public:
    explicit ChatInputBar(ChatController &chat, QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    void open();
    void close();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();

    ChatController &m_chat;
    QLineEdit *m_input;
    QLabel *m_refusal;
};

} // namespace lockstep::ui
