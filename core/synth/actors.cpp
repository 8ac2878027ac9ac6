#include "synth/actors.h"

#include "common/error.h"
#include "synth/rng.h"
#include "synth/scene.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool isStationaryActivity(ActorKind k)
{
    return k == ActorKind::Fighting || k == ActorKind::Throwing || k == ActorKind::Jumping;
}

/// Metres of travel per gait cycle (two steps).
double cycleLength(const ActorSpec& a)
{
    const double h = a.person.heightM;
    if (a.kind == ActorKind::Running)
        return 1.55 * h;
    return 0.82 * h * std::sqrt(std::max(a.speed, 0.3) / 1.3);
}

/// Distance travelled along the heading by time t (stationary activities pause the walk).
double travelled(const ActorSpec& a, double t)
{
    if (!isStationaryActivity(a.kind))
        return a.speed * t;
    const double before = std::max(0.0, std::min(t, a.activityStart));
    const double after = std::max(0.0, t - a.activityEnd);
    return a.speed * (before + after);
}

// The fighters' positions: they walk towards each other from both sides of (x0, z0), meet at
// activityStart, fight, and walk back out after activityEnd.
Vec3 fighterPosition(const ActorSpec& a, double t, int which, double& heading)
{
    const Vec3 f{std::cos(a.heading), 0, std::sin(a.heading)};
    const double side = which == 0 ? -1.0 : 1.0;
    double gap;
    if (t < a.activityStart)
        gap = 0.42 + a.speed * (a.activityStart - t);
    else if (t < a.activityEnd)
        gap = 0.42 + 0.1 * std::sin(2 * kPi * (t - a.activityStart) * 0.8 + which * 1.3);
    else
        gap = 0.42 + a.speed * (t - a.activityEnd);
    heading = which == 0 ? a.heading : a.heading + kPi;
    if (t >= a.activityEnd)
        heading += kPi;   // walking away
    return Vec3{a.x0, 0, a.z0} + f * (side * gap);
}

} // namespace

const char* actorKindName(ActorKind k)
{
    switch (k) {
    case ActorKind::Pedestrian: return "pedestrian";
    case ActorKind::Bicycle: return "bicycle";
    case ActorKind::Skateboard: return "skateboard";
    case ActorKind::Cart: return "cart";
    case ActorKind::Wheelchair: return "wheelchair";
    case ActorKind::Running: return "running";
    case ActorKind::Fighting: return "fighting";
    case ActorKind::Car: return "car";
    case ActorKind::Throwing: return "throwing";
    case ActorKind::Jumping: return "jumping";
    }
    return "?";
}

ActorKind parseActorKind(const std::string& name)
{
    for (int i = 0; i < kActorKindCount; ++i)
        if (name == actorKindName(ActorKind(i)))
            return ActorKind(i);
    std::string all;
    for (int i = 0; i < kActorKindCount; ++i)
        all += std::string(i ? ", " : "") + actorKindName(ActorKind(i));
    throw Error(ErrorCode::InvalidArgument, "unknown actor kind '" + name + "' (expected one of " + all + ")");
}

bool isAnomalyKind(ActorKind k) { return k != ActorKind::Pedestrian; }

Vec3 actorPosition(const ActorSpec& a, double t)
{
    if (a.kind == ActorKind::Fighting)
        return {a.x0, 0, a.z0};
    const double d = travelled(a, t);
    return {a.x0 + std::cos(a.heading) * d, 0, a.z0 + std::sin(a.heading) * d};
}

bool performingAt(const ActorSpec& a, double t)
{
    if (!isStationaryActivity(a.kind))
        return a.kind != ActorKind::Pedestrian;
    return t >= a.activityStart && t < a.activityEnd;
}

bool anomalousAt(const ActorSpec& a, double t) { return isAnomalyKind(a.kind) && performingAt(a, t); }

double actorRadius(const ActorSpec& a)
{
    switch (a.kind) {
    case ActorKind::Car: return 2.4;
    case ActorKind::Bicycle: return 1.0;
    case ActorKind::Cart: return 1.2;
    case ActorKind::Fighting: return 1.0;
    case ActorKind::Skateboard:
    case ActorKind::Wheelchair:
    case ActorKind::Throwing: return 0.8;
    default: return 0.45;
    }
}

