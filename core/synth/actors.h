#pragma once
// The demo world's actors: who they are, how they move over time, how they are drawn.
//
// Normal: pedestrians walking (or standing) in any direction at their own pace. Anomalies, each
// recognisable by shape and motion: a person riding a bicycle, on a skateboard (long board,
// arms out), pushing a small cart, in a wheelchair, running, two people fighting, a car, a
// person throwing an object, a person jumping. Fighting, throwing and jumping people first walk
// to a spot, perform there during [activityStart, activityEnd) - only then are they anomalous -
// and walk on; the others are anomalous for their whole life.
//
//   ActorSpec a = makeActor(ActorKind::Bicycle, layout, rng, 1);   // worlds.h picks the places
//   PartList parts;  addActorParts(parts, a, tSeconds);
//   drawActorShadow(canvas, camera, a, tSeconds, lighting);
//   parts.draw(canvas, camera, a.id);
//
// Thread safety: free functions on values.

#include "synth/figure.h"

#include <string>

namespace vaclip::synth {

struct Lighting;
struct SceneLayout;

enum class ActorKind { Pedestrian, Bicycle, Skateboard, Cart, Wheelchair, Running, Fighting, Car, Throwing, Jumping };
constexpr int kActorKindCount = 10;

/// "pedestrian", "bicycle", "skateboard", "cart", "wheelchair", "running", "fighting", "car",
/// "throwing", "jumping" (also the dataset category names).
const char* actorKindName(ActorKind kind);
/// The inverse; throws vaclip::Error (InvalidArgument) listing the names for anything else.
ActorKind parseActorKind(const std::string& name);
bool isAnomalyKind(ActorKind kind);

struct ActorSpec {
    ActorKind kind = ActorKind::Pedestrian;
    int id = 1;                 ///< owner id in the canvas (> 0, unique in a scene)
    double x0 = 0, z0 = 10;     ///< ground position at t = 0 (m)
    double heading = 0;         ///< radians, 0 = +x
    double speed = 1.3;         ///< m/s while moving
    double activityStart = 1e9; ///< s; fighting/throwing/jumping only
    double activityEnd = 1e9;
    double phase0 = 0;          ///< gait/animation phase offset (cycles)
    PersonStyle person;         ///< the rider/walker/pusher (first fighter)
    PersonStyle person2;        ///< second fighter
    Rgb vehicle{0.6f, 0.1f, 0.1f};
    double jumpHeightM = 0.5;
};

/// Where the actor (its ground reference point) is at time t.
Vec3 actorPosition(const ActorSpec& a, double t);
/// Whether the actor counts as anomalous at time t (its mask is then anomalous ground truth).
bool anomalousAt(const ActorSpec& a, double t);
/// What the actor is doing at t in words ("walking", "riding a bicycle", "standing", ...), and
/// whether it is performing its special activity.
bool performingAt(const ActorSpec& a, double t);
/// Approximate bounding radius on the ground (m), for keeping actors apart and in view.
double actorRadius(const ActorSpec& a);

void addActorParts(PartList& parts, const ActorSpec& a, double t);
/// A soft ground shadow under the actor (stays on the ground when a jumper is in the air).
void drawActorShadow(Canvas& canvas, const Camera& camera, const ActorSpec& a, double t, const Lighting& light);

/// A random actor of `kind` with style, speed and (for stationary activities) timing filled in;
/// position and heading are left for the caller (the world) to choose.
ActorSpec randomActor(ActorKind kind, Rng& rng, int id);

// Vehicles and multi-person actors (vehicles.cpp).
void addBicycle(PartList& parts, const ActorSpec& a, const Frame3& frame, double distance);
void addSkateboard(PartList& parts, const ActorSpec& a, const Frame3& frame, double t);
void addCart(PartList& parts, const ActorSpec& a, const Frame3& frame, double distance);
void addWheelchair(PartList& parts, const ActorSpec& a, const Frame3& frame, double distance);
void addCar(PartList& parts, const ActorSpec& a, const Frame3& frame, double distance);

} // namespace vaclip::synth
