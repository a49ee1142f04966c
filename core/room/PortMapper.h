#pragma once

#include <QFuture>
#include <QHostAddress>
#include <QObject>

class QTimer;
template<typename T>
class QFutureWatcher;

namespace lockstep::room {

// Opens the hosted server's port on the home router, so that people outside
// the local network can join, keeps the lease renewed, and closes it again.
// It asks through UPnP IGD (miniupnpc) first and, where no UPnP router
// answers, through NAT-PMP (libnatpmp; routers that speak PCP answer it
// too). Discovery and every request to the router run off the GUI thread.
// Without either library at build time isAvailable() is false and open()
// explains what to do by hand.
class PortMapper : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Working, Open, Failed };
    Q_ENUM(State)
    enum class Protocol { None, Upnp, NatPmp };
    Q_ENUM(Protocol)

    // What the app asks for; routers may grant less (NAT-PMP says how much).
    static constexpr int kDefaultLeaseSeconds = 7200;

    // What a worker found out; public only so that it can cross threads.
    struct Outcome {
        bool ok = false;
        QString error;
        QString controlUrl;
        QString serviceType;
        QString lanAddress;
        QHostAddress external;
        bool permanent = false; // the router only takes leases without expiry
        Protocol protocol = Protocol::None;
        int lifetime = 0; // seconds the router granted (0: permanent)
    };

    explicit PortMapper(QObject *parent = nullptr);
    ~PortMapper() override;

    static bool isAvailable();

    void open(quint16 port);
    // The lease to ask for, in seconds (tests use a few seconds to see it
    // renewed); renewed at half of what the router grants.
    void setLeaseSeconds(int seconds) { m_leaseSeconds = seconds; }
    // Removes the mapping, if any (in the background).
    void close();

    State state() const { return m_state; }
    quint16 port() const { return m_port; }
    QHostAddress externalAddress() const { return m_mapping.external; }
    Protocol protocol() const { return m_mapping.protocol; }
    // "UPnP" or "NAT-PMP".
    static QString protocolName(Protocol protocol);
    // Whether the last removal reached the router (for tests and logs).
    bool waitForRemoval();
    // What is going on, as a sentence for the host dialog.
    QString statusText() const;

signals:
    void stateChanged(lockstep::room::PortMapper::State state);
    // The router took the renewal of the lease.
    void renewed();

private:
    void finishOpen();
    void renew();
    void finishRenew();
    void setState(State state);

    State m_state = State::Idle;
    quint16 m_port = 0;
    bool m_wanted = false;
    quint16 m_queuedPort = 0; // asked for while an earlier request was with the router
    Outcome m_mapping;
    QString m_error;
    QFutureWatcher<Outcome> *m_watcher;
    QFutureWatcher<bool> *m_renewWatcher;
    QFuture<bool> m_removal;
    int m_leaseSeconds = kDefaultLeaseSeconds;
    QTimer *m_renewTimer;
};

} // namespace lockstep::room
