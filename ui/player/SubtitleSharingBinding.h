#pragma once

#include "SubtitleShare.h"

#include <QObject>
#include <QStringList>

class QTimer;

namespace lockstep::ui {

using namespace lockstep::room;

class TracksBinding;

// The host's subtitles for those who stream its film (docs/protocol.md,
// "Subtitles the host shares"). Hosting with sharing on, whatever subtitles
// the film has here (loaded, found beside it, embedded) are read, checked
// and offered to the room, and offered again as the list changes; one that
// cannot be read or is too large is said in a sentence and left out. In
// someone else's room, the host's list goes to the Subtitles menu and a
// chosen track is fetched from the host.
class SubtitleSharingBinding : public QObject
{
    Q_OBJECT

public:
    SubtitleSharingBinding(RoomSession &session, TracksBinding &tracks, QObject *parent = nullptr);

signals:
    void notice(const QString &text, bool warning);

private:
    void scheduleOffer();
    void offer();
    void showHostList();

    RoomSession &m_session;
    TracksBinding &m_tracks;
    QTimer *m_debounce;
    QList<SubtitleSource> m_offered; // what the last offer was made of
    QStringList m_told; // problems already said, so each is said once
    quint64 m_generation = 0;
};

} // namespace lockstep::ui
