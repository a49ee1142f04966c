#include "WebSocketTransport.h"

#include "protocol/CloseCode.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QWebSocket>

namespace lockstep::client {

WebSocketTransport::WebSocketTransport(QObject *parent) : ClientTransport(parent)
{
}

WebSocketTransport::~WebSocketTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketTransport::open(const QUrl &url)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_open = false;
    m_active = true;
    m_verified = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    const bool pinned = !pinnedCertificate().isEmpty();
    if (pinned) {
        // Trust no authority: every certificate then comes to sslErrors,
        // where only the pinned one is let through.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(tls);
        connect(socket, &QWebSocket::sslErrors, this,
                [this, socket](const QList<QSslError> &errors) {
                    checkPinnedCertificate(socket, errors);
                });
    }
    connect(socket, &QWebSocket::connected, this, [this, socket, pinned] {
        // Pinned, yet never shown the certificate: a ws:// server, or one
        // whose certificate some authority vouched for. Neither is the host.
        if (pinned && !m_verified) {
            refuseCertificate(socket);
            return;
        }
        m_open = true;
        emit opened();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        // Never opened: the socket error says why (refused, unreachable, TLS).
        if (!m_open)
            finish(1006, socket->errorString());
        else
            finish(quint16(socket->closeCode()), socket->closeReason());
    });
    const auto onError = [this, socket](QAbstractSocket::SocketError) {
        if (!m_open)
            finish(1006, socket->errorString());
    };
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(socket, &QWebSocket::errorOccurred, this, onError);
#else
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, onError);
#endif
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { emit textReceived(text.toUtf8()); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { emit textReceived(bytes); });
    socket->open(url);
}

void WebSocketTransport::close()
{
    if (m_socket && m_active) {
        m_active = false;
        m_open = false;
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("Leaving"));
        m_socket->deleteLater();
    }
}

void WebSocketTransport::sendText(const QByteArray &frame)
{
    if (m_socket && m_open)
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void WebSocketTransport::checkPinnedCertificate(QWebSocket *socket, const QList<QSslError> &errors)
{
    // Every complaint must be about the pinned certificate itself (it is
    // self-signed and names no host): a chain that merely contains it, behind
    // a leaf of someone else's, is refused.
    bool allPinned = !errors.isEmpty();
    for (const QSslError &error : errors) {
        if (error.certificate().isNull()
            || error.certificate().digest(QCryptographicHash::Sha256) != pinnedCertificate())
            allPinned = false;
    }
    if (!allPinned) {
        refuseCertificate(socket);
        return;
    }
    m_verified = true;
    socket->ignoreSslErrors();
}

void WebSocketTransport::refuseCertificate(QWebSocket *socket)
{
    socket->disconnect(this);
    socket->abort();
    finish(protocol::closeCodeValue(protocol::CloseCode::CertificateMismatch),
           QStringLiteral("The server's certificate is not the one the invite names"));
}

void WebSocketTransport::finish(quint16 code, const QString &reason)
{
    if (!m_active)
        return;
    m_active = false;
    m_open = false;
    emit closed(code, reason);
}

} // namespace lockstep::client
