#include "VolumeControl.h"

#include "TransportBar.h"
#include "room/ActionsController.h"
#include "room/Settings.h"

#include <QAction>
#include <QAudio>
#include <QAudioOutput>

#include <algorithm>

namespace lockstep::ui {

using namespace lockstep::room;

VolumeControl::VolumeControl(QAudioOutput &audio, TransportBar &transport,
                             ActionsController &actions, Settings &settings)
    : QObject(&transport), m_audio(audio), m_transport(transport), m_actions(actions),
      m_settings(settings)
{
    const ActionsController::Actions &a = actions.actions();
    connect(a.volumeUp, &QAction::triggered, this,
            [this] { setVolume(m_transport.volume() + kStep); });
    connect(a.volumeDown, &QAction::triggered, this,
            [this] { setVolume(m_transport.volume() - kStep); });
    connect(a.mute, &QAction::toggled, this, [this](bool muted) {
        m_settings.setMuted(muted);
        apply();
    });
    connect(&transport, &TransportBar::volumeChanged, this, [this](int volume) {
        m_settings.setVolume(volume);
        apply();
    });
}

void VolumeControl::restore()
{
    QAction *mute = m_actions.actions().mute;
    {
        const QSignalBlocker blockMute(mute);
        mute->setChecked(m_settings.muted());
    }
    m_transport.setVolume(m_settings.volume());
    apply();
}

void VolumeControl::save()
{
    m_settings.setVolume(m_transport.volume());
    m_settings.setMuted(m_actions.actions().mute->isChecked());
}

void VolumeControl::setVolume(int volume)
{
    QAction *mute = m_actions.actions().mute;
    m_transport.setVolume(std::clamp(volume, 0, 100));
    if (mute->isChecked() && volume > 0)
        mute->setChecked(false);
}

void VolumeControl::apply()
{
    const int volume = m_transport.volume();
    // The slider is perceptual; the output wants a linear gain.
    m_audio.setVolume(float(QAudio::convertVolume(volume / 100.0, QAudio::LogarithmicVolumeScale,
                                                  QAudio::LinearVolumeScale)));
    m_audio.setMuted(m_actions.actions().mute->isChecked());
    m_actions.showVolume(volume);
}

} // namespace lockstep::ui
