// UCSD Ped1/Ped2 .m ground truth: `TestVideoFile{end+1}.gt_frame = [a:b, c:d];`
#include "data/ground_truth.h"

#include "common/error.h"
#include "common/text_fields.h"
#include "io/atomic_file.h"

#include <cctype>

namespace vaclip {

namespace {

std::string withoutSpaces(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += c;
    return out;
}

struct LineContext {
    std::string source;
    int line;
    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(ErrorCode::Format, quoted(source) + " line " + std::to_string(line) + ": " + what);
    }
};

bool parsePositive(const std::string& s, int64_t& out)
{
    if (s.empty() || s.size() > 15)
        return false;
    int64_t v = 0;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

/// "[1:15, 45:113]" -> {[0,15), [44,113)}
std::vector<FrameRange> parseBracket(const std::string& bracket, const LineContext& ctx)
{
    const std::string hint = "expected 1-based ranges like [61:180], [1:15, 45:113] or [5]";
    if (bracket.size() < 2 || bracket.front() != '[' || bracket.back() != ']')
        ctx.fail("cannot read " + quoted(bracket) + ": " + hint);
    std::string inner = bracket.substr(1, bracket.size() - 2);
    if (inner.find_first_of("[];") != std::string::npos)
        ctx.fail("cannot read " + quoted(bracket) + ": " + hint);
    // Commas separate like blanks; blanks next to ':' belong to the range ("1 : 15").
    for (char& c : inner)
        if (c == ',')
            c = ' ';
    std::string compact;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        const char c = inner[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < inner.size() && std::isspace(static_cast<unsigned char>(inner[j])))
                ++j;
            const bool nextIsColon = j < inner.size() && inner[j] == ':';
            const bool prevIsColon = !compact.empty() && compact.back() == ':';
            if (!nextIsColon && !prevIsColon && !compact.empty())
                compact += ' ';
            i = j - 1;
        } else {
            compact += c;
        }
    }
    std::vector<FrameRange> ranges;
    std::size_t pos = 0;
    while (pos < compact.size()) {
        std::size_t end = compact.find(' ', pos);
        if (end == std::string::npos)
            end = compact.size();
        const std::string item = compact.substr(pos, end - pos);
        pos = end + 1;
        if (item.empty())
            continue;
        const std::size_t colon = item.find(':');
        int64_t a = 0, b = 0;
        if (colon == std::string::npos) {
            if (!parsePositive(item, a))
                ctx.fail("cannot read " + quoted(item) + " in " + bracket + ": " + hint);
            b = a;
        } else {
            if (item.find(':', colon + 1) != std::string::npos)
                ctx.fail("'" + item + "' in " + bracket + ": strided ranges a:s:b are not supported");
            if (!parsePositive(item.substr(0, colon), a) || !parsePositive(item.substr(colon + 1), b))
                ctx.fail("cannot read " + quoted(item) + " in " + bracket + ": " + hint);
        }
        if (a < 1)
            ctx.fail("frame " + std::to_string(a) + " in " + bracket
                     + ": MATLAB frame numbers start at 1");
        if (b < a)
            ctx.fail("range " + std::to_string(a) + ":" + std::to_string(b) + " in " + bracket
                     + " ends before it starts");
        ranges.push_back({a - 1, b});
    }
    return ranges;
}

/// Splits a comment-free line at ';' outside brackets.
std::vector<std::string> statements(const std::string& line)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : line) {
        if (c == '[')
            ++depth;
        else if (c == ']')
            --depth;
        if (c == ';' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

} // namespace

std::vector<UcsdVideoRanges> parseUcsdMText(const std::string& text, const std::string& sourceName)
{
    std::vector<UcsdVideoRanges> videos;
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        const std::size_t pct = line.find('%');
        if (pct != std::string::npos)
            line.erase(pct);
        const LineContext ctx{sourceName, lineNo};
        for (const std::string& raw : statements(line)) {
            const std::string st = trimmed(raw);
            if (st.empty())
                continue;
            const std::size_t eq = st.find('=');
            if (eq == std::string::npos)
                ctx.fail("expected 'TestVideoFile{end+1}.gt_frame = [a:b];', got " + quoted(st));
            const std::string lhs = withoutSpaces(st.substr(0, eq));
            const std::string rhs = trimmed(st.substr(eq + 1));
            if (lhs == "TestVideoFile" && withoutSpaces(rhs) == "{}")
                continue;   // the initialisation `TestVideoFile = {};`
            const std::string prefix = "TestVideoFile{";
            const std::string suffix = "}.gt_frame";
            if (lhs.size() <= prefix.size() + suffix.size() || lhs.compare(0, prefix.size(), prefix) != 0
                || lhs.compare(lhs.size() - suffix.size(), suffix.size(), suffix) != 0)
                ctx.fail("expected 'TestVideoFile{end+1}.gt_frame = [a:b];', got " + quoted(st));
            const std::string index = lhs.substr(prefix.size(), lhs.size() - prefix.size() - suffix.size());
            int64_t n = 0;
            if (index != "end+1") {
                if (!parsePositive(index, n) || n != int64_t(videos.size()) + 1)
                    ctx.fail("video index {" + index + "}: expected {end+1} or {"
                             + std::to_string(videos.size() + 1) + "} (statements must be in video order)");
            }
            UcsdVideoRanges v;
            v.line = lineNo;
            v.text = rhs;
            v.ranges = parseBracket(rhs, ctx);
            videos.push_back(std::move(v));
        }
        if (nl == text.size())
            break;
    }
    if (videos.empty())
        throw Error(ErrorCode::Format, quoted(sourceName)
                                           + ": no 'TestVideoFile{end+1}.gt_frame = [...]' statement found");
    return videos;
}

std::vector<UcsdVideoRanges> parseUcsdM(const std::string& path)
{
    return parseUcsdMText(readFile(path), path);
}

std::vector<uint8_t> ucsdLabels(const UcsdVideoRanges& video, int64_t frameCount,
                                const std::string& sourceName, const std::string& videoName)
{
    for (const FrameRange& r : video.ranges) {
        if (r.end > frameCount)
            throw Error(ErrorCode::Mismatch,
                        quoted(sourceName) + " line " + std::to_string(video.line) + " (" + videoName
                            + "): range " + std::to_string(r.begin + 1) + ":" + std::to_string(r.end)
                            + " ends after the last frame: " + videoName + " has " + std::to_string(frameCount)
                            + " frames");
    }
    return rangesToLabels(video.ranges, frameCount,
                          quoted(sourceName) + " line " + std::to_string(video.line) + " (" + videoName + ")");
}

} // namespace vaclip
