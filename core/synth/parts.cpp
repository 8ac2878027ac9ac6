#include "synth/parts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vaclip::synth {

Vec3 Frame3::forward() const { return {std::cos(heading), 0, std::sin(heading)}; }
Vec3 Frame3::left() const { return {-std::sin(heading), 0, std::cos(heading)}; }
Vec3 Frame3::local(double f, double l, double u) const
{
    return origin + forward() * f + left() * l + Vec3{0, u, 0};
}

void PartList::capsule(Vec3 a, Vec3 b, double ra, double rb, Rgb color, double bias)
{
    m_parts.push_back({Part::Capsule, {a, b}, ra, rb, color, bias});
}

void PartList::sphere(Vec3 c, double r, Rgb color, double bias)
{
    m_parts.push_back({Part::Sphere, {c}, r, r, color, bias});
}

void PartList::polygon(std::vector<Vec3> pts, Rgb color, double bias)
{
    m_parts.push_back({Part::Polygon, std::move(pts), 0, 0, color, bias});
}

namespace {
std::vector<Vec3> circlePoints(Vec3 c, double r, Vec3 f, int n, double angle)
{
    std::vector<Vec3> pts;
    const double len = std::sqrt(f.x * f.x + f.y * f.y + f.z * f.z);
    const Vec3 u = len > 0 ? f * (1.0 / len) : Vec3{1, 0, 0};
    for (int i = 0; i < n; ++i) {
        const double a = angle + 2 * 3.14159265358979323846 * i / n;
        pts.push_back(c + u * (r * std::cos(a)) + Vec3{0, r * std::sin(a), 0});
    }
    return pts;
}
} // namespace

void PartList::wheel(Vec3 c, double r, Vec3 f, double thickness, Rgb color, int spokes, double angle, double bias)
{
    Part ring{Part::Ring, circlePoints(c, r, f, 20, 0), thickness / 2, thickness / 2, color, bias};
    m_parts.push_back(std::move(ring));
    const std::vector<Vec3> sp = circlePoints(c, r, f, std::max(spokes, 1), angle);
    for (int i = 0; i < spokes; ++i)
        m_parts.push_back({Part::Capsule, {c, sp[std::size_t(i)]}, thickness * 0.18, thickness * 0.18,
                           color * 1.4f, bias - 1e-4});
}

void PartList::disc(Vec3 c, double r, Vec3 f, Rgb color, double bias)
{
    m_parts.push_back({Part::Polygon, circlePoints(c, r, f, 20, 0), 0, 0, color, bias});
}

void PartList::box(const Frame3& fr, double f0, double f1, double l0, double l1, double u0, double u1, Rgb color,
                   double bias)
{
    Part p{Part::Box, {}, 0, 0, color, bias};
    for (int i = 0; i < 8; ++i)
        p.pts.push_back(fr.local(i & 1 ? f1 : f0, i & 2 ? l1 : l0, i & 4 ? u1 : u0));
    m_parts.push_back(std::move(p));
}

void PartList::draw(Canvas& canvas, const Camera& cam, int owner) const
{
    const int W = canvas.width(), H = canvas.height();
    struct Item {
        double depth;
        std::size_t index;
    };
    std::vector<Item> order;
    order.reserve(m_parts.size());
    for (std::size_t i = 0; i < m_parts.size(); ++i) {
        Vec3 m;
        for (const Vec3& p : m_parts[i].pts)
            m = m + p;
        m = m * (1.0 / double(m_parts[i].pts.size()));
        order.push_back({cam.project(m, W, H).depth + m_parts[i].depthBias, i});
    }
    std::stable_sort(order.begin(), order.end(), [](const Item& a, const Item& b) { return a.depth > b.depth; });
    const double f = cam.focalPixels(H);
    for (const Item& it : order) {
        const Part& p = m_parts[it.index];
        const Paint paint{p.color, 1.0f, owner};
        std::vector<Projection> q;
        for (const Vec3& v : p.pts)
            q.push_back(cam.project(v, W, H));
        if (std::any_of(q.begin(), q.end(), [](const Projection& x) { return x.depth < 0.1; }))
            continue;
        auto px = [&](std::size_t k) { return Vec2{q[k].x, q[k].y}; };
        auto radius = [&](double r, std::size_t k) { return float(std::max(r * f / q[k].depth, 0.3)); };
        switch (p.kind) {
        case Part::Capsule:
            canvas.fillCapsule(px(0), px(1), radius(p.ra, 0), radius(p.rb, 1), paint);
            break;
        case Part::Sphere:
            canvas.fillCircle(px(0), radius(p.ra, 0), paint);
            break;
        case Part::Polygon: {
            std::vector<Vec2> v;
            for (std::size_t k = 0; k < q.size(); ++k)
                v.push_back(px(k));
            canvas.fillConvex(v, paint);
            break;
        }
        case Part::Box: {
            // faces as corner indices (bit 0 = forward, bit 1 = left, bit 2 = up) and shading
            static const int faces[6][4] = {{4, 5, 7, 6}, {0, 1, 3, 2}, {1, 3, 7, 5}, {0, 2, 6, 4}, {2, 3, 7, 6}, {0, 1, 5, 4}};
            static const float shade[6] = {1.0f, 0.5f, 0.82f, 0.74f, 0.7f, 0.78f};
            const Vec3 eye{cam.x, cam.heightM, 0};
            Vec3 centre;
            for (const Vec3& v : p.pts)
                centre = centre + v * 0.125;
            for (int fi = 0; fi < 6; ++fi) {
                Vec3 fc;
                for (int k : faces[fi])
                    fc = fc + p.pts[std::size_t(k)] * 0.25;
                const Vec3 n = fc - centre;           // outward for a box
                const Vec3 toEye = eye - fc;
                if (n.x * toEye.x + n.y * toEye.y + n.z * toEye.z <= 0)
                    continue;
                std::vector<Vec2> v;
                for (int k : faces[fi])
                    v.push_back(px(std::size_t(k)));
                canvas.fillConvex(v, {p.color * shade[fi], 1.0f, owner});
            }
            break;
        }
        case Part::Ring:
            for (std::size_t k = 0; k < q.size(); ++k) {
                const std::size_t n = (k + 1) % q.size();
                canvas.fillCapsule(px(k), px(n), radius(p.ra, k), radius(p.ra, n), paint);
            }
            break;
        }
    }
}

} // namespace vaclip::synth
