#pragma once

#include "WebSocketFrame.h"
#include "protocol/CloseCode.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace lockstep::server::net {

// Reads the frames a client sends (RFC 6455 section 5) from bytes fed in
// whatever pieces the network delivers: a state machine with no sockets.
//
// Every rule and limit applies in every state, including after
// discardData(): client frames must be masked, reserved bits must be clear
// (no extension is negotiated), opcodes must be known, control frames must be
// whole and at most 125 bytes, continuations must continue a message, and a
// close frame must carry a valid code (section 7.4) and a UTF-8 reason. A
// message over the size limit is refused on its header, before any of it is
// buffered, so a peer can never make a connection hold more than the limit.
//
// Text is not checked for UTF-8: the Lockstep protocol answers invalid text
// with an error of its own and keeps the connection.
class FrameDecoder
{
public:
    enum class Kind : quint8 {
        NeedMore, // every byte fed was used; feed more
        Text,
        Binary,
        Ping,
        Pong,
        Close, // the peer's close: `code` (0: none given) and `payload` (the reason)
        TooLarge, // a message over the limit: close with 1009
        Fail, // a broken frame: close with `code`; `payload` says why
    };

    struct Event {
        Kind kind = Kind::NeedMore;
        std::size_t consumed = 0; // bytes of this feed used up to this event
        quint16 code = 0;
        // Valid until the next decode(); may point into the bytes fed.
        std::string_view payload;
    };

    explicit FrameDecoder(std::size_t maxMessageBytes);

    // Decodes from `data` up to the next event; unmasks payloads in place.
    // Call again with the bytes after `consumed` until NeedMore. After a
    // Close, TooLarge or Fail everything further is consumed and ignored.
    Event decode(char *data, std::size_t size);

    // The server has sent its close: data messages are still read and
    // checked against every rule and limit, but neither buffered nor
    // delivered. Control frames still come through.
    void discardData() { m_discardData = true; }
    bool isDone() const { return m_state == State::Done; }

    static bool isValidUtf8(std::string_view text);

private:
    enum class State : quint8 { Header, Payload, Done };

    // Checks the first two header bytes; Fail or NeedMore.
    Event checkStart(const unsigned char *header);
    // Takes a whole header; Fail, TooLarge or NeedMore.
    Event startFrame(const unsigned char *header, std::size_t headerSize);
    Event endFrame(std::string_view payload);
    Event closeEvent(std::string_view payload);
    Event finish(Kind kind, protocol::CloseCode code, std::string_view why);
    void unmask(char *data, std::size_t size);

    std::size_t m_maxMessage;
    State m_state = State::Header;
    bool m_discardData = false;
    // The last event pointed into the buffer: give it back at the next decode.
    bool m_releaseMessage = false;
    bool m_releaseControl = false;
    // The header, when it arrives in pieces.
    unsigned char m_header[kMaxFrameHeader] = {};
    quint8 m_headerSize = 0;
    // The frame being read.
    Opcode m_opcode = Opcode::Continuation;
    bool m_fin = false;
    quint8 m_maskOffset = 0;
    unsigned char m_mask[4] = {};
    // The message being read: its opcode (Continuation: none in progress)
    // and size so far, counted even when its bytes are not kept.
    Opcode m_messageOpcode = Opcode::Continuation;
    quint64 m_remaining = 0;
    std::size_t m_messageSize = 0;
    // Fragments of the message, or a frame that arrived in pieces; a control
    // frame in pieces goes behind them, from m_controlAt.
    std::string m_buffer;
    std::size_t m_controlAt = 0;
};

} // namespace lockstep::server::net
