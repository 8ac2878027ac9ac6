#include "synth/samples.h"

#include "common/error.h"
#include "synth/captions.h"
#include "synth/rng.h"

#include <algorithm>

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
    d.world = rng.chance(0.5) ? World::Campus : World::Walkway;
    d.scene = rng.below(sceneCount(d.world));
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
}

} // namespace

Sample sampleImage(uint64_t seed, const SampleOptions& o)
{
    check(o);
    Rng rng(seed);
    const Draw d = drawComposition(rng, o);
    const SceneSpec spec = makeImageSpec(d.world, d.scene, d.kinds, o.size, o.size, rng.next(), d.crowd);
    const RenderedFrame f = render(spec, 0);
    Sample s;
    s.frames.push_back(f.image);
    s.captions = captionsFor(spec.layout, f.visible, o.size, o.size);
    s.caption = captionFor(spec.layout, f.visible, o.size, o.size, rng.next());
    s.world = d.world;
    s.scene = d.scene;
    s.kinds = d.kinds;
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
    SceneSpec spec = makeVideoSpec(d.world, d.scene, kind, {o.size, o.size, o.fps, total}, rng.next());
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
            const Projection p = spec.layout.camera.project(actorPosition(a, time), o.size, o.size);
            if (anomalousAt(a, time) && p.x > 0.15 * o.size && p.x < 0.85 * o.size)
                good.push_back(t);
        }
        if (!good.empty()) {
            const int mid = good[std::size_t(rng.below(int(good.size())))];
            start = std::clamp(mid - length / 2, 0, total - length);
        }
    }
    Sample s;
    RenderedFrame middle;
    for (int i = 0; i < length; ++i) {
        RenderedFrame f = renderer.render(start + i);
        s.frames.push_back(f.image);
        if (i == length / 2)
            middle = std::move(f);
    }
    s.captions = captionsFor(spec.layout, middle.visible, o.size, o.size);
    s.caption = captionFor(spec.layout, middle.visible, o.size, o.size, rng.next());
    s.world = d.world;
    s.scene = d.scene;
    if (kind)
        s.kinds = {*kind};
    return s;
}

} // namespace vaclip::synth
