#pragma once

#include "protocol/Codec.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>
#include <string_view>

class QSslCertificate;
class QWebSocket;

namespace lockstep::test {

// A protocol client for the integration tests: a QWebSocket that decodes
// every frame it receives through the real codec and keeps them, so that a
// test can wait for a type, take the frames it expects in order, and assert
// afterwards that some frame never came.
class TestClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 5000;

    // `origin` goes into the handshake's Origin header (none when empty).
    explicit TestClient(const QString &origin = {}, QObject *parent = nullptr);
    ~TestClient() override;

    // wss://: accept this (self-signed) certificate, whatever its name.
    void trust(const QSslCertificate &certificate);
    bool open(const QUrl &url, int timeoutMs = kTimeoutMs);
    void close();
    bool isConnected() const;
    bool waitForDisconnected(int timeoutMs = kTimeoutMs);
    // The close code the peer sent (or 1006 when the link dropped); nullopt while open.
    std::optional<quint16> closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

    void sendJson(const QByteArray &json);
    void sendBinary(const QByteArray &bytes);
    void send(const protocol::Envelope &envelope);
    void send(protocol::Message message, const QString &room = {}, const QString &client = {});

    // True once an untaken frame of `type` has arrived (within timeoutMs).
    bool waitFor(std::string_view type, int timeoutMs = kTimeoutMs);
    // Takes the oldest untaken frame of `type`, waiting for it if needed. When
    // none comes, the test is failed and an `error` envelope with code
    // "test_missing_frame" is returned.
    protocol::Envelope next(std::string_view type, int timeoutMs = kTimeoutMs);
    // The code of the next `error` frame ("" when none came).
    QString nextErrorCode(int timeoutMs = kTimeoutMs);
    // Round trip through the server: every frame the server sent to this
    // client before it read this ping has arrived when this returns true.
    bool sync(int timeoutMs = kTimeoutMs);

    bool createRoom(const QString &room, const QString &client,
                    const protocol::Json &options = protocol::Json::object(),
                    const QString &authToken = {});
    bool joinRoom(const QString &room, const QString &client, const QString &name,
                  const QString &authToken = {}, const QString &inviteToken = {});

    // The room_state taken by the last successful createRoom() or joinRoom().
    const protocol::Envelope &lastRoomState() const { return m_lastRoomState; }

    // Everything received, taken or not, in arrival order.
    const QList<protocol::Envelope> &received() const { return m_received; }
    int count(std::string_view type) const;
    int pendingCount(std::string_view type) const;
    // Frames received other than pongs (which sync() itself causes).
    int countExceptPongs() const;
    // Frames that did not decode (the server must never send one).
    const QList<QByteArray> &undecodable() const { return m_undecodable; }
    void clearReceived();
    // "type(code) type ..." of everything received, for failure messages.
    QString describeReceived() const;

signals:
    void frameReceived(const lockstep::protocol::Envelope &envelope);
    // Anything that may end a wait: a frame, the connection or its end.
    void activity();

private:
    void onText(const QString &text);
    // Runs the event loop until `done` holds or the time is up; wakes on
    // activity() instead of polling, so waits cost no more than the traffic.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);

    QWebSocket *m_socket = nullptr;
    QList<protocol::Envelope> m_received;
    QList<protocol::Envelope> m_pending;
    QList<QByteArray> m_undecodable;
    protocol::Envelope m_lastRoomState;
    std::optional<quint16> m_closeCode;
    QString m_closeReason;
    double m_nextSyncTs = 1.0;
};

// The wall clock in epoch seconds, as the server stamps server_ts.
double nowSeconds();

// A ping padded with spaces to exactly `size` bytes.
QByteArray paddedPing(qsizetype size);

} // namespace lockstep::test
