// vaclip info FILE: what a video, an image folder or a dataset meta.json holds.
#include "commands.h"
#include "common/error.h"
#include "io/frame_reader.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace vaclip::cli {

void printMetaInfo(const std::string& path, bool json, bool checkVideos);  // cmd_info_meta.cpp

namespace {

struct InfoArgs {
    std::string path;
    bool json = false;
    bool decode = false;
    bool checkVideos = false;
};

void printVideoInfo(const InfoArgs& a)
{
    auto reader = FrameReader::open(a.path);
    const VideoInfo& v = reader->info();
    int64_t decoded = -1;
    if (a.decode) {
        Frame f;
        decoded = 0;
        while (reader->next(f))
            ++decoded;
    }
    std::vector<std::string> warnings = reader->takeWarnings();
    if (a.json) {
        nlohmann::json j = {{"path", v.path},
                            {"kind", v.imageSequence ? "image_sequence" : "video"},
                            {"container", v.container},
                            {"codec", v.codec},
                            {"pixel_format", v.pixelFormat},
                            {"frames", v.frameCount},
                            {"fps", v.fps},
                            {"width", v.width},
                            {"height", v.height},
                            {"duration_seconds", v.durationSeconds},
                            {"variable_frame_rate", v.variableFrameRate},
                            {"warnings", warnings}};
        if (decoded >= 0)
            j["decoded_frames"] = decoded;
        std::cout << j.dump(2) << "\n";
        return;
    }
    std::printf("%s\n", v.path.c_str());
    std::printf("  kind        %s (%s)\n", v.imageSequence ? "image sequence" : "video file", v.container.c_str());
    std::printf("  codec       %s, %s\n", v.codec.c_str(), v.pixelFormat.c_str());
    std::printf("  frames      %lld\n", static_cast<long long>(v.frameCount));
    std::printf("  size        %dx%d\n", v.width, v.height);
    std::printf("  fps         %.3f%s\n", v.fps, v.variableFrameRate ? " (variable frame rate)" : "");
    std::printf("  duration    %.3f s\n", v.durationSeconds);
    if (decoded >= 0)
        std::printf("  decoded     %lld frames\n", static_cast<long long>(decoded));
    for (const std::string& w : warnings)
        std::printf("  warning     %s\n", w.c_str());
}

} // namespace

void addInfoCommand(CLI::App& app)
{
    auto args = std::make_shared<InfoArgs>();
    CLI::App* cmd = app.add_subcommand("info", "Describe a video file, an image-sequence folder or a dataset meta.json");
    cmd->add_option("path", args->path, "video file, folder of images, or meta.json")->required();
    cmd->add_flag("--json", args->json, "print JSON instead of a table");
    cmd->add_flag("--decode", args->decode, "decode every frame and report undecodable ones (videos)");
    cmd->add_flag("--check-videos", args->checkVideos, "open every video of a meta.json and compare frame counts with its labels");
    cmd->footer("Examples:\n  vaclip info UCSDped2/Test/Test001\n  vaclip info clip.mp4 --decode\n  vaclip info data/ped2/meta.json");
    cmd->callback([args] {
        std::filesystem::path p(args->path);
        if (p.extension() == ".json")
            printMetaInfo(args->path, args->json, args->checkVideos);
        else
            printVideoInfo(*args);
    });
}

} // namespace vaclip::cli
