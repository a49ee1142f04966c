#pragma once

#include "ClientTransport.h"

#include <QPointer>

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

private:
    void finish(quint16 code, const QString &reason);

    QPointer<QWebSocket> m_socket;
    bool m_open = false;
    bool m_active = false;
};

} // namespace lockstep::client
