// computeEmbeddings: vaclip embed's engine half (clip_embed.h).
#include "clip/clip_embed.h"

#include "clip/clip_loader.h"
#include "clip/preprocess.h"
#include "common/error.h"
#include "io/image.h"

#include <algorithm>
#include <cstring>

namespace vaclip::clip {

namespace {

constexpr int64_t kBatch = 16;

NpyArray toNpy(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kFloat).contiguous();
    NpyArray a;
    a.dtype = DType::F32;
    a.shape = c.sizes().vec();
    a.data.resize(std::size_t(c.numel()) * sizeof(float));
    std::memcpy(a.data.data(), c.data_ptr<float>(), a.data.size());
    return a;
}

std::vector<std::vector<double>> cosineTable(const torch::Tensor& rows, const torch::Tensor& cols)
{
    namespace F = torch::nn::functional;
    const torch::Tensor a = F::normalize(rows.to(torch::kDouble), F::NormalizeFuncOptions().dim(1));
    const torch::Tensor b = F::normalize(cols.to(torch::kDouble), F::NormalizeFuncOptions().dim(1));
    const torch::Tensor s = at::matmul(a, b.t()).contiguous();
    std::vector<std::vector<double>> out(std::size_t(s.size(0)));
    for (int64_t i = 0; i < s.size(0); ++i)
        for (int64_t j = 0; j < s.size(1); ++j)
            out[std::size_t(i)].push_back(s[i][j].item<double>());
    return out;
}

} // namespace

EmbedResult computeEmbeddings(const EmbedRequest& request)
{
    if (request.images.empty() && request.texts.empty())
        throw Error(ErrorCode::InvalidArgument, "nothing to embed: give --image and/or --text");
    EmbedResult result;
    // Decode the images first: a bad path fails before the (slow) model load.
    std::vector<Image> images;
    for (const std::string& path : request.images)
        images.push_back(readImage(path));
    // Tokenize before loading too (a missing vocabulary is reported early).
    std::vector<std::vector<int64_t>> ids;
    if (!request.texts.empty()) {
        const Tokenizer tokenizer = loadTokenizerFor(request.backbone, request.vocabulary);
        for (const std::string& text : request.texts) {
            const TokenizeResult r = tokenizer.tokenize(text);
            if (r.truncated)
                result.warnings.push_back("prompt \"" + text + "\" has " + std::to_string(r.tokenCount) +
                                          " tokens; the last " + std::to_string(r.droppedTokens) +
                                          " were cut to fit " + std::to_string(kContextLength));
            ids.push_back(r.ids);
        }
    }

    ClipModel clip = loadClip(request.backbone, request.load);
    const ClipConfig& c = clip->config();
    result.backbone = summarizeModel(*clip);

    c10::InferenceMode guard;
    torch::Tensor imageFeatures, textFeatures;
    if (!images.empty()) {
        ClipPreprocessor pre(c.imageResolution);
        std::vector<torch::Tensor> feats, tokens;
        for (std::size_t begin = 0; begin < images.size(); begin += kBatch) {
            const std::size_t n = std::min<std::size_t>(kBatch, images.size() - begin);
            torch::Tensor batch = torch::empty({int64_t(n), 3, c.imageResolution, c.imageResolution});
            for (std::size_t i = 0; i < n; ++i)
                pre.run(images[begin + i], batch[int64_t(i)].data_ptr<float>());
            if (request.tokens) {
                VisualTokens t = clip->encodeImageTokens(batch);
                feats.push_back(t.embedding);
                tokens.push_back(t.projected[0]);
            } else {
                feats.push_back(clip->encodeImage(batch));
            }
        }
        imageFeatures = torch::cat(feats, 0);
        result.imageFeatures = toNpy(imageFeatures);
        if (request.tokens)
            result.visualTokensProjected = toNpy(torch::cat(tokens, 0));
    }
    if (!ids.empty()) {
        torch::Tensor idTensor = torch::empty({int64_t(ids.size()), kContextLength}, torch::kLong);
        for (std::size_t i = 0; i < ids.size(); ++i)
            std::memcpy(idTensor[int64_t(i)].data_ptr<int64_t>(), ids[i].data(),
                        sizeof(int64_t) * kContextLength);
        std::vector<torch::Tensor> feats;
        for (int64_t begin = 0; begin < idTensor.size(0); begin += 64)
            feats.push_back(clip->encodeText(idTensor.slice(0, begin, begin + 64)));
        textFeatures = torch::cat(feats, 0);
        result.textFeatures = toNpy(textFeatures);
        std::vector<int64_t> flat;
        for (const auto& row : ids)
            flat.insert(flat.end(), row.begin(), row.end());
        result.textTokenIds = NpyArray::fromInt64(flat, {int64_t(ids.size()), kContextLength});
    }
    const torch::Tensor rows = imageFeatures.defined() ? imageFeatures : textFeatures;
    const torch::Tensor cols = textFeatures.defined() ? textFeatures : imageFeatures;
    result.rowLabels = imageFeatures.defined() ? request.images : request.texts;
    result.columnLabels = textFeatures.defined() ? request.texts : request.images;
    result.cosine = cosineTable(rows, cols);
    return result;
}

} // namespace vaclip::clip
