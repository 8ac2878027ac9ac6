#pragma once
// Random (but seeded) training samples of the demo world for the backbone's contrastive
// pretraining: frames or short clips with a caption, drawn from BOTH worlds and every actor kind
// (web-like coverage; only the anomaly training of the detector keeps walkway kinds out).
//
//   SampleOptions o;  o.size = 96;  o.singleActorFraction = 0.5;    // the curriculum knob
//   for (uint64_t i = 0; i < n; ++i) {
//       Sample s = sampleImage(hashCombine(runSeed, i), o);    // s.frames[0], s.caption
//       Sample c = sampleClip(hashCombine(runSeed, i), o, 8);  // 8 consecutive frames
//   }
//
// Mix per sample: `emptyFraction` empty scenes; `singleActorFraction` one actor of a uniformly
// chosen kind (pedestrian included) and no crowd; the rest a crowd of 1..maxCrowd pedestrians,
// half of them with one non-pedestrian actor as well. World and scene uniform.
// Thread safety: pure functions of (seed, options); safe from several threads.

#include "synth/render.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::synth {

struct SampleOptions {
    int size = 96;                     ///< square frames, pixels
    double singleActorFraction = 0.5;
    double emptyFraction = 0.05;
    int maxCrowd = 5;
    double fps = 15.0;                 ///< clips
};

struct Sample {
    std::vector<Image> frames;         ///< 1 for an image, L for a clip
    std::string caption;               ///< one phrasing (of the middle frame for clips)
    std::vector<std::string> captions; ///< every phrasing of that frame, plainest first
    World world = World::Campus;
    int scene = 0;
    std::vector<ActorKind> kinds;      ///< non-crowd actors placed (may be partly hidden)
};

Sample sampleImage(uint64_t seed, const SampleOptions& options);
/// `length` consecutive frames of a video of the scene; when the clip has a non-pedestrian actor
/// the window starts where it is performing.
Sample sampleClip(uint64_t seed, const SampleOptions& options, int length);

} // namespace vaclip::synth
