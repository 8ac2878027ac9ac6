#include "synth/scene.h"

#include "synth/rng.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

float fract(double v) { return float(v - std::floor(v)); }

Rgb groundColor(const SceneLayout& L, double x, double z)
{
    const GroundRegion* region = nullptr;
    for (const GroundRegion& g : L.ground)
        if (x >= g.x0 && x < g.x1 && z >= g.z0 && z < g.z1)
            region = &g;
    if (!region)
        return {0.45f, 0.45f, 0.43f};
    const GroundRegion& g = *region;
    const uint64_t seed = L.textureSeed;
    const float stain = fbmNoise(float(x * 0.35), float(z * 0.35), seed + 11, 3);
    if (g.border && (std::fabs(z - g.z0) < 0.14 || std::fabs(z - g.z1) < 0.14))
        return Rgb{0.78f, 0.77f, 0.74f} * (0.95f + 0.05f * stain);

    switch (g.kind) {
    case GroundKind::Paving: {
        const double a = g.angleDeg * kPi / 180.0;
        const double u = (x * std::cos(a) + z * std::sin(a)) / g.tileM;
        const double v = (-x * std::sin(a) + z * std::cos(a)) / g.tileM;
        const double iv = std::floor(v);
        const double uu = u + (int64_t(iv) % 2 == 0 ? 0.0 : 0.5);   // running bond
        const double iu = std::floor(uu);
        const float fu = fract(uu), fv = fract(v);
        const float edge = float(std::min({fu, 1 - fu, fv, 1 - fv}) * g.tileM);
        if (edge < 0.018f)
            return g.tint * (0.62f + 0.05f * stain);
        const float r = cellRandom(int64_t(iu), int64_t(iv), seed + 3);
        const float tone = 0.86f + 0.22f * r + 0.07f * stain;
        // a few tiles in a second colour make the paving read as a plaza, not a texture
        const float alt = cellRandom(int64_t(iu), int64_t(iv), seed + 5) < 0.12f ? 0.85f : 1.0f;
        return g.tint * (tone * alt);
    }
    case GroundKind::Concrete: {
        const float fu = fract(x / g.tileM), fv = fract(z / g.tileM);
        const float edge = float(std::min({fu, 1 - fu, fv, 1 - fv}) * g.tileM);
        if (edge < 0.012f)
            return g.tint * 0.7f;
        const float speck = fbmNoise(float(x * 3.0), float(z * 3.0), seed + 17, 2);
        return g.tint * (0.95f + 0.06f * stain + 0.04f * speck);
    }
    case GroundKind::Grass: {
        const float coarse = fbmNoise(float(x * 0.5), float(z * 0.5), seed + 23, 3);
        const float fine = fbmNoise(float(x * 4.0), float(z * 4.0), seed + 29, 2);
        const float stripe = std::sin(z * kPi / 1.5) > 0 ? 1.04f : 0.96f;   // mowing stripes
        return g.tint * ((0.9f + 0.14f * coarse + 0.08f * fine) * stripe);
    }
    case GroundKind::Asphalt: {
        const float fine = fbmNoise(float(x * 5.0), float(z * 5.0), seed + 31, 2);
        return g.tint * (0.93f + 0.08f * stain + 0.05f * fine);
    }
    case GroundKind::Soil: {
        const float fine = fbmNoise(float(x * 3.0), float(z * 3.0), seed + 37, 2);
        return g.tint * (0.85f + 0.12f * fine + 0.05f * stain);
    }
    }
    return g.tint;
}

Rgb facadeColor(const SceneLayout& L, double x, double y)
{
    const Facade& f = L.facade;
    const float n = fbmNoise(float(x * 0.4), float(y * 0.4), L.textureSeed + 41, 3);
    Rgb wall = f.wall * (0.95f + 0.06f * n);
    if (y < 0.3)
        return wall * 0.7f;   // plinth
    const float bx = fract(x / f.bayM) * float(f.bayM);
    const double floorH = 3.2;
    const float fy = fract(y / floorH) * float(floorH);
    const bool ground = y < floorH;
    const bool inX = bx > 0.5f && bx < float(f.bayM) - 0.5f;
    const bool inY = ground ? (fy > 0.25f && fy < 2.6f) : (fy > 0.9f && fy < 2.4f);
    if (inX && inY) {
        const float sheen = 0.85f + 0.3f * float(fy / floorH);
        return f.window * sheen;
    }
    if (!ground && fy < 0.15f)
        return wall * 0.85f;   // floor band
    return wall;
}

