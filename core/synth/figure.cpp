#include "synth/figure.h"

#include "synth/rng.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

Rgb pick(Rng& rng, std::initializer_list<Rgb> colours)
{
    const int i = rng.below(int(colours.size()));
    Rgb c = *(colours.begin() + i);
    const float v = float(rng.uniform(0.85, 1.12));
    return c * v;
}

double smooth(double a, double b, double x)
{
    const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

double mixd(double a, double b, double t) { return a + (b - a) * t; }

/// Direction of a segment at sagittal angle `a` and lateral spread `s` (side = +1 left, -1 right)
/// in the (forward, left, up) frame.
Vec3 segmentDir(const Vec3& f, const Vec3& l, double a, double s, double side)
{
    const double c = std::cos(s);
    return f * (std::sin(a) * c) + l * (side * std::sin(s)) + Vec3{0, -std::cos(a) * c, 0};
}

double legDrop(const Limb& leg)
{
    return (kThigh * std::cos(leg.angle) + kShin * std::cos(leg.angle - leg.bend)) * std::cos(leg.spread);
}

struct Skeleton {
    Vec3 pelvis, neck, head;
    Vec3 hip[2], knee[2], foot[2], toe[2];
    Vec3 shoulder[2], elbow[2], hand[2];
    Vec3 forward, left;
};

Skeleton solve(const Frame3& body, const PersonStyle& st, const Pose& pose)
{
    const double H = st.heightM;
    Skeleton k;
    const Vec3 f = body.forward(), l = body.left(), up{0, 1, 0};
    k.forward = f;
    k.left = l;
    const double hipH = pose.hipHeight > 0 ? pose.hipHeight : std::max(legDrop(pose.legL), legDrop(pose.legR)) + 0.02;
    k.pelvis = body.origin + f * (pose.hipForward * H) + up * (hipH * H + pose.footLift);
    const Limb* legs[2] = {&pose.legL, &pose.legR};
    const Limb* arms[2] = {&pose.armL, &pose.armR};
    for (int s = 0; s < 2; ++s) {
        const double side = s == 0 ? 1.0 : -1.0;
        const Limb& g = *legs[s];
        k.hip[s] = k.pelvis + l * (side * 0.06 * H * st.build);
        k.knee[s] = k.hip[s] + segmentDir(f, l, g.angle, g.spread, side) * (kThigh * H);
        k.foot[s] = k.knee[s] + segmentDir(f, l, g.angle - g.bend, g.spread, side) * (kShin * H);
        k.toe[s] = k.foot[s] + segmentDir(f, l, g.angle - g.bend + kPi / 2, 0, side) * (0.07 * H);
    }
    k.neck = k.pelvis + f * (std::sin(pose.lean) * kTorso * H) + up * (std::cos(pose.lean) * kTorso * H);
    k.head = k.neck + f * (std::sin(pose.lean) * 0.09 * H) + up * (0.085 * H);
    const Vec3 ft = f * std::cos(pose.twist) + l * std::sin(pose.twist);
    const Vec3 lt = l * std::cos(pose.twist) - f * std::sin(pose.twist);
    for (int s = 0; s < 2; ++s) {
        const double side = s == 0 ? 1.0 : -1.0;
        const Limb& a = *arms[s];
        k.shoulder[s] = k.neck - up * (0.035 * H) + lt * (side * 0.115 * H * st.build);
        k.elbow[s] = k.shoulder[s] + segmentDir(ft, lt, a.angle, a.spread, side) * (kUpperArm * H);
        k.hand[s] = k.elbow[s] + segmentDir(ft, lt, a.angle + a.bend, a.spread, side) * (kForearm * H);
    }
    return k;
}

} // namespace

PersonStyle randomPersonStyle(Rng& rng)
{
    PersonStyle s;
    s.heightM = std::clamp(1.70 + 0.09 * rng.normal(), 1.5, 1.95);
    s.build = rng.uniform(0.88, 1.18);
    s.skin = pick(rng, {{0.96f, 0.80f, 0.69f}, {0.87f, 0.68f, 0.53f}, {0.70f, 0.50f, 0.36f}, {0.45f, 0.31f, 0.22f},
                        {0.92f, 0.74f, 0.60f}});
    s.hair = pick(rng, {{0.12f, 0.09f, 0.07f}, {0.30f, 0.20f, 0.12f}, {0.55f, 0.42f, 0.25f}, {0.08f, 0.08f, 0.08f},
                        {0.65f, 0.63f, 0.60f}});
    s.shirt = pick(rng, {{0.85f, 0.85f, 0.85f}, {0.15f, 0.18f, 0.35f}, {0.62f, 0.12f, 0.12f}, {0.20f, 0.45f, 0.25f},
                         {0.90f, 0.75f, 0.25f}, {0.35f, 0.35f, 0.38f}, {0.25f, 0.50f, 0.75f}, {0.55f, 0.30f, 0.55f},
                         {0.12f, 0.12f, 0.13f}, {0.80f, 0.45f, 0.20f}});
    s.trousers = pick(rng, {{0.15f, 0.18f, 0.30f}, {0.12f, 0.12f, 0.13f}, {0.40f, 0.36f, 0.30f}, {0.30f, 0.32f, 0.35f},
                            {0.55f, 0.50f, 0.42f}, {0.25f, 0.35f, 0.55f}});
    s.shoes = pick(rng, {{0.10f, 0.09f, 0.09f}, {0.85f, 0.85f, 0.85f}, {0.35f, 0.22f, 0.15f}});
    s.backpack = rng.chance(0.25);
    s.bag = pick(rng, {{0.2f, 0.2f, 0.22f}, {0.5f, 0.15f, 0.1f}, {0.15f, 0.3f, 0.5f}});
    s.longCoat = rng.chance(0.15);
    return s;
}

