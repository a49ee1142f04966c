#include "SubtitleSharingBinding.h"

#include "TracksBinding.h"
#include "protocol/Limits.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

struct Prepared {
    QList<RoomSession::SubtitleOffer> offers;
    QStringList problems;
};

} // namespace

SubtitleSharingBinding::SubtitleSharingBinding(RoomSession &session, TracksBinding &tracks,
                                               QObject *parent)
    : QObject(parent), m_session(session), m_tracks(tracks), m_debounce(new QTimer(this))
{
    // A film opening finds its subtitles in a few steps: offer once they settle.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &SubtitleSharingBinding::offer);
    connect(&tracks, &TracksBinding::subtitlesChanged, this,
            &SubtitleSharingBinding::scheduleOffer);
    connect(&session, &RoomSession::hostingChanged, this, &SubtitleSharingBinding::scheduleOffer);
    connect(&session, &RoomSession::joined, this, [this] {
        m_offered.clear(); // a room of its own may not have it yet
        scheduleOffer();
        showHostList();
    });

    connect(&session, &RoomSession::hostSubtitlesChanged, this,
            &SubtitleSharingBinding::showHostList);
    connect(&session, &RoomSession::playsHostStreamChanged, this,
            &SubtitleSharingBinding::showHostList);
    connect(&session, &RoomSession::ended, this,
            [this] { m_tracks.setHostSubtitles({}, {}, false); });
    connect(&tracks, &TracksBinding::sharedSubtitleWanted, this, [this](const QString &id) {
        if (!m_session.fetchHostSubtitle(id))
            m_tracks.sharedSubtitleFailed(id,
                                          tr("The host's subtitles cannot be fetched: it "
                                             "no longer shares them with this room."));
    });
    connect(&session, &RoomSession::hostSubtitleFetched, &tracks,
            &TracksBinding::setSharedSubtitleText);
    connect(&session, &RoomSession::hostSubtitleFailed, &tracks,
            &TracksBinding::sharedSubtitleFailed);
}

void SubtitleSharingBinding::showHostList()
{
    const QString host = m_session.connection().participantName(m_session.connection().hostId());
    // A guest who streams the host's film has no subtitles of its own.
    m_tracks.setHostSubtitles(host.isEmpty() ? tr("the host") : host,
                              m_session.sharing().hostSubtitles(),
                              m_session.sharing().playsHostStream());
}

void SubtitleSharingBinding::scheduleOffer()
{
    if (m_session.sharing().sharesFiles())
        m_debounce->start();
}

void SubtitleSharingBinding::offer()
{
    if (!m_session.sharing().sharesFiles() || m_tracks.isBusy()) {
        if (m_session.sharing().sharesFiles())
            m_debounce->start(); // still reading: once it is done
        return;
    }
    const QList<SubtitleSource> sources
        = m_tracks.shareableSources().mid(0, protocol::limits::kMaxSharedSubtitles);
    if (sources == m_offered)
        return;
    m_offered = sources;
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Prepared>(this);
    connect(watcher, &QFutureWatcher<Prepared>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || !m_session.sharing().sharesFiles())
            return;
        const Prepared prepared = watcher->result();
        for (const QString &problem : prepared.problems) {
            if (!m_told.contains(problem)) {
                m_told.append(problem);
                emit notice(problem, true);
            }
        }
        m_session.offerSubtitles(prepared.offers);
    });
    watcher->setFuture(QtConcurrent::run([sources] {
        Prepared prepared;
        for (const SubtitleSource &source : sources) {
            auto result = prepareSubtitleShare(source);
            if (auto *offer = std::get_if<RoomSession::SubtitleOffer>(&result))
                prepared.offers.append(std::move(*offer));
            else
                prepared.problems.append(std::get<QString>(result));
        }
        return prepared;
    }));
}

} // namespace lockstep::ui
