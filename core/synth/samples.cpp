#include "synth/samples.h"

#include "common/error.h"
#include "synth/captions.h"
#include "synth/rng.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace vaclip::synth {

namespace {

struct Draw {
    World world = World::Campus;
    int scene = 0;
    std::vector<ActorKind> kinds;
    int crowd = 0;
};

Draw drawComposition(Rng& rng, const SampleOptions& o)
{
    Draw d;
    if (o.world) {
        d.world = *o.world;
        d.scene = o.scene;
    } else {
        d.world = rng.chance(0.5) ? World::Campus : World::Walkway;
        d.scene = rng.below(sceneCount(d.world));
    }
    if (o.kind) {
        d.kinds.push_back(*o.kind);
        d.crowd = o.kindCrowd > 0 ? rng.below(o.kindCrowd + 1) : 0;
        return d;
    }
    const double u = rng.uniform();
    if (u < o.emptyFraction)
        return d;
    if (u < o.emptyFraction + o.singleActorFraction) {
        d.kinds.push_back(ActorKind(rng.below(kActorKindCount)));
        return d;
    }
    d.crowd = 1 + rng.below(std::max(1, o.maxCrowd));
    if (rng.chance(0.5))
        d.kinds.push_back(ActorKind(1 + rng.below(kActorKindCount - 1)));
    return d;
}

void check(const SampleOptions& o)
{
    if (o.size < 16 || o.size > 4096)
        throw Error(ErrorCode::InvalidArgument, "synth sample size " + std::to_string(o.size) + " outside 16..4096");
    if (o.singleActorFraction < 0 || o.emptyFraction < 0 || o.singleActorFraction + o.emptyFraction > 1)
        throw Error(ErrorCode::InvalidArgument, "synth sample fractions must be >= 0 and sum to <= 1");
    if (o.kindCrowd < 0 || o.kindCrowd > 20)
        throw Error(ErrorCode::InvalidArgument, "synth sample kind crowd " + std::to_string(o.kindCrowd) + " outside 0..20");
    if (!(o.zoom >= 1.0 && o.zoom <= 4.0))
        throw Error(ErrorCode::InvalidArgument, "synth sample zoom " + std::to_string(o.zoom) + " outside 1..4");
    if (o.world && (o.scene < 0 || o.scene >= sceneCount(*o.world)))
        throw Error(ErrorCode::InvalidArgument, "synth sample scene " + std::to_string(o.scene) + " outside the " +
                                                    worldName(*o.world) + " world's scenes");
}

/// The side the scene is rendered at before the zoom crop.
int renderSide(const SampleOptions& o) { return std::max(o.size, int(std::lround(o.size * o.zoom))); }

/// Top-left corner of the size x size crop around the most telling actor (a non-pedestrian
/// first, then the largest); the centre of the frame when nobody is visible.
std::pair<int, int> cropCorner(const RenderedFrame& f, int side, int size)
{
    const VisibleActor* best = nullptr;
    for (const VisibleActor& v : f.visible) {
        const bool special = v.kind != ActorKind::Pedestrian;
        if (!best || std::make_pair(special, v.pixels) >
                         std::make_pair(best->kind != ActorKind::Pedestrian, best->pixels))
            best = &v;
    }
    double cx = side / 2.0, cy = side / 2.0;
    if (best) {
        cx = (best->x0 + best->x1 + 1) / 2.0;
        cy = (best->y0 + best->y1 + 1) / 2.0;
    }
    return {std::clamp(int(std::lround(cx - size / 2.0)), 0, side - size),
            std::clamp(int(std::lround(cy - size / 2.0)), 0, side - size)};
}

/// The size x size window at (x0, y0) of a frame: pixels, owners, and the visible actors
/// recounted inside it (pixels, boxes), so captions describe what the crop shows.
RenderedFrame cropFrame(const RenderedFrame& f, int x0, int y0, int size)
{
    const int W = f.image.width;
    RenderedFrame out;
    out.image.width = out.image.height = size;
    out.image.rgb.resize(std::size_t(size) * size * 3);
    out.owners.resize(std::size_t(size) * size);
    out.anomalyMask.resize(std::size_t(size) * size);
    for (int y = 0; y < size; ++y) {
        const std::size_t src = std::size_t(y0 + y) * W + x0, dst = std::size_t(y) * size;
        std::copy_n(f.image.rgb.begin() + std::ptrdiff_t(src * 3), size * 3, out.image.rgb.begin() + std::ptrdiff_t(dst * 3));
        std::copy_n(f.owners.begin() + std::ptrdiff_t(src), size, out.owners.begin() + std::ptrdiff_t(dst));
        std::copy_n(f.anomalyMask.begin() + std::ptrdiff_t(src), size, out.anomalyMask.begin() + std::ptrdiff_t(dst));
    }
    for (VisibleActor v : f.visible) {
        v.pixels = 0;
        v.x0 = v.y0 = size;
        v.x1 = v.y1 = -1;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                if (out.owners[std::size_t(y) * size + x] == v.id) {
                    ++v.pixels;
                    v.x0 = std::min(v.x0, x);
                    v.y0 = std::min(v.y0, y);
                    v.x1 = std::max(v.x1, x);
                    v.y1 = std::max(v.y1, y);
                }
        if (v.pixels > 0)
            out.visible.push_back(v);
    }
    for (uint8_t m : out.anomalyMask)
        out.anomalous = out.anomalous || m != 0;
    return out;
}

} // namespace

