#pragma once
// Internal to core/io: decode the single picture of an image file to an AVFrame.
#include "io/ffmpeg_util.h"

namespace vaclip::ff {
/// Throws vaclip::Error naming the file and FFmpeg's reason.
FramePtr decodeStill(const std::string& path);
}
