#include "io/video_writer.h"

#include "common/error.h"
#include "io/ffmpeg_util.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace vaclip {

struct VideoWriter::Impl {
    std::string path;
    std::string tmpPath;
    VideoWriterOptions opt;
    ff::FormatOutputPtr fmt;
    ff::CodecContextPtr enc;
    AVStream* stream = nullptr;
    ff::FramePtr frame;
    ff::PacketPtr pkt;
    ff::SwsPtr sws;
    int64_t written = 0;
    int64_t lastPts = -1;
    bool finished = false;

    void drain(bool flush)
    {
        if (flush)
            ff::check(avcodec_send_frame(enc.get(), nullptr), path, "cannot flush the encoder");
        for (;;) {
            int ret = avcodec_receive_packet(enc.get(), pkt.get());
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return;
            ff::check(ret, path, "encoding failed");
            av_packet_rescale_ts(pkt.get(), enc->time_base, stream->time_base);
            pkt->stream_index = stream->index;
            ff::check(av_interleaved_write_frame(fmt.get(), pkt.get()), path, "cannot write a packet");
        }
    }
};

static AVPixelFormat choosePixelFormat(const AVCodec* codec, const std::string& wanted, const std::string& path)
{
    if (!wanted.empty()) {
        AVPixelFormat f = av_get_pix_fmt(wanted.c_str());
        if (f == AV_PIX_FMT_NONE)
            throw Error(ErrorCode::InvalidArgument, quoted(path) + ": unknown pixel format '" + wanted + "'");
        return f;
    }
    const AVPixelFormat preferred[] = {AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_RGB24, AV_PIX_FMT_BGR0,
                                       AV_PIX_FMT_YUV444P};
    if (!codec->pix_fmts)
        return AV_PIX_FMT_YUV420P;
    for (AVPixelFormat p : preferred)
        for (const AVPixelFormat* s = codec->pix_fmts; *s != AV_PIX_FMT_NONE; ++s)
            if (*s == p)
                return p;
    return codec->pix_fmts[0];
}

