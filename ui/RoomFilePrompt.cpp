#include "RoomFilePrompt.h"

#include "Icons.h"
#include "OpenMediaDialogs.h"
#include "Resources.h"
#include "player/VideoArea.h"
#include "room/PlaybackController.h"
#include "room/RoomSession.h"
#include "room/Settings.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace lockstep::ui {

using namespace lockstep::room;

RoomFilePrompt::RoomFilePrompt(QWidget &window, VideoArea &videoArea, PlaybackController &playback,
                               const RoomSession &session, const Settings &settings,
                               QList<QAction *> openActions, QAction *chooseAction)
    : QObject(&window), m_window(window), m_videoArea(videoArea), m_playback(playback),
      m_session(session), m_settings(settings), m_openActions(std::move(openActions)),
      m_chooseAction(chooseAction), m_streamAction(new QAction(this))
{
    m_streamAction->setObjectName(QStringLiteral("streamFromHostAction"));
    connect(m_streamAction, &QAction::triggered, this, [this] {
        if (m_dialog)
            m_dialog->close();
        m_playback.streamFromHost();
    });
    connect(&playback, &PlaybackController::awaitingRoomFileChanged, this,
            &RoomFilePrompt::onAwaitingRoomFile);
    connect(&playback, &PlaybackController::nothingChosen, this, &RoomFilePrompt::onNothingChosen);
    connect(&playback, &PlaybackController::roomFileMismatch, this, &RoomFilePrompt::warnMismatch);
    connect(chooseAction, &QAction::triggered, this, &RoomFilePrompt::chooseRoomFile);
}

void RoomFilePrompt::onNothingChosen(bool canChoose, const QString &hostName)
{
    if (canChoose)
        m_videoArea.showMessage(Resources::appIcon(), tr("Nothing chosen yet"),
                                tr("Open a file or a stream: everyone in the room will "
                                   "watch it with you."),
                                m_openActions);
    else
        m_videoArea.showMessage(Resources::appIcon(),
                                tr("Waiting for %1 to choose what to watch").arg(hostName),
                                QString());
}

void RoomFilePrompt::onAwaitingRoomFile(bool awaiting)
{
    if (!awaiting) {
        if (m_dialog)
            m_dialog->close();
        return;
    }
    if (!m_playback.source().isEmpty()) {
        // A second try after a mismatch: the first copy plays meanwhile.
        chooseRoomFile();
        return;
    }
    const RoomMedia media = m_session.connection().roomMedia();
    if (m_session.sharing().hostOffersStream()) {
        // Streaming is the default: it comes first, and no file dialog opens.
        const QString host = m_session.connection().nameOf(m_session.connection().hostId());
        m_streamAction->setText(tr("Stream from %1").arg(host));
        m_videoArea.showMessage(
            Icons::themed("video-x-generic", QStyle::SP_FileIcon),
            tr("Watch %1 with the room").arg(media.displayName()),
            tr("%1 is watching %2 and shares it: stream it from %3, or choose your own copy.")
                .arg(m_session.connection().nameOf(m_session.connection().mediaOwnerId()),
                     media.describe(), host),
            {m_streamAction, m_chooseAction});
        return;
    }
    m_videoArea.showMessage(
        Icons::themed("video-x-generic", QStyle::SP_FileIcon),
        tr("Choose your copy of %1").arg(media.displayName()),
        tr("%1 is watching %2. Everyone plays their own copy of the file, so choose yours to "
           "watch along.")
            .arg(m_session.connection().nameOf(m_session.connection().mediaOwnerId()),
                 media.describe()),
        {m_chooseAction});
    // Asked at once, without blocking: the room carries on meanwhile.
    QTimer::singleShot(0, this, [this] {
        if (m_playback.isAwaitingRoomFile() && m_window.isVisible())
            chooseRoomFile();
    });
}

void RoomFilePrompt::chooseRoomFile()
{
    if (!m_playback.isAwaitingRoomFile() || m_dialog)
        return;
    const RoomMedia media = m_session.connection().roomMedia();
    const QString name = media.info() ? media.info()->name : media.displayName();

    // Look where the user keeps videos: a recent file of that name first.
    QString directory = m_settings.browseDirectory();
    for (const QString &recent : m_settings.recentMedia()) {
        const QFileInfo file(recent);
        if (file.fileName() == name && file.exists()) {
            directory = file.absolutePath();
            break;
        }
    }

    auto *dialog = new QFileDialog(&m_window, tr("Choose Your Copy of %1").arg(name), directory,
                                   OpenMediaDialogs::fileFilter());
    dialog->setObjectName(QStringLiteral("roomFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    if (QFileInfo::exists(QDir(directory).filePath(name)))
        dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!path.isEmpty())
            m_playback.open(QUrl::fromLocalFile(path), PlaybackController::Origin::RoomCopy);
    });
    m_dialog = dialog;
    dialog->open();
}

void RoomFilePrompt::warnMismatch(const QStringList &differences)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Is This the Right File?"),
                                tr("This file may not be the one the room is watching."),
                                QMessageBox::NoButton, &m_window);
    box->setObjectName(QStringLiteral("mismatchWarning"));
    box->setInformativeText(differences.join(QLatin1Char('\n')));
    box->addButton(tr("Use This File"), QMessageBox::AcceptRole);
    QPushButton *other = box->addButton(tr("Choose Another…"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, other] {
        if (box->clickedButton() == other)
            m_playback.askForRoomFile();
    });
    box->open();
}

} // namespace lockstep::ui
