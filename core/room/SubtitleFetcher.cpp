#include "SubtitleFetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace lockstep::room {

SubtitleFetcher::SubtitleFetcher(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

void SubtitleFetcher::setRoom(const QUrl &base, const QString &room, const QString &token,
                              const QByteArray &pinnedSha256)
{
    if (base == m_base && room == m_room && token == m_token && pinnedSha256 == m_pinned)
        return;
    clear();
    m_base = base;
    m_room = room;
    m_token = token;
    m_pinned = pinnedSha256;
}

void SubtitleFetcher::clear()
{
    ++m_generation;
    m_inFlight.clear();
    m_base.clear();
    m_room.clear();
    m_token.clear();
    m_pinned.clear();
}

bool SubtitleFetcher::fetch(const protocol::SharedSubtitle &track)
{
    if (!m_base.isValid() || m_room.isEmpty() || m_token.isEmpty())
        return false;
    if (m_inFlight.contains(track.id))
        return true;
    QUrl url = m_base;
    url.setPath(QStringLiteral("/subtitles/%1/%2").arg(m_room, track.id));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), m_token);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    if (!m_pinned.isEmpty()) {
        // No authority: only the certificate the invite names.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({});
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_network->get(request);
    m_inFlight.append(track.id);
    const QByteArray pinned = m_pinned;
    if (!pinned.isEmpty()) {
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply, pinned](const QList<QSslError> &errors) {
                    for (const QSslError &error : errors) {
                        if (error.certificate().isNull()
                            || error.certificate().digest(QCryptographicHash::Sha256) != pinned)
                            return; // not the host's: the reply fails
                    }
                    reply->ignoreSslErrors();
                });
    }
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    const quint64 generation = m_generation;
    const QString id = track.id;
    const protocol::SubtitleFormat format = track.format;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, id, format] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_inFlight.removeAll(id);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            QString sentence;
            if (status == 404)
                sentence = tr("The host no longer shares these subtitles.");
            else if (status == 403)
                sentence = tr("The host did not let this app fetch its subtitles.");
            else
                sentence
                    = tr("The host's subtitles could not be fetched: %1").arg(reply->errorString());
            emit failed(id, sentence);
            return;
        }
        const QByteArray text = reply->readAll();
        if (text.size() > kMaxBytes) {
            emit failed(id, tr("The host's subtitles are larger than 4 MiB."));
            return;
        }
        emit fetched(id, text, format);
    });
    return true;
}

} // namespace lockstep::room
