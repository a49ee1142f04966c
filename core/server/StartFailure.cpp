#include "StartFailure.h"

namespace lockstep::server {

QString StartFailure::toString() const
{
    const auto withDetail = [this](const char *text) {
        const QString sentence = QString::fromUtf8(text);
        return detail.isEmpty() ? sentence : sentence + QStringLiteral(" (") + detail + u')';
    };
    switch (reason) {
    case Reason::AddressInUse:
        return withDetail("The address is already in use.");
    case Reason::PermissionDenied:
        return withDetail("No permission to listen on this port (ports below 1024 need it).");
    case Reason::AddressUnavailable:
        return withDetail("The address is not one of this machine's.");
    case Reason::TlsIncomplete:
        return withDetail("TLS needs both a certificate and a key.");
    case Reason::TlsUnsupported:
        return withDetail("This build has no TLS support.");
    case Reason::TlsCertificateUnreadable:
        return withDetail("Cannot read the TLS certificate.");
    case Reason::TlsKeyUnreadable:
        return withDetail("Cannot read the TLS key.");
    case Reason::TlsInvalidPem:
        return withDetail("The TLS certificate or key is not a valid PEM file.");
    case Reason::Other:
        break;
    }
    return withDetail("The server could not start.");
}

} // namespace lockstep::server
