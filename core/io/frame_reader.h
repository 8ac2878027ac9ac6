#pragma once
// Frame-accurate video input for video files (avi, mp4, mkv, mov, ...; any codec this FFmpeg
// decodes) and image-sequence folders (tif, jpg, png, bmp, ...) behind one interface.
//
//   auto reader = FrameReader::open("Test001/");                 // or "clip.mp4"
//   const VideoInfo& info = reader->info();                      // frames, fps, size, codec
//   Frame f;
//   while (reader->next(f)) use(f.index, f.image);              // sequential, threaded decode
//   reader->seek(120); reader->next(f);                           // f.index == 120, exactly
//
// Frame indices are presentation order, 0-based, counted by an index built when a video file is
// opened (one demuxing pass, no decoding): the count is exact even when the container header is
// missing or wrong, and seek(i) lands on frame i in long-GOP H.264 with B-frames and in variable
// frame rate files. Frames come out as RGB8, at native size or resized by swscale in the same
// pass as the colour conversion. Grayscale sources come out as RGB.
//
// Errors: open() throws vaclip::Error naming the file and FFmpeg's reason for missing, corrupt,
// truncated-beyond-use or unsupported input, and for folders without images. A few undecodable
// frames in the middle are skipped (next() continues with the following frame, whose index
// shows the gap) and described by takeWarnings().
//
// Thread safety: one FrameReader per thread; distinct readers are independent.

#include "io/image.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vaclip {

struct VideoInfo {
    std::string path;
    bool imageSequence = false;  ///< a folder of images rather than a video file
    std::string container;       ///< demuxer name ("avi", "mov,mp4,...", "matroska,webm") or "image sequence"
    std::string codec;           ///< decoder name ("h264", "mpeg4", "ffv1", "tiff", ...)
    std::string pixelFormat;     ///< source pixel format ("yuv420p", "gray", ...)
    int64_t frameCount = 0;      ///< exact number of frames the reader delivers (absent corrupt ones)
    double fps = 0;              ///< average frame rate (for image sequences: the option's value)
    int width = 0;               ///< native size in pixels
    int height = 0;
    double durationSeconds = 0;
    bool variableFrameRate = false;  ///< frame intervals differ by more than 1% from the mean
    std::vector<double> timestamps;  ///< presentation time of every frame in seconds (from 0)
};

enum class ResizeFilter { FastBilinear, Bilinear, Bicubic, Area, Lanczos };

struct FrameReaderOptions {
    int outputWidth = 0;   ///< 0 with outputHeight 0: native size; one of them 0: keep aspect
    int outputHeight = 0;
    ResizeFilter filter = ResizeFilter::Bicubic;
    int threads = 0;               ///< decoder threads, 0 = one per core
    bool accurateColor = false;    ///< exact rounding and full chroma interpolation (slower; YUV sources)
    double imageSequenceFps = 25;  ///< the rate reported for image folders (they carry none)
};

struct Frame {
    int64_t index = -1;     ///< presentation-order index, 0-based
    double timestamp = 0;   ///< seconds from the first frame
    Image image;            ///< RGB8 at the output size; the buffer is reused between calls
};

class FrameReader {
public:
    /// Opens a video file or an image-sequence folder. Throws vaclip::Error.
    static std::unique_ptr<FrameReader> open(const std::string& path, const FrameReaderOptions& options = {});
    /// The image files of a folder in natural order (2.jpg before 10.jpg); empty if none.
    static std::vector<std::string> listImageSequence(const std::string& folder);
    /// Extensions read as images in folders: tif tiff jpg jpeg png bmp.
    static bool hasImageExtension(const std::string& path);

    virtual ~FrameReader() = default;
    virtual const VideoInfo& info() const = 0;
    /// Decodes the next frame into `frame` (its buffer is reused); false at the end.
    virtual bool next(Frame& frame) = 0;
    /// Positions the reader so that next() returns frame `index`. Throws for an index outside
    /// [0, frameCount).
    virtual void seek(int64_t index) = 0;
    /// seek(index) + next(frame); false when that frame cannot be decoded.
    bool readAt(int64_t index, Frame& frame);
    /// Problems met so far that were skipped (undecodable frames, header/count disagreements);
    /// clears the list.
    virtual std::vector<std::string> takeWarnings() = 0;
};

} // namespace vaclip
