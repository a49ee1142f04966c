#pragma once

#include "NetworkThread.h"
#include "client/ClientTransport.h"

namespace lockstep::protocol {
class Clock;
}

namespace lockstep::room {

// The app's connection to its room: a WebSocket (client::WebSocketTransport)
// that lives on a network thread of its own, behind the same interface. The
// player blocks the GUI thread for up to seconds on a seek (Qt 6.4's
// GStreamer backend); meanwhile this thread goes on:
// - it reads and writes the socket and answers the server's WebSocket pings
//   and TLS, so the server never takes a busy app for a dead one;
// - it stamps every frame with the time it arrived (frameReceivedAt()), so a
//   pong read late by the GUI thread still gives the true round trip to the
//   clock estimate;
// - it keeps the link alive: when the GUI thread has sent nothing for
//   kKeepaliveSeconds it sends a protocol ping itself (told by
//   keepalivePingSent(), so that its pong counts as a clock sample too).
// Frames and events reach the GUI thread queued, in order.
class NetworkTransport final : public client::ClientTransport
{
    Q_OBJECT

public:
    // Longer than the client's own steady ping interval (2 s), so that the
    // thread speaks only while the GUI thread cannot.
    static constexpr double kKeepaliveSeconds = 2.5;

    explicit NetworkTransport(const protocol::Clock &clock, QObject *parent = nullptr);
    ~NetworkTransport() override;

    void open(const QUrl &url) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void sendText(const QByteArray &frame) override;
    bool isVerified() const override { return m_open && m_verified; }
    double frameReceivedAt() const override { return m_frameReceivedAt; }

private:
    class Socket;

    NetworkThread m_thread;
    Socket *m_socket; // lives on m_thread
    // As last told by the network thread (in order with the frames).
    bool m_open = false;
    bool m_verified = false;
    double m_frameReceivedAt = -1.0;
    // Which open() the network thread's news belong to: events of a socket
    // replaced since are dropped.
    quint64 m_attempt = 0;
};

} // namespace lockstep::room
