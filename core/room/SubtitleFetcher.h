#pragma once

#include "protocol/Messages.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace lockstep::room {

// A guest's fetches of the subtitles the host shares
// (`GET /subtitles/<room>/<id>?token=`), over TLS pinned to the invite's
// certificate, as the room's own connection is. One fetch per track at a
// time; a newer room (another host, another token) drops what is under way.
class SubtitleFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024; // as the protocol bounds a track

    explicit SubtitleFetcher(QObject *parent = nullptr);

    // `base`: https://HOST:PORT of the room's server; `pinnedSha256` empty:
    // the certificate is checked the usual way.
    void setRoom(const QUrl &base, const QString &room, const QString &token,
                 const QByteArray &pinnedSha256);
    void clear();
    bool fetch(const protocol::SharedSubtitle &track);

signals:
    void fetched(const QString &id, const QByteArray &text,
                 lockstep::protocol::SubtitleFormat format);
    void failed(const QString &id, const QString &sentence);

private:
    QNetworkAccessManager *m_network;
    QUrl m_base;
    QString m_room;
    QString m_token;
    QByteArray m_pinned;
    quint64 m_generation = 0;
    QStringList m_inFlight;
};

} // namespace lockstep::room
