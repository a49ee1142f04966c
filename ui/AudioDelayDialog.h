#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSlider;
class QSoundEffect;
class QSpinBox;
class QTemporaryFile;
class QTimer;

namespace lockstep::ui {

// Playback > Audio Delay…: how late this person's sound reaches their ears
// on the current audio output (Bluetooth headphones, a TV's processing),
// 0 to 1000 ms. A calibration helps find it: a click plays once a second and
// a light flashes the set delay later; the person moves the slider until
// they hear the click as the light flashes.
class AudioDelayDialog : public QDialog
{
    Q_OBJECT

public:
    AudioDelayDialog(int delayMs, const QString &deviceName, QWidget *parent = nullptr);
    ~AudioDelayDialog() override;

    int delayMs() const;

private:
    void setCalibrating(bool on);
    void beat();

    QSpinBox *m_value;
    QSlider *m_slider;
    QLabel *m_light;
    QPushButton *m_calibrate;
    QTimer *m_beat;
    QSoundEffect *m_click = nullptr;
    QTemporaryFile *m_clickFile = nullptr;
};

} // namespace lockstep::ui
