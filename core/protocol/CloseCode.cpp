#include "CloseCode.h"

namespace lockstep::protocol {

std::optional<CloseCode> closeCodeFromValue(quint16 value)
{
    switch (static_cast<CloseCode>(value)) {
    case CloseCode::Normal:
    case CloseCode::GoingAway:
    case CloseCode::ProtocolError:
    case CloseCode::UnsupportedData:
    case CloseCode::Abnormal:
    case CloseCode::InvalidPayload:
    case CloseCode::PolicyViolation:
    case CloseCode::TooBig:
    case CloseCode::InternalError:
    case CloseCode::CertificateMismatch:
    case CloseCode::Replaced:
    case CloseCode::ServerFull:
    case CloseCode::RoomClosed:
        return static_cast<CloseCode>(value);
    }
    return std::nullopt;
}

} // namespace lockstep::protocol
