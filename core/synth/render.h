#pragma once
// The demo world's renderer: the contract the backbone pretraining and the dataset writer use.
//
//   render(spec, frameIndex) -> RGB8 frame + per-pixel actor ids + anomaly mask + caption
//
//   SceneSpec spec = makeImageSpec(World::Walkway, 0, {ActorKind::Skateboard}, 96, 96, seed);
//   SceneRenderer renderer(spec);              // renders the static background once
//   RenderedFrame f = renderer.render(0);      // f.image (96x96 RGB8), f.caption, f.anomalyMask
//   for (const VisibleActor& a : f.visible) ... // a.kind, a.pixels, a.box, a.mask via f.owners
//
// Determinism: the output is a pure function of (spec, frameIndex): same seed -> same spec ->
// byte-identical frames on the same build (floating point on another compiler or CPU may differ
// in the last bit of a few pixels). Frames may be rendered in any order.
// Time: frame i is at t = i / spec.fps seconds.
// Masks: a pixel belongs to the actor that covers at least half of it and is drawn last (nearest);
// shadows belong to nobody. anomalyMask marks pixels of actors anomalous at t (actors.h) when
// there are at least minAnomalyPixels() of them (an actor just peeking in at the frame edge does
// not make the frame anomalous); otherwise it is all zero and the frame is normal.
// Thread safety: render() is const and may be called from several threads at once.

#include "io/image.h"
#include "synth/worlds.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vaclip::synth {

struct VisibleActor {
    int id = 0;
    ActorKind kind = ActorKind::Pedestrian;
    bool anomalous = false;    ///< anomalous at this frame's time
    bool performing = false;   ///< doing its special activity (fighting, riding, ...)
    bool moving = true;        ///< false for a standing pedestrian or a stationary activity
    int64_t pixels = 0;        ///< pixels it owns in this frame
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;   ///< bounding box of those pixels, inclusive
};

struct RenderedFrame {
    Image image;                        ///< RGB8, spec.width x spec.height
    std::vector<int32_t> owners;        ///< per pixel, row-major: actor id or 0 (background)
    std::vector<uint8_t> anomalyMask;   ///< per pixel 0/1: owned by an actor anomalous now
    bool anomalous = false;             ///< any anomalyMask pixel (>= minAnomalyPixels)
    std::vector<VisibleActor> visible;  ///< actors owning at least one pixel, in id order
    std::string caption;                ///< one natural caption (captions.h), chosen by seed+frame
};

class SceneRenderer {
public:
    explicit SceneRenderer(SceneSpec spec);
    const SceneSpec& spec() const { return m_spec; }
    /// Renders frame `index` (0 <= index; beyond spec.frames the actors keep moving).
    RenderedFrame render(int index) const;

private:
    SceneSpec m_spec;
    std::shared_ptr<const Canvas> m_background;   // shared by scenes with the same layout and size
};

/// Anomalous pixels a frame needs to count as anomalous: max(4, 0.1% of the frame).
int64_t minAnomalyPixels(int width, int height);

/// One-shot convenience (backgrounds are cached per layout and size, so stills are cheap).
RenderedFrame render(const SceneSpec& spec, int frameIndex);

} // namespace vaclip::synth
