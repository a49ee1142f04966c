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
inline constexpr int kMaxChatLength = 500; // characters after trimming
inline constexpr int kChatHistory = 50; // messages in room_state
inline constexpr int kChatBurst = 5; // messages per participant ...
inline constexpr double kChatWindow = 10.0; // ... in this many seconds
inline constexpr int kMaxPlaylistItems = 200;
inline constexpr int kMaxTitleLength = 256;
// After the end of one playlist item the next starts this long after it is chosen.
inline constexpr double kPlaylistAdvanceDelay = 3.0;
// The room's playback speed (player_event "speed").
inline constexpr double kMinSpeed = 0.5;
inline constexpr double kMaxSpeed = 2.0;
// Subtitles the host shares (subtitles_update, GET /subtitles/).
inline constexpr int kMaxSharedSubtitles = 32;
inline constexpr int kMaxSubtitleTitleLength = 128;
inline constexpr int kMaxSubtitleLanguageLength = 35; // BCP 47's longest practical tag
inline constexpr long long kMaxSubtitleBytes = 4LL * 1024 * 1024;

} // namespace lockstep::protocol::limits
