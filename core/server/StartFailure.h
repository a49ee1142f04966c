#pragma once

#include <QString>

namespace lockstep::server {

// Why a SessionServer could not start. The app words it for people in their
// language; lockstep-server prints toString(), in English.
struct StartFailure {
    enum class Reason {
        AddressInUse, // another program listens on the port
        PermissionDenied, // a port below 1024 without the right to bind it
        AddressUnavailable, // the address is not one of this machine's
        TlsIncomplete, // a certificate without a key, or the other way round
        TlsUnsupported, // this build has no TLS
        TlsCertificateUnreadable,
        TlsKeyUnreadable,
        TlsInvalidPem,
        Other, // detail says what the system said
    };
    Reason reason = Reason::Other;
    QString detail; // the system's own words, or the file concerned

    QString toString() const;
};

} // namespace lockstep::server