Pose standPose()
{
    Pose p;
    p.hipHeight = -1;
    p.armL.angle = 0.05;
    p.armR.angle = 0.05;
    p.armL.bend = p.armR.bend = 0.15;
    p.armL.spread = p.armR.spread = 0.08;
    return p;
}

Pose walkPose(double phase, double amp)
{
    const double p = 2 * kPi * phase;
    Pose q = standPose();
    q.legL.angle = 0.42 * amp * std::sin(p);
    q.legR.angle = -q.legL.angle;
    q.legL.bend = 0.08 + 0.6 * amp * std::max(0.0, std::cos(p));
    q.legR.bend = 0.08 + 0.6 * amp * std::max(0.0, -std::cos(p));
    q.armL.angle = -0.38 * amp * std::sin(p);
    q.armR.angle = -q.armL.angle;
    q.armL.bend = q.armR.bend = 0.3;
    q.lean = 0.04;
    return q;
}

Pose runPose(double phase)
{
    const double p = 2 * kPi * phase;
    Pose q = standPose();
    q.legL.angle = 0.8 * std::sin(p);
    q.legR.angle = -q.legL.angle;
    q.legL.bend = 0.3 + 1.5 * std::max(0.0, std::cos(p));
    q.legR.bend = 0.3 + 1.5 * std::max(0.0, -std::cos(p));
    q.armL.angle = -0.9 * std::sin(p);
    q.armR.angle = -q.armL.angle;
    q.armL.bend = q.armR.bend = 1.55;
    q.lean = 0.25;
    q.footLift = 0.07 * std::fabs(std::sin(2 * p));
    return q;
}

Pose jumpPose(double phase, double heightM)
{
    Pose q = standPose();
    const double x = phase - std::floor(phase);
    // crouch 0..0.3, flight 0.3..0.7, landing 0.7..1
    double crouch = 0;
    if (x < 0.3)
        crouch = smooth(0.0, 0.2, x) * (1 - smooth(0.22, 0.3, x));
    else if (x >= 0.7)
        crouch = (1 - smooth(0.7, 0.95, x)) * smooth(0.68, 0.75, x);
    q.legL.angle = q.legR.angle = 0.9 * crouch;
    q.legL.bend = q.legR.bend = 1.7 * crouch;
    q.lean = 0.45 * crouch;
    if (x >= 0.3 && x < 0.7) {
        const double s = (x - 0.3) / 0.4;
        q.footLift = heightM * 4 * s * (1 - s);
        q.legL.bend = q.legR.bend = 0.25 + 0.9 * s * (1 - s) * 4 * 0.5;   // tuck a little at the apex
        q.legL.angle = q.legR.angle = 0.3 * 4 * s * (1 - s);
        q.armL.angle = q.armR.angle = 2.9;
        q.armL.spread = q.armR.spread = 0.35;
        q.armL.bend = q.armR.bend = 0.1;
    } else {
        q.armL.angle = q.armR.angle = mixd(0.05, -0.7, crouch);
        q.armL.bend = q.armR.bend = 0.2;
    }
    return q;
}

Pose throwPose(double phase)
{
    Pose q = standPose();
    const double x = phase - std::floor(phase);
    q.legL.angle = 0.3;
    q.legR.angle = -0.28;
    q.legL.bend = 0.15;
    q.legR.bend = 0.1;
    double arm, bend, twist, lean;
    if (x < 0.45) {            // wind-up: arm goes back and up
        const double t = smooth(0.0, 0.45, x);
        arm = mixd(0.2, -2.5, t);
        bend = mixd(0.3, 1.3, t);
        twist = mixd(0.0, -0.6, t);
        lean = mixd(0.0, -0.15, t);
    } else if (x < 0.6) {      // throw: fast over the top to the front
        const double t = smooth(0.45, 0.6, x);
        arm = mixd(-2.5, -4.4, t);    // passing over the head to the front-up (2pi - 4.4 = 1.9)
        bend = mixd(1.3, 0.1, t);
        twist = mixd(-0.6, 0.5, t);
        lean = mixd(-0.15, 0.35, t);
    } else {                   // follow-through and recovery
        const double t = smooth(0.6, 1.0, x);
        arm = mixd(-4.4, -2 * kPi + 0.2, t);
        bend = mixd(0.1, 0.3, t);
        twist = mixd(0.5, 0.0, t);
        lean = mixd(0.35, 0.0, t);
    }
    q.armR.angle = arm;
    q.armR.bend = bend;
    q.armR.spread = 0.25;
    q.armL.angle = 1.2 - 0.6 * smooth(0.45, 0.6, x);
    q.armL.bend = 0.4;
    q.twist = twist;
    q.lean = lean;
    return q;
}

