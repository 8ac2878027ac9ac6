// The data of a pretraining step: rendered samples, captions, tokens, and the contrastive loss.

#include "clip/preprocess.h"
#include "common/error.h"
#include "pretrain/pretrain_internal.h"
#include "synth/captions.h"
#include "synth/rng.h"
#include "synth/samples.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace vaclip::pretrain {

namespace {

void mirror(Image& img)
{
    for (int y = 0; y < img.height; ++y) {
        uint8_t* row = img.rgb.data() + std::size_t(y) * img.width * 3;
        for (int a = 0, b = img.width - 1; a < b; ++a, --b)
            for (int k = 0; k < 3; ++k)
                std::swap(row[a * 3 + k], row[b * 3 + k]);
    }
}

} // namespace

std::vector<std::string> worldCaptionCorpus()
{
    std::vector<std::string> corpus = synth::captionVocabulary();
    for (int k = 0; k < synth::kActorKindCount; ++k)
        for (const std::string& p : synth::actorPhrases(synth::ActorKind(k)))
            corpus.push_back(p);
    for (synth::World w : {synth::World::Campus, synth::World::Walkway})
        for (int s = 0; s < synth::sceneCount(w); ++s)
            corpus.push_back(synth::placePhrase(synth::sceneLayout(w, s)));
    return corpus;
}

HardNegativeGroup hardNegativeGroup(const PretrainConfig& c, uint64_t firstIndex, int count)
{
    HardNegativeGroup g;
    g.size = std::clamp(int(std::lround(c.hardNegativeFraction * count)), 0, count);
    if (g.size == 0 || c.hardNegativeKinds.empty()) {
        g.size = 0;
        return g;
    }
    synth::Rng rng(synth::hashCombine(synth::hashCombine(c.seed, firstIndex), 0x4A4E454741ULL));
    const synth::World world = rng.chance(0.5) ? synth::World::Campus : synth::World::Walkway;
    g.world = int(world);
    g.scene = rng.below(synth::sceneCount(world));
    std::vector<uint64_t> variantOfKind;
    for (std::size_t k = 0; k < c.hardNegativeKinds.size(); ++k)
        variantOfKind.push_back(rng.next());
    for (int j = 0; j < g.size; ++j) {
        const std::size_t k = std::size_t(j) % c.hardNegativeKinds.size();
        g.kinds.push_back(int(synth::parseActorKind(c.hardNegativeKinds[k])));
        g.variants.push_back(c.hardNegativeCrowd > 0 ? 0 : variantOfKind[k]);   // 0: the plainest caption
    }
    return g;
}

Batch makeBatch(const PretrainConfig& c, uint64_t firstIndex, int count, double progress)
{
    const HardNegativeGroup group = hardNegativeGroup(c, firstIndex, count);
    synth::SampleOptions o;
    o.size = c.imageSize;
    o.singleActorFraction = c.singleActorStart + (c.singleActorEnd - c.singleActorStart) * std::clamp(progress, 0.0, 1.0);
    o.emptyFraction = c.emptyFraction;
    o.maxCrowd = c.maxCrowd;
    const clip::ClipPreprocessor pre(c.imageSize);
    Batch batch;
    batch.images = torch::empty({count, 3, c.imageSize, c.imageSize}, torch::kFloat);
    batch.captions.resize(std::size_t(count));
    batch.kinds.assign(std::size_t(count), -1);
    float* out = batch.images.data_ptr<float>();
    auto renderOne = [&](int j) {
        synth::Rng rng(synth::hashCombine(c.seed, firstIndex + uint64_t(j)));
        const bool fromClip = rng.chance(c.clipFraction);
        const bool flip = rng.chance(c.flipProbability);
        const uint64_t seed = rng.next();
        synth::SampleOptions so = o;
        if (j < group.size) {   // the hard-negative group: one actor of the group's kind, the group's scene
            so.kind = synth::ActorKind(group.kinds[std::size_t(j)]);
            so.world = synth::World(group.world);
            so.scene = group.scene;
            so.kindCrowd = c.hardNegativeCrowd;
            so.captionVariant = group.variants[std::size_t(j)];
            if (rng.chance(c.zoomFraction))
                so.zoom = rng.uniform(1.0, c.maxZoom);
            batch.kinds[std::size_t(j)] = group.kinds[std::size_t(j)];
        }
        synth::Sample s = fromClip ? synth::sampleClip(seed, so, 1) : synth::sampleImage(seed, so);
        Image& img = s.frames.front();
        if (flip)
            mirror(img);
        float* dst = out + std::size_t(j) * pre.floatsPerImage();
        if (img.width == c.imageSize && img.height == c.imageSize)
            pre.normalize(img, dst);
        else
            pre.run(img, dst);
        batch.captions[std::size_t(j)] = s.caption;
    };
    // Two renderers: one fills the even samples, the caller the odd ones (deterministic either way).
    std::thread helper([&] {
        for (int j = 0; j < count; j += 2)
            renderOne(j);
    });
    for (int j = 1; j < count; j += 2)
        renderOne(j);
    helper.join();
    return batch;
}

std::vector<std::string> distinctCaptions(const std::vector<std::string>& captions, std::vector<int64_t>& index)
{
    std::vector<std::string> unique;
    std::unordered_map<std::string, int64_t> seen;
    index.clear();
    for (const std::string& t : captions) {
        auto [it, inserted] = seen.emplace(t, int64_t(unique.size()));
        if (inserted)
            unique.push_back(t);
        index.push_back(it->second);
    }
    return unique;
}

torch::Tensor tokenizeTexts(const clip::Tokenizer& tok, const std::vector<std::string>& texts, int contextLength)
{
    std::vector<clip::TokenizeResult> rows;
    int length = 2;
    for (const std::string& t : texts) {
        rows.push_back(tok.tokenize(t, contextLength));
        length = std::max(length, rows.back().eotIndex + 1);
    }
    torch::Tensor ids = torch::zeros({int64_t(texts.size()), length}, torch::kLong);
    auto a = ids.accessor<int64_t, 2>();
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (int k = 0; k < length; ++k)
            a[int64_t(i)][k] = rows[i].ids[std::size_t(k)];
    return ids;
}

torch::Tensor contrastiveLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    // image -> text: each image's one caption among the distinct ones
    const torch::Tensor imageLoss = torch::nn::functional::cross_entropy(logits, target);
    // text -> image: a caption's positives are all images that carry it
    const torch::Tensor logProb = torch::log_softmax(logits, 0);
    const torch::Tensor positive = torch::one_hot(target, logits.size(1)).to(torch::kBool);
    const torch::Tensor masked = logProb.masked_fill(positive.logical_not(), -1e9);
    const torch::Tensor textLoss = -torch::logsumexp(masked, 0).mean();
    return 0.5 * (imageLoss + textLoss);
}

} // namespace vaclip::pretrain
