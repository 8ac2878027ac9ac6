// FrameReader for video files: an index of every frame's timestamp built by one demuxing pass,
// then threaded decoding with exact seeks (keyframe seek + decode forward to the target).
#include "common/error.h"
#include "io/ffmpeg_util.h"
#include "io/frame_reader_impl.h"

#include <algorithm>
#include <utility>
#include <cmath>

namespace vaclip::detail {

namespace {

constexpr int64_t kNoTs = AV_NOPTS_VALUE;

struct KeyFrame {
    int64_t frameIndex;  ///< presentation index of the keyframe
    int64_t seekTs;      ///< timestamp to hand av_seek_frame (stream time base)
};

class VideoFileReader final : public FrameReader {
public:
    VideoFileReader(const std::string& path, const FrameReaderOptions& options)
        : m_path(path), m_options(options)
    {
        buildIndex();
        openDecoding();
    }

    const VideoInfo& info() const override { return m_info; }

    bool next(Frame& out) override
    {
        for (;;) {
            int ret = avcodec_receive_frame(m_dec.get(), m_frame.get());
            if (ret >= 0) {
                const int64_t index = indexOf(m_frame.get());
                if (m_afterSeek && index > m_wantFrom && m_seekAttempts < 4 && m_wantFrom > 0) {
                    // Landed after the target (the demuxer's keyframe was later than asked): go
                    // back one more keyframe and try again.
                    av_frame_unref(m_frame.get());
                    seekToKeyframeBefore(m_wantFrom, ++m_seekAttempts);
                    continue;
                }
                m_afterSeek = false;
                if (index < m_wantFrom) {
                    av_frame_unref(m_frame.get());
                    continue;
                }
                if (m_nextExpected >= 0 && index > m_nextExpected)
                    m_warnings.push_back(quoted(m_path) + ": frames " + std::to_string(m_nextExpected) + ".."
                                         + std::to_string(index - 1) + " could not be decoded (skipped)");
                if (m_frame->decode_error_flags || (m_frame->flags & AV_FRAME_FLAG_CORRUPT))
                    m_warnings.push_back(quoted(m_path) + ": frame " + std::to_string(index)
                                         + " decoded with errors (concealed)");
                m_nextExpected = index + 1;
                m_wantFrom = index + 1;
                out.index = index;
                out.timestamp = index < int64_t(m_info.timestamps.size()) ? m_info.timestamps[std::size_t(index)] : 0.0;
                out.image.width = m_outW;
                out.image.height = m_outH;
                out.image.rgb.resize(std::size_t(m_outW) * m_outH * 3);
                m_converter.convert(m_frame.get(), m_outW, m_outH, swsFlags(m_options), out.image.rgb.data());
                av_frame_unref(m_frame.get());
                return true;
            }
            if (ret == AVERROR_EOF)
                return false;
            if (ret != AVERROR(EAGAIN)) {
                m_warnings.push_back(quoted(m_path) + ": decoding error after frame "
                                     + std::to_string(m_nextExpected - 1) + ": " + ff::errorText(ret));
                if (m_draining)
                    return false;
                continue;
            }
            if (m_draining)
                return false;
            feedPacket();
        }
    }

    void seek(int64_t index) override
    {
        if (index < 0 || index >= m_info.frameCount)
            throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": frame " + std::to_string(index)
                                                        + " is outside [0, " + std::to_string(m_info.frameCount) + ")");
        if (!m_timestampsUsable) {
            // No usable timestamps: decode forward from the start (slow but exact).
            if (index < m_nextExpected || m_nextExpected < 0) {
                openDecoding();
            }
            m_wantFrom = index;
            return;
        }
        // Decoding forward is cheaper than a seek when no keyframe lies between here and there.
        if (m_nextExpected >= 0 && index >= m_nextExpected && keyframeBefore(index, 0) <= m_nextExpected) {
            m_wantFrom = index;
            return;
        }
        m_seekAttempts = 0;
        seekToKeyframeBefore(index, 0);
    }

