#include "MediaProbe.h"

#include <QMediaPlayer>
#include <QTimer>

namespace lockstep::ui {

MediaProbe::MediaProbe(QObject *parent)
    : QObject(parent), m_player(new QMediaPlayer(this)), m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] { finish(std::nullopt); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                if (!m_busy)
                    return;
                if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia)
                    finish(m_player->duration() / 1000.0);
                else if (status == QMediaPlayer::InvalidMedia)
                    finish(std::nullopt);
            });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error) {
        if (m_busy && error != QMediaPlayer::NoError)
            finish(std::nullopt);
    });
}

MediaProbe::~MediaProbe()
{
    m_player->disconnect(this);
}

void MediaProbe::probe(const QUrl &url, Done done)
{
    m_jobs.push(Job {url, std::move(done)});
    if (!m_busy)
        startNext();
}

void MediaProbe::startNext()
{
    if (m_jobs.empty())
        return;
    m_busy = true;
    m_timeout->start();
    m_player->setSource(m_jobs.front().url);
}

void MediaProbe::finish(std::optional<double> duration)
{
    if (!m_busy || m_jobs.empty())
        return;
    m_busy = false;
    m_timeout->stop();
    Done done = std::move(m_jobs.front().done);
    m_jobs.pop();
    // Let go of the file before the next one (and before anyone hears back).
    QTimer::singleShot(0, this, [this] {
        if (!m_busy) {
            m_player->setSource(QUrl());
            startNext();
        }
    });
    done(duration);
}

} // namespace lockstep::ui
