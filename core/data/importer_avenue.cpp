// CUHK Avenue.
#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers_internal.h"

#include <cctype>

namespace fs = std::filesystem;

namespace vaclip::data {

namespace {

const char* const kGtFolders[] = {
    "testing_label_mask",
    "ground_truth_demo/testing_label_mask",
    "testing_labels",
    "test_frame_mask",
    "testing/test_frame_mask",
};

/// "01" -> "1"; "" when the stem is not a number.
std::string numberOf(const std::string& stem)
{
    if (stem.empty() || stem.size() > 9)
        return {};
    for (char c : stem)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return {};
    return std::to_string(std::stoi(stem));
}

std::vector<FoundVideo> videosOrFrames(const fs::path& videoDir, const fs::path& framesDir)
{
    if (isDirectory(videoDir)) {
        std::vector<FoundVideo> out;
        for (const fs::path& f : listFiles(videoDir, &isVideoFile))
            out.push_back({f, std::nullopt});
        return out;
    }
    if (isDirectory(framesDir))
        return findFrameFolders(framesDir);
    return {};
}

} // namespace

bool detectAvenue(const fs::path& root)
{
    return isDirectory(root / "testing_videos") && !listFiles(root / "testing_videos", &isVideoFile).empty();
}

void importAvenue(ImportContext& ctx)
{
    const std::string category = "avenue";
    const fs::path& root = ctx.sourceRoot();

    const auto train = videosOrFrames(root / "training_videos", root / "training" / "frames");
    if (train.empty())
        ctx.note("no training_videos/*.avi (or training/frames/<video>/): the meta has no training videos");
    for (const FoundVideo& v : train)
        ctx.add("train", category, v.path, false).frameCount = v.frameCount;

    const auto tests = videosOrFrames(root / "testing_videos", root / "testing" / "frames");
    if (tests.empty())
        throw Error(ErrorCode::NotFound, quoted(root.string())
                                             + ": no test videos (expected testing_videos/*.avi or testing/frames/<video>/)");

    fs::path gtDir;
    for (const char* candidate : kGtFolders)
        if (isDirectory(root / candidate)) {
            gtDir = root / candidate;
            break;
        }
    if (gtDir.empty())
        throw Error(ErrorCode::NotFound, quoted(root.string())
                                             + ": no Avenue ground truth: expected testing_label_mask/<N>_label.mat "
                                               "(from ground_truth_demo.zip, also accepted under ground_truth_demo/) or "
                                               "per-video labels in testing_labels/<video>.npy|.txt");

    for (const FoundVideo& v : tests) {
        const std::string stem = v.stem();
        const std::string n = numberOf(stem);
        std::vector<std::string> names;
        if (!n.empty())
            names.push_back(n + "_label.mat");
        for (const char* ext : {"_label.mat", ".mat", ".npy", ".txt"})
            names.push_back(stem + ext);
        if (!n.empty() && n != stem) {
            names.push_back(n + ".npy");
            names.push_back(n + ".txt");
        }
        fs::path gt;
        for (const std::string& name : names)
            if (isRegularFile(gtDir / name)) {
                gt = gtDir / name;
                break;
            }
        if (gt.empty()) {
            std::string tried;
            for (const std::string& name : names)
                tried += (tried.empty() ? "" : ", ") + name;
            throw Error(ErrorCode::NotFound, quoted(gtDir.string()) + ": no ground truth for test video "
                                                 + ctx.shortName(v.path) + " (looked for " + tried + ")");
        }
        const std::vector<uint8_t> labels = loadFrameLabels(gt.string(), LabelFormat::Auto, v.frameCount);
        VideoEntry& e = ctx.add("test", category, v.path, countAnomalous(labels) > 0);
        e.frameCount = v.frameCount;
        ctx.setGt(e, gt);
    }
}

} // namespace vaclip::data
