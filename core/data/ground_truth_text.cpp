// Frame ranges and the plain per-video text format.
#include "data/ground_truth.h"

#include "common/error.h"
#include "common/text_fields.h"
#include "io/atomic_file.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace vaclip {

namespace {

bool parseNumber(const std::string& s, double& out)
{
    const char* begin = s.c_str();
    char* end = nullptr;
    out = std::strtod(begin, &end);
    return end != begin && *end == '\0' && std::isfinite(out);
}

} // namespace

std::vector<uint8_t> rangesToLabels(const std::vector<FrameRange>& ranges, int64_t frameCount,
                                    const std::string& context)
{
    const std::string where = context.empty() ? std::string() : context + ": ";
    if (frameCount < 0)
        throw Error(ErrorCode::InvalidArgument, where + "negative frame count " + std::to_string(frameCount));
    std::vector<uint8_t> labels(static_cast<std::size_t>(frameCount), 0);
    for (const FrameRange& r : ranges) {
        const std::string text = "[" + std::to_string(r.begin) + ", " + std::to_string(r.end) + ")";
        if (r.begin < 0 || r.begin >= r.end)
            throw Error(ErrorCode::InvalidArgument, where + "empty or negative range " + text);
        if (r.end > frameCount)
            throw Error(ErrorCode::Mismatch, where + "range " + text + " ends after the last frame (the video has "
                                                 + std::to_string(frameCount) + " frames)");
        for (int64_t i = r.begin; i < r.end; ++i)
            labels[static_cast<std::size_t>(i)] = 1;
    }
    return labels;
}

std::vector<FrameRange> labelsToRanges(const std::vector<uint8_t>& labels)
{
    std::vector<FrameRange> out;
    const int64_t n = static_cast<int64_t>(labels.size());
    for (int64_t i = 0; i < n;) {
        if (!labels[i]) {
            ++i;
            continue;
        }
        int64_t j = i;
        while (j < n && labels[j])
            ++j;
        out.push_back({i, j});
        i = j;
    }
    return out;
}

int64_t countAnomalous(const std::vector<uint8_t>& labels)
{
    int64_t n = 0;
    for (uint8_t v : labels)
        n += v ? 1 : 0;
    return n;
}

std::vector<uint8_t> parseLabelText(const std::string& text, const std::string& sourceName,
                                    std::optional<int64_t> frameCount)
{
    const std::string src = quoted(sourceName);
    std::vector<uint8_t> perFrame;
    std::vector<FrameRange> ranges;
    int firstPerFrameLine = 0, firstRangeLine = 0;
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        const std::size_t hash = line.find('#');
        if (hash != std::string::npos)
            line.erase(hash);
        const std::vector<std::string> tok = splitFields(line);
        if (tok.empty())
            continue;
        const std::string at = src + " line " + std::to_string(lineNo) + ": ";
        if (tok.size() == 1) {
            if (!firstPerFrameLine)
                firstPerFrameLine = lineNo;
            double v = 0;
            if (!parseNumber(tok[0], v) || (v != 0.0 && v != 1.0))
                throw Error(ErrorCode::Format, at + "expected a frame label 0 or 1, got " + quoted(tok[0]));
            perFrame.push_back(v == 1.0 ? 1 : 0);
        } else if (tok.size() == 2) {
            if (!firstRangeLine)
                firstRangeLine = lineNo;
            double a = 0, b = 0;
            if (!parseNumber(tok[0], a) || !parseNumber(tok[1], b) || a != std::floor(a) || b != std::floor(b)
                || a < 0 || b < 0 || a > 9e15 || b > 9e15)
                throw Error(ErrorCode::Format, at + "expected 'start end' (0-based frame indices), got "
                                                   + quoted(tok[0] + " " + tok[1]));
            if (a >= b)
                throw Error(ErrorCode::Format, at + "range " + tok[0] + " " + tok[1]
                                                   + " is empty (start must be < end; end is exclusive)");
            ranges.push_back({static_cast<int64_t>(a), static_cast<int64_t>(b)});
        } else {
            throw Error(ErrorCode::Format, at + std::to_string(tok.size())
                                               + " values on one line; expected one 0/1 per line (per-frame form)"
                                                 " or 'start end' (ranges form)");
        }
        if (firstPerFrameLine && firstRangeLine)
            throw Error(ErrorCode::Format, src + ": mixes per-frame lines (line " + std::to_string(firstPerFrameLine)
                                               + ") and 'start end' lines (line " + std::to_string(firstRangeLine)
                                               + "); use one form");
    }

    if (firstPerFrameLine) {
        if (frameCount && int64_t(perFrame.size()) != *frameCount)
            throw Error(ErrorCode::Mismatch, src + ": " + std::to_string(perFrame.size())
                                                 + " frame labels for a video of " + std::to_string(*frameCount)
                                                 + " frames");
        return perFrame;
    }
    if (!frameCount)
        throw Error(ErrorCode::InvalidArgument,
                    src + ": " + (ranges.empty() ? std::string("has no labels") : std::string("lists frame ranges"))
                        + "; the video's frame count is needed to expand it (set \"frame_count\" in meta.json)");
    for (const FrameRange& r : ranges)
        if (r.end > *frameCount)
            throw Error(ErrorCode::Mismatch, src + ": range " + std::to_string(r.begin) + " " + std::to_string(r.end)
                                                 + " ends after the last frame (the video has "
                                                 + std::to_string(*frameCount) + " frames)");
    return rangesToLabels(ranges, *frameCount, src);
}

std::vector<uint8_t> readLabelText(const std::string& path, std::optional<int64_t> frameCount)
{
    return parseLabelText(readFile(path), path, frameCount);
}

std::string formatLabelText(const std::vector<uint8_t>& labels, const std::string& comment)
{
    std::string out;
    std::size_t pos = 0;
    while (!comment.empty() && pos <= comment.size()) {
        std::size_t nl = comment.find('\n', pos);
        if (nl == std::string::npos)
            nl = comment.size();
        out += "# " + comment.substr(pos, nl - pos) + "\n";
        pos = nl + 1;
    }
    out.reserve(out.size() + labels.size() * 2);
    for (uint8_t v : labels) {
        out += v ? '1' : '0';
        out += '\n';
    }
    return out;
}

void writeLabelText(const std::string& path, const std::vector<uint8_t>& labels, const std::string& comment)
{
    writeFileAtomic(path, formatLabelText(labels, comment));
}

} // namespace vaclip
