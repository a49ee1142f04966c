#include "ReachabilityCheck.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace lockstep::room {

ReachabilityCheck::ReachabilityCheck(QObject *parent) : QObject(parent), m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] { finish(Outcome::NotConfirmed); });
}

ReachabilityCheck::~ReachabilityCheck()
{
    cancel();
}

void ReachabilityCheck::cancel()
{
    m_timeout->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_outcome = Outcome::Unknown;
}

void ReachabilityCheck::start(const QHostAddress &address, quint16 port,
                              const QByteArray &certificateDigest)
{
    cancel();
    m_address = address;
    m_port = port;
    m_digest = certificateDigest;
    m_outcome = Outcome::Checking;

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    // As a guest with the invite's fingerprint: no authority, only our own
    // certificate (see WebSocketTransport).
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({});
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(tls);
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        for (const QSslError &error : errors) {
            if (error.certificate().digest(QCryptographicHash::Sha256) != m_digest) {
                finish(Outcome::SomeoneElse);
                return;
            }
        }
        socket->ignoreSslErrors();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        finish(socket->peerCertificate().digest(QCryptographicHash::Sha256) == m_digest
                   ? Outcome::Reachable
                   : Outcome::SomeoneElse);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_outcome == Outcome::Checking)
            finish(Outcome::NotConfirmed);
    });
    m_timeout->start();
    socket->connectToHostEncrypted(address.toString(), port);
}

void ReachabilityCheck::finish(Outcome outcome)
{
    if (m_outcome != Outcome::Checking)
        return;
    m_timeout->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_outcome = outcome;
    emit finished(outcome);
}

QString ReachabilityCheck::text() const
{
    const QString where = (m_address.protocol() == QAbstractSocket::IPv6Protocol
                               ? QStringLiteral("[%1]").arg(m_address.toString())
                               : m_address.toString())
        + QLatin1Char(':') + QString::number(m_port);
    switch (m_outcome) {
    case Outcome::Unknown:
        return {};
    case Outcome::Checking:
        return tr("Checking whether people outside can reach you at %1…").arg(where);
    case Outcome::Reachable:
        return tr("People outside your network can join: this computer answered at your public "
                  "address %1.")
            .arg(where);
    case Outcome::NotConfirmed:
        return tr("Lockstep could not reach this computer through your public address %1. Many "
                  "routers do not let a computer reach itself that way, so people outside may "
                  "still get in: ask one of them to try the link. If they cannot, host the room "
                  "on a server instead (Room > Host…, On a server).")
            .arg(where);
    case Outcome::SomeoneElse:
        return tr("Another computer answers at your public address %1, not this one: people "
                  "outside would not reach your room. Host on another port, or host the room on "
                  "a server instead (Room > Host…, On a server).")
            .arg(where);
    }
    return {};
}

} // namespace lockstep::room
