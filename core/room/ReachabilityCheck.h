#pragma once

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QSslSocket;
class QTimer;

namespace lockstep::room {

// After the router has opened the port: does this computer's server answer
// at the public address? It connects there over TLS and checks that the
// certificate is this app's own. A router that does not let a computer reach
// itself through its public address (many do not: "NAT loopback") gives no
// answer although outsiders may well get in, so that outcome is worded as
// "not confirmed", never as "closed". The sentences are for the host dialog.
class ReachabilityCheck : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Unknown, // not checked (yet)
        Checking,
        Reachable, // our own server answered at the public address
        NotConfirmed, // no answer from inside: the router may not loop back
        SomeoneElse, // something with another certificate answers there
    };
    Q_ENUM(Outcome)

    static constexpr int kTimeoutMs = 5000;

    explicit ReachabilityCheck(QObject *parent = nullptr);
    ~ReachabilityCheck() override;

    // Checks `address`:`port`; the server there must show the certificate
    // whose SHA-256 digest is `certificateDigest`.
    void start(const QHostAddress &address, quint16 port, const QByteArray &certificateDigest);
    void cancel();

    Outcome outcome() const { return m_outcome; }
    // Whether people outside can join, and what to do if not, as sentences;
    // empty while Unknown.
    QString text() const;

signals:
    void finished(lockstep::room::ReachabilityCheck::Outcome outcome);

private:
    void finish(Outcome outcome);

    Outcome m_outcome = Outcome::Unknown;
    QHostAddress m_address;
    quint16 m_port = 0;
    QByteArray m_digest;
    QPointer<QSslSocket> m_socket;
    QTimer *m_timeout;
};

} // namespace lockstep::room
