#pragma once
// Internal to core/io: the two FrameReader implementations and shared helpers.
#include "io/frame_reader.h"

namespace vaclip::detail {

std::unique_ptr<FrameReader> openVideoFile(const std::string& path, const FrameReaderOptions& options);
std::unique_ptr<FrameReader> openImageSequence(const std::string& folder, const FrameReaderOptions& options);

/// The output size for a source of (w, h) under `options` (aspect kept when one side is 0).
void outputSize(const FrameReaderOptions& options, int w, int h, int& outW, int& outH);
/// swscale flags for the options' filter and colour accuracy.
int swsFlags(const FrameReaderOptions& options);

} // namespace vaclip::detail
