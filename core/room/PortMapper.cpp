#include "PortMapper.h"

#include "HostAddresses.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

#ifdef LOCKSTEP_HAVE_UPNP
#include <miniupnpc/miniupnpc.h>
#include <miniupnpc/upnpcommands.h>
#include <miniupnpc/upnperrors.h>
#endif

#ifdef LOCKSTEP_HAVE_NATPMP
#include <arpa/inet.h>
#include <natpmp.h>
#include <sys/select.h>
#endif

namespace lockstep::room {

namespace {

// miniupnpc waits (at least a second) for answers to each kind of device it
// asks for in turn; asking only for the two kinds of router keeps discovery to
// about two seconds when none answers.
constexpr int kDiscoveryWaitMs = 1000;
// NAT-PMP retries at 250 ms, 500 ms, 1 s...: a router that has not answered
// within three seconds does not speak it.
constexpr int kNatPmpWaitMs = 3000;

using Outcome = PortMapper::Outcome;
using Protocol = PortMapper::Protocol;

#ifdef LOCKSTEP_HAVE_UPNP

QString upnpError(int code)
{
    const char *text = strupnperror(code);
    return text ? QStringLiteral("%1 %2").arg(code).arg(QString::fromUtf8(text))
                : QString::number(code);
}

int addUpnpMapping(const Outcome &where, quint16 port, int lease)
{
    const QByteArray portText = QByteArray::number(port);
    const QByteArray leaseText = QByteArray::number(lease);
    return UPNP_AddPortMapping(where.controlUrl.toUtf8().constData(),
                               where.serviceType.toUtf8().constData(), portText.constData(),
                               portText.constData(), where.lanAddress.toUtf8().constData(),
                               "Lockstep", "TCP", nullptr, leaseText.constData());
}

Outcome mapWithUpnp(quint16 port, int lease)
{
    Outcome outcome;
    int error = 0;
    static const char *const routers[] = {
        "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
        "urn:schemas-upnp-org:device:InternetGatewayDevice:2",
        nullptr,
    };
    UPNPDev *devices = upnpDiscoverDevices(routers, kDiscoveryWaitMs, nullptr, nullptr,
                                           UPNP_LOCAL_PORT_ANY, 0, 2, &error, 0);
    if (!devices) {
        outcome.error = PortMapper::tr("No UPnP router was found on your network.");
        return outcome;
    }
    UPNPUrls urls {};
    IGDdatas data {};
    char lanAddress[64] = {};
#if MINIUPNPC_API_VERSION >= 18
    char wanAddress[64] = {};
    const int found = UPNP_GetValidIGD(devices, &urls, &data, lanAddress, sizeof lanAddress,
                                       wanAddress, sizeof wanAddress);
    const bool notRouter = found == 4;
#else
    const int found = UPNP_GetValidIGD(devices, &urls, &data, lanAddress, sizeof lanAddress);
    const bool notRouter = found == 3;
#endif
    freeUPNPDevlist(devices);
    if (found == 0 || notRouter) {
        if (found != 0)
            FreeUPNPUrls(&urls);
        outcome.error = found == 0
            ? PortMapper::tr("No UPnP router was found on your network.")
            : PortMapper::tr("A UPnP device answered, but it is not a router "
                             "that can open ports.");
        return outcome;
    }
    outcome.controlUrl = QString::fromUtf8(urls.controlURL);
    outcome.serviceType = QString::fromUtf8(data.first.servicetype);
    outcome.lanAddress = QString::fromUtf8(lanAddress);
    FreeUPNPUrls(&urls);

    char external[64] = {};
    if (UPNP_GetExternalIPAddress(outcome.controlUrl.toUtf8().constData(),
                                  outcome.serviceType.toUtf8().constData(), external)
        == UPNPCOMMAND_SUCCESS)
        outcome.external = QHostAddress(QString::fromUtf8(external));

    int result = addUpnpMapping(outcome, port, lease);
    outcome.lifetime = lease;
    if (result == 725) { // OnlyPermanentLeasesSupported
        outcome.permanent = true;
        outcome.lifetime = 0;
        result = addUpnpMapping(outcome, port, 0);
    }
    if (result != UPNPCOMMAND_SUCCESS) {
        outcome.error = PortMapper::tr("The router refused to open port %1 (%2).")
                            .arg(port)
                            .arg(upnpError(result));
        return outcome;
    }
    outcome.protocol = Protocol::Upnp;
    outcome.ok = true;
    return outcome;
}

bool unmapUpnp(const Outcome &mapping, quint16 port)
{
    const QByteArray portText = QByteArray::number(port);
    return UPNP_DeletePortMapping(mapping.controlUrl.toUtf8().constData(),
                                  mapping.serviceType.toUtf8().constData(), portText.constData(),
                                  "TCP", nullptr)
        == UPNPCOMMAND_SUCCESS;
}

#endif // LOCKSTEP_HAVE_UPNP

#ifdef LOCKSTEP_HAVE_NATPMP

// One NAT-PMP exchange with the default gateway: `send` puts the request
// on the wire, the answer (or why there is none) comes back.
template<typename Send>
int natPmpExchange(Send send, natpmpresp_t *response)
{
    natpmp_t natpmp;
    if (initnatpmp(&natpmp, 0, 0) < 0)
        return NATPMP_ERR_CANNOTGETGATEWAY;
    int result = send(&natpmp);
    QElapsedTimer waited;
    waited.start();
    if (result >= 0) {
        do {
            timeval timeout {};
            if (getnatpmprequesttimeout(&natpmp, &timeout) < 0)
                break;
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(natpmp.s, &readable);
            select(natpmp.s + 1, &readable, nullptr, nullptr, &timeout);
            result = readnatpmpresponseorretry(&natpmp, response);
        } while (result == NATPMP_TRYAGAIN && waited.elapsed() < kNatPmpWaitMs);
    }
    closenatpmp(&natpmp);
    return result;
}

Outcome mapWithNatPmp(quint16 port, int lease)
{
    Outcome outcome;
    natpmpresp_t response {};
    int result = natPmpExchange([](natpmp_t *n) { return sendpublicaddressrequest(n); }, &response);
    if (result < 0) {
        outcome.error = PortMapper::tr("No router on your network answered NAT-PMP.");
        return outcome;
    }
    char address[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &response.pnu.publicaddress.addr, address, sizeof address);
    outcome.external = QHostAddress(QString::fromLatin1(address));

    result = natPmpExchange(
        [port, lease](natpmp_t *n) {
            return sendnewportmappingrequest(n, NATPMP_PROTOCOL_TCP, port, port, uint32_t(lease));
        },
        &response);
    if (result < 0) {
        outcome.error = PortMapper::tr("The router refused to open port %1 (NAT-PMP error %2).")
                            .arg(port)
                            .arg(result);
        return outcome;
    }
    if (response.pnu.newportmapping.mappedpublicport != port) {
        // Guests would be sent to the wrong port: give it back.
        natPmpExchange(
            [port](natpmp_t *n) {
                return sendnewportmappingrequest(n, NATPMP_PROTOCOL_TCP, port, 0, 0);
            },
            &response);
        outcome.error = PortMapper::tr("The router would open port %1 only under another "
                                       "number (%2).")
                            .arg(port)
                            .arg(response.pnu.newportmapping.mappedpublicport);
        return outcome;
    }
    outcome.lifetime = int(response.pnu.newportmapping.lifetime);
    outcome.protocol = Protocol::NatPmp;
    outcome.ok = true;
    return outcome;
}

bool unmapNatPmp(quint16 port)
{
    natpmpresp_t response {};
    return natPmpExchange(
               [port](natpmp_t *n) {
                   return sendnewportmappingrequest(n, NATPMP_PROTOCOL_TCP, port, 0, 0);
               },
               &response)
        >= 0;
}

#endif // LOCKSTEP_HAVE_NATPMP

#if defined(LOCKSTEP_HAVE_UPNP) || defined(LOCKSTEP_HAVE_NATPMP)
Outcome mapPort(quint16 port, int lease)
{
    QStringList errors;
#ifdef LOCKSTEP_HAVE_UPNP
    const Outcome upnp = mapWithUpnp(port, lease);
    if (upnp.ok)
        return upnp;
    errors << upnp.error;
#endif
#ifdef LOCKSTEP_HAVE_NATPMP
    const Outcome natpmp = mapWithNatPmp(port, lease);
    if (natpmp.ok)
        return natpmp;
    errors << natpmp.error;
#endif
    Outcome failed;
    failed.error = errors.join(QLatin1Char(' '));
    return failed;
}
#endif

bool renewMapping(const Outcome &mapping, quint16 port, int lease)
{
    // Unused where the build has neither library.
    Q_UNUSED(port)
    Q_UNUSED(lease)
    switch (mapping.protocol) {
    case Protocol::Upnp:
#ifdef LOCKSTEP_HAVE_UPNP
        return addUpnpMapping(mapping, port, lease) == UPNPCOMMAND_SUCCESS;
#else
        break;
#endif
    case Protocol::NatPmp:
#ifdef LOCKSTEP_HAVE_NATPMP
        return mapWithNatPmp(port, lease).ok;
#else
        break;
#endif
    case Protocol::None:
        break;
    }
    return false;
}

bool unmapPort(const Outcome &mapping, quint16 port)
{
    Q_UNUSED(port)
    switch (mapping.protocol) {
    case Protocol::Upnp:
#ifdef LOCKSTEP_HAVE_UPNP
        return unmapUpnp(mapping, port);
#else
        break;
#endif
    case Protocol::NatPmp:
#ifdef LOCKSTEP_HAVE_NATPMP
        return unmapNatPmp(port);
#else
        break;
#endif
    case Protocol::None:
        break;
    }
    return false;
}

} // namespace

PortMapper::PortMapper(QObject *parent)
    : QObject(parent), m_watcher(new QFutureWatcher<Outcome>(this)),
      m_renewWatcher(new QFutureWatcher<bool>(this)), m_renewTimer(new QTimer(this))
{
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &PortMapper::finishOpen);
    connect(m_renewWatcher, &QFutureWatcher<bool>::finished, this, &PortMapper::finishRenew);
    connect(m_renewTimer, &QTimer::timeout, this, &PortMapper::renew);
}

