#include "eval/validate.h"

#include "common/error.h"

#include <cmath>
#include <sstream>

namespace vaclip::eval {

namespace {

template <class T>
void checkFinite(const std::string& what, const T* s, std::size_t n)
{
    std::size_t bad = 0, first = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s[i])) {
            if (bad == 0)
                first = i;
            ++bad;
        }
    }
    if (bad) {
        std::ostringstream msg;
        msg << what << ": " << bad << " non-finite score" << (bad > 1 ? "s" : "") << ", first at index " << first
            << " (" << double(s[first]) << ")";
        throw Error(ErrorCode::InvalidArgument, msg.str());
    }
}

} // namespace

void validateFinite(const std::string& what, const double* s, std::size_t n)
{
    checkFinite(what, s, n);
}

void validateFinite(const std::string& what, const float* s, std::size_t n)
{
    checkFinite(what, s, n);
}

void validateVideo(const std::string& video, const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    const std::string v = "video '" + video + "'";
    if (scores.size() != labels.size())
        throw Error(ErrorCode::Mismatch, v + ": " + std::to_string(scores.size()) + " scores but "
                                             + std::to_string(labels.size()) + " ground-truth frames");
    if (scores.empty())
        throw Error(ErrorCode::InvalidArgument, v + ": no frames");
    std::size_t bad = 0, first = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!std::isfinite(scores[i]) && bad++ == 0)
            first = i;
    }
    if (bad) {
        std::ostringstream msg;
        msg << v << ": " << bad << " non-finite score" << (bad > 1 ? "s" : "") << ", first at frame " << first << " ("
            << scores[first] << ")";
        throw Error(ErrorCode::InvalidArgument, msg.str());
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] > 1)
            throw Error(ErrorCode::InvalidArgument, v + ": label " + std::to_string(int(labels[i])) + " at frame "
                                                        + std::to_string(i) + " (labels must be 0 or 1)");
}

} // namespace vaclip::eval