    std::vector<std::string> takeWarnings() override { return std::exchange(m_warnings, {}); }

private:
    void buildIndex()
    {
        ff::FormatInputPtr fmt = ff::openInput(m_path);
        const int si = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (si < 0)
            throw Error(ErrorCode::Format, quoted(m_path) + ": the file has no video stream");
        m_streamIndex = si;
        AVStream* st = fmt->streams[si];
        const AVCodecParameters* par = st->codecpar;
        if (par->width <= 0 || par->height <= 0)
            throw Error(ErrorCode::Format, quoted(m_path) + ": the video stream has no frame size (corrupt header?)");
        m_timeBase = st->time_base;

        struct Entry {
            int64_t ts, pts, dts;
            bool key;
        };
        std::vector<Entry> entries;
        ff::PacketPtr pkt = ff::allocPacket();
        int ret;
        while ((ret = av_read_frame(fmt.get(), pkt.get())) >= 0) {
            if (pkt->stream_index == si && !(pkt->flags & AV_PKT_FLAG_DISCARD)) {
                const int64_t ts = pkt->pts != kNoTs ? pkt->pts : pkt->dts;
                entries.push_back({ts, pkt->pts, pkt->dts, (pkt->flags & AV_PKT_FLAG_KEY) != 0});
            }
            av_packet_unref(pkt.get());
        }
        if (ret != AVERROR_EOF)
            m_warnings.push_back(quoted(m_path) + ": stopped reading after " + std::to_string(entries.size())
                                 + " frames: " + ff::errorText(ret) + " (truncated or damaged file?)");
        if (entries.empty())
            throw Error(ErrorCode::Format, quoted(m_path) + ": the video stream holds no frames"
                                               + (ret != AVERROR_EOF ? " (" + ff::errorText(ret) + ")" : std::string()));

        m_timestampsUsable = std::all_of(entries.begin(), entries.end(), [](const Entry& e) { return e.ts != kNoTs; });
        if (m_timestampsUsable) {
            m_sortedTs.reserve(entries.size());
            for (const Entry& e : entries)
                m_sortedTs.push_back(e.ts);
            std::sort(m_sortedTs.begin(), m_sortedTs.end());
            m_timestampsUsable = std::adjacent_find(m_sortedTs.begin(), m_sortedTs.end()) == m_sortedTs.end();
        }
        if (m_timestampsUsable) {
            for (const Entry& e : entries) {
                if (!e.key)
                    continue;
                int64_t seekTs = e.ts;
                if (e.dts != kNoTs)
                    seekTs = std::min(seekTs, e.dts);
                m_keyframes.push_back({positionOf(e.ts), seekTs});
            }
            std::sort(m_keyframes.begin(), m_keyframes.end(),
                      [](const KeyFrame& a, const KeyFrame& b) { return a.frameIndex < b.frameIndex; });
            if (m_keyframes.empty() || m_keyframes.front().frameIndex != 0)
                m_keyframes.insert(m_keyframes.begin(), KeyFrame{0, m_sortedTs.front()});
        } else {
            m_warnings.push_back(quoted(m_path) + ": frames carry no usable timestamps; seeking decodes from the start");
        }

        const AVCodec* codec = avcodec_find_decoder(par->codec_id);
        m_info.path = m_path;
        m_info.container = fmt->iformat->name;
        m_info.codec = codec ? codec->name : avcodec_get_name(par->codec_id);
        const char* pixName = av_get_pix_fmt_name(AVPixelFormat(par->format));
        m_info.pixelFormat = pixName ? pixName : "unknown";
        m_info.width = par->width;
        m_info.height = par->height;
        m_info.frameCount = int64_t(entries.size());
        fillTiming(st);
        if (st->nb_frames > 0 && st->nb_frames != m_info.frameCount)
            m_warnings.push_back(quoted(m_path) + ": the container header says " + std::to_string(st->nb_frames)
                                 + " frames, the file holds " + std::to_string(m_info.frameCount));
        if (!codec)
            throw Error(ErrorCode::Unsupported, quoted(m_path) + ": this FFmpeg has no decoder for codec '"
                                                    + avcodec_get_name(par->codec_id) + "'");
        outputSize(m_options, m_info.width, m_info.height, m_outW, m_outH);
    }

    void fillTiming(const AVStream* st)
    {
        const double tb = av_q2d(m_timeBase);
        const std::size_t n = std::size_t(m_info.frameCount);
        m_info.timestamps.resize(n);
        double fps = 0;
        if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
            fps = av_q2d(st->avg_frame_rate);
        else if (st->r_frame_rate.num > 0 && st->r_frame_rate.den > 0)
            fps = av_q2d(st->r_frame_rate);
        if (m_timestampsUsable) {
            for (std::size_t i = 0; i < n; ++i)
                m_info.timestamps[i] = double(m_sortedTs[i] - m_sortedTs[0]) * tb;
            if (n >= 2) {
                const double mean = m_info.timestamps.back() / double(n - 1);
                if (fps <= 0 && mean > 0)
                    fps = 1.0 / mean;
                for (std::size_t i = 1; i < n && mean > 0; ++i) {
                    if (std::abs((m_info.timestamps[i] - m_info.timestamps[i - 1]) - mean) > 0.01 * mean) {
                        m_info.variableFrameRate = true;
                        break;
                    }
                }
            }
        }
        if (fps <= 0)
            fps = 25.0;
        if (!m_timestampsUsable)
            for (std::size_t i = 0; i < n; ++i)
                m_info.timestamps[i] = double(i) / fps;
        m_info.fps = fps;
        m_info.durationSeconds = n ? m_info.timestamps.back() + 1.0 / fps : 0.0;
    }

    int64_t positionOf(int64_t ts) const
    {
        auto it = std::lower_bound(m_sortedTs.begin(), m_sortedTs.end(), ts);
        if (it == m_sortedTs.end() || *it != ts)
            return -1;
        return int64_t(it - m_sortedTs.begin());
    }

    int64_t indexOf(const AVFrame* f) const
    {
        if (m_timestampsUsable) {
            const int64_t ts = f->best_effort_timestamp != kNoTs ? f->best_effort_timestamp : f->pts;
            const int64_t pos = ts != kNoTs ? positionOf(ts) : -1;
            if (pos >= 0)
                return pos;
        }
        return m_nextExpected >= 0 ? m_nextExpected : m_wantFrom;
    }

