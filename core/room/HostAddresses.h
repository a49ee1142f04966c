#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

namespace lockstep::room {

// One address at which others may reach a hosted server.
struct HostAddress {
    // GlobalIpv6: an address of this computer the internet routes to it
    // directly: a friend with IPv6 needs no port mapping.
    enum class Kind { Local, Internet, ThisComputer, GlobalIpv6 };

    QHostAddress address;
    QString interfaceName; // "Wi-Fi", "eth0"; empty for the internet address
    Kind kind = Kind::Local;
    QUrl url; // ws://ADDRESS:PORT/

    // Who can use it: "Wi-Fi", "internet, through your router", ...
    QString description() const;
};

// The addresses of this computer that others can use to join: LAN IPv4 and
// IPv6 of every interface that is up, without loopback and link-local ones,
// which are no use to anyone else. Home network addresses come first.
class HostAddresses
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::room::HostAddresses)

public:
    static QList<HostAddress> local(quint16 port, bool secure = false);
    static HostAddress internet(const QHostAddress &address, quint16 port, bool secure = false);
    // ws://127.0.0.1:PORT/: only this computer; the last resort when offline.
    static HostAddress thisComputer(quint16 port, bool secure = false);
    static QUrl urlFor(const QHostAddress &address, quint16 port, bool secure = false);
    // Addresses that the internet does not route (RFC 1918, CGNAT 100.64/10, ULA).
    static bool isPrivate(const QHostAddress &address);
    // A global unicast IPv6 address (2000::/3).
    static bool isGlobalIpv6(const QHostAddress &address);
};

} // namespace lockstep::room
