#pragma once

#include <QIcon>
#include <QStackedWidget>

class QAction;
class QLabel;
class QWidget;

namespace lockstep::ui {

class VideoView;

// The middle of the window: the video itself, or, when there is nothing to
// show, a page that says what to do next (the empty state, a media error, a
// request to pick a file for the room).
class VideoArea : public QStackedWidget
{
    Q_OBJECT

public:
    enum class Page { Welcome, Video, Message };

    explicit VideoArea(QWidget *parent = nullptr);

    VideoView *videoView() const { return m_video; }
    Page page() const;

    // The empty state, with buttons for the first steps.
    void setWelcomeActions(const QList<QAction *> &actions);
    void showWelcome();
    void showVideo();
    // A page with an icon, a title, an explanation and buttons for `actions`.
    void showMessage(const QIcon &icon, const QString &title, const QString &text,
                     const QList<QAction *> &actions = {});
    QString messageTitle() const;
    QString messageText() const;

signals:
    void doubleClicked();
    void contextMenuRequested(const QPoint &globalPosition);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct InfoPage {
        QWidget *page = nullptr;
        QLabel *icon = nullptr;
        QLabel *title = nullptr;
        QLabel *text = nullptr;
        QWidget *buttons = nullptr;
        QIcon iconSource;
    };

    InfoPage makeInfoPage();
    void setIcon(InfoPage &page, const QIcon &icon);
    void refreshIcon(const InfoPage &page);
    void setButtons(const InfoPage &page, const QList<QAction *> &actions);
    void watch(QWidget *widget);

    InfoPage m_welcome;
    VideoView *m_video;
    InfoPage m_message;
};

} // namespace lockstep::ui