    /// The frame index of the `stepsBack`-th keyframe at or before `index` (0 = the nearest).
    int64_t keyframeBefore(int64_t index, int stepsBack) const
    {
        auto it = std::upper_bound(m_keyframes.begin(), m_keyframes.end(), index,
                                   [](int64_t v, const KeyFrame& k) { return v < k.frameIndex; });
        int64_t pos = int64_t(it - m_keyframes.begin()) - 1 - stepsBack;
        return m_keyframes[std::size_t(std::max<int64_t>(pos, 0))].frameIndex;
    }

    void seekToKeyframeBefore(int64_t index, int stepsBack)
    {
        auto it = std::upper_bound(m_keyframes.begin(), m_keyframes.end(), index,
                                   [](int64_t v, const KeyFrame& k) { return v < k.frameIndex; });
        int64_t pos = int64_t(it - m_keyframes.begin()) - 1 - stepsBack;
        m_wantFrom = index;
        if (pos <= 0) {
            // From the very start: reopening is exact for every demuxer.
            openDecoding();
            m_wantFrom = index;
            m_afterSeek = false;
            return;
        }
        const KeyFrame& k = m_keyframes[std::size_t(pos)];
        int ret = av_seek_frame(m_fmt.get(), m_streamIndex, k.seekTs, AVSEEK_FLAG_BACKWARD);
        if (ret < 0) {
            openDecoding();
            m_wantFrom = index;
            m_afterSeek = false;
            return;
        }
        avcodec_flush_buffers(m_dec.get());
        m_draining = false;
        m_nextExpected = -1;
        m_afterSeek = true;
    }

    void openDecoding()
    {
        m_fmt = ff::openInput(m_path);
        AVStream* st = m_fmt->streams[m_streamIndex];
        const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
        m_dec.reset(avcodec_alloc_context3(codec));
        ff::check(avcodec_parameters_to_context(m_dec.get(), st->codecpar), m_path, "bad codec parameters");
        m_dec->thread_count = m_options.threads;
        m_dec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
        m_dec->pkt_timebase = st->time_base;
        ff::check(avcodec_open2(m_dec.get(), codec, nullptr), m_path, "cannot open the decoder");
        for (unsigned i = 0; i < m_fmt->nb_streams; ++i)
            if (int(i) != m_streamIndex)
                m_fmt->streams[i]->discard = AVDISCARD_ALL;
        m_pkt = ff::allocPacket();
        m_frame = ff::allocFrame();
        m_draining = false;
        m_nextExpected = 0;
        m_wantFrom = 0;
        m_afterSeek = false;
    }

    void feedPacket()
    {
        for (;;) {
            int ret = av_read_frame(m_fmt.get(), m_pkt.get());
            if (ret < 0) {
                if (ret != AVERROR_EOF)
                    m_warnings.push_back(quoted(m_path) + ": read error: " + ff::errorText(ret));
                avcodec_send_packet(m_dec.get(), nullptr);
                m_draining = true;
                return;
            }
            if (m_pkt->stream_index != m_streamIndex) {
                av_packet_unref(m_pkt.get());
                continue;
            }
            ret = avcodec_send_packet(m_dec.get(), m_pkt.get());
            const int64_t ts = m_pkt->pts != kNoTs ? m_pkt->pts : m_pkt->dts;
            av_packet_unref(m_pkt.get());
            if (ret < 0 && ret != AVERROR(EAGAIN)) {
                const int64_t pos = (m_timestampsUsable && ts != kNoTs) ? positionOf(ts) : -1;
                m_warnings.push_back(quoted(m_path) + ": undecodable data"
                                     + (pos >= 0 ? " for frame " + std::to_string(pos) : std::string()) + ": "
                                     + ff::errorText(ret) + " (skipped)");
                continue;
            }
            return;
        }
    }

    std::string m_path;
    FrameReaderOptions m_options;
    VideoInfo m_info;
    int m_streamIndex = -1;
    AVRational m_timeBase{1, 1};
    bool m_timestampsUsable = false;
    std::vector<int64_t> m_sortedTs;     ///< presentation timestamps of all frames, ascending
    std::vector<KeyFrame> m_keyframes;   ///< ascending frame index
    int m_outW = 0, m_outH = 0;

    ff::FormatInputPtr m_fmt;
    ff::CodecContextPtr m_dec;
    ff::PacketPtr m_pkt;
    ff::FramePtr m_frame;
    ff::RgbConverter m_converter;
    bool m_draining = false;
    bool m_afterSeek = false;
    int m_seekAttempts = 0;
    int64_t m_nextExpected = 0;  ///< index of the next frame in decode output, -1 = unknown (after a seek)
    int64_t m_wantFrom = 0;      ///< frames before this index are decoded and dropped
    std::vector<std::string> m_warnings;
};

} // namespace

std::unique_ptr<FrameReader> openVideoFile(const std::string& path, const FrameReaderOptions& options)
{
    return std::make_unique<VideoFileReader>(path, options);
}

} // namespace vaclip::detail
