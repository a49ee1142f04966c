#pragma once

#include "RoomHosting.h"
#include "protocol/Messages.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace lockstep::room {

class RoomConnection;
class StreamProxy;
class SubtitleFetcher;

// The host's files for guests without a copy. The host: the local files it
// plays or puts in the playlist and the subtitles that go with them,
// offered through its own server whenever it hosts with sharing on. A guest:
// whether the host offers the room's file, the local address its player
// streams it from (StreamProxy, on a thread of its own), and the host's
// subtitles.
class RoomSharing : public QObject
{
    Q_OBJECT

public:
    RoomSharing(RoomConnection &connection, RoomHosting &hosting, QObject *parent = nullptr);
    ~RoomSharing() override;

    // The host: a file this app plays or puts in the playlist, offered to
    // guests while it hosts with HostOptions::shareFile (now or later).
    void offerLocalFile(const QString &path);
    bool sharesFiles() const { return m_hosting.sharesFiles(); }

    // Subtitles shared with the host's file (docs/protocol.md, "Subtitles
    // the host shares"): whole texts checked by the caller (at most 32,
    // 4 MiB each), kept and offered again when hosting starts.
    struct SubtitleOffer {
        protocol::SharedSubtitle track;
        QByteArray text;
    };
    void offerSubtitles(const QList<SubtitleOffer> &offers);
    // What a new server of this app offers from the start.
    RoomHosting::Offers offers() const;

    // A guest: the host's subtitle list, and fetching one of them
    // (subtitleFetched or subtitleFailed).
    QList<protocol::SharedSubtitle> hostSubtitles() const;
    bool fetchHostSubtitle(const QString &id);
    // Whether the host offers the room's current file to stream, and the
    // local URL the player opens to stream it (empty when not offered).
    bool hostOffersStream() const;
    QUrl hostStreamUrl();
    const StreamProxy &streamProxy() const { return *m_streamProxy; }
    // Whether the player plays the host's stream (told by the playback
    // controller; the sync log reports it).
    bool playsHostStream() const { return m_playsHostStream; }
    void setPlaysHostStream(bool playing);
    // The stream stops; the proxy forgets what it fetched.
    void stopStream();
    // The room is over: the stream and the fetches stop.
    void stop();

signals:
    void hostSubtitlesChanged(const QList<lockstep::protocol::SharedSubtitle> &subtitles);
    void playsHostStreamChanged(bool playing);
    void subtitleFetched(const QString &id, const QByteArray &text,
                         lockstep::protocol::SubtitleFormat format);
    void subtitleFailed(const QString &id, const QString &sentence);

private:
    friend struct RoomTestAccess;

    // The subtitle list goes to the room (subtitles_update).
    void announceSubtitles();

    RoomConnection &m_connection;
    RoomHosting &m_hosting;
    StreamProxy *m_streamProxy;
    SubtitleFetcher *m_subtitleFetcher;
    QStringList m_localFiles;
    QList<SubtitleOffer> m_subtitleOffers;
    bool m_playsHostStream = false;
};

} // namespace lockstep::room
