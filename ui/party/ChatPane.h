#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace lockstep::room {
class ChatController;
struct ChatLine;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// The room's chat in the room panel: the conversation (text shown as text,
// links opened only after asking), a line to type in, and, under it, why a
// message was not sent; the text stays in the line so nothing typed is lost.
class ChatPane : public QWidget
{
    Q_OBJECT

public:
    explicit ChatPane(ChatController &chat, QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    QTextBrowser *view() const { return m_view; }
    // Puts the cursor in the input line.
    void focusInput();
    // Sends what the input line holds (Enter does the same).
    void send();
    QString refusal() const;
    // What is said about our messages still on their way (empty: none).
    QString pendingText() const;

    // The HTML of one line of the conversation.
    static QString lineHtml(const ChatLine &line);
    // Asks before opening a link someone sent.
    static void openLinkAfterAsking(QWidget *parent, const QUrl &url);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void append(const ChatLine &line);
    void reload();
    void showRefusal(const QString &reason);

    ChatController &m_chat;
    QTextBrowser *m_view;
    QLineEdit *m_input;
    QLabel *m_pending;
    QPushButton *m_send;
    QLabel *m_refusal;
};

} // namespace lockstep::ui
