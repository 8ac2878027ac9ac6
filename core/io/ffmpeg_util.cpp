#include "io/ffmpeg_util.h"

#include "common/error.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace vaclip::ff {

void FormatOutputDeleter::operator()(AVFormatContext* c) const
{
    if (!c)
        return;
    if (c->pb && !(c->oformat->flags & AVFMT_NOFILE))
        avio_closep(&c->pb);
    avformat_free_context(c);
}

FramePtr allocFrame()
{
    FramePtr f(av_frame_alloc());
    if (!f)
        throw Error(ErrorCode::Io, "out of memory allocating an AVFrame");
    return f;
}

PacketPtr allocPacket()
{
    PacketPtr p(av_packet_alloc());
    if (!p)
        throw Error(ErrorCode::Io, "out of memory allocating an AVPacket");
    return p;
}

std::string errorText(int averror)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, buf, sizeof buf);
    return buf;
}

void check(int ret, const std::string& path, const char* what)
{
    if (ret >= 0)
        return;
    ErrorCode code = ErrorCode::Format;
    if (ret == AVERROR(ENOENT))
        code = ErrorCode::NotFound;
    else if (ret == AVERROR(EACCES) || ret == AVERROR(EIO) || ret == AVERROR(ENOSPC))
        code = ErrorCode::Io;
    else if (ret == AVERROR_DECODER_NOT_FOUND || ret == AVERROR_DEMUXER_NOT_FOUND
             || ret == AVERROR_ENCODER_NOT_FOUND || ret == AVERROR_PATCHWELCOME)
        code = ErrorCode::Unsupported;
    throw Error(code, quoted(path) + ": " + what + ": " + errorText(ret));
}

void initLogging()
{
    static std::once_flag once;
    std::call_once(once, [] {
        int level = AV_LOG_QUIET;
        if (const char* env = std::getenv("VACLIP_FFMPEG_LOG")) {
            if (!std::strcmp(env, "debug"))
                level = AV_LOG_DEBUG;
            else if (!std::strcmp(env, "info"))
                level = AV_LOG_INFO;
            else if (!std::strcmp(env, "warning"))
                level = AV_LOG_WARNING;
            else if (!std::strcmp(env, "error"))
                level = AV_LOG_ERROR;
        }
        av_log_set_level(level);
    });
}

FormatInputPtr openInput(const std::string& path)
{
    initLogging();
    AVFormatContext* raw = nullptr;
    int ret = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (ret < 0) {
        if (ret == AVERROR_INVALIDDATA)
            throw Error(ErrorCode::Format, quoted(path)
                                               + ": not a video or image FFmpeg can read (unknown or corrupt container: "
                                               + errorText(ret) + ")");
        check(ret, path, "cannot open");
    }
    FormatInputPtr ctx(raw);
    check(avformat_find_stream_info(ctx.get(), nullptr), path, "cannot read stream information");
    return ctx;
}

void RgbConverter::convert(const AVFrame* frame, int outW, int outH, int swsFlags, uint8_t* dst)
{
    // Full-range JPEG pixel formats are deprecated aliases; map them so swscale does not warn and
    // picks the right range.
    int fmt = frame->format;
    bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
    switch (fmt) {
    case AV_PIX_FMT_YUVJ420P: fmt = AV_PIX_FMT_YUV420P; fullRange = true; break;
    case AV_PIX_FMT_YUVJ422P: fmt = AV_PIX_FMT_YUV422P; fullRange = true; break;
    case AV_PIX_FMT_YUVJ444P: fmt = AV_PIX_FMT_YUV444P; fullRange = true; break;
    case AV_PIX_FMT_YUVJ440P: fmt = AV_PIX_FMT_YUV440P; fullRange = true; break;
    default: break;
    }
    if (!m_sws || m_srcW != frame->width || m_srcH != frame->height || m_srcFmt != fmt || m_dstW != outW
        || m_dstH != outH || m_flags != swsFlags) {
        m_sws.reset(sws_getContext(frame->width, frame->height, AVPixelFormat(fmt), outW, outH, AV_PIX_FMT_RGB24,
                                   swsFlags, nullptr, nullptr, nullptr));
        if (!m_sws)
            throw Error(ErrorCode::Unsupported, std::string("cannot convert pixel format ")
                                                    + (av_get_pix_fmt_name(AVPixelFormat(fmt)) ? av_get_pix_fmt_name(AVPixelFormat(fmt)) : "?")
                                                    + " to RGB");
        // Source range as the stream declares it; RGB output is always full range.
        int* invTable = nullptr;
        int* table = nullptr;
        int srcRange = 0, dstRange = 0, brightness = 0, contrast = 0, saturation = 0;
        if (sws_getColorspaceDetails(m_sws.get(), &invTable, &srcRange, &table, &dstRange, &brightness, &contrast,
                                     &saturation)
            >= 0) {
            int colorspace = frame->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_ITU601;
            const int* coeffs = sws_getCoefficients(colorspace);
            sws_setColorspaceDetails(m_sws.get(), coeffs, fullRange ? 1 : 0, coeffs, 1, brightness, contrast,
                                     saturation);
        }
        m_srcW = frame->width;
        m_srcH = frame->height;
        m_srcFmt = fmt;
        m_dstW = outW;
        m_dstH = outH;
        m_flags = swsFlags;
    }
    // swscale's SIMD paths store whole vectors and may write past the end of a tightly packed
    // row, so convert into an aligned, padded scratch image and copy the rows out.
    const int stride = FFALIGN(outW * 3, 64);
    const std::size_t need = std::size_t(stride) * outH + 64;
    if (m_scratchSize < need) {
        m_scratch.reset(static_cast<uint8_t*>(av_malloc(need)));
        if (!m_scratch)
            throw Error(ErrorCode::Io, "out of memory for a " + std::to_string(outW) + "x" + std::to_string(outH) + " frame");
        m_scratchSize = need;
    }
    uint8_t* dstData[4] = {m_scratch.get(), nullptr, nullptr, nullptr};
    int dstLinesize[4] = {stride, 0, 0, 0};
    sws_scale(m_sws.get(), frame->data, frame->linesize, 0, frame->height, dstData, dstLinesize);
    av_image_copy_plane(dst, outW * 3, m_scratch.get(), stride, outW * 3, outH);
}

} // namespace vaclip::ff
