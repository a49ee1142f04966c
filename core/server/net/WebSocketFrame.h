#pragma once

#include <QtGlobal>

#include <cstddef>

namespace lockstep::server::net {

// RFC 6455 section 5.2: the frame opcodes this server knows.
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

constexpr bool isControl(Opcode opcode)
{
    return (quint8(opcode) & 0x8) != 0;
}

// RFC 6455 section 5.5: a control frame carries at most 125 bytes, so a close
// reason at most 123 after the two-byte code.
constexpr std::size_t kMaxControlPayload = 125;
constexpr std::size_t kMaxCloseReason = kMaxControlPayload - 2;
// 2 bytes, 8 of extended length, 4 of mask.
constexpr std::size_t kMaxFrameHeader = 14;
// What the server writes: no mask, so 2 + 8 at most.
constexpr std::size_t kMaxServerFrameHeader = 10;

} // namespace lockstep::server::net