void drawBox(Canvas& c, const Camera& cam, double cx, double cz, double sx, double sz, double y0, double y1,
             Rgb color)
{
    const int W = c.width(), H = c.height();
    auto P = [&](double x, double y, double z) {
        const Projection p = cam.project({x, y, z}, W, H);
        return Vec2{p.x, p.y};
    };
    const double x0 = cx - sx / 2, x1 = cx + sx / 2, z0 = cz - sz / 2, z1 = cz + sz / 2;
    // side face towards the camera
    const double sideX = cam.x < x0 ? x0 : (cam.x > x1 ? x1 : NAN);
    if (!std::isnan(sideX))
        c.fillConvex({P(sideX, y0, z0), P(sideX, y0, z1), P(sideX, y1, z1), P(sideX, y1, z0)},
                     {color * 0.72f, 1.0f, Paint::kKeepOwner});
    c.fillConvex({P(x0, y0, z0), P(x1, y0, z0), P(x1, y1, z0), P(x0, y1, z0)}, {color * 0.85f, 1.0f, Paint::kKeepOwner});
    if (y1 < cam.heightM)
        c.fillConvex({P(x0, y1, z0), P(x1, y1, z0), P(x1, y1, z1), P(x0, y1, z1)}, {color, 1.0f, Paint::kKeepOwner});
}

void drawBench(Canvas& c, const Camera& cam, const Bench& b)
{
    const Rgb wood{0.52f, 0.36f, 0.22f}, metal{0.22f, 0.22f, 0.24f};
    const double L = b.lengthM;
    const double sx = b.alongX ? L : 0.45, sz = b.alongX ? 0.45 : L;
    // legs at the two ends, then the seat, then the backrest on the far side
    for (int e = -1; e <= 1; e += 2) {
        const double lx = b.alongX ? b.x + e * (L / 2 - 0.1) : b.x;
        const double lz = b.alongX ? b.z : b.z + e * (L / 2 - 0.1);
        drawBox(c, cam, lx, lz, b.alongX ? 0.06 : 0.4, b.alongX ? 0.4 : 0.06, 0.0, 0.43, metal);
    }
    drawBox(c, cam, b.x, b.z, sx, sz, 0.42, 0.48, wood);
    const double bx = b.alongX ? b.x : b.x + 0.2, bz = b.alongX ? b.z + 0.2 : b.z;
    drawBox(c, cam, bx, bz, b.alongX ? L : 0.06, b.alongX ? 0.06 : L, 0.55, 0.85, wood * 0.9f);
}

void drawProp(Canvas& c, const Camera& cam, const Prop& p)
{
    const int W = c.width(), H = c.height();
    const double s = cam.pixelsPerMetre(p.z, H);
    auto P = [&](double x, double y, double z) {
        const Projection q = cam.project({x, y, z}, W, H);
        return Vec2{q.x, q.y};
    };
    switch (p.kind) {
    case Prop::LampPost:
        c.fillCapsule(P(p.x, 0, p.z), P(p.x, 3.6, p.z), float(0.07 * s), float(0.05 * s), {{0.2f, 0.21f, 0.23f}, 1, Paint::kKeepOwner});
        c.fillEllipse(P(p.x, 3.7, p.z), float(0.22 * s), float(0.12 * s), {{0.85f, 0.85f, 0.78f}, 1, Paint::kKeepOwner});
        break;
    case Prop::Bin:
        drawBox(c, cam, p.x, p.z, 0.5, 0.5, 0.0, 0.9, {0.2f, 0.35f, 0.25f});
        break;
    case Prop::Bollard:
        c.fillCapsule(P(p.x, 0, p.z), P(p.x, 0.8, p.z), float(0.1 * s), float(0.1 * s), {{0.35f, 0.35f, 0.36f}, 1, Paint::kKeepOwner});
        break;
    case Prop::Planter:
        drawBox(c, cam, p.x, p.z, 1.2, 1.2, 0.0, 0.55, {0.55f, 0.52f, 0.48f});
        c.fillEllipse(P(p.x, 0.9, p.z), float(0.65 * s), float(0.45 * s), {{0.2f, 0.38f, 0.16f}, 1, Paint::kKeepOwner});
        c.fillEllipse(P(p.x - 0.15, 1.0, p.z), float(0.3 * s), float(0.22 * s), {{0.27f, 0.46f, 0.2f}, 1, Paint::kKeepOwner});
        break;
    }
}

} // namespace

