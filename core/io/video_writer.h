#pragma once
// Encodes RGB8 frames to a video file with FFmpeg (container from the file extension).
// Used by the demo world's renderer, exports and tests. The file is written under a temporary
// name and renamed into place by finish(): an interrupted encode never leaves a broken video.
//
//   VideoWriterOptions o;  o.codec = "libx264"; o.width = 320; o.height = 240; o.fps = 25;
//   VideoWriter w("clip.mp4", o);
//   for (const Image& im : frames) w.write(im);
//   w.finish();
//
// Thread safety: one writer per thread.

#include "io/image.h"

#include <map>
#include <memory>
#include <string>

namespace vaclip {

struct VideoWriterOptions {
    std::string codec = "libx264";  ///< FFmpeg encoder name: libx264, mpeg4, mjpeg, ffv1, rawvideo, ...
    int width = 0;
    int height = 0;
    double fps = 25;
    std::string pixelFormat;        ///< "" = the encoder's first supported of yuv420p/gray/rgb24/...
    int gopSize = 12;               ///< keyframe interval in frames
    int maxBFrames = 0;
    int64_t bitRate = 0;            ///< 0 = encoder default / quality-based
    int timeBaseDen = 0;            ///< >0: timestamps in units of 1/timeBaseDen s (variable frame rate)
    int threads = 0;                ///< encoder threads, 0 = auto
    std::map<std::string, std::string> codecOptions;  ///< private options, e.g. {"crf", "18"}
};

class VideoWriter {
public:
    VideoWriter(const std::string& path, const VideoWriterOptions& options);
    ~VideoWriter();  ///< without finish(): the temporary file is removed
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    /// Appends a frame (must be width x height). `timestampSeconds` < 0 means index / fps; with
    /// timeBaseDen set, explicit, strictly increasing timestamps make a variable-rate file.
    void write(const Image& frame, double timestampSeconds = -1);
    /// Flushes the encoder, writes the trailer and renames the file into place.
    void finish();
    int64_t framesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vaclip
