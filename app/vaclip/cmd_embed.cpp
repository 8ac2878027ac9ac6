// vaclip embed: CLIP features of a few images and prompts, written as .npy, with their cosine
// similarities on stdout. How a user checks a backbone and a prompt by hand.
#include "clip/clip_embed.h"
#include "commands.h"
#include "common/error.h"
#include "io/npy.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace vaclip::cli {

namespace {

namespace fs = std::filesystem;

struct EmbedArgs {
    clip::EmbedRequest request;
    std::string out;
    int threads = 0;
};

std::string shortLabel(const std::string& s, std::size_t width)
{
    std::string l = s;
    if (fs::path(s).has_parent_path() && fs::exists(s))
        l = fs::path(s).filename().string();
    if (l.size() > width)
        l = l.substr(0, width - 3) + "...";
    return l;
}

void printTable(const clip::EmbedResult& r)
{
    std::size_t rowWidth = 8;
    for (const std::string& s : r.rowLabels)
        rowWidth = std::max(rowWidth, std::min<std::size_t>(shortLabel(s, 40).size(), 40));
    std::printf("%-*s", int(rowWidth), "cosine");
    for (std::size_t j = 0; j < r.columnLabels.size(); ++j)
        std::printf("  %10s", ("[" + std::to_string(j) + "]").c_str());
    std::printf("\n");
    for (std::size_t i = 0; i < r.cosine.size(); ++i) {
        std::printf("%-*s", int(rowWidth), shortLabel(r.rowLabels[i], 40).c_str());
        for (double v : r.cosine[i])
            std::printf("  %10.4f", v);
        std::printf("\n");
    }
    for (std::size_t j = 0; j < r.columnLabels.size(); ++j)
        std::printf("[%zu] %s\n", j, r.columnLabels[j].c_str());
}

void run(const EmbedArgs& a)
{
    setComputeThreads(a.threads);
    const clip::EmbedResult r = clip::computeEmbeddings(a.request);
    for (const std::string& w : r.warnings)
        std::fprintf(stderr, "vaclip: warning: %s\n", w.c_str());
    std::error_code ec;
    fs::create_directories(a.out, ec);
    if (ec)
        throw Error(ErrorCode::Io, "cannot create " + quoted(a.out) + ": " + ec.message());
    const fs::path out(a.out);
    std::vector<std::string> written;
    auto write = [&](const char* name, const NpyArray& array) {
        writeNpy((out / name).string(), array);
        written.push_back(name);
    };
    if (!a.request.images.empty())
        write("image_features.npy", r.imageFeatures);
    if (!a.request.texts.empty()) {
        write("text_features.npy", r.textFeatures);
        write("text_token_ids.npy", r.textTokenIds);
    }
    if (a.request.tokens && !a.request.images.empty())
        write("visual_tokens_projected.npy", r.visualTokensProjected);
    std::printf("backbone  %s (%s, %s)\n", r.backbone.backboneId.c_str(), r.backbone.format.c_str(),
                r.backbone.description.c_str());
    std::printf("wrote     ");
    for (std::size_t i = 0; i < written.size(); ++i)
        std::printf("%s%s", i ? ", " : "", written[i].c_str());
    std::printf(" in %s\n\n", a.out.c_str());
    printTable(r);
}

} // namespace

void addEmbedCommand(CLI::App& app)
{
    auto args = std::make_shared<EmbedArgs>();
    CLI::App* cmd = app.add_subcommand("embed", "CLIP features of images and prompts, with their cosine similarities");
    cmd->add_option("--backbone", args->request.backbone,
                    "CLIP weights: OpenAI .pt, .safetensors or a Hugging Face folder")->required();
    cmd->add_option("--image", args->request.images, "image file(s)")->check(CLI::ExistingFile);
    cmd->add_option("--text", args->request.texts, "prompt(s)");
    cmd->add_flag("--tokens", args->request.tokens, "also write every visual token, projected (visual_tokens_projected.npy)");
    cmd->add_option("--out", args->out, "output folder")->required();
    cmd->add_option("--vocab", args->request.vocabulary,
                    "tokenizer vocabulary (bpe_simple_vocab_16e6.txt.gz or a folder with vocab.json + merges.txt); "
                    "default: found next to the weights");
    cmd->add_option("--vision-heads", args->request.load.visionHeads, "attention heads of the image tower (default: from the file, else width/64)");
    cmd->add_option("--text-heads", args->request.load.textHeads, "attention heads of the text tower (default: from the file, else width/64)");
    cmd->add_option("--threads", args->threads, "compute threads (0 = all cores)")->check(CLI::NonNegativeNumber);
    cmd->footer("Writes image_features.npy [I, D], text_features.npy [T, D] (float32, not normalised),\n"
                "text_token_ids.npy [T, 77] (int64) and with --tokens visual_tokens_projected.npy [I, 1+N, D].\n"
                "Prints the image x text cosine similarities (image x image or text x text when one side is empty).\n"
                "Examples:\n"
                "  vaclip embed --backbone ViT-B-16.pt --image cat.jpg --text 'a photo of a cat' --text 'a car' --out emb\n"
                "  vaclip embed --backbone clip-vit-base-patch32/ --text 'a person fighting' --out emb");
    cmd->callback([args] {
        if (args->request.images.empty() && args->request.texts.empty())
            throw CLI::ValidationError("embed", "give at least one --image or --text");
        run(*args);
    });
}

} // namespace vaclip::cli
