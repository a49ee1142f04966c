#include "OpenMediaDialogs.h"

#include "room/InviteLink.h"
#include "room/RoomMedia.h"
#include "room/Settings.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace lockstep::ui {

using namespace lockstep::room;

QString OpenMediaDialogs::fileFilter()
{
    return tr("Videos and audio (%1);;All files (*)")
        .arg(QStringLiteral("*.mp4 *.m4v *.mkv *.webm *.mov *.avi *.wmv *.mpg *.mpeg *.ts "
                            "*.m2ts *.ogv *.flv *.3gp *.mp3 *.m4a *.aac *.ogg *.opus *.flac "
                            "*.wav"));
}

QUrl OpenMediaDialogs::askForFile(QWidget *parent, const Settings &settings)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open File"),
                                                      settings.browseDirectory(), fileFilter());
    return path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path);
}

QUrl OpenMediaDialogs::askForAddress(QWidget *parent, QString *inviteLink)
{
    bool ok = false;
    const QString text
        = QInputDialog::getText(parent, tr("Open URL"),
                                tr("Address of a video stream (http, https, rtsp…), or an invite "
                                   "link:"),
                                QLineEdit::Normal, QString(), &ok)
              .trimmed();
    if (!ok || text.isEmpty())
        return {};
    if (InviteLink::looksLikeLink(text)) {
        *inviteLink = text;
        return {};
    }
    const QUrl url = QUrl::fromUserInput(text);
    if (!RoomMedia::isStreamUrl(url) && !url.isLocalFile()) {
        QMessageBox::warning(parent, tr("Open URL"),
                             tr("“%1” is not an address Lockstep can play.").arg(text));
        return {};
    }
    return url;
}

} // namespace lockstep::ui
