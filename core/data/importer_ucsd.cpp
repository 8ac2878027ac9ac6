// UCSD Anomaly Detection Dataset v1p2 (Ped1, Ped2).
#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers_internal.h"

#include <cctype>

namespace fs = std::filesystem;

namespace vaclip::data {

namespace {

/// "Test012" with prefix "Test": the prefix followed by digits only.
bool isNumbered(const std::string& name, const std::string& prefix)
{
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0)
        return false;
    for (std::size_t i = prefix.size(); i < name.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(name[i])))
            return false;
    return true;
}

std::vector<fs::path> numberedFolders(const fs::path& dir, const std::string& prefix)
{
    std::vector<fs::path> out;
    for (const fs::path& d : listSubdirectories(dir))
        if (isNumbered(d.filename().string(), prefix))
            out.push_back(d);
    return out;
}

std::string pedName(int n) { return "UCSDped" + std::to_string(n); }

bool detectUcsd(const fs::path& root, int n)
{
    const std::string name = pedName(n);
    return isRegularFile(root / name / "Test" / (name + ".m")) || isRegularFile(root / "Test" / (name + ".m"));
}

void importUcsd(ImportContext& ctx, int n)
{
    const std::string name = pedName(n);
    const std::string category = "ped" + std::to_string(n);
    const fs::path& root = ctx.sourceRoot();
    fs::path ped;
    if (isDirectory(root / name / "Test"))
        ped = root / name;
    else if (isDirectory(root / "Test"))
        ped = root;
    else
        throw Error(ErrorCode::NotFound, quoted(root.string()) + ": no " + name + "/Test or Test folder (expected "
                                             + name + "/Train/Train001/*.tif, " + name + "/Test/Test001/*.tif and "
                                             + name + "/Test/" + name + ".m)");
    const fs::path testDir = ped / "Test";

    fs::path mfile = testDir / (name + ".m");
    if (!isRegularFile(mfile)) {
        const auto ms = listFiles(testDir, [](const fs::path& p) { return lowerExtension(p) == ".m"; });
        if (ms.size() != 1)
            throw Error(ErrorCode::NotFound, quoted(mfile.string()) + ": the frame-level ground truth file is missing"
                                                 + (ms.empty() ? std::string()
                                                               : " (and " + std::to_string(ms.size())
                                                                     + " other .m files make the choice ambiguous)"));
        const std::string other = ms.front().filename().string();
        if (other.size() == 10 && other.compare(0, 7, "UCSDped") == 0 && other != name + ".m")
            throw Error(ErrorCode::NotFound, quoted(mfile.string()) + ": missing; the folder holds " + quoted(other)
                                                 + " instead: is this the other UCSD subset?");
        mfile = ms.front();
    }

    // Train: normal videos.
    const fs::path trainDir = ped / "Train";
    if (isDirectory(trainDir)) {
        for (const fs::path& d : numberedFolders(trainDir, "Train")) {
            const int64_t frames = countImageFiles(d);
            if (frames == 0)
                throw Error(ErrorCode::NotFound, quoted(d.string()) + ": no frame images (.tif) in the folder");
            ctx.add("train", category, d, false).frameCount = frames;
        }
    } else {
        ctx.note("no " + ctx.shortName(trainDir) + " folder: the meta has no training videos");
    }

    // Test: ranges from the .m file, one statement per TestNNN folder in order.
    const std::vector<fs::path> tests = numberedFolders(testDir, "Test");
    if (tests.empty())
        throw Error(ErrorCode::NotFound, quoted(testDir.string()) + ": no Test001, Test002, ... folders");
    const std::vector<UcsdVideoRanges> ranges = parseUcsdM(mfile.string());
    if (ranges.size() != tests.size()) {
        std::string detail;
        if (ranges.size() < tests.size())
            detail = "; " + tests[ranges.size()].filename().string() + " and later folders have no gt_frame line";
        else
            detail = "; line " + std::to_string(ranges[tests.size()].line) + " and later lines have no Test folder";
        throw Error(ErrorCode::Mismatch, quoted(mfile.string()) + ": " + std::to_string(ranges.size())
                                             + " gt_frame lines for " + std::to_string(tests.size())
                                             + " test folders in " + quoted(testDir.string()) + detail);
    }
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const fs::path& dir = tests[i];
        const std::string video = dir.filename().string();
        const int64_t frames = countImageFiles(dir);
        if (frames == 0)
            throw Error(ErrorCode::NotFound, quoted(dir.string()) + ": no frame images (.tif) in the folder");
        const std::vector<uint8_t> labels = ucsdLabels(ranges[i], frames, mfile.string(), video);
        const int64_t anomalous = countAnomalous(labels);
        VideoEntry& e = ctx.add("test", category, dir, anomalous > 0);
        e.frameCount = frames;
        ctx.addLabelFile(e, video, labels,
                         "ground truth of " + ctx.shortName(dir) + " from " + mfile.filename().string() + " line "
                             + std::to_string(ranges[i].line) + ": " + ranges[i].text
                             + " (MATLAB, 1-based inclusive)\none label per frame (0 normal, 1 anomalous), frame 0 first; "
                             + std::to_string(frames) + " frames, " + std::to_string(anomalous) + " anomalous");
        const fs::path maskDir = testDir / (video + "_gt");
        if (isDirectory(maskDir)) {
            const int64_t masks = countImageFiles(maskDir);
            if (masks != frames)
                throw Error(ErrorCode::Mismatch, quoted(maskDir.string()) + ": " + std::to_string(masks)
                                                     + " mask images for the " + std::to_string(frames) + " frames of "
                                                     + video);
            ctx.setMask(e, maskDir);
        }
    }
}

} // namespace

bool detectUcsdPed1(const fs::path& root) { return detectUcsd(root, 1); }
bool detectUcsdPed2(const fs::path& root) { return detectUcsd(root, 2); }
void importUcsdPed1(ImportContext& ctx) { importUcsd(ctx, 1); }
void importUcsdPed2(ImportContext& ctx) { importUcsd(ctx, 2); }

} // namespace vaclip::data
