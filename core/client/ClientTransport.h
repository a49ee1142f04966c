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

    // For the next open()s: accept a wss:// server only when its certificate's
    // SHA-256 digest (of the DER encoding) is `sha256`, whoever issued it and
    // whatever name it bears, and no other certificate; empty: the usual
    // certificate checks. A refused certificate ends the attempt with
    // closed(CloseCode::CertificateMismatch) before anything is sent.
    void setPinnedCertificate(const QByteArray &sha256) { m_pinnedCertificate = sha256; }
    QByteArray pinnedCertificate() const { return m_pinnedCertificate; }
    // Whether the open connection is encrypted and its certificate was the
    // pinned one.
    virtual bool isVerified() const { return false; }
    // While textReceived() is being emitted: when that frame arrived, on the
    // client's clock, where the transport reads the socket on another thread
    // than the client's (the frame may have waited for this one); negative:
    // it arrived just now.
    virtual double frameReceivedAt() const { return -1.0; }

signals:
    void opened();
    // Also emitted when opening fails; code 1006 for an abnormal end.
    void closed(quint16 code, const QString &reason);
    void textReceived(const QByteArray &frame);
    // The transport sent a protocol ping of its own (a keepalive while the
    // client's thread was busy) at `sentAt`: its pong is a clock sample too.
    void keepalivePingSent(double clientTs, double sentAt);

private:
    QByteArray m_pinnedCertificate;
};

} // namespace lockstep::client
