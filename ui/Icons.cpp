#include "Icons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <functional>
#include <numbers>

namespace lockstep::ui {

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

} // namespace lockstep::ui
