#pragma once

#include "ClientTransport.h"

#include <QPointer>
#include <QSslError>

class QWebSocket;

namespace lockstep::client {

class WebSocketTransport final : public ClientTransport
{
    Q_OBJECT

public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl &url) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void sendText(const QByteArray &frame) override;
    bool isVerified() const override { return m_open && m_verified; }

private:
    void finish(quint16 code, const QString &reason);
    void checkPinnedCertificate(QWebSocket *socket, const QList<QSslError> &errors);
    void refuseCertificate(QWebSocket *socket);

    QPointer<QWebSocket> m_socket;
    bool m_open = false;
    bool m_active = false;
    bool m_verified = false; // the pinned certificate was shown on this attempt
};

} // namespace lockstep::client
