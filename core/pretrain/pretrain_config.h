#pragma once
// The pretraining config file (configs/demo_backbone.yaml), read with its own small schema: it
// describes a backbone, not a detector run, so it stays out of core/config's detector schema.
//
//   PretrainFile f = loadPretrainConfig("configs/demo_backbone.yaml");
//   setComputeThreads(f.threads);
//   pretrainBackbone(f.config, f.outDir);
//
// Layout (every key optional; defaults are PretrainConfig's):
//   model:      image_size patch_size vision_width vision_layers vision_heads text_width
//               text_layers text_heads context_length embed_dim
//   training:   steps batch_size learning_rate min_learning_rate_fraction warmup_steps
//               weight_decay seed threads checkpoint_every log_every
//   curriculum: single_actor_start single_actor_end empty_fraction max_crowd clip_fraction
//               flip_probability
//   hard_negatives: fraction kinds (a list of actor kinds: bicycle, pedestrian, ...) zoom_fraction
//               max_zoom max_crowd
//   init:       weights (a second stage starts from these weights; relative to the current directory)
//   output:     dir (relative paths are relative to the current directory)
// Errors (vaclip::Error naming the file): a missing file (NotFound), YAML syntax (Format), an
// unknown section or key (Format, names it: typos never pass silently), a value of the wrong type
// or out of range (Format / InvalidArgument, names the key).
// Thread safety: pure function.

#include "pretrain/pretrain.h"

#include <string>

namespace vaclip::pretrain {

struct PretrainFile {
    PretrainConfig config;
    std::string outDir = "demo_backbone";
    int threads = 0;  ///< 0 = one per core
};

PretrainFile loadPretrainConfig(const std::string& path);

} // namespace vaclip::pretrain
