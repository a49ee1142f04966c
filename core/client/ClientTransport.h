#pragma once

#include <QObject>
#include <QUrl>

namespace lockstep::client {

// How a SessionClient reaches a server: a real WebSocket, or the simulated
// network of the tests and benchmarks.
class ClientTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void open(const QUrl &url) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual void sendText(const QByteArray &frame) = 0;

signals:
    void opened();
    // Also emitted when opening fails; code 1006 for an abnormal end.
    void closed(quint16 code, const QString &reason);
    void textReceived(const QByteArray &frame);
};

} // namespace lockstep::client