PortMapper::~PortMapper()
{
    // The router should not keep a port open for a server that is gone; the
    // requests are short and bounded by their own timeouts.
    blockSignals(true);
    if (m_state == State::Working) {
        m_watcher->waitForFinished();
        const Outcome outcome = m_watcher->result();
        m_mapping = outcome.ok ? outcome : Outcome {};
        m_state = outcome.ok ? State::Open : State::Idle;
    }
    m_renewWatcher->waitForFinished();
    close();
    m_removal.waitForFinished();
}

bool PortMapper::isAvailable()
{
#if defined(LOCKSTEP_HAVE_UPNP) || defined(LOCKSTEP_HAVE_NATPMP)
    return true;
#else
    return false;
#endif
}

QString PortMapper::protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Upnp:
        return QStringLiteral("UPnP");
    case Protocol::NatPmp:
        return QStringLiteral("NAT-PMP");
    case Protocol::None:
        break;
    }
    return {};
}

void PortMapper::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

void PortMapper::open(quint16 port)
{
    if (m_state == State::Working) {
        // An earlier request is still with the router (hosting stopped and
        // started again within its discovery): this one follows it.
        m_wanted = true;
        m_queuedPort = port;
        return;
    }
    if (m_state == State::Open && m_port == port)
        return;
    if (m_state == State::Open)
        close();
    m_port = port;
    m_wanted = true;
    m_error.clear();
#if defined(LOCKSTEP_HAVE_UPNP) || defined(LOCKSTEP_HAVE_NATPMP)
    m_watcher->setFuture(QtConcurrent::run(mapPort, port, m_leaseSeconds));
    setState(State::Working);
#else
    m_error = tr("This copy of Lockstep was built without UPnP and NAT-PMP support.");
    setState(State::Failed);
#endif
}

