#include "PortMapper.h"

#include "HostAddresses.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

#ifdef LOCKSTEP_HAVE_UPNP
#include <miniupnpc/miniupnpc.h>
#include <miniupnpc/upnpcommands.h>
#include <miniupnpc/upnperrors.h>
#endif

namespace lockstep::ui {

namespace {

// Routers drop a mapping with a lease when it runs out, so a crashed app
// does not leave the port open for good; the mapping is renewed at half-time.
constexpr int kLeaseSeconds = 7200;
// miniupnpc waits (at least a second) for answers to each kind of device it
// asks for in turn; asking only for the two kinds of router keeps discovery to
// about two seconds when none answers.
constexpr int kDiscoveryWaitMs = 1000;

#ifdef LOCKSTEP_HAVE_UPNP

QString upnpError(int code)
{
    const char *text = strupnperror(code);
    return text ? QStringLiteral("%1 %2").arg(code).arg(QString::fromUtf8(text))
                : QString::number(code);
}

int addPortMapping(const PortMapper::Outcome &where, quint16 port, bool permanent)
{
    const QByteArray portText = QByteArray::number(port);
    const QByteArray lease = permanent ? QByteArrayLiteral("0") : QByteArray::number(kLeaseSeconds);
    return UPNP_AddPortMapping(where.controlUrl.toUtf8().constData(),
                               where.serviceType.toUtf8().constData(), portText.constData(),
                               portText.constData(), where.lanAddress.toUtf8().constData(),
                               "Lockstep", "TCP", nullptr, lease.constData());
}

PortMapper::Outcome mapPort(quint16 port)
{
    PortMapper::Outcome outcome;
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

    int result = addPortMapping(outcome, port, false);
    if (result == 725) { // OnlyPermanentLeasesSupported
        outcome.permanent = true;
        result = addPortMapping(outcome, port, true);
    }
    if (result != UPNPCOMMAND_SUCCESS) {
        outcome.error = PortMapper::tr("The router refused to open port %1 (%2).")
                            .arg(port)
                            .arg(upnpError(result));
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

void unmapPort(const PortMapper::Outcome &mapping, quint16 port)
{
    const QByteArray portText = QByteArray::number(port);
    UPNP_DeletePortMapping(mapping.controlUrl.toUtf8().constData(),
                           mapping.serviceType.toUtf8().constData(), portText.constData(), "TCP",
                           nullptr);
}

#endif // LOCKSTEP_HAVE_UPNP

} // namespace

PortMapper::PortMapper(QObject *parent)
    : QObject(parent), m_watcher(new QFutureWatcher<Outcome>(this)), m_renewTimer(new QTimer(this))
{
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &PortMapper::finishOpen);
    m_renewTimer->setInterval(kLeaseSeconds * 1000 / 2);
    connect(m_renewTimer, &QTimer::timeout, this, &PortMapper::renew);
}

PortMapper::~PortMapper()
{
    // The router should not keep a port open for a server that is gone; the
    // requests are short and miniupnpc bounds them with its own timeouts.
    blockSignals(true);
    if (m_state == State::Working) {
        m_watcher->waitForFinished();
        const Outcome outcome = m_watcher->result();
        m_mapping = outcome.ok ? outcome : Outcome {};
        m_state = outcome.ok ? State::Open : State::Idle;
    }
    close();
    m_removal.waitForFinished();
}

bool PortMapper::isAvailable()
{
#ifdef LOCKSTEP_HAVE_UPNP
    return true;
#else
    return false;
#endif
}

void PortMapper::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

void PortMapper::open(quint16 port)
{
    if (m_state == State::Working || (m_state == State::Open && m_port == port))
        return;
    if (m_state == State::Open)
        close();
    m_port = port;
    m_wanted = true;
    m_error.clear();
#ifdef LOCKSTEP_HAVE_UPNP
    m_watcher->setFuture(QtConcurrent::run(mapPort, port));
    setState(State::Working);
#else
    m_error = tr("This copy of Lockstep was built without UPnP support.");
    setState(State::Failed);
#endif
}

void PortMapper::finishOpen()
{
    const Outcome outcome = m_watcher->result();
    if (!m_wanted) {
        // Hosting stopped while the router was being asked: undo at once.
        m_mapping = outcome.ok ? outcome : Outcome {};
        m_state = outcome.ok ? State::Open : State::Idle;
        close();
        return;
    }
    if (!outcome.ok) {
        m_error = outcome.error;
        setState(State::Failed);
        return;
    }
    m_mapping = outcome;
    if (!outcome.permanent)
        m_renewTimer->start();
    setState(State::Open);
}

void PortMapper::renew()
{
#ifdef LOCKSTEP_HAVE_UPNP
    if (m_state != State::Open)
        return;
    const Outcome mapping = m_mapping;
    const quint16 port = m_port;
    // A failed renewal is retried at the next half-lease; nothing to report.
    m_removal = QtConcurrent::run([mapping, port] { addPortMapping(mapping, port, false); });
#endif
}

void PortMapper::close()
{
    m_wanted = false;
    m_renewTimer->stop();
    if (m_state == State::Working)
        return; // finishOpen() undoes it
    if (m_state != State::Open) {
        if (m_state != State::Idle)
            setState(State::Idle);
        return;
    }
#ifdef LOCKSTEP_HAVE_UPNP
    const Outcome mapping = m_mapping;
    const quint16 port = m_port;
    m_removal.waitForFinished();
    m_removal = QtConcurrent::run([mapping, port] { unmapPort(mapping, port); });
#endif
    m_mapping = Outcome {};
    setState(State::Idle);
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
        return tr("Port %1 is open on your router. People on the internet can join through "
                  "%2.")
            .arg(m_port)
            .arg(address);
    }
    case State::Failed:
        return tr("%1 To let people outside your network join, forward TCP port %2 to this "
                  "computer in your router's settings.")
            .arg(m_error)
            .arg(m_port);
    }
    return {};
}

} // namespace lockstep::ui
