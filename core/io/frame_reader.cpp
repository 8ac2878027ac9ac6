#include "io/frame_reader.h"

#include "common/error.h"
#include "common/natural_sort.h"
#include "io/ffmpeg_util.h"
#include "io/frame_reader_impl.h"
#include "io/image_decode.h"

#include <algorithm>
#include <utility>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;

namespace vaclip {

namespace detail {

void outputSize(const FrameReaderOptions& options, int w, int h, int& outW, int& outH)
{
    if (options.outputWidth < 0 || options.outputHeight < 0)
        throw Error(ErrorCode::InvalidArgument, "output size must not be negative");
    outW = options.outputWidth;
    outH = options.outputHeight;
    if (outW == 0 && outH == 0) {
        outW = w;
        outH = h;
    } else if (outW == 0) {
        outW = std::max(1, int(std::lround(double(w) * outH / h)));
    } else if (outH == 0) {
        outH = std::max(1, int(std::lround(double(h) * outW / w)));
    }
}

int swsFlags(const FrameReaderOptions& options)
{
    const int accuracy = options.accurateColor ? (SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT) : 0;
    switch (options.filter) {
    case ResizeFilter::FastBilinear: return SWS_FAST_BILINEAR | accuracy;
    case ResizeFilter::Bilinear: return SWS_BILINEAR | accuracy;
    case ResizeFilter::Bicubic: return SWS_BICUBIC | accuracy;
    case ResizeFilter::Area: return SWS_AREA | accuracy;
    case ResizeFilter::Lanczos: return SWS_LANCZOS | accuracy;
    }
    return SWS_BICUBIC | accuracy;
}

namespace {

/// Reads a folder of still images as a video: frame i is the i-th file in natural order.
class ImageSequenceReader final : public FrameReader {
public:
    ImageSequenceReader(const std::string& folder, std::vector<std::string> files, const FrameReaderOptions& options)
        : m_files(std::move(files)), m_options(options)
    {
        m_info.path = folder;
        m_info.imageSequence = true;
        m_info.container = "image sequence";
        // The first decodable image defines the sequence's size and format.
        ff::FramePtr first;
        for (std::size_t i = 0; i < m_files.size() && !first; ++i) {
            try {
                first = ff::decodeStill(m_files[i]);
            } catch (const Error& e) {
                if (i + 1 == m_files.size() || i >= 8)
                    throw Error(e.code(), quoted(folder) + ": cannot decode its images: " + e.what());
                m_warnings.push_back(std::string(e.what()) + " (skipped)");
            }
        }
        m_info.width = first->width;
        m_info.height = first->height;
        const char* fmtName = av_get_pix_fmt_name(AVPixelFormat(first->format));
        m_info.pixelFormat = fmtName ? fmtName : "";
        std::string ext = fs::path(m_files.front()).extension().string();
        m_info.codec = ext.empty() ? "image" : ext.substr(1);
        std::transform(m_info.codec.begin(), m_info.codec.end(), m_info.codec.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        m_info.frameCount = int64_t(m_files.size());
        m_info.fps = options.imageSequenceFps > 0 ? options.imageSequenceFps : 25.0;
        m_info.durationSeconds = double(m_info.frameCount) / m_info.fps;
        m_info.timestamps.resize(m_files.size());
        for (std::size_t i = 0; i < m_files.size(); ++i)
            m_info.timestamps[i] = double(i) / m_info.fps;
        outputSize(options, m_info.width, m_info.height, m_outW, m_outH);
    }

    const VideoInfo& info() const override { return m_info; }

    bool next(Frame& frame) override
    {
        while (m_pos < int64_t(m_files.size())) {
            const int64_t index = m_pos++;
            ff::FramePtr decoded;
            try {
                decoded = ff::decodeStill(m_files[std::size_t(index)]);
            } catch (const Error& e) {
                m_warnings.push_back("frame " + std::to_string(index) + ": " + e.what() + " (skipped)");
                continue;
            }
            if (decoded->width != m_info.width || decoded->height != m_info.height)
                m_warnings.push_back("frame " + std::to_string(index) + ": " + quoted(m_files[std::size_t(index)])
                                     + " is " + std::to_string(decoded->width) + "x" + std::to_string(decoded->height)
                                     + ", the sequence is " + std::to_string(m_info.width) + "x"
                                     + std::to_string(m_info.height) + " (rescaled)");
            frame.index = index;
            frame.timestamp = m_info.timestamps[std::size_t(index)];
            frame.image.width = m_outW;
            frame.image.height = m_outH;
            frame.image.rgb.resize(std::size_t(m_outW) * m_outH * 3);
            m_converter.convert(decoded.get(), m_outW, m_outH, swsFlags(m_options), frame.image.rgb.data());
            return true;
        }
        return false;
    }

    void seek(int64_t index) override
    {
        if (index < 0 || index >= m_info.frameCount)
            throw Error(ErrorCode::InvalidArgument, quoted(m_info.path) + ": frame " + std::to_string(index)
                                                        + " is outside [0, " + std::to_string(m_info.frameCount) + ")");
        m_pos = index;
    }

    std::vector<std::string> takeWarnings() override { return std::exchange(m_warnings, {}); }

private:
    std::vector<std::string> m_files;
    FrameReaderOptions m_options;
    VideoInfo m_info;
    int m_outW = 0, m_outH = 0;
    int64_t m_pos = 0;
    ff::RgbConverter m_converter;
    std::vector<std::string> m_warnings;
};

} // namespace

std::unique_ptr<FrameReader> openImageSequence(const std::string& folder, const FrameReaderOptions& options)
{
    std::vector<std::string> files = FrameReader::listImageSequence(folder);
    if (files.empty())
        throw Error(ErrorCode::NotFound, quoted(folder)
                                             + ": the folder holds no image files (looked for .tif .tiff .jpg .jpeg .png .bmp)");
    return std::make_unique<ImageSequenceReader>(folder, std::move(files), options);
}

} // namespace detail

bool FrameReader::hasImageExtension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".tif" || ext == ".tiff" || ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp";
}

std::vector<std::string> FrameReader::listImageSequence(const std::string& folder)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
        if (e.is_regular_file() && hasImageExtension(e.path().string()) && e.path().filename().string()[0] != '.')
            names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end(), naturalLess);
    std::vector<std::string> files;
    files.reserve(names.size());
    for (const std::string& n : names)
        files.push_back((fs::path(folder) / n).string());
    return files;
}

std::unique_ptr<FrameReader> FrameReader::open(const std::string& path, const FrameReaderOptions& options)
{
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        throw Error(ErrorCode::NotFound, quoted(path) + ": no such file or folder");
    if (fs::is_directory(st))
        return detail::openImageSequence(path, options);
    return detail::openVideoFile(path, options);
}

bool FrameReader::readAt(int64_t index, Frame& frame)
{
    seek(index);
    return next(frame) && frame.index == index;
}

} // namespace vaclip
