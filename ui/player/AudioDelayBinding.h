#pragma once

#include <QObject>

#include <optional>

class QAction;
class QAudioOutput;
class QWidget;

namespace lockstep::room {
class RoomSession;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// Each person's audio delay (Playback > Audio Delay…, --audio-delay): the
// value remembered for the audio output the player uses, given to the sync
// engine, and again whenever the output changes (headphones connected).
class AudioDelayBinding : public QObject
{
    Q_OBJECT

public:
    AudioDelayBinding(QAudioOutput &audio, RoomSession &session, Settings &settings,
                      QAction *dialogAction, QWidget &dialogParent);

    // For this run, whatever the output (the command line); the dialog ends it.
    void setOverride(int milliseconds);
    int delayMs() const;

private:
    QByteArray deviceId() const;
    QString deviceName() const;
    void apply();
    void showDialog();

    QAudioOutput &m_audio;
    RoomSession &m_session;
    Settings &m_settings;
    QWidget &m_dialogParent;
    std::optional<int> m_override;
};

} // namespace lockstep::ui
