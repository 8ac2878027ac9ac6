// A plain folder of videos.
#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers_internal.h"

namespace fs = std::filesystem;

namespace vaclip::data {

namespace {

const std::vector<std::string> kReserved = {"normal", "abnormal", "labels", "gt"};

std::string categoryOf(const fs::path& root)
{
    const std::string name = root.filename().string();
    return name.empty() ? std::string("videos") : name;
}

/// labels/<stem>.txt or .npy, when present.
fs::path labelFileFor(const fs::path& root, const FoundVideo& v)
{
    for (const char* ext : {".txt", ".npy"}) {
        const fs::path p = root / "labels" / (v.stem() + ext);
        if (isRegularFile(p))
            return p;
    }
    return {};
}

} // namespace

bool detectFolder(const fs::path& root)
{
    if (isDirectory(root / "normal") || isDirectory(root / "abnormal"))
        return true;
    return !findVideos(root, kReserved).empty();
}

void importFolder(ImportContext& ctx)
{
    const fs::path& root = ctx.sourceRoot();
    const std::string category = categoryOf(root);
    const bool split = isDirectory(root / "normal") || isDirectory(root / "abnormal");

    struct Item {
        FoundVideo video;
        std::optional<bool> folderSays;   // from normal/ or abnormal/
    };
    std::vector<Item> items;
    if (split) {
        for (const char* sub : {"normal", "abnormal"}) {
            if (!isDirectory(root / sub))
                continue;
            for (const FoundVideo& v : findVideos(root / sub))
                items.push_back({v, std::string(sub) == "abnormal"});
        }
        if (!findVideos(root, kReserved).empty())
            ctx.note("videos directly in the root are ignored when normal/ or abnormal/ exist");
    } else {
        for (const FoundVideo& v : findVideos(root, kReserved))
            items.push_back({v, std::nullopt});
    }
    if (items.empty())
        throw Error(ErrorCode::NotFound, quoted(root.string()) + ": no videos (video files or folders of frame images)"
                                             + (split ? " in normal/ or abnormal/" : ""));

    for (const Item& item : items) {
        const FoundVideo& v = item.video;
        const fs::path labelFile = labelFileFor(root, v);
        std::optional<std::vector<uint8_t>> labels;
        if (!labelFile.empty())
            labels = loadFrameLabels(labelFile.string(), LabelFormat::Auto, v.frameCount);
        bool anomaly = item.folderSays.value_or(false);
        if (labels) {
            const bool any = countAnomalous(*labels) > 0;
            if (item.folderSays && *item.folderSays != any)
                throw Error(ErrorCode::Mismatch, quoted(labelFile.string()) + ": "
                                                     + (any ? "marks anomalous frames, but the video is in normal/"
                                                            : "marks no anomalous frame, but the video is in abnormal/"));
            anomaly = any;
        }
        VideoEntry& e = ctx.add("test", category, v.path, anomaly);
        e.frameCount = v.frameCount;
        if (!labelFile.empty())
            ctx.setGt(e, labelFile);
    }
}

} // namespace vaclip::data
