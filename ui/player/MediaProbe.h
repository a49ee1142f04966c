#pragma once

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>
#include <queue>

class QMediaPlayer;
class QTimer;

namespace lockstep::ui {

// Reads media lengths in the background with a player of its own that shows
// and plays nothing, one file at a time, for the playlist: each answer is the
// length in seconds (0 for a live stream), or nothing when the media cannot
// be played or does not answer within kTimeoutMs.
class MediaProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 15000;
    using Done = std::function<void(std::optional<double> duration)>;

    explicit MediaProbe(QObject *parent = nullptr);
    ~MediaProbe() override;

    void probe(const QUrl &url, Done done);

private:
    void startNext();
    void finish(std::optional<double> duration);

    struct Job {
        QUrl url;
        Done done;
    };
    QMediaPlayer *m_player;
    QTimer *m_timeout;
    std::queue<Job> m_jobs;
    bool m_busy = false;
};

} // namespace lockstep::ui
