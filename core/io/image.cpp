#include "io/image.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/ffmpeg_util.h"
#include "io/image_decode.h"

#include <algorithm>

namespace vaclip {

namespace ff {

FramePtr decodeStill(const std::string& path)
{
    FormatInputPtr fmt = openInput(path);
    int streamIndex = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (streamIndex < 0)
        throw Error(ErrorCode::Format, quoted(path) + ": no image in the file");
    AVStream* stream = fmt->streams[streamIndex];
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        throw Error(ErrorCode::Unsupported, quoted(path) + ": no decoder for codec '"
                                                + avcodec_get_name(stream->codecpar->codec_id) + "'");
    CodecContextPtr dec(avcodec_alloc_context3(codec));
    check(avcodec_parameters_to_context(dec.get(), stream->codecpar), path, "bad codec parameters");
    dec->thread_count = 1;
    check(avcodec_open2(dec.get(), codec, nullptr), path, "cannot open decoder");

    PacketPtr pkt = allocPacket();
    FramePtr frame = allocFrame();
    int lastError = 0;
    for (;;) {
        int ret = av_read_frame(fmt.get(), pkt.get());
        if (ret < 0)
            break;
        if (pkt->stream_index == streamIndex) {
            ret = avcodec_send_packet(dec.get(), pkt.get());
            av_packet_unref(pkt.get());
            if (ret < 0) {
                lastError = ret;
                continue;
            }
            ret = avcodec_receive_frame(dec.get(), frame.get());
            if (ret >= 0)
                return frame;
            if (ret != AVERROR(EAGAIN))
                lastError = ret;
        } else {
            av_packet_unref(pkt.get());
        }
    }
    avcodec_send_packet(dec.get(), nullptr);
    if (avcodec_receive_frame(dec.get(), frame.get()) >= 0)
        return frame;
    throw Error(ErrorCode::Format, quoted(path) + ": cannot decode the image"
                                       + (lastError ? ": " + errorText(lastError) : std::string(" (no data)")));
}

} // namespace ff

Image readImage(const std::string& path)
{
    ff::FramePtr frame = ff::decodeStill(path);
    Image img;
    img.width = frame->width;
    img.height = frame->height;
    img.rgb.resize(std::size_t(img.width) * img.height * 3);
    ff::RgbConverter conv;
    conv.convert(frame.get(), img.width, img.height, SWS_POINT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, img.rgb.data());
    return img;
}

void writePng(const std::string& path, const Image& image)
{
    if (image.empty() || image.rgb.size() != std::size_t(image.width) * image.height * 3)
        throw Error(ErrorCode::InvalidArgument, quoted(path) + ": image buffer does not match its size");
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (!codec)
        throw Error(ErrorCode::Unsupported, quoted(path) + ": this FFmpeg has no PNG encoder");
    ff::CodecContextPtr enc(avcodec_alloc_context3(codec));
    enc->width = image.width;
    enc->height = image.height;
    enc->pix_fmt = AV_PIX_FMT_RGB24;
    enc->time_base = AVRational{1, 25};
    ff::check(avcodec_open2(enc.get(), codec, nullptr), path, "cannot open PNG encoder");

    ff::FramePtr frame = ff::allocFrame();
    frame->format = AV_PIX_FMT_RGB24;
    frame->width = image.width;
    frame->height = image.height;
    ff::check(av_frame_get_buffer(frame.get(), 0), path, "cannot allocate a frame");
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.rgb.data() + std::size_t(y) * image.width * 3, image.width * 3,
                    frame->data[0] + std::size_t(y) * frame->linesize[0]);
    ff::check(avcodec_send_frame(enc.get(), frame.get()), path, "PNG encoding failed");
    ff::check(avcodec_send_frame(enc.get(), nullptr), path, "PNG encoding failed");
    ff::PacketPtr pkt = ff::allocPacket();
    std::string bytes;
    while (avcodec_receive_packet(enc.get(), pkt.get()) >= 0) {
        bytes.append(reinterpret_cast<const char*>(pkt->data), pkt->size);
        av_packet_unref(pkt.get());
    }
    writeFileAtomic(path, bytes);
}

} // namespace vaclip
