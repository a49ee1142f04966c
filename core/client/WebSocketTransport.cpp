#include "WebSocketTransport.h"

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
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::connected, this, [this] {
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

void WebSocketTransport::finish(quint16 code, const QString &reason)
{
    if (!m_active)
        return;
    m_active = false;
    m_open = false;
    emit closed(code, reason);
}

} // namespace lockstep::client
