// Vehicles and the people riding, pushing or sitting in them (see actors.h).
#include "synth/actors.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;
const Rgb kTyre{0.09f, 0.09f, 0.1f};
const Rgb kSteel{0.55f, 0.56f, 0.6f};

/// Pose of a person whose body origin is `bodyF` ahead of the vehicle origin, seated with the
/// pelvis at `hipU` metres, feet reaching (footF, footU) and hands (handF, handU) in the
/// vehicle's forward/up coordinates, measured from the body origin.
Pose reachPose(const PersonStyle& st, double hipU, double lean, double footLF, double footLU, double footRF,
               double footRU, double handF, double handU, double armSpread)
{
    const double H = st.heightM;
    Pose p;
    p.hipHeight = hipU / H;
    p.lean = lean;
    p.legL = reach(footLF, footLU - hipU, kThigh * H, kShin * H, true);
    p.legR = reach(footRF, footRU - hipU, kThigh * H, kShin * H, true);
    const double sf = std::sin(lean) * kTorso * H;
    const double su = hipU + std::cos(lean) * kTorso * H - 0.035 * H;
    Limb arm = reach(handF - sf, handU - su, kUpperArm * H, kForearm * H, false);
    arm.spread = armSpread;
    p.armL = p.armR = arm;
    return p;
}

} // namespace

void addBicycle(PartList& parts, const ActorSpec& a, const Frame3& fr, double distance)
{
    const double r = 0.34;
    const double wheelAngle = -distance / r;
    const Vec3 f = fr.forward();
    parts.wheel(fr.local(-0.52, 0, r), r, f, 0.045, kTyre, 6, wheelAngle);
    parts.wheel(fr.local(0.52, 0, r), r, f, 0.045, kTyre, 6, wheelAngle);
    const Rgb c = a.vehicle;
    const Vec3 bb = fr.local(0, 0, 0.3), seat = fr.local(-0.17, 0, 0.82), head = fr.local(0.4, 0, 0.8);
    const Vec3 rear = fr.local(-0.52, 0, r), front = fr.local(0.52, 0, r);
    const double t = 0.022;
    parts.capsule(bb, seat, t, t, c);
    parts.capsule(seat, head, t, t, c);
    parts.capsule(head, bb, t * 1.2, t * 1.2, c);
    parts.capsule(bb, rear, t * 0.8, t * 0.8, c);
    parts.capsule(seat, rear, t * 0.8, t * 0.8, c);
    parts.capsule(head, front, t, t, kSteel);
    const Vec3 barC = fr.local(0.36, 0, 1.0);
    parts.capsule(head, barC, t, t, kSteel);
    parts.capsule(fr.local(0.36, 0.26, 1.0), fr.local(0.36, -0.26, 1.0), t, t, kTyre);
    parts.capsule(fr.local(-0.26, 0, 0.88), fr.local(-0.1, 0, 0.88), 0.035, 0.03, kTyre);   // saddle
    // rider: body origin under the saddle; feet on the pedals, hands on the bar
    const double crank = distance / r / 2.4;
    const double bodyF = -0.2;
    const double pf = -bodyF + 0.17 * std::cos(crank), pu = 0.3 + 0.17 * std::sin(crank) + 0.05;
    const double qf = -bodyF - 0.17 * std::cos(crank), qu = 0.3 - 0.17 * std::sin(crank) + 0.05;
    parts.capsule(fr.local(-bodyF + 0.17 * std::cos(crank) - 0.2, 0.08, pu - 0.05), fr.local(pf - 0.2, 0.08, pu - 0.05),
                  0.015, 0.015, kTyre);
    const Pose pose = reachPose(a.person, 0.92, 0.5, pf, pu, qf, qu, 0.36 - bodyF, 1.0, 0.12);
    addPerson(parts, Frame3{fr.local(bodyF, 0, 0), fr.heading}, a.person, pose);
}

void addSkateboard(PartList& parts, const ActorSpec& a, const Frame3& fr, double t)
{
    const Rgb deck = a.vehicle;
    const double L = 0.52, w = 0.12, h = 0.1;
    parts.polygon({fr.local(-L, -w, h), fr.local(L, -w, h), fr.local(L, w, h), fr.local(-L, w, h)}, deck);
    parts.capsule(fr.local(-L, 0, h - 0.015), fr.local(L, 0, h - 0.015), 0.03, 0.03, deck * 0.7f);
    parts.capsule(fr.local(L, 0, h), fr.local(L + 0.12, 0, h + 0.07), 0.04, 0.035, deck * 0.85f);
    parts.capsule(fr.local(-L, 0, h), fr.local(-L - 0.12, 0, h + 0.07), 0.04, 0.035, deck * 0.85f);
    for (int i = 0; i < 4; ++i)
        parts.sphere(fr.local(i < 2 ? -0.34 : 0.34, i % 2 ? -0.09 : 0.09, 0.045), 0.045, {0.9f, 0.88f, 0.8f});
    // rider stands sideways (facing left of the motion), knees bent, arms out along the board
    Pose p = standPose();
    p.legL.angle = p.legR.angle = 0.25;
    p.legL.bend = p.legR.bend = 0.55;
    p.legL.spread = p.legR.spread = 0.34;
    p.armL.spread = p.armR.spread = 1.3 + 0.12 * std::sin(t * 2.1 + a.phase0 * 6.28);
    p.armL.angle = p.armR.angle = 0.25;
    p.armL.bend = p.armR.bend = 0.15;
    p.lean = 0.12;
    p.twist = 0.15 * std::sin(t * 1.3 + a.phase0 * 6.28);
    p.footLift = h + 0.02;
    addPerson(parts, Frame3{fr.origin, fr.heading - kPi / 2}, a.person, p);
}