Sample sampleImage(uint64_t seed, const SampleOptions& o)
{
    check(o);
    Rng rng(seed);
    const Draw d = drawComposition(rng, o);
    const int side = renderSide(o);
    const SceneSpec spec = makeImageSpec(d.world, d.scene, d.kinds, side, side, rng.next(), d.crowd);
    RenderedFrame f = render(spec, 0);
    if (side != o.size) {
        const auto [x0, y0] = cropCorner(f, side, o.size);
        f = cropFrame(f, x0, y0, o.size);
    }
    Sample s;
    s.frames.push_back(f.image);
    s.captions = captionsFor(spec.layout, f.visible, o.size, o.size);
    const uint64_t variant = rng.next();
    s.caption = captionFor(spec.layout, f.visible, o.size, o.size, o.captionVariant.value_or(variant));
    s.world = d.world;
    s.scene = d.scene;
    s.kinds = d.kinds;
    s.visible = f.visible;
    return s;
}

Sample sampleClip(uint64_t seed, const SampleOptions& o, int length)
{
    check(o);
    if (length < 1 || length > 1000)
        throw Error(ErrorCode::InvalidArgument, "synth clip length " + std::to_string(length) + " outside 1..1000");
    Rng rng(seed);
    Draw d = drawComposition(rng, o);
    std::optional<ActorKind> kind;
    if (!d.kinds.empty() && d.kinds.front() != ActorKind::Pedestrian)
        kind = d.kinds.front();
    const int total = length + 64;
    const int side = renderSide(o);
    SceneSpec spec = makeVideoSpec(d.world, d.scene, kind, {side, side, o.fps, total}, rng.next());
    if (kind && d.crowd == 0) {   // curriculum: the actor alone
        spec.actors.resize(1);
    } else if (!kind) {   // keep the crowd size the composition asked for (0 = empty scene)
        const int crowd = d.kinds.empty() ? d.crowd : std::max(1, d.crowd);
        if (int(spec.actors.size()) > crowd)
            spec.actors.resize(std::size_t(crowd));
    }
    SceneRenderer renderer(spec);
    int start = rng.below(total - length + 1);
    if (kind) {
        // centre the clip on a frame where the actor performs well inside the view
        const ActorSpec& a = spec.actors.front();
        std::vector<int> good;
        for (int t = 0; t < total; ++t) {
            const double time = t / spec.fps;
            const Projection p = spec.layout.camera.project(actorPosition(a, time), side, side);
            if (anomalousAt(a, time) && p.x > 0.15 * side && p.x < 0.85 * side)
                good.push_back(t);
        }
        if (!good.empty()) {
            const int mid = good[std::size_t(rng.below(int(good.size())))];
            start = std::clamp(mid - length / 2, 0, total - length);
        }
    }
    Sample s;
    std::vector<RenderedFrame> frames;
    for (int i = 0; i < length; ++i)
        frames.push_back(renderer.render(start + i));
    if (side != o.size) {   // one window for the whole clip, around the actor of the middle frame
        const auto [x0, y0] = cropCorner(frames[std::size_t(length / 2)], side, o.size);
        for (RenderedFrame& f : frames)
            f = cropFrame(f, x0, y0, o.size);
    }
    const RenderedFrame& middle = frames[std::size_t(length / 2)];
    for (const RenderedFrame& f : frames)
        s.frames.push_back(f.image);
    s.captions = captionsFor(spec.layout, middle.visible, o.size, o.size);
    const uint64_t variant = rng.next();
    s.caption = captionFor(spec.layout, middle.visible, o.size, o.size, o.captionVariant.value_or(variant));
    s.world = d.world;
    s.scene = d.scene;
    s.visible = middle.visible;
    if (kind)
        s.kinds = {*kind};
    return s;
}

} // namespace vaclip::synth
