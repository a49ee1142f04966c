#pragma once

#include <QObject>

class QAudioOutput;

namespace lockstep::room {
class ActionsController;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class TransportBar;

// Volume and mute: the transport bar's slider, the Volume Up/Down and Mute
// actions and the audio output kept in step, and remembered between runs.
class VolumeControl : public QObject
{
    Q_OBJECT

public:
    static constexpr int kStep = 5; // %, Up/Down

    VolumeControl(QAudioOutput &audio, TransportBar &transport, ActionsController &actions,
                  Settings &settings);

    // Puts the remembered volume and mute back.
    void restore();
    void save();

private:
    void setVolume(int volume);
    void apply();

    QAudioOutput &m_audio;
    TransportBar &m_transport;
    ActionsController &m_actions;
    Settings &m_settings;
};

} // namespace lockstep::ui
