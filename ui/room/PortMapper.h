#pragma once

#include <QFuture>
#include <QHostAddress>
#include <QObject>

class QTimer;
template<typename T>
class QFutureWatcher;

namespace lockstep::ui {

// Opens the hosted server's port on the home router through UPnP, so that
// people outside the local network can join, and closes it again. Discovery
// and every request to the router run off the GUI thread. Without miniupnpc
// at build time isAvailable() is false and open() explains what to do by hand.
class PortMapper : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Working, Open, Failed };
    Q_ENUM(State)

    // What a worker found out; public only so that it can cross threads.
    struct Outcome {
        bool ok = false;
        QString error;
        QString controlUrl;
        QString serviceType;
        QString lanAddress;
        QHostAddress external;
        bool permanent = false; // the router only takes leases without expiry
    };

    explicit PortMapper(QObject *parent = nullptr);
    ~PortMapper() override;

    static bool isAvailable();

    void open(quint16 port);
    // Removes the mapping, if any (in the background).
    void close();

    State state() const { return m_state; }
    quint16 port() const { return m_port; }
    QHostAddress externalAddress() const { return m_mapping.external; }
    // What is going on, as a sentence for the host dialog.
    QString statusText() const;

signals:
    void stateChanged(lockstep::ui::PortMapper::State state);

private:
    void finishOpen();
    void renew();
    void setState(State state);

    State m_state = State::Idle;
    quint16 m_port = 0;
    bool m_wanted = false;
    Outcome m_mapping;
    QString m_error;
    QFutureWatcher<Outcome> *m_watcher;
    QFuture<void> m_removal;
    QTimer *m_renewTimer;
};

} // namespace lockstep::ui
