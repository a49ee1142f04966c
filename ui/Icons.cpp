#include "Icons.h"

#include "Resources.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <functional>
#include <numbers>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

// Draws a monochrome icon in the palette's text colour, at the usual sizes.
QIcon drawn(const std::function<void(QPainter &, double side)> &draw)
{
    QIcon icon;
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        const QColor colour = QApplication::palette().color(
            mode == QIcon::Normal ? QPalette::Active : QPalette::Disabled, QPalette::WindowText);
        for (const int side : {16, 22, 24, 32, 48, 64}) {
            QPixmap pixmap(side, side);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            QPen pen(colour, std::max(1.5, side / 12.0));
            pen.setCapStyle(Qt::RoundCap);
            pen.setJoinStyle(Qt::RoundJoin);
            painter.setPen(pen);
            painter.setBrush(colour);
            draw(painter, double(side));
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

// Four corner brackets; pointing out to enter full screen, in to leave it.
void drawCorners(QPainter &painter, double side, bool inward)
{
    painter.setBrush(Qt::NoBrush);
    const double m = side * 0.18; // margin
    const double l = side * 0.22; // bracket arm
    const double e = side - m; // far edge
    const auto bracket = [&](QPointF corner, double dx, double dy) {
        QPainterPath path;
        path.moveTo(corner.x() + dx * l, corner.y());
        path.lineTo(corner);
        path.lineTo(corner.x(), corner.y() + dy * l);
        painter.drawPath(path);
    };
    if (!inward) {
        bracket({m, m}, 1, 1);
        bracket({e, m}, -1, 1);
        bracket({m, e}, 1, -1);
        bracket({e, e}, -1, -1);
        return;
    }
    const double i = m + l; // the corner sits inside
    bracket({i, i}, -1, -1);
    bracket({side - i, i}, 1, -1);
    bracket({i, side - i}, -1, 1);
    bracket({side - i, side - i}, 1, 1);
}

} // namespace

QIcon Icons::themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
                            QApplication::style()->standardIcon(fallback));
}

QIcon Icons::fullScreen()
{
    return QIcon::fromTheme(QStringLiteral("view-fullscreen"),
                            drawn([](QPainter &p, double side) { drawCorners(p, side, false); }));
}

QIcon Icons::leaveFullScreen()
{
    return QIcon::fromTheme(QStringLiteral("view-restore"),
                            drawn([](QPainter &p, double side) { drawCorners(p, side, true); }));
}

QIcon Icons::host()
{
    return QIcon::fromTheme(QStringLiteral("starred"), drawn([](QPainter &p, double side) {
                                // A five-pointed star.
                                QPainterPath star;
                                const QPointF centre(side / 2.0, side / 2.0 + side * 0.04);
                                const double outer = side * 0.46;
                                const double inner = outer * 0.45;
                                for (int k = 0; k < 10; ++k) {
                                    const double angle
                                        = -std::numbers::pi / 2.0 + k * std::numbers::pi / 5.0;
                                    const double r = k % 2 == 0 ? outer : inner;
                                    const QPointF point(centre.x() + r * std::cos(angle),
                                                        centre.y() + r * std::sin(angle));
                                    if (k == 0)
                                        star.moveTo(point);
                                    else
                                        star.lineTo(point);
                                }
                                star.closeSubpath();
                                p.setPen(Qt::NoPen);
                                p.setBrush(QApplication::palette().color(QPalette::Highlight));
                                p.drawPath(star);
                            }));
}

QIcon Icons::forAction(ActionsController::Icon icon)
{
    using Icon = ActionsController::Icon;
    switch (icon) {
    case Icon::OpenFile:
        return themed("document-open", QStyle::SP_DialogOpenButton);
    case Icon::OpenUrl:
        return themed("network-server", QStyle::SP_DriveNetIcon);
    case Icon::Quit:
        return themed("application-exit", QStyle::SP_DialogCloseButton);
    case Icon::Play:
        return themed("media-playback-start", QStyle::SP_MediaPlay);
    case Icon::Pause:
        return themed("media-playback-pause", QStyle::SP_MediaPause);
    case Icon::Forward:
        return themed("media-seek-forward", QStyle::SP_MediaSeekForward);
    case Icon::Back:
        return themed("media-seek-backward", QStyle::SP_MediaSeekBackward);
    case Icon::VolumeHigh:
        return themed("audio-volume-high", QStyle::SP_MediaVolume);
    case Icon::VolumeMedium:
        return themed("audio-volume-medium", QStyle::SP_MediaVolume);
    case Icon::VolumeLow:
        return themed("audio-volume-low", QStyle::SP_MediaVolume);
    case Icon::VolumeMuted:
        return themed("audio-volume-muted", QStyle::SP_MediaVolumeMuted);
    case Icon::FullScreen:
        return fullScreen();
    case Icon::LeaveFullScreen:
        return leaveFullScreen();
    case Icon::Host:
        return themed("network-server", QStyle::SP_ComputerIcon);
    case Icon::Join:
        return themed("system-users", QStyle::SP_DirLinkIcon);
    case Icon::Invite:
        return themed("contact-new", QStyle::SP_FileLinkIcon);
    case Icon::CopyInvite:
        return themed("edit-copy", QStyle::SP_FileLinkIcon);
    case Icon::Resync:
        return themed("view-refresh", QStyle::SP_BrowserReload);
    case Icon::Leave:
        return themed("system-log-out", QStyle::SP_DialogCancelButton);
    case Icon::StopHosting:
        return themed("process-stop", QStyle::SP_BrowserStop);
    case Icon::Preferences:
        return themed("preferences-system", QStyle::SP_FileDialogDetailedView);
    case Icon::About:
        return Resources::appIcon();
    case Icon::Ready:
        return themed("emblem-ok-symbolic", QStyle::SP_DialogApplyButton);
    case Icon::Chat:
        return themed("mail-send", QStyle::SP_MessageBoxInformation);
    case Icon::Playlist:
        return themed("view-media-playlist", QStyle::SP_FileDialogListView);
    }
    return {};
}

} // namespace lockstep::ui
