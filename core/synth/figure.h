#pragma once
// An articulated procedural person: proportions and clothes (PersonStyle), joint angles (Pose),
// pose generators for each activity, two-link inverse kinematics for seated riders and pushers,
// and the conversion of a posed skeleton into 3-D parts.
//
// Angles are radians in the body's sagittal plane, measured from straight down, positive towards
// the heading: a thigh at +0.4 swings forward, an upper arm at +1.57 points straight ahead, at
// 3.0 above the head. Knee and elbow bends are >= 0 (knee: shin swings back; elbow: forearm
// swings forward/up). Lengths are fractions of the person's height.
//
//   PersonStyle style = randomPersonStyle(rng);
//   Pose pose = walkPose(phase);              // phase in cycles (one cycle = two steps)
//   PartList parts;
//   Frame3 body{{x, 0, z}, heading};
//   addPerson(parts, body, style, pose);
//   parts.draw(canvas, camera, owner);
//
// Thread safety: free functions on values.

#include "synth/parts.h"

namespace vaclip::synth {

class Rng;

struct PersonStyle {
    double heightM = 1.72;
    double build = 1.0;        ///< width multiplier (0.85 slim .. 1.2 broad)
    Rgb skin, hair, shirt, trousers, shoes;
    bool backpack = false;
    Rgb bag;
    bool longCoat = false;     ///< a coat/dress covering the thighs
};

PersonStyle randomPersonStyle(Rng& rng);

struct Limb {
    double angle = 0;   ///< upper segment from straight down, + forward
    double bend = 0;    ///< knee/elbow bend >= 0
    double spread = 0;  ///< lateral abduction (arms out / legs apart), + away from the body
};

struct Pose {
    Limb legL, legR, armL, armR;
    double hipHeight = 0.52;   ///< pelvis above the base point, fraction of height
    double hipForward = 0;     ///< pelvis ahead of the base point, fraction of height
    double lean = 0;           ///< torso pitch, + forward
    double twist = 0;          ///< shoulders' yaw relative to the hips (fighting, throwing)
    double footLift = 0;       ///< extra height of the whole body (jumps), metres
};

// Segment lengths (fractions of height).
constexpr double kThigh = 0.245, kShin = 0.255, kTorso = 0.29, kUpperArm = 0.17, kForearm = 0.165;

Pose standPose();
/// Walking (amplitude 1 = normal stride; smaller for strolling).
Pose walkPose(double phase, double amplitude = 1.0);
Pose runPose(double phase);
/// A vertical jump cycle: crouch, take-off with arms up, flight, landing. `heightM` is the
/// apex of the feet; the returned pose's footLift follows a parabola.
Pose jumpPose(double phase, double heightM);
/// One overhand throw per cycle (right arm): wind-up, release at phase ~0.55, follow-through.
Pose throwPose(double phase);
/// Boxing/kicking stance; `variant` picks which limbs strike.
Pose fightPose(double phase, int variant);

/// Two-link inverse kinematics in the sagittal plane: the limb (segments l1, l2) reaching from
/// its root to target (forward, up) relative to the root. `kneeForward` picks the bend direction
/// (legs: knee ahead of the line root-target; arms: elbow behind/below).
Limb reach(double forward, double up, double l1, double l2, bool kneeForward);

/// Adds the person's parts. The body stands at `body` (feet on its origin, facing its heading).
void addPerson(PartList& parts, const Frame3& body, const PersonStyle& style, const Pose& pose);

/// World position of the right (or left) hand of the posed person (to attach objects).
Vec3 handPosition(const Frame3& body, const PersonStyle& style, const Pose& pose, bool right);

} // namespace vaclip::synth
