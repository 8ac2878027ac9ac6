#include "synth/canvas.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

Canvas::Canvas(int width, int height) : m_width(width), m_height(height)
{
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
        throw Error(ErrorCode::InvalidArgument, "canvas size " + std::to_string(width) + "x" + std::to_string(height)
                                                    + " is out of range (1..16384)");
    m_rgb.assign(std::size_t(width) * height * 3, 0.0f);
    m_owner.assign(std::size_t(width) * height, 0);
}

void Canvas::clear(Rgb color)
{
    for (std::size_t i = 0; i < m_rgb.size(); i += 3) {
        m_rgb[i] = color.r;
        m_rgb[i + 1] = color.g;
        m_rgb[i + 2] = color.b;
    }
    resetOwners();
}

void Canvas::resetOwners() { std::fill(m_owner.begin(), m_owner.end(), 0); }

Rgb Canvas::get(int x, int y) const
{
    const float* p = &m_rgb[(std::size_t(y) * m_width + x) * 3];
    return {p[0], p[1], p[2]};
}

void Canvas::set(int x, int y, Rgb c)
{
    float* p = &m_rgb[(std::size_t(y) * m_width + x) * 3];
    p[0] = c.r;
    p[1] = c.g;
    p[2] = c.b;
}

void Canvas::blend(int x, int y, Rgb c, float a)
{
    float* p = &m_rgb[(std::size_t(y) * m_width + x) * 3];
    p[0] += (c.r - p[0]) * a;
    p[1] += (c.g - p[1]) * a;
    p[2] += (c.b - p[2]) * a;
}

template <class Sdf>
void Canvas::fillSdf(float x0, float y0, float x1, float y1, const Sdf& sdf, const Paint& p)
{
    const int ix0 = std::max(0, int(std::floor(x0 - 1))), iy0 = std::max(0, int(std::floor(y0 - 1)));
    const int ix1 = std::min(m_width - 1, int(std::ceil(x1 + 1))), iy1 = std::min(m_height - 1, int(std::ceil(y1 + 1)));
    for (int y = iy0; y <= iy1; ++y) {
        for (int x = ix0; x <= ix1; ++x) {
            const float d = sdf(float(x) + 0.5f, float(y) + 0.5f);
            const float cov = std::clamp(0.5f - d, 0.0f, 1.0f);
            if (cov <= 0)
                continue;
            blend(x, y, p.color, cov * p.alpha);
            if (p.owner != Paint::kKeepOwner && cov >= 0.5f)
                m_owner[std::size_t(y) * m_width + x] = p.owner;
        }
    }
}

void Canvas::fillCircle(Vec2 c, float r, const Paint& p)
{
    fillSdf(c.x - r, c.y - r, c.x + r, c.y + r,
            [&](float x, float y) { return std::hypot(x - c.x, y - c.y) - r; }, p);
}

namespace {
// Approximate signed distance to an axis-aligned ellipse (exact on the axes, good enough for a
// one-pixel anti-aliasing ramp elsewhere): the implicit value divided by its gradient length.
float ellipseDistance(float x, float y, Vec2 c, float rx, float ry)
{
    const float dx = (x - c.x) / rx, dy = (y - c.y) / ry;
    const float k = std::sqrt(dx * dx + dy * dy);
    const float g = std::sqrt(dx * dx / (rx * rx) + dy * dy / (ry * ry));  // |grad k| * k
    if (g < 1e-6f)
        return -std::min(rx, ry);
    return (k - 1.0f) * k / g;
}
} // namespace

void Canvas::fillEllipse(Vec2 c, float rx, float ry, const Paint& p)
{
    rx = std::max(rx, 0.05f);
    ry = std::max(ry, 0.05f);
    fillSdf(c.x - rx, c.y - ry, c.x + rx, c.y + ry,
            [&](float x, float y) { return ellipseDistance(x, y, c, rx, ry); }, p);
}

void Canvas::strokeEllipse(Vec2 c, float rx, float ry, float lineWidth, const Paint& p)
{
    rx = std::max(rx, 0.05f);
    ry = std::max(ry, 0.05f);
    const float hw = lineWidth * 0.5f;
    fillSdf(c.x - rx - hw, c.y - ry - hw, c.x + rx + hw, c.y + ry + hw,
            [&](float x, float y) { return std::fabs(ellipseDistance(x, y, c, rx, ry)) - hw; }, p);
}

void Canvas::fillCapsule(Vec2 a, Vec2 b, float ra, float rb, const Paint& p)
{
    const float r = std::max(ra, rb);
    const Vec2 ab = b - a;
    const float len2 = ab.x * ab.x + ab.y * ab.y;
    fillSdf(std::min(a.x, b.x) - r, std::min(a.y, b.y) - r, std::max(a.x, b.x) + r, std::max(a.y, b.y) + r,
            [&](float x, float y) {
                float t = len2 > 1e-9f ? ((x - a.x) * ab.x + (y - a.y) * ab.y) / len2 : 0.0f;
                t = std::clamp(t, 0.0f, 1.0f);
                const float px = a.x + ab.x * t - x, py = a.y + ab.y * t - y;
                return std::sqrt(px * px + py * py) - (ra + (rb - ra) * t);
            },
            p);
}

void Canvas::fillConvex(const std::vector<Vec2>& pts, const Paint& p)
{
    const std::size_t n = pts.size();
    if (n < 3)
        return;
    float area = 0;
    float x0 = pts[0].x, y0 = pts[0].y, x1 = x0, y1 = y0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = pts[i], b = pts[(i + 1) % n];
        area += a.x * b.y - b.x * a.y;
        x0 = std::min(x0, a.x);
        y0 = std::min(y0, a.y);
        x1 = std::max(x1, a.x);
        y1 = std::max(y1, a.y);
    }
    if (std::fabs(area) < 1e-6f)
        return;
    const float sign = area > 0 ? 1.0f : -1.0f;
    // Outward edge normals, precomputed.
    std::vector<float> nx(n), ny(n), off(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = pts[i], b = pts[(i + 1) % n];
        float ex = b.x - a.x, ey = b.y - a.y;
        const float len = std::max(std::sqrt(ex * ex + ey * ey), 1e-6f);
        nx[i] = sign * ey / len;
        ny[i] = -sign * ex / len;
        off[i] = nx[i] * a.x + ny[i] * a.y;
    }
    fillSdf(x0, y0, x1, y1,
            [&](float x, float y) {
                float d = -1e9f;
                for (std::size_t i = 0; i < n; ++i)
                    d = std::max(d, nx[i] * x + ny[i] * y - off[i]);
                return d;
            },
            p);
}

void Canvas::applyGain(Rgb gain, float offset)
{
    for (std::size_t i = 0; i < m_rgb.size(); i += 3) {
        m_rgb[i] = m_rgb[i] * gain.r + offset;
        m_rgb[i + 1] = m_rgb[i + 1] * gain.g + offset;
        m_rgb[i + 2] = m_rgb[i + 2] * gain.b + offset;
    }
}

Image Canvas::toImage() const
{
    Image im;
    im.width = m_width;
    im.height = m_height;
    im.rgb.resize(m_rgb.size());
    for (std::size_t i = 0; i < m_rgb.size(); ++i)
        im.rgb[i] = uint8_t(std::lround(std::clamp(m_rgb[i], 0.0f, 1.0f) * 255.0f));
    return im;
}

} // namespace vaclip::synth