void addCart(PartList& parts, const ActorSpec& a, const Frame3& fr, double distance)
{
    const Rgb c = a.vehicle;
    parts.box(fr, 0.55, 1.55, -0.33, 0.33, 0.28, 0.78, c);
    parts.polygon({fr.local(0.6, -0.28, 0.781), fr.local(1.5, -0.28, 0.781), fr.local(1.5, 0.28, 0.781),
                   fr.local(0.6, 0.28, 0.781)},
                  c * 0.45f, -0.05);
    const Vec3 f = fr.forward();
    for (int i = 0; i < 4; ++i)
        parts.wheel(fr.local(i < 2 ? 0.72 : 1.38, i % 2 ? -0.35 : 0.35, 0.14), 0.14, f, 0.06, kTyre, 3, -distance / 0.14);
    for (int s = -1; s <= 1; s += 2)
        parts.capsule(fr.local(0.56, s * 0.25, 0.76), fr.local(0.28, s * 0.25, 1.0), 0.02, 0.02, kSteel);
    parts.capsule(fr.local(0.28, -0.27, 1.0), fr.local(0.28, 0.27, 1.0), 0.025, 0.025, kTyre);
    // the pusher walks behind, hands on the bar
    const double H = a.person.heightM;
    Pose p = walkPose(a.phase0 + distance / (0.82 * H), 0.8);
    p.lean = 0.18;
    const double sf = std::sin(p.lean) * kTorso * H;
    const double hipU = (kThigh + kShin) * H * 0.98;
    Limb arm = reach(0.28 - sf, 1.0 - (hipU + std::cos(p.lean) * kTorso * H - 0.035 * H), kUpperArm * H, kForearm * H, false);
    arm.spread = 0.1;
    p.armL = p.armR = arm;
    addPerson(parts, fr, a.person, p);
}

void addWheelchair(PartList& parts, const ActorSpec& a, const Frame3& fr, double distance)
{
    const Vec3 f = fr.forward();
    const Rgb frameC = a.vehicle;
    const double r = 0.31;
    for (int s = -1; s <= 1; s += 2) {
        parts.wheel(fr.local(-0.12, s * 0.31, r), r, f, 0.04, kTyre, 8, -distance / r);
        parts.wheel(fr.local(-0.12, s * 0.35, r), r * 0.85, f, 0.015, kSteel, 0, 0);
        parts.wheel(fr.local(0.34, s * 0.22, 0.08), 0.08, f, 0.03, kTyre, 0, 0);
        parts.capsule(fr.local(0.34, s * 0.22, 0.08), fr.local(0.3, s * 0.22, 0.47), 0.018, 0.018, kSteel);
        parts.capsule(fr.local(-0.22, s * 0.24, 0.47), fr.local(-0.26, s * 0.24, 0.98), 0.02, 0.02, kSteel);
        parts.capsule(fr.local(-0.26, s * 0.24, 0.98), fr.local(-0.36, s * 0.24, 0.96), 0.02, 0.02, kTyre);
        parts.capsule(fr.local(0.28, s * 0.1, 0.47), fr.local(0.44, s * 0.1, 0.14), 0.018, 0.018, kSteel);
    }
    parts.box(fr, -0.24, 0.3, -0.24, 0.24, 0.44, 0.5, frameC);
    parts.box(fr, -0.27, -0.22, -0.24, 0.24, 0.5, 0.92, frameC);
    // seated person, hands pushing the rims
    const double push = std::sin(distance / 0.6 * 2 * kPi / 2);
    const double bodyF = -0.12;
    Pose p = reachPose(a.person, 0.55, 0.08 + 0.08 * push, 0.56 - bodyF, 0.2, 0.53 - bodyF, 0.2,
                       0.05 + 0.12 * push - bodyF, 0.62 - 0.04 * push, 0.3);
    addPerson(parts, Frame3{fr.local(bodyF, 0, 0), fr.heading}, a.person, p);
}

void addCar(PartList& parts, const ActorSpec& a, const Frame3& fr, double distance)
{
    const Rgb c = a.vehicle;
    const Rgb glass{0.16f, 0.2f, 0.26f};
    parts.box(fr, -2.1, 2.1, -0.86, 0.86, 0.3, 0.95, c);
    parts.box(fr, -1.25, 0.85, -0.78, 0.78, 0.95, 1.38, glass, -0.4);
    parts.box(fr, -1.15, 0.75, -0.74, 0.74, 1.38, 1.46, c, -0.45);
    const Vec3 f = fr.forward();
    for (int i = 0; i < 4; ++i) {
        const double wf = i < 2 ? -1.35 : 1.35, wl = i % 2 ? -0.87 : 0.87;
        parts.disc(fr.local(wf, wl, 0.33), 0.33, f, kTyre);
        parts.wheel(fr.local(wf, wl * 1.01, 0.33), 0.17, f, 0.05, kSteel, 4, -distance / 0.33, -0.01);
    }
    for (int s = -1; s <= 1; s += 2) {
        parts.sphere(fr.local(2.1, s * 0.62, 0.75), 0.1, {0.95f, 0.93f, 0.8f});
        parts.sphere(fr.local(-2.1, s * 0.62, 0.8), 0.09, {0.8f, 0.08f, 0.06f});
    }
}

} // namespace vaclip::synth
