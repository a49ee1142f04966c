#include "AudioDelayBinding.h"

#include "AudioDelayDialog.h"
#include "room/RoomSession.h"
#include "room/Settings.h"

#include <QAction>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>

#include <algorithm>

namespace lockstep::ui {

using namespace lockstep::room;

AudioDelayBinding::AudioDelayBinding(QAudioOutput &audio, RoomSession &session, Settings &settings,
                                     QAction *dialogAction, QWidget &dialogParent)
    : QObject(&dialogParent), m_audio(audio), m_session(session), m_settings(settings),
      m_dialogParent(dialogParent)
{
    connect(dialogAction, &QAction::triggered, this, &AudioDelayBinding::showDialog);
    connect(&audio, &QAudioOutput::deviceChanged, this, &AudioDelayBinding::apply);
    // The default output changes when headphones come and go.
    auto *devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, &AudioDelayBinding::apply);
    apply();
}

QByteArray AudioDelayBinding::deviceId() const
{
    const QAudioDevice device
        = m_audio.device().isNull() ? QMediaDevices::defaultAudioOutput() : m_audio.device();
    return device.id();
}

QString AudioDelayBinding::deviceName() const
{
    const QAudioDevice device
        = m_audio.device().isNull() ? QMediaDevices::defaultAudioOutput() : m_audio.device();
    return device.description();
}

void AudioDelayBinding::setOverride(int milliseconds)
{
    m_override = std::clamp(milliseconds, 0, 1000);
    apply();
}

int AudioDelayBinding::delayMs() const
{
    return m_override.value_or(m_settings.audioDelay(deviceId()));
}

void AudioDelayBinding::apply()
{
    m_session.setAudioDelay(delayMs() / 1000.0);
}

void AudioDelayBinding::showDialog()
{
    AudioDelayDialog dialog(delayMs(), deviceName(), &m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_override.reset();
    m_settings.setAudioDelay(deviceId(), dialog.delayMs());
    apply();
}

} // namespace lockstep::ui