double SceneLayout::halfWidthAt(double z, int width, int height) const
{
    const Projection p = camera.project({camera.x, 0.0, z}, width, height);
    return 0.5 * width * p.depth / camera.focalPixels(height);
}

Canvas renderBackground(const SceneLayout& L, int width, int height)
{
    Canvas c(width, height);
    const Camera& cam = L.camera;
    constexpr int kSub = 3;
    for (int py = 0; py < height; ++py) {
        for (int px = 0; px < width; ++px) {
            Rgb acc;
            for (int sy = 0; sy < kSub; ++sy) {
                for (int sx = 0; sx < kSub; ++sx) {
                    const double fx = px + (sx + 0.5) / kSub, fy = py + (sy + 0.5) / kSub;
                    const Vec3 d = cam.rayDirection(fx, fy, width, height);
                    Rgb col = L.sky;
                    double tGround = d.y < -1e-9 ? cam.heightM / -d.y : 1e18;
                    if (L.facade.present && d.z > 1e-9) {
                        const double tWall = L.facade.z / d.z;
                        const double yWall = cam.heightM + d.y * tWall;
                        if (tWall < tGround && yWall >= 0) {
                            col = yWall <= L.facade.heightM ? facadeColor(L, cam.x + d.x * tWall, yWall) : L.sky;
                            tGround = 1e18;
                        }
                    }
                    if (tGround < 1e17)
                        col = groundColor(L, cam.x + d.x * tGround, d.z * tGround);
                    acc.r += col.r;
                    acc.g += col.g;
                    acc.b += col.b;
                }
            }
            c.set(px, py, acc * (1.0f / (kSub * kSub)));
        }
    }
    // Static objects, far to near.
    struct Item {
        double z;
        int bench;
        int prop;
    };
    std::vector<Item> items;
    for (std::size_t i = 0; i < L.benches.size(); ++i)
        items.push_back({L.benches[i].z, int(i), -1});
    for (std::size_t i = 0; i < L.props.size(); ++i)
        items.push_back({L.props[i].z, -1, int(i)});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.z > b.z; });
    for (const Item& it : items) {
        if (it.bench >= 0)
            drawBench(c, cam, L.benches[std::size_t(it.bench)]);
        else
            drawProp(c, cam, L.props[std::size_t(it.prop)]);
    }
    return c;
}

Lighting Lighting::random(Rng& rng)
{
    Lighting l;
    l.gain = float(rng.uniform(0.82, 1.08));
    l.driftAmplitude = float(rng.uniform(0.02, 0.07));
    l.driftPeriodS = float(rng.uniform(8.0, 30.0));
    l.driftPhase = float(rng.uniform(0.0, 2 * kPi));
    const float warm = float(rng.uniform(-0.05, 0.05));
    l.cast = {1.0f + warm, 1.0f, 1.0f - warm};
    l.shadowDx = float(rng.uniform(-0.45, 0.45));
    l.shadowStrength = float(rng.uniform(0.2, 0.42));
    l.noiseSigma = float(rng.uniform(0.006, 0.02));
    return l;
}

float Lighting::gainAt(double t) const
{
    return gain * (1.0f + driftAmplitude * float(std::sin(2 * kPi * t / driftPeriodS + driftPhase)));
}

void Lighting::apply(Canvas& canvas, double t) const
{
    const float g = gainAt(t);
    canvas.applyGain({g * cast.r, g * cast.g, g * cast.b}, 0.0f);
}

void addSensorNoise(Canvas& canvas, float sigma, Rng& rng)
{
    if (sigma <= 0)
        return;
    for (int y = 0; y < canvas.height(); ++y)
        for (int x = 0; x < canvas.width(); ++x) {
            Rgb c = canvas.get(x, y);
            const float common = float(rng.normal()) * sigma * 0.7f;   // luminance noise
            c.r += common + float(rng.normal()) * sigma * 0.4f;
            c.g += common + float(rng.normal()) * sigma * 0.4f;
            c.b += common + float(rng.normal()) * sigma * 0.4f;
            canvas.set(x, y, c);
        }
}

} // namespace vaclip::synth
