#pragma once
// Checks that frame scores and labels can be evaluated, with errors that name the video and give
// the numbers, instead of metrics computed silently from garbage.
//
//   eval::validateVideo("Test003", scores, labels);   // throws vaclip::Error
//
// Errors (vaclip::Error):
//   - Mismatch: "video 'Test003': 150 scores but 180 ground-truth frames"
//   - InvalidArgument: "video 'Test003': no frames"; "video 'Test003': 2 non-finite scores,
//     first at frame 17 (nan)"; "video 'Test003': label 2 at frame 5 (labels must be 0 or 1)"
// A video with a single class is valid here: per-video metrics report it as undefined; only
// micro metrics over the whole set require both classes (eval/evaluator.h).
//
// Thread safety: pure functions.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::eval {

void validateVideo(const std::string& video, const std::vector<double>& scores, const std::vector<uint8_t>& labels);

/// Only the scores (pixel maps, or anything without labels). `what` names them in the message.
void validateFinite(const std::string& what, const double* scores, std::size_t n);
void validateFinite(const std::string& what, const float* scores, std::size_t n);

} // namespace vaclip::eval