void addActorParts(PartList& parts, const ActorSpec& a, double t)
{
    const Vec3 pos = actorPosition(a, t);
    const Frame3 frame{pos, a.heading};
    const double dist = travelled(a, t);
    switch (a.kind) {
    case ActorKind::Pedestrian: {
        const Pose pose = a.speed < 0.05 ? standPose() : walkPose(a.phase0 + dist / cycleLength(a));
        addPerson(parts, frame, a.person, pose);
        break;
    }
    case ActorKind::Running:
        addPerson(parts, frame, a.person, runPose(a.phase0 + dist / cycleLength(a)));
        break;
    case ActorKind::Jumping: {
        Pose pose = walkPose(a.phase0 + dist / cycleLength(a));
        if (performingAt(a, t))
            pose = jumpPose((t - a.activityStart) / 1.1, a.jumpHeightM);
        addPerson(parts, frame, a.person, pose);
        break;
    }
    case ActorKind::Throwing: {
        Pose pose = walkPose(a.phase0 + dist / cycleLength(a));
        if (performingAt(a, t)) {
            const double cycle = 1.4;
            const double u = (t - a.activityStart) / cycle;
            pose = throwPose(u);
            // the thrown object: released at 0.55 of a cycle, flies until it lands
            const double k = std::floor(u);
            const double sinceRelease = (u - k - 0.55) * cycle;
            const Pose atRelease = throwPose(k + 0.55);
            if (sinceRelease >= 0) {
                const Vec3 h = handPosition(frame, a.person, atRelease, true);
                const Vec3 f = frame.forward();
                const double vf = 7.0, vu = 2.5;
                const double y = h.y + vu * sinceRelease - 4.9 * sinceRelease * sinceRelease;
                if (y > 0.05)
                    parts.sphere(h + f * (vf * sinceRelease) + Vec3{0, y - h.y, 0}, 0.1, {0.85f, 0.8f, 0.2f});
            } else {
                parts.sphere(handPosition(frame, a.person, pose, true), 0.1, {0.85f, 0.8f, 0.2f}, -0.02);
            }
        }
        addPerson(parts, frame, a.person, pose);
        break;
    }
    case ActorKind::Fighting: {
        for (int w = 0; w < 2; ++w) {
            double heading = 0;
            const Vec3 p = fighterPosition(a, t, w, heading);
            const PersonStyle& st = w == 0 ? a.person : a.person2;
            Pose pose;
            if (performingAt(a, t))
                pose = fightPose((t - a.activityStart) * 1.6 + w * 0.5, w);
            else {
                const double d = t < a.activityStart ? a.speed * t : a.speed * (t - a.activityEnd);
                pose = walkPose(a.phase0 + w * 0.37 + d / (0.82 * st.heightM));
            }
            addPerson(parts, Frame3{p, heading}, st, pose);
        }
        break;
    }
    case ActorKind::Bicycle: addBicycle(parts, a, frame, dist); break;
    case ActorKind::Skateboard: addSkateboard(parts, a, frame, t); break;
    case ActorKind::Cart: addCart(parts, a, frame, dist); break;
    case ActorKind::Wheelchair: addWheelchair(parts, a, frame, dist); break;
    case ActorKind::Car: addCar(parts, a, frame, dist); break;
    }
}

