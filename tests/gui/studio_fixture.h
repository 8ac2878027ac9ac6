#pragma once
// A small real workspace for the studio's GUI suites: the walkway demo world rendered small
// (core/synth), its CLIP features extracted with the tiny reference CLIP of ../shared, and a
// config YAML over both. Takes about a second.
//
//   vaclip::test::TempDir dir;
//   const QString config = makeStudioWorkspace(dir);   // <dir>/walkway.yaml
//   session.openConfig(config);

#include "data/meta.h"
#include "features/extractor.h"
#include "synth/dataset.h"
#include "test_support.h"

#include <QString>

#include <string>

inline std::string tinyClipPath()
{
    return (vaclip::test::sharedDir() / "reference/clip/tiny-a/hf").string();
}

/// Renders, extracts and writes the config; returns the config path. `extraYaml` is appended.
/// `patchTokens`: the cache holds patch tokens too (for pixel maps).
inline QString makeStudioWorkspace(const vaclip::test::TempDir& dir, const std::string& extraYaml = {},
                                   bool patchTokens = false)
{
    vaclip::synth::SynthDatasetOptions o;
    o.world = vaclip::synth::World::Walkway;
    o.outDir = dir.file("walkway");
    o.videos = 4;
    o.frames = 40;
    o.width = 96;
    o.height = 64;
    o.seed = 5;
    vaclip::synth::writeSynthDataset(o);

    vaclip::ExtractionParams p;
    p.cacheDir = dir.file("cache");
    p.inputSize = 32;
    p.threads = 1;
    p.patchTokens = patchTokens;
    auto ex = vaclip::FeatureExtractor::fromBackbone(tinyClipPath(), p);
    const vaclip::DatasetMeta meta = vaclip::loadMeta(dir.file("walkway/meta.json"));
    const vaclip::ExtractionResult r = ex->extract(vaclip::metaVideos(meta, "all"));
    if (!r.failed.empty())
        throw std::runtime_error("fixture extraction failed: " + r.failed.front());

    std::string yaml = "temporal_transformer_layers: 1\n"
                       "temporal_heads: 4\n"
                       "semantic_prompts: [\"a person riding a bicycle\", \"a small cart on a walkway\"]\n"
                       "dataset:\n  meta: walkway/meta.json\n"
                       "backbone:\n  path: " + tinyClipPath() + "\n  input_size: 32\n"
                       "features:\n  cache_dir: cache\n"
                       "evaluation:\n  bootstrap_samples: 50\n";
    yaml += extraYaml;
    vaclip::test::writeText(dir.file("walkway.yaml"), yaml);
    return QString::fromStdString(dir.file("walkway.yaml"));
}
