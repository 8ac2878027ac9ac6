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
// Hard negatives (the pretraining's hard-negative groups): `kind` forces one actor of that kind
// and 0..kindCrowd pedestrians, `world` + `scene` force the place, `captionVariant` the caption phrasing (samples
// of one kind given one variant share their caption exactly), `zoom` > 1 renders the scene
// zoom times larger and crops the size x size window around the actor (a closer camera: the
// actor zoom times taller); captions are made from what the crop shows.
// Thread safety: pure functions of (seed, options); safe from several threads.

#include "synth/render.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vaclip::synth {

struct SampleOptions {
    int size = 96;                     ///< square frames, pixels
    double singleActorFraction = 0.5;
    double emptyFraction = 0.05;
    int maxCrowd = 5;
    double fps = 15.0;                 ///< clips
    std::optional<ActorKind> kind;     ///< one actor of this kind (overrides the mix) ...
    int kindCrowd = 0;                 ///< ... among 0..kindCrowd pedestrians (uniform)
    std::optional<World> world;        ///< with `scene`: the place (otherwise uniform)
    int scene = 0;                     ///< used when `world` is set; 0 <= scene < sceneCount(world)
    double zoom = 1.0;                 ///< >= 1, at most 4
    std::optional<uint64_t> captionVariant;   ///< captionFor's variant (otherwise from the seed)
};

struct Sample {
    std::vector<Image> frames;         ///< 1 for an image, L for a clip
    std::string caption;               ///< one phrasing (of the middle frame for clips)
    std::vector<std::string> captions; ///< every phrasing of that frame, plainest first
    World world = World::Campus;
    int scene = 0;
    std::vector<ActorKind> kinds;      ///< non-crowd actors placed (may be partly hidden)
    std::vector<VisibleActor> visible; ///< what the captioned frame shows (pixels, boxes: after the zoom crop)
};

Sample sampleImage(uint64_t seed, const SampleOptions& options);
/// `length` consecutive frames of a video of the scene; when the clip has a non-pedestrian actor
/// the window starts where it is performing.
Sample sampleClip(uint64_t seed, const SampleOptions& options, int length);

} // namespace vaclip::synth