VideoWriter::VideoWriter(const std::string& path, const VideoWriterOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    ff::initLogging();
    Impl& d = *m_impl;
    d.path = path;
    d.opt = options;
    if (options.width <= 0 || options.height <= 0 || options.fps <= 0)
        throw Error(ErrorCode::InvalidArgument, quoted(path) + ": video size and fps must be positive");

    const AVCodec* codec = avcodec_find_encoder_by_name(options.codec.c_str());
    if (!codec)
        throw Error(ErrorCode::Unsupported, quoted(path) + ": this FFmpeg has no encoder '" + options.codec + "'");

    fs::path p(path);
    if (p.has_parent_path())
        fs::create_directories(p.parent_path());
    std::random_device rd;
    d.tmpPath = (p.parent_path() / (".tmp-" + std::to_string(rd()) + "-" + p.filename().string())).string();

    AVFormatContext* raw = nullptr;
    ff::check(avformat_alloc_output_context2(&raw, nullptr, nullptr, path.c_str()), path,
              "cannot pick a container for this file name");
    d.fmt.reset(raw);

    d.enc.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = d.enc.get();
    c->width = options.width;
    c->height = options.height;
    c->pix_fmt = choosePixelFormat(codec, options.pixelFormat, path);
    const AVRational rate = av_d2q(options.fps, 1000000);
    c->framerate = rate;
    c->time_base = options.timeBaseDen > 0 ? AVRational{1, options.timeBaseDen} : av_inv_q(rate);
    c->gop_size = options.gopSize;
    c->max_b_frames = options.maxBFrames;
    c->thread_count = options.threads;
    if (options.bitRate > 0)
        c->bit_rate = options.bitRate;
    if (c->pix_fmt == AV_PIX_FMT_YUVJ420P)
        c->color_range = AVCOL_RANGE_JPEG;
    if (d.fmt->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* dict = nullptr;
    for (const auto& [k, v] : options.codecOptions)
        av_dict_set(&dict, k.c_str(), v.c_str(), 0);
    int ret = avcodec_open2(c, codec, &dict);
    av_dict_free(&dict);
    ff::check(ret, path, "cannot open the encoder");

    d.stream = avformat_new_stream(d.fmt.get(), nullptr);
    if (!d.stream)
        throw Error(ErrorCode::Io, quoted(path) + ": cannot add a stream");
    ff::check(avcodec_parameters_from_context(d.stream->codecpar, c), path, "bad encoder parameters");
    d.stream->time_base = c->time_base;
    d.stream->avg_frame_rate = rate;

    ff::check(avio_open(&d.fmt->pb, d.tmpPath.c_str(), AVIO_FLAG_WRITE), d.tmpPath, "cannot create the file");
    ret = avformat_write_header(d.fmt.get(), nullptr);
    if (ret < 0) {
        d.fmt.reset();
        std::remove(d.tmpPath.c_str());
        ff::check(ret, path, "cannot write the header");
    }

    d.frame = ff::allocFrame();
    d.frame->format = c->pix_fmt;
    d.frame->width = c->width;
    d.frame->height = c->height;
    ff::check(av_frame_get_buffer(d.frame.get(), 0), path, "cannot allocate a frame");
    d.pkt = ff::allocPacket();
    d.sws.reset(sws_getContext(c->width, c->height, AV_PIX_FMT_RGB24, c->width, c->height, c->pix_fmt,
                               SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
    if (!d.sws)
        throw Error(ErrorCode::Unsupported, quoted(path) + ": cannot convert RGB to the encoder's pixel format");
}

VideoWriter::~VideoWriter()
{
    if (m_impl && !m_impl->finished) {
        m_impl->fmt.reset();
        std::remove(m_impl->tmpPath.c_str());
    }
}

void VideoWriter::write(const Image& image, double timestampSeconds)
{
    Impl& d = *m_impl;
    if (d.finished)
        throw Error(ErrorCode::InvalidArgument, quoted(d.path) + ": write() after finish()");
    if (image.width != d.enc->width || image.height != d.enc->height
        || image.rgb.size() != std::size_t(image.width) * image.height * 3)
        throw Error(ErrorCode::Mismatch, quoted(d.path) + ": frame " + std::to_string(d.written) + " is "
                                             + std::to_string(image.width) + "x" + std::to_string(image.height)
                                             + ", the video is " + std::to_string(d.enc->width) + "x"
                                             + std::to_string(d.enc->height));
    int64_t pts = d.written;
    if (d.opt.timeBaseDen > 0)
        pts = timestampSeconds >= 0 ? std::llround(timestampSeconds * d.opt.timeBaseDen)
                                    : std::llround(double(d.written) / d.opt.fps * d.opt.timeBaseDen);
    if (pts <= d.lastPts)
        throw Error(ErrorCode::InvalidArgument, quoted(d.path) + ": frame timestamps must increase");
    d.lastPts = pts;
    ff::check(av_frame_make_writable(d.frame.get()), d.path, "frame buffer");
    const uint8_t* src[4] = {image.rgb.data(), nullptr, nullptr, nullptr};
    const int srcStride[4] = {image.width * 3, 0, 0, 0};
    sws_scale(d.sws.get(), src, srcStride, 0, image.height, d.frame->data, d.frame->linesize);
    d.frame->pts = pts;
    ff::check(avcodec_send_frame(d.enc.get(), d.frame.get()), d.path, "encoding failed");
    d.drain(false);
    ++d.written;
}

void VideoWriter::finish()
{
    Impl& d = *m_impl;
    if (d.finished)
        return;
    d.drain(true);
    ff::check(av_write_trailer(d.fmt.get()), d.path, "cannot write the trailer");
    d.fmt.reset();  // closes the file
    std::error_code ec;
    fs::rename(d.tmpPath, d.path, ec);
    if (ec) {
        std::remove(d.tmpPath.c_str());
        throw Error(ErrorCode::Io, quoted(d.path) + ": cannot move the finished video into place: " + ec.message());
    }
    d.finished = true;
}

int64_t VideoWriter::framesWritten() const
{
    return m_impl->written;
}

} // namespace vaclip
