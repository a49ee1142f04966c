#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QWidget;

namespace lockstep::room {
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// The questions the window asks to open media: a file, or an address that is
// a stream or an invite link.
class OpenMediaDialogs
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::ui::OpenMediaDialogs)

public:
    // The file dialogs' filter: videos and audio first, then anything.
    static QString fileFilter();
    // An empty URL when the user cancels.
    static QUrl askForFile(QWidget *parent, const Settings &settings);
    // A stream's URL, or (in `inviteLink`) an invite link; empty when the
    // user cancels or gives something that cannot be played.
    static QUrl askForAddress(QWidget *parent, QString *inviteLink);
};

} // namespace lockstep::ui
