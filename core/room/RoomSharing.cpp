#include "RoomSharing.h"

#include "RoomConnection.h"
#include "StreamProxy.h"
#include "SubtitleFetcher.h"
#include "client/SessionClient.h"
#include "protocol/Limits.h"
#include "sync/SyncController.h"

#include <QUrlQuery>

#include <algorithm>

namespace lockstep::room {

RoomSharing::RoomSharing(RoomConnection &connection, RoomHosting &hosting, QObject *parent)
    : QObject(parent), m_connection(connection), m_hosting(hosting),
      m_streamProxy(new StreamProxy(this)), m_subtitleFetcher(new SubtitleFetcher(this))
{
    connect(m_subtitleFetcher, &SubtitleFetcher::fetched, this, &RoomSharing::subtitleFetched);
    connect(m_subtitleFetcher, &SubtitleFetcher::failed, this, &RoomSharing::subtitleFailed);
    connect(&m_connection.client(), &client::SessionClient::sharedSubtitlesChanged, this,
            [this](const QList<protocol::SharedSubtitle> &subtitles) {
                // Our own list, told back on entering: not the host's for us.
                emit hostSubtitlesChanged(m_hosting.runsServer() ? QList<protocol::SharedSubtitle>()
                                                                 : subtitles);
            });
}

RoomSharing::~RoomSharing() = default;

void RoomSharing::offerLocalFile(const QString &path)
{
    if (!m_localFiles.contains(path))
        m_localFiles.append(path);
    m_hosting.offerFile(path);
}

void RoomSharing::offerSubtitles(const QList<SubtitleOffer> &subtitles)
{
    m_subtitleOffers = subtitles.mid(0, protocol::limits::kMaxSharedSubtitles);
    if (!m_hosting.sharesFiles())
        return;
    // The texts first (the server has them before the list leaves): a guest
    // told of a track can fetch it at once.
    m_hosting.offerSubtitles(offers().subtitles);
    announceSubtitles();
}

RoomHosting::Offers RoomSharing::offers() const
{
    RoomHosting::Offers offers;
    offers.files = m_localFiles;
    for (const SubtitleOffer &offer : std::as_const(m_subtitleOffers))
        offers.subtitles.insert(offer.track.id, offer.text);
    return offers;
}

void RoomSharing::announceSubtitles()
{
    if (!m_hosting.sharesFiles())
        return;
    QList<protocol::SharedSubtitle> list;
    for (const SubtitleOffer &offer : std::as_const(m_subtitleOffers))
        list.append(offer.track);
    m_connection.client().shareSubtitles(list);
}

QList<protocol::SharedSubtitle> RoomSharing::hostSubtitles() const
{
    return m_hosting.runsServer() ? QList<protocol::SharedSubtitle>()
                                  : m_connection.client().sharedSubtitles();
}

bool RoomSharing::fetchHostSubtitle(const QString &id)
{
    const QList<protocol::SharedSubtitle> list = hostSubtitles();
    const auto track = std::find_if(list.cbegin(), list.cend(),
                                    [&](const protocol::SharedSubtitle &s) { return s.id == id; });
    const InviteLink &link = m_connection.joinLink();
    if (track == list.cend() || m_connection.mediaToken().isEmpty()
        || link.server().scheme() != QLatin1String("wss"))
        return false;
    QUrl base = link.server();
    base.setScheme(QStringLiteral("https"));
    base.setPath({});
    m_subtitleFetcher->setRoom(base, link.room(), m_connection.mediaToken(),
                               link.certificateDigest());
    return m_subtitleFetcher->fetch(*track);
}

bool RoomSharing::hostOffersStream() const
{
    const RoomMedia media = m_connection.roomMedia();
    return !m_hosting.runsServer() && m_connection.inRoom() && media.info() && media.info()->stream
        && !m_connection.mediaToken().isEmpty()
        && m_connection.joinLink().server().scheme() == QLatin1String("wss");
}

QUrl RoomSharing::hostStreamUrl()
{
    if (!hostOffersStream())
        return {};
    const InviteLink &link = m_connection.joinLink();
    QUrl upstream = link.server();
    upstream.setScheme(QStringLiteral("https"));
    upstream.setPath(QStringLiteral("/media/") + link.room());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), m_connection.mediaToken());
    upstream.setQuery(query);
    return m_streamProxy->start(upstream, link.certificateDigest(),
                                m_connection.roomMedia().info()->name);
}

void RoomSharing::setPlaysHostStream(bool playing)
{
    m_playsHostStream = playing;
    // Its seeks wait for fetches from now on (or no more).
    m_connection.engine().setMediaStreams(playing);
    emit playsHostStreamChanged(playing);
}

void RoomSharing::stopStream()
{
    m_streamProxy->stop();
}

void RoomSharing::stop()
{
    m_streamProxy->stop();
    m_subtitleFetcher->clear();
}

} // namespace lockstep::room
