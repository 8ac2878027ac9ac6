#include "synth/render.h"

#include "common/error.h"
#include "synth/captions.h"
#include "synth/rng.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace vaclip::synth {

namespace {

/// Everything the static background depends on, as text (a cache key).
std::string backgroundKey(const SceneLayout& L, int w, int h)
{
    std::ostringstream k;
    k.precision(17);
    const Camera& c = L.camera;
    k << w << 'x' << h << '|' << c.heightM << ',' << c.pitchDeg << ',' << c.vfovDeg << ',' << c.x << '|' << L.textureSeed
      << '|' << L.sky.r << ',' << L.sky.g << ',' << L.sky.b;
    for (const GroundRegion& g : L.ground)
        k << "|g" << int(g.kind) << ',' << g.x0 << ',' << g.x1 << ',' << g.z0 << ',' << g.z1 << ',' << g.tint.r << ','
          << g.tint.g << ',' << g.tint.b << ',' << g.tileM << ',' << g.angleDeg << ',' << g.border;
    const Facade& f = L.facade;
    k << "|f" << f.present << ',' << f.z << ',' << f.heightM << ',' << f.wall.r << ',' << f.wall.g << ',' << f.wall.b << ','
      << f.window.r << ',' << f.window.g << ',' << f.window.b << ',' << f.bayM;
    for (const Bench& b : L.benches)
        k << "|b" << b.x << ',' << b.z << ',' << b.lengthM << ',' << b.alongX;
    for (const Prop& p : L.props)
        k << "|p" << int(p.kind) << ',' << p.x << ',' << p.z;
    return k.str();
}

/// Backgrounds are the slow part of a still (3x3 supersampled ray casts): the pretraining renders
/// thousands of stills of the same few scenes, so they are shared, read-only, across renderers.
std::shared_ptr<const Canvas> cachedBackground(const SceneLayout& L, int w, int h)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Canvas>> cache;
    const std::string key = backgroundKey(L, w, h);
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = cache.find(key);
        if (it != cache.end())
            return it->second;
    }
    auto bg = std::make_shared<const Canvas>(renderBackground(L, w, h));
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= 64)
        cache.clear();
    return cache.emplace(key, bg).first->second;
}

} // namespace

SceneRenderer::SceneRenderer(SceneSpec spec) : m_spec(std::move(spec))
{
    if (m_spec.width < 8 || m_spec.height < 8 || !(m_spec.fps > 0))
        throw Error(ErrorCode::InvalidArgument, "scene " + m_spec.layout.name + ": size " + std::to_string(m_spec.width)
                                                    + "x" + std::to_string(m_spec.height) + " or fps out of range");
    m_background = cachedBackground(m_spec.layout, m_spec.width, m_spec.height);
}

RenderedFrame SceneRenderer::render(int index) const
{
    if (index < 0)
        throw Error(ErrorCode::InvalidArgument, "frame index " + std::to_string(index) + " < 0");
    const double t = index / m_spec.fps;
    const Camera& cam = m_spec.layout.camera;
    Canvas canvas = *m_background;
    canvas.resetOwners();

    // Far to near, so nearer actors cover farther ones.
    std::vector<const ActorSpec*> order;
    for (const ActorSpec& a : m_spec.actors)
        order.push_back(&a);
    std::stable_sort(order.begin(), order.end(), [&](const ActorSpec* a, const ActorSpec* b) {
        return actorPosition(*a, t).z > actorPosition(*b, t).z;
    });
    for (const ActorSpec* a : order)
        drawActorShadow(canvas, cam, *a, t, m_spec.lighting);
    for (const ActorSpec* a : order) {
        PartList parts;
        addActorParts(parts, *a, t);
        parts.draw(canvas, cam, a->id);
    }
    m_spec.lighting.apply(canvas, t);
    Rng noise(hashCombine(m_spec.seed, 0x5e4e5000ull + uint64_t(index)));
    addSensorNoise(canvas, m_spec.lighting.noiseSigma, noise);

    RenderedFrame out;
    out.image = canvas.toImage();
    out.owners = canvas.owners();
    const int W = m_spec.width, H = m_spec.height;
    out.anomalyMask.assign(std::size_t(W) * H, 0);
    std::map<int, const ActorSpec*> byId;
    for (const ActorSpec& a : m_spec.actors)
        byId[a.id] = &a;
    std::map<int, VisibleActor> vis;
    int64_t anomalousPixels = 0;
    for (int y = 0; y < H; ++y) {
        for (int x = 0; x < W; ++x) {
            const int id = out.owners[std::size_t(y) * W + x];
            if (id <= 0)
                continue;
            auto it = byId.find(id);
            if (it == byId.end())
                continue;
            VisibleActor& v = vis[id];
            if (v.pixels == 0) {
                v.id = id;
                v.kind = it->second->kind;
                v.anomalous = anomalousAt(*it->second, t);
                v.performing = performingAt(*it->second, t);
                v.moving = it->second->speed > 0.05
                           && !(v.performing && (v.kind == ActorKind::Fighting || v.kind == ActorKind::Throwing
                                                 || v.kind == ActorKind::Jumping));
                v.x0 = v.x1 = x;
                v.y0 = v.y1 = y;
            }
            ++v.pixels;
            v.x0 = std::min(v.x0, x);
            v.x1 = std::max(v.x1, x);
            v.y0 = std::min(v.y0, y);
            v.y1 = std::max(v.y1, y);
            if (v.anomalous) {
                out.anomalyMask[std::size_t(y) * W + x] = 1;
                ++anomalousPixels;
            }
        }
    }
    // A sliver of an actor at the frame edge is not an event yet: below the threshold the frame
    // is normal and its mask empty (so labels and masks always agree).
    if (anomalousPixels >= minAnomalyPixels(W, H))
        out.anomalous = true;
    else
        std::fill(out.anomalyMask.begin(), out.anomalyMask.end(), uint8_t(0));
    for (auto& kv : vis)
        out.visible.push_back(kv.second);
    out.caption = captionFor(m_spec.layout, out.visible, W, H, hashCombine(m_spec.seed, uint64_t(index)));
    return out;
}

int64_t minAnomalyPixels(int width, int height) { return std::max<int64_t>(4, int64_t(width) * height / 1000); }

RenderedFrame render(const SceneSpec& spec, int frameIndex) { return SceneRenderer(spec).render(frameIndex); }

} // namespace vaclip::synth