void drawActorShadow(Canvas& canvas, const Camera& cam, const ActorSpec& a, double t, const Lighting& light)
{
    const int W = canvas.width(), H = canvas.height();
    auto one = [&](Vec3 p, double heightM, double halfLen, double halfWid, double heading) {
        // the footprint plus the cast part, as an ellipse fitted to the projected extent
        const double sx = light.shadowDx * heightM * 0.5;
        const Vec3 c{p.x + sx, 0, p.z};
        const double ex = std::fabs(std::cos(heading)) * halfLen + std::fabs(std::sin(heading)) * halfWid
                          + std::fabs(sx);
        const double ez = std::fabs(std::sin(heading)) * halfLen + std::fabs(std::cos(heading)) * halfWid;
        const Projection q = cam.project(c, W, H);
        const Projection qx = cam.project({c.x + ex, 0, c.z}, W, H);
        const Projection qn = cam.project({c.x, 0, c.z - ez}, W, H);
        const Projection qf = cam.project({c.x, 0, c.z + ez}, W, H);
        if (q.depth < 0.1)
            return;
        canvas.fillEllipse({q.x, (qn.y + qf.y) * 0.5f}, std::fabs(qx.x - q.x), std::max(0.5f, std::fabs(qn.y - qf.y) * 0.5f),
                           {{0, 0, 0}, light.shadowStrength, Paint::kKeepOwner});
    };
    const Vec3 p = actorPosition(a, t);
    switch (a.kind) {
    case ActorKind::Car: one(p, 1.45, 2.1, 0.9, a.heading); break;
    case ActorKind::Bicycle: one(p, 1.2, 0.75, 0.18, a.heading); break;
    case ActorKind::Cart: one(p + Vec3{std::cos(a.heading) * 0.6, 0, std::sin(a.heading) * 0.6}, 0.8, 0.9, 0.3, a.heading); break;
    case ActorKind::Wheelchair: one(p, 1.0, 0.45, 0.3, a.heading); break;
    case ActorKind::Skateboard: one(p, 1.2, 0.5, 0.2, a.heading); break;
    case ActorKind::Fighting:
        for (int w = 0; w < 2; ++w) {
            double h = 0;
            one(fighterPosition(a, t, w, h), 1.7, 0.3, 0.25, h);
        }
        break;
    default: one(p, a.person.heightM * 0.7, 0.25, 0.18, a.heading); break;
    }
}

ActorSpec randomActor(ActorKind kind, Rng& rng, int id)
{
    ActorSpec a;
    a.kind = kind;
    a.id = id;
    a.person = randomPersonStyle(rng);
    a.person2 = randomPersonStyle(rng);
    a.phase0 = rng.uniform();
    a.heading = rng.uniform(0, 2 * kPi);
    static const Rgb paints[] = {{0.75f, 0.1f, 0.1f}, {0.1f, 0.25f, 0.6f}, {0.85f, 0.85f, 0.85f}, {0.15f, 0.15f, 0.16f},
                                 {0.2f, 0.5f, 0.25f}, {0.8f, 0.6f, 0.1f}, {0.45f, 0.45f, 0.5f}};
    a.vehicle = paints[rng.below(7)] * float(rng.uniform(0.9, 1.1));
    switch (kind) {
    case ActorKind::Pedestrian: a.speed = rng.chance(0.1) ? 0.0 : rng.uniform(0.9, 1.7); break;
    case ActorKind::Running: a.speed = rng.uniform(3.2, 5.0); break;
    case ActorKind::Bicycle: a.speed = rng.uniform(3.5, 5.5); break;
    case ActorKind::Skateboard: a.speed = rng.uniform(2.8, 4.2); break;
    case ActorKind::Cart: a.speed = rng.uniform(1.1, 1.7); break;
    case ActorKind::Wheelchair: a.speed = rng.uniform(0.8, 1.3); break;
    case ActorKind::Car: a.speed = rng.uniform(4.0, 7.0); break;
    case ActorKind::Fighting:
    case ActorKind::Throwing:
    case ActorKind::Jumping: a.speed = rng.uniform(1.0, 1.5); break;
    }
    if (kind == ActorKind::Skateboard) {   // decks are wood or bright: never ground-grey
        static const Rgb decks[] = {{0.72f, 0.5f, 0.28f}, {0.8f, 0.15f, 0.12f}, {0.15f, 0.55f, 0.25f},
                                    {0.95f, 0.75f, 0.1f}, {0.2f, 0.4f, 0.8f}};
        a.vehicle = decks[rng.below(5)];
    }
    a.jumpHeightM = rng.uniform(0.35, 0.6);
    return a;
}

} // namespace vaclip::synth