void PortMapper::finishOpen()
{
    const Outcome outcome = m_watcher->result();
    const quint16 queued = std::exchange(m_queuedPort, 0);
    if (!m_wanted || (queued != 0 && queued != m_port)) {
        // Hosting stopped while the router was being asked (and perhaps
        // started again on another port): undo this one at once, then ask
        // for the port wanted now.
        const bool again = m_wanted;
        m_mapping = outcome.ok ? outcome : Outcome {};
        m_state = outcome.ok ? State::Open : State::Idle;
        close();
        if (again)
            open(queued);
        return;
    }
    if (!outcome.ok) {
        m_error = outcome.error;
        setState(State::Failed);
        return;
    }
    m_mapping = outcome;
    if (outcome.lifetime > 0) {
        // Renewed at half-time, so that a late renewal never lets it lapse.
        m_renewTimer->setInterval(std::max(1, outcome.lifetime / 2) * 1000);
        m_renewTimer->start();
    }
    setState(State::Open);
}

void PortMapper::renew()
{
    if (m_state != State::Open || m_renewWatcher->isRunning())
        return;
    const Outcome mapping = m_mapping;
    const quint16 port = m_port;
    const int lease = m_leaseSeconds;
    m_renewWatcher->setFuture(
        QtConcurrent::run([mapping, port, lease] { return renewMapping(mapping, port, lease); }));
}

