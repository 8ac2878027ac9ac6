// ShanghaiTech Campus (one-class split).
#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers_internal.h"

#include <set>

namespace fs = std::filesystem;

namespace vaclip::data {

bool detectShanghaiTech(const fs::path& root)
{
    return isDirectory(root / "testing" / "test_frame_mask") && isDirectory(root / "testing" / "frames");
}

void importShanghaiTech(ImportContext& ctx)
{
    const std::string category = "shanghaitech";
    const fs::path& root = ctx.sourceRoot();

    // Training: videos (as shipped) or extracted frame folders.
    if (isDirectory(root / "training" / "videos")) {
        const auto videos = listFiles(root / "training" / "videos", &isVideoFile);
        if (videos.empty())
            throw Error(ErrorCode::NotFound, quoted((root / "training" / "videos").string()) + ": no video files");
        for (const fs::path& v : videos)
            ctx.add("train", category, v, false);
    } else if (isDirectory(root / "training" / "frames")) {
        for (const FoundVideo& v : findFrameFolders(root / "training" / "frames"))
            ctx.add("train", category, v.path, false).frameCount = v.frameCount;
    } else {
        ctx.note("no training/videos or training/frames folder: the meta has no training videos");
    }

    const fs::path framesDir = root / "testing" / "frames";
    const fs::path frameMaskDir = root / "testing" / "test_frame_mask";
    const fs::path pixelMaskDir = root / "testing" / "test_pixel_mask";
    if (!isDirectory(framesDir))
        throw Error(ErrorCode::NotFound, quoted(framesDir.string()) + ": missing (expected testing/frames/<scene>_<clip>/NNN.jpg)");
    if (!isDirectory(frameMaskDir))
        throw Error(ErrorCode::NotFound, quoted(frameMaskDir.string())
                                             + ": missing (expected testing/test_frame_mask/<scene>_<clip>.npy)");
    const bool havePixelMasks = isDirectory(pixelMaskDir);
    if (!havePixelMasks)
        ctx.note("no testing/test_pixel_mask folder: no pixel masks in the meta");

    const std::vector<FoundVideo> tests = findFrameFolders(framesDir);
    if (tests.empty())
        throw Error(ErrorCode::NotFound, quoted(framesDir.string()) + ": no frame folders (<scene>_<clip>/NNN.jpg)");
    std::set<std::string> used;
    for (const FoundVideo& v : tests) {
        const std::string name = v.path.filename().string();
        const fs::path gt = frameMaskDir / (name + ".npy");
        if (!isRegularFile(gt))
            throw Error(ErrorCode::NotFound, quoted(gt.string()) + ": the frame ground truth of "
                                                 + ctx.shortName(v.path) + " is missing");
        used.insert(gt.filename().string());
        const std::vector<uint8_t> labels = readLabelNpy(gt.string());
        if (int64_t(labels.size()) != *v.frameCount)
            throw Error(ErrorCode::Mismatch, quoted(gt.string()) + ": " + std::to_string(labels.size())
                                                 + " frame labels for the " + std::to_string(*v.frameCount)
                                                 + " frames of " + ctx.shortName(v.path));
        VideoEntry& e = ctx.add("test", category, v.path, countAnomalous(labels) > 0);
        e.frameCount = v.frameCount;
        ctx.setGt(e, gt);
        const fs::path pixel = pixelMaskDir / (name + ".npy");
        if (havePixelMasks && isRegularFile(pixel))
            ctx.setMask(e, pixel);
    }
    std::size_t orphans = 0;
    for (const fs::path& f : listFiles(frameMaskDir, [](const fs::path& p) { return lowerExtension(p) == ".npy"; }))
        orphans += used.count(f.filename().string()) ? 0 : 1;
    if (orphans)
        ctx.note(std::to_string(orphans) + " file(s) in testing/test_frame_mask have no frame folder in testing/frames");
}

} // namespace vaclip::data
