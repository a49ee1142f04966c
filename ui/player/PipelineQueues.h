#pragma once

namespace lockstep::ui {

// Keeps decoded video from piling up between the decoder and the screen.
//
// QMediaPlayer's GStreamer pipeline (Qt 6.4) has two plain `queue` elements
// between the video decoder and the video sink, each allowed up to 10 MB or
// a second: in steady playback both fill, about eight decoded 1080p frames
// (25 MB) waiting for their turn, where a player needs one or two. install()
// caps every `queue` element added from then on to a plain bin or pipeline
// (what the player assembles itself) at a few buffers
// (GStreamer's GstBin "element-added" signal, hooked for all bins), so the
// decoder runs just ahead of the screen. Queues inside auto-plugging elements
// (decodebin, urisourcebin, adaptive demuxers) and the buffering of
// compressed data ahead of the decoders (multiqueue, queue2) keep their
// sizes.
class PipelineQueues
{
public:
    // Buffers each `queue` may hold: one frame per queue, so with the sink's
    // own the decoder stays two to three frames (70-100 ms at 30 fps) ahead.
    static constexpr unsigned kMaxBuffers = 1;

    // Installs the hook once per process, before the first QMediaPlayer.
    // False where the media backend is not GStreamer (nothing to tune).
    static bool install();
    static bool isInstalled();
};

} // namespace lockstep::ui