void PortMapper::finishRenew()
{
    // A failed renewal is retried at the next half-lease; nothing to report.
    if (m_state == State::Open && m_renewWatcher->result())
        emit renewed();
}

void PortMapper::close()
{
    m_wanted = false;
    m_queuedPort = 0;
    m_renewTimer->stop();
    if (m_state == State::Working)
        return; // finishOpen() undoes it
    if (m_state != State::Open) {
        if (m_state != State::Idle)
            setState(State::Idle);
        return;
    }
    const Outcome mapping = m_mapping;
    const quint16 port = m_port;
    m_removal.waitForFinished();
    // A renewal still on its way must not open the port again afterwards.
    m_renewWatcher->waitForFinished();
    m_removal = QtConcurrent::run([mapping, port] { return unmapPort(mapping, port); });
    m_mapping = Outcome {};
    setState(State::Idle);
}

bool PortMapper::waitForRemoval()
{
    if (!m_removal.isValid())
        return false;
    m_removal.waitForFinished();
    return m_removal.result();
}

QString PortMapper::statusText() const
{
    switch (m_state) {
    case State::Idle:
        return tr("People outside your network can join only if TCP port %1 is open on your "
                  "router.")
            .arg(m_port);
    case State::Working:
        return tr("Asking your router to open port %1…").arg(m_port);
    case State::Open: {
        const QString address
            = m_mapping.external.isNull() ? tr("unknown") : m_mapping.external.toString();
        if (!m_mapping.external.isNull() && HostAddresses::isPrivate(m_mapping.external))
            return tr("Port %1 is open on your router, but the router's own address (%2) is "
                      "private: your internet provider shares it, so people outside may still "
                      "not reach you.")
                .arg(m_port)
                .arg(address);
        return tr("Port %1 is open on your router (%3). People on the internet can join through "
                  "%2.")
            .arg(m_port)
            .arg(address, protocolName(m_mapping.protocol));
    }
    case State::Failed:
        return tr("%1 To let people outside your network join, forward TCP port %2 to this "
                  "computer in your router's settings, or host the room on a server instead "
                  "(Room > Host…, On a server).")
            .arg(m_error)
            .arg(m_port);
    }
    return {};
}

} // namespace lockstep::room
