#include "FileOpenHandler.h"

#include <QFileOpenEvent>

namespace lockstep::ui {

FileOpenHandler::FileOpenHandler(QObject *parent) : QObject(parent)
{
}

bool FileOpenHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::FileOpen)
        return QObject::eventFilter(watched, event);
    const auto *open = static_cast<QFileOpenEvent *>(event);
    const QUrl url = open->url();
    if (url.scheme().compare(QLatin1String("lockstep"), Qt::CaseInsensitive) == 0)
        emit inviteLinkOpened(url.toString(QUrl::FullyEncoded));
    else if (url.isValid())
        emit mediaOpened(url);
    else if (!open->file().isEmpty())
        emit mediaOpened(QUrl::fromLocalFile(open->file()));
    return true;
}

} // namespace lockstep::ui