Pose fightPose(double phase, int variant)
{
    Pose q = standPose();
    const double p = 2 * kPi * phase;
    const double punchR = std::pow(std::max(0.0, std::sin(p)), 2);
    const double punchL = std::pow(std::max(0.0, std::sin(p + kPi)), 2);
    q.armR.angle = mixd(0.9, 1.6, punchR);
    q.armR.bend = mixd(2.0, 0.05, punchR);
    q.armL.angle = mixd(0.9, 1.6, punchL);
    q.armL.bend = mixd(2.0, 0.05, punchL);
    q.armL.spread = q.armR.spread = 0.2;
    q.legL.angle = 0.3;
    q.legR.angle = -0.3;
    q.legL.bend = q.legR.bend = 0.35;
    q.lean = 0.18 + 0.12 * std::max(punchL, punchR);
    q.twist = 0.35 * std::sin(p);
    if (variant % 2 == 1) {   // a kick every other cycle
        const double kick = std::pow(std::max(0.0, std::sin(p * 0.5)), 4);
        q.legR.angle = mixd(-0.3, 1.45, kick);
        q.legR.bend = mixd(0.35, 0.15, kick);
        q.lean = mixd(q.lean, -0.25, kick);
    }
    return q;
}

Limb reach(double forward, double up, double l1, double l2, bool kneeForward)
{
    double d = std::sqrt(forward * forward + up * up);
    d = std::clamp(d, std::fabs(l1 - l2) + 1e-4, l1 + l2 - 1e-4);
    const double phi = std::atan2(forward, -up);
    const double alpha = std::acos(std::clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1.0, 1.0));
    const double inner = std::acos(std::clamp((l1 * l1 + l2 * l2 - d * d) / (2 * l1 * l2), -1.0, 1.0));
    Limb limb;
    if (kneeForward) {
        limb.angle = phi + alpha;
        limb.bend = kPi - inner;
    } else {
        limb.angle = phi - alpha;
        limb.bend = kPi - inner;
    }
    return limb;
}

void addPerson(PartList& parts, const Frame3& body, const PersonStyle& st, const Pose& pose)
{
    const double H = st.heightM;
    const Skeleton k = solve(body, st, pose);
    const double b = st.build;
    for (int s = 0; s < 2; ++s) {
        parts.capsule(k.hip[s], k.knee[s], 0.05 * H * b, 0.04 * H, st.trousers);
        parts.capsule(k.knee[s], k.foot[s], 0.038 * H, 0.03 * H, st.trousers);
        parts.capsule(k.foot[s], k.toe[s], 0.026 * H, 0.022 * H, st.shoes, -0.01);
    }
    const Vec3 up{0, 1, 0};
    const Vec3 waist = k.pelvis + (k.neck - k.pelvis) * 0.25;
    parts.capsule(k.hip[0], k.hip[1], 0.062 * H * b, 0.062 * H * b, st.trousers);
    parts.capsule(waist, k.neck - up * (0.06 * H), 0.085 * H * b, 0.09 * H * b, st.shirt);
    parts.capsule(k.shoulder[0], k.shoulder[1], 0.055 * H * b, 0.055 * H * b, st.shirt);
    if (st.longCoat)
        parts.capsule(waist, k.pelvis - up * (0.17 * H), 0.09 * H * b, 0.1 * H * b, st.shirt * 0.9f);
    if (st.backpack)
        parts.capsule(k.neck - k.forward * (0.1 * H) - up * (0.07 * H), waist - k.forward * (0.1 * H),
                      0.07 * H, 0.065 * H, st.bag);
    parts.capsule(k.neck - up * (0.03 * H), k.head, 0.03 * H, 0.03 * H, st.skin);
    for (int s = 0; s < 2; ++s) {
        parts.capsule(k.shoulder[s], k.elbow[s], 0.036 * H * b, 0.032 * H, st.shirt);
        parts.capsule(k.elbow[s], k.hand[s], 0.03 * H, 0.025 * H, st.shirt * 0.95f);
        parts.sphere(k.hand[s], 0.027 * H, st.skin, -0.005);
    }
    parts.sphere(k.head, 0.065 * H, st.skin);
    parts.sphere(k.head + up * (0.018 * H) - k.forward * (0.022 * H), 0.062 * H, st.hair);
}

Vec3 handPosition(const Frame3& body, const PersonStyle& style, const Pose& pose, bool right)
{
    return solve(body, style, pose).hand[right ? 1 : 0];
}

} // namespace vaclip::synth
