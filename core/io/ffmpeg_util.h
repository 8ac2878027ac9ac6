#pragma once
// Internal to core/io: RAII owners for FFmpeg handles and error-text helpers.
// Include only from .cpp files (it pulls in the FFmpeg C headers).

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace vaclip::ff {

struct FormatInputDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct FormatOutputDeleter {
    void operator()(AVFormatContext* c) const;  ///< closes the AVIOContext too
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};

using FormatInputPtr = std::unique_ptr<AVFormatContext, FormatInputDeleter>;
using FormatOutputPtr = std::unique_ptr<AVFormatContext, FormatOutputDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

FramePtr allocFrame();
PacketPtr allocPacket();

/// FFmpeg's text for an AVERROR code.
std::string errorText(int averror);
/// Throws vaclip::Error(Format/Io/Unsupported) "'<path>': <what>: <FFmpeg's reason>" when ret < 0.
void check(int ret, const std::string& path, const char* what);

/// Opens a file for demuxing; throws naming the file and FFmpeg's reason.
FormatInputPtr openInput(const std::string& path);

/// Silences FFmpeg's own logging once per process (the engine reports problems
/// itself, with file names). VACLIP_FFMPEG_LOG=debug|info|warning re-enables it.
void initLogging();

/// A reusable swscale conversion from (w, h, fmt) to RGB24 at (outW, outH).
class RgbConverter {
public:
    /// Converts `frame` into `dst` (outW*outH*3 bytes, no padding). Recreates the context when
    /// the input geometry or format changes. `swsFlags` holds the filter and, when wanted,
    /// SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT (exact chroma, but no SIMD fast path: ~3x slower).
    void convert(const AVFrame* frame, int outW, int outH, int swsFlags, uint8_t* dst);

private:
    struct AvFree {
        void operator()(uint8_t* p) const { av_free(p); }
    };
    SwsPtr m_sws;
    std::unique_ptr<uint8_t, AvFree> m_scratch;
    std::size_t m_scratchSize = 0;
    int m_srcW = 0, m_srcH = 0, m_srcFmt = -1, m_dstW = 0, m_dstH = 0, m_flags = 0;
};

} // namespace vaclip::ff
