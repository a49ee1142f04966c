#pragma once

#include <cstddef>

namespace lockstep::protocol::limits {

inline constexpr std::size_t kMaxFrameBytes = 64 * 1024;
inline constexpr int kMaxDepth = 32;
inline constexpr int kMaxIdLength = 64;
inline constexpr int kMaxNameLength = 64;
inline constexpr int kMaxUrlLength = 8192;
inline constexpr int kMaxTokenLength = 4096;
inline constexpr int kMaxMessageLength = 1024;
inline constexpr int kMaxCodeLength = 64;
inline constexpr int kMaxParticipantsListed = 10000;
inline constexpr int kMaxOptionsBytes = 4096;
inline constexpr double kMaxPosition = 1.0e7; // seconds of media time (about 115 days)
inline constexpr double kMaxTimestamp = 1.0e11; // epoch seconds
inline constexpr double kMaxLatencyMs = 600000.0;
inline constexpr int kMinInviteSeconds = 60;
inline constexpr int kMaxInviteSeconds = 7 * 24 * 3600;
inline constexpr int kDefaultInviteSeconds = 3600;

} // namespace lockstep::protocol::limits
