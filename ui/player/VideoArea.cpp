#include "VideoArea.h"

#include "Resources.h"
#include "VideoView.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lockstep::ui {

VideoArea::VideoArea(QWidget *parent)
    : QStackedWidget(parent), m_welcome(makeInfoPage()), m_video(new VideoView(this)),
      m_message(makeInfoPage())
{
    setObjectName(QStringLiteral("videoArea"));
    m_welcome.page->setObjectName(QStringLiteral("placeholderPage"));
    m_message.page->setObjectName(QStringLiteral("messagePage"));

    addWidget(m_welcome.page);
    addWidget(m_video);
    addWidget(m_message.page);

    setIcon(m_welcome, Resources::appIcon());
    m_welcome.title->setText(tr("Open a file or join a room"));
    m_welcome.text->setText(
        tr("Drop a video here, or host a room and send the invite link to the people you "
           "want to watch with. Everyone plays their own copy, in step."));

    watch(m_video);
    watch(m_welcome.page);
    watch(m_message.page);
    showWelcome();
}

void VideoArea::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

VideoArea::InfoPage VideoArea::makeInfoPage()
{
    InfoPage info;
    info.page = new QWidget(this);
    // A centred column, readable on wide windows and wrapping on narrow ones.
    auto *column = new QWidget(info.page);
    info.icon = new QLabel(column);
    info.icon->setAlignment(Qt::AlignCenter);
    info.title = new QLabel(column);
    info.title->setAlignment(Qt::AlignCenter);
    info.title->setWordWrap(true);
    info.title->setTextFormat(Qt::PlainText);
    QFont titleFont = info.title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    info.title->setFont(titleFont);
    info.text = new QLabel(column);
    info.text->setAlignment(Qt::AlignCenter);
    info.text->setWordWrap(true);
    info.text->setTextFormat(Qt::PlainText);
    info.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info.text->setForegroundRole(QPalette::PlaceholderText);
    info.buttons = new QWidget(column);
    auto *buttonRow = new QHBoxLayout(info.buttons);
    buttonRow->setContentsMargins(0, 0, 0, 0);
    column->setMaximumWidth(info.text->fontMetrics().averageCharWidth() * 72);

    const int line = info.text->fontMetrics().height();
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(info.icon);
    columnLayout->addSpacing(line);
    columnLayout->addWidget(info.title);
    columnLayout->addWidget(info.text);
    columnLayout->addSpacing(line);
    columnLayout->addWidget(info.buttons, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 10);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(info.page);
    layout->addStretch(3);
    layout->addLayout(row);
    layout->addStretch(4);
    return info;
}

void VideoArea::setIcon(InfoPage &page, const QIcon &icon)
{
    page.iconSource = icon;
    refreshIcon(page);
}

void VideoArea::refreshIcon(const InfoPage &page)
{
    // About six lines of text tall, so it scales with the font and the screen.
    const int side = page.text->fontMetrics().height() * 6;
    page.icon->setPixmap(page.iconSource.pixmap(QSize(side, side), devicePixelRatioF()));
    page.icon->setVisible(!page.iconSource.isNull());
}

void VideoArea::setButtons(const InfoPage &page, const QList<QAction *> &actions)
{
    for (QPushButton *old : page.buttons->findChildren<QPushButton *>())
        old->deleteLater();
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->icon(), action->text(), page.buttons);
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button,
                [button, action] { button->setEnabled(action->isEnabled()); });
        page.buttons->layout()->addWidget(button);
    }
    page.buttons->setVisible(!actions.isEmpty());
}

void VideoArea::setWelcomeActions(const QList<QAction *> &actions)
{
    setButtons(m_welcome, actions);
}

VideoArea::Page VideoArea::page() const
{
    if (currentWidget() == m_video)
        return Page::Video;
    return currentWidget() == m_message.page ? Page::Message : Page::Welcome;
}

void VideoArea::showWelcome()
{
    setCurrentWidget(m_welcome.page);
}

void VideoArea::showVideo()
{
    setCurrentWidget(m_video);
}

void VideoArea::showMessage(const QIcon &icon, const QString &title, const QString &text,
                            const QList<QAction *> &actions)
{
    setIcon(m_message, icon);
    m_message.title->setText(title);
    m_message.text->setText(text);
    m_message.text->setVisible(!text.isEmpty());
    setButtons(m_message, actions);
    setCurrentWidget(m_message.page);
}

QString VideoArea::messageTitle() const
{
    return page() == Page::Message ? m_message.title->text() : QString();
}

QString VideoArea::messageText() const
{
    return page() == Page::Message ? m_message.text->text() : QString();
}

void VideoArea::showEvent(QShowEvent *event)
{
    QStackedWidget::showEvent(event);
    // The screen (and its pixel ratio) is known once shown.
    refreshIcon(m_welcome);
    refreshIcon(m_message);
}

bool VideoArea::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonDblClick:
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
            emit doubleClicked();
            return true;
        }
        break;
    case QEvent::ContextMenu:
        emit contextMenuRequested(static_cast<QContextMenuEvent *>(event)->globalPos());
        return true;
    default:
        break;
    }
    return QStackedWidget::eventFilter(watched, event);
}

} // namespace lockstep::ui
