#include "HostAddresses.h"

#include <QNetworkInterface>

#include <algorithm>

namespace lockstep::room {

namespace {

// Interfaces of containers, VMs and VPN bridges: listed, but after the real network.
bool isVirtual(const QNetworkInterface &interface)
{
    static const QStringList prefixes {
        QStringLiteral("docker"), QStringLiteral("veth"),    QStringLiteral("br-"),
        QStringLiteral("virbr"),  QStringLiteral("vmnet"),   QStringLiteral("vboxnet"),
        QStringLiteral("lxc"),    QStringLiteral("lxd"),     QStringLiteral("podman"),
        QStringLiteral("cni"),    QStringLiteral("flannel"),
    };
    const QString name = interface.name();
    return interface.type() == QNetworkInterface::Virtual
        || std::any_of(prefixes.begin(), prefixes.end(),
                       [&name](const QString &p) { return name.startsWith(p); });
}

int rank(const QHostAddress &address, bool virtualInterface)
{
    int r = virtualInterface ? 10 : 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        r += HostAddresses::isPrivate(address) ? 3 : 2;
    else
        r += HostAddresses::isPrivate(address) ? 0 : 1;
    return r;
}

} // namespace

QString HostAddress::description() const
{
    switch (kind) {
    case Kind::Internet:
        return HostAddresses::tr("internet, through your router");
    case Kind::ThisComputer:
        return HostAddresses::tr("this computer only");
    case Kind::GlobalIpv6:
        return HostAddresses::tr("internet over IPv6, no port to open; your router's firewall "
                                 "must let it in");
    case Kind::Local:
        break;
    }
    return interfaceName.isEmpty() ? HostAddresses::tr("local network") : interfaceName;
}

QUrl HostAddresses::urlFor(const QHostAddress &address, quint16 port, bool secure)
{
    QUrl url;
    url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    QHostAddress plain = address;
    plain.setScopeId(QString());
    url.setHost(plain.toString());
    url.setPort(port);
    url.setPath(QStringLiteral("/"));
    return url;
}

bool HostAddresses::isPrivate(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return address.isUniqueLocalUnicast() || address.isSiteLocal();
    const auto in = [&address](const char *network, int bits) {
        return address.isInSubnet(QHostAddress(QString::fromLatin1(network)), bits);
    };
    return in("10.0.0.0", 8) || in("172.16.0.0", 12) || in("192.168.0.0", 16)
        || in("100.64.0.0", 10);
}

bool HostAddresses::isGlobalIpv6(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    return (bytes[0] & 0xe0) == 0x20;
}

QList<HostAddress> HostAddresses::local(quint16 port, bool secure)
{
    struct Ranked {
        int rank;
        HostAddress address;
    };
    QList<Ranked> found;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const bool virtualInterface = isVirtual(interface);
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.isNull() || ip.isLoopback() || ip.isLinkLocal() || ip.isMulticast()
                || ip.isBroadcast())
                continue;
            if (ip.protocol() != QAbstractSocket::IPv4Protocol
                && ip.protocol() != QAbstractSocket::IPv6Protocol)
                continue;
            HostAddress address;
            address.address = ip;
            address.interfaceName = interface.humanReadableName();
            address.kind
                = isGlobalIpv6(ip) ? HostAddress::Kind::GlobalIpv6 : HostAddress::Kind::Local;
            address.url = urlFor(ip, port, secure);
            found.append({rank(ip, virtualInterface), address});
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Ranked &a, const Ranked &b) { return a.rank < b.rank; });
    QList<HostAddress> result;
    for (const Ranked &r : std::as_const(found))
        result.append(r.address);
    return result;
}

HostAddress HostAddresses::internet(const QHostAddress &address, quint16 port, bool secure)
{
    return {address, QString(), HostAddress::Kind::Internet, urlFor(address, port, secure)};
}

HostAddress HostAddresses::thisComputer(quint16 port, bool secure)
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    return {loopback, QString(), HostAddress::Kind::ThisComputer, urlFor(loopback, port, secure)};
}

} // namespace lockstep::room
