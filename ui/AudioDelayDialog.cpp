#include "AudioDelayDialog.h"

#include <QDataStream>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSoundEffect>
#include <QSpinBox>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lockstep::ui {

namespace {

constexpr int kMaxDelayMs = 1000;
constexpr int kBeatMs = 1500; // a click, then the light, then quiet

// A short click as a 16-bit mono WAV: a 1 kHz burst of 15 ms that fades out.
QByteArray clickWav()
{
    constexpr int kRate = 48000;
    constexpr int kSamples = kRate * 15 / 1000;
    QByteArray pcm;
    QDataStream samples(&pcm, QIODevice::WriteOnly);
    samples.setByteOrder(QDataStream::LittleEndian);
    for (int i = 0; i < kSamples; ++i) {
        const double fade = 1.0 - double(i) / kSamples;
        samples << qint16(std::lround(24000.0 * fade * std::sin(2.0 * M_PI * 1000.0 * i / kRate)));
    }
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + pcm.size());
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(kRate) << quint32(kRate * 2)
        << quint16(2) << quint16(16);
    out.writeRawData("data", 4);
    out << quint32(pcm.size());
    out.writeRawData(pcm.constData(), int(pcm.size()));
    return wav;
}

} // namespace

AudioDelayDialog::AudioDelayDialog(int delayMs, const QString &deviceName, QWidget *parent)
    : QDialog(parent), m_value(new QSpinBox(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_light(new QLabel(this)), m_calibrate(new QPushButton(tr("&Test"), this)),
      m_beat(new QTimer(this))
{
    setObjectName(QStringLiteral("audioDelayDialog"));
    setWindowTitle(tr("Audio Delay"));

    auto *intro = new QLabel(
        tr("If your sound reaches you late (Bluetooth headphones, a TV's sound processing), "
           "say how late: your video then runs that much ahead, so that what you hear is in "
           "step with everyone. Remembered for %1.")
            .arg(deviceName.isEmpty() ? tr("this sound output") : deviceName),
        this);
    intro->setWordWrap(true);

    m_value->setObjectName(QStringLiteral("audioDelayValue"));
    m_value->setRange(0, kMaxDelayMs);
    m_value->setSingleStep(10);
    m_value->setSuffix(tr(" ms"));
    m_value->setValue(std::clamp(delayMs, 0, kMaxDelayMs));
    m_slider->setObjectName(QStringLiteral("audioDelaySlider"));
    m_slider->setRange(0, kMaxDelayMs);
    m_slider->setSingleStep(5);
    m_slider->setPageStep(50);
    m_slider->setValue(m_value->value());
    m_slider->setAccessibleName(tr("Audio delay"));
    connect(m_slider, &QSlider::valueChanged, m_value, &QSpinBox::setValue);
    connect(m_value, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);

    auto *row = new QHBoxLayout;
    row->addWidget(m_slider, 1);
    row->addWidget(m_value);

    auto *calibration = new QLabel(
        tr("To find it: press Test. A click plays, and the light flashes the delay later. Move "
           "the slider until you hear the click just as the light flashes."),
        this);
    calibration->setWordWrap(true);
    m_light->setObjectName(QStringLiteral("audioDelayLight"));
    m_light->setFixedSize(28, 28);
    m_light->setAccessibleName(tr("Flash"));
    m_light->setAutoFillBackground(true);
    m_calibrate->setObjectName(QStringLiteral("audioDelayTest"));
    m_calibrate->setCheckable(true);
    connect(m_calibrate, &QPushButton::toggled, this, &AudioDelayDialog::setCalibrating);
    auto *test = new QHBoxLayout;
    test->addWidget(m_calibrate);
    test->addWidget(m_light);
    test->addStretch(1);

    m_beat->setInterval(kBeatMs);
    connect(m_beat, &QTimer::timeout, this, &AudioDelayDialog::beat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addSpacing(8);
    layout->addWidget(calibration);
    layout->addLayout(test);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    setCalibrating(false);
}

AudioDelayDialog::~AudioDelayDialog() = default;

int AudioDelayDialog::delayMs() const
{
    return m_value->value();
}

void AudioDelayDialog::setCalibrating(bool on)
{
    QPalette dark = m_light->palette();
    dark.setColor(QPalette::Window, palette().color(QPalette::Mid));
    m_light->setPalette(dark);
    if (!on) {
        m_beat->stop();
        m_calibrate->setText(tr("&Test"));
        return;
    }
    if (!m_click) {
        // QSoundEffect plays WAV files only: the click is written out once.
        m_clickFile = new QTemporaryFile(this);
        m_clickFile->setFileTemplate(QDir::tempPath()
                                     + QStringLiteral("/lockstep-click-XXXXXX.wav"));
        if (m_clickFile->open()) {
            m_clickFile->write(clickWav());
            m_clickFile->flush();
        }
        m_click = new QSoundEffect(this);
        m_click->setSource(QUrl::fromLocalFile(m_clickFile->fileName()));
    }
    m_calibrate->setText(tr("&Stop"));
    m_beat->start();
    beat();
}

void AudioDelayDialog::beat()
{
    m_click->play();
    QTimer::singleShot(m_value->value(), Qt::PreciseTimer, this, [this] {
        if (!m_beat->isActive())
            return;
        QPalette lit = m_light->palette();
        lit.setColor(QPalette::Window, QColor(255, 196, 0));
        m_light->setPalette(lit);
        QTimer::singleShot(120, this, [this] {
            QPalette dark = m_light->palette();
            dark.setColor(QPalette::Window, palette().color(QPalette::Mid));
            m_light->setPalette(dark);
        });
    });
}

} // namespace lockstep::ui
