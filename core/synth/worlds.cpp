#include "synth/worlds.h"

#include "common/error.h"
#include "synth/rng.h"

#include <algorithm>
#include <cmath>

namespace vaclip::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

SceneLayout campusPlaza()
{
    SceneLayout L;
    L.placeNoun = "plaza";
    L.camera = {6.0, 28.0, 31.0, 0.0};
    L.textureSeed = 101;
    L.ground = {{GroundKind::Paving, -1e9, 1e9, -1e9, 1e9, {0.66f, 0.61f, 0.54f}, 0.5, 0.0, false},
                {GroundKind::Grass, -1e9, -6.0, 14.0, 1e9, {0.3f, 0.48f, 0.2f}, 1.0, 0.0, false},
                {GroundKind::Soil, 6.5, 8.5, 8.0, 26.0, {0.4f, 0.3f, 0.22f}, 1.0, 0.0, false}};
    L.facade = {true, 30.0, 14.0, {0.66f, 0.56f, 0.46f}, {0.22f, 0.27f, 0.33f}, 3.2};
    L.benches = {{-4.2, 15.0, 1.8, true}, {4.6, 19.0, 1.8, true}};
    L.props = {{Prop::LampPost, 5.2, 11.0}, {Prop::LampPost, -5.5, 22.0}, {Prop::Bin, -3.6, 12.5},
               {Prop::Planter, 7.5, 16.0}};
    L.areaX0 = -9;
    L.areaX1 = 9;
    L.areaZ0 = 6.5;
    L.areaZ1 = 24;
    L.anomalyZ0 = 7.4;
    L.anomalyZ1 = 12.5;
    L.mainHeadingDeg = 0;
    L.headingSpreadDeg = 180;
    L.crowdMin = 3;
    L.crowdMax = 8;
    return L;
}

SceneLayout campusSquare()
{
    SceneLayout L;
    L.placeNoun = "square";
    L.camera = {5.0, 24.0, 34.0, 1.0};
    L.textureSeed = 202;
    L.sky = {0.75f, 0.8f, 0.85f};
    L.ground = {{GroundKind::Paving, -1e9, 1e9, -1e9, 1e9, {0.62f, 0.48f, 0.42f}, 0.45, 45.0, false},
                {GroundKind::Grass, 3.8, 1e9, 12.0, 17.0, {0.32f, 0.5f, 0.22f}, 1.0, 0.0, true},
                {GroundKind::Grass, -1e9, -3.5, 17.5, 21.0, {0.3f, 0.47f, 0.2f}, 1.0, 0.0, true}};
    L.facade = {true, 26.0, 10.0, {0.78f, 0.76f, 0.7f}, {0.3f, 0.35f, 0.42f}, 2.6};
    L.benches = {{5.5, 11.2, 2.0, true}, {-5.0, 16.8, 2.0, true}};
    L.props = {{Prop::Bollard, -2.0, 23.0}, {Prop::Bollard, 0.0, 23.0}, {Prop::Bollard, 2.0, 23.0},
               {Prop::LampPost, -4.5, 12.0}, {Prop::Bin, 3.2, 13.0}};
    L.areaX0 = -8;
    L.areaX1 = 8;
    L.areaZ0 = 5.5;
    L.areaZ1 = 22;
    L.anomalyZ0 = 6.6;
    L.anomalyZ1 = 11.0;
    L.mainHeadingDeg = 0;
    L.headingSpreadDeg = 180;
    L.crowdMin = 2;
    L.crowdMax = 7;
    return L;
}

SceneLayout campusCourtyard()
{
    SceneLayout L;
    L.placeNoun = "courtyard";
    L.camera = {5.5, 26.0, 32.0, -0.5};
    L.textureSeed = 303;
    L.ground = {{GroundKind::Grass, -1e9, 1e9, -1e9, 1e9, {0.33f, 0.5f, 0.23f}, 1.0, 0.0, false},
                {GroundKind::Concrete, -1e9, 1e9, 6.5, 13.5, {0.72f, 0.71f, 0.68f}, 1.4, 0.0, true},
                {GroundKind::Concrete, -1.5, 1.5, 13.5, 1e9, {0.72f, 0.71f, 0.68f}, 1.4, 0.0, false}};
    L.facade = {true, 24.0, 12.0, {0.55f, 0.36f, 0.3f}, {0.2f, 0.24f, 0.3f}, 3.0};
    L.benches = {{-4.0, 14.6, 1.8, true}, {3.8, 14.6, 1.8, true}};
    L.props = {{Prop::LampPost, -2.5, 16.0}, {Prop::LampPost, 2.5, 16.0}, {Prop::Planter, 6.5, 18.0}};
    L.areaX0 = -9;
    L.areaX1 = 9;
    L.areaZ0 = 6.8;
    L.areaZ1 = 13.2;
    L.anomalyZ0 = 7.0;
    L.anomalyZ1 = 12.5;
    L.mainHeadingDeg = 0;
    L.headingSpreadDeg = 25;
    L.crowdMin = 2;
    L.crowdMax = 6;
    return L;
}

SceneLayout walkwayAcross()
{
    SceneLayout L;
    L.placeNoun = "walkway";
    L.camera = {7.5, 36.0, 25.0, 0.0};
    L.textureSeed = 404;
    L.ground = {{GroundKind::Grass, -1e9, 1e9, -1e9, 1e9, {0.36f, 0.52f, 0.25f}, 1.0, 0.0, false},
                {GroundKind::Concrete, -1e9, 1e9, 7.6, 12.8, {0.76f, 0.74f, 0.7f}, 0.9, 0.0, true}};
    L.benches = {{-3.0, 6.9, 1.8, true}};
    L.props = {{Prop::LampPost, -4.0, 13.8}, {Prop::LampPost, 3.5, 13.8}, {Prop::Bin, 2.0, 7.0}};
    L.areaX0 = -9;
    L.areaX1 = 9;
    L.areaZ0 = 8.0;
    L.areaZ1 = 12.4;
    L.anomalyZ0 = 8.2;
    L.anomalyZ1 = 11.6;
    L.mainHeadingDeg = 0;
    L.headingSpreadDeg = 15;
    L.crowdMin = 2;
    L.crowdMax = 7;
    return L;
}

SceneLayout walkwayJunction()
{
    SceneLayout L;
    L.placeNoun = "walkway";
    L.camera = {7.0, 33.0, 27.0, 1.5};
    L.textureSeed = 505;
    L.ground = {{GroundKind::Grass, -1e9, 1e9, -1e9, 1e9, {0.4f, 0.5f, 0.26f}, 1.0, 0.0, false},
                {GroundKind::Paving, -1e9, 1e9, 8.5, 13.0, {0.7f, 0.66f, 0.6f}, 0.35, 0.0, true},
                {GroundKind::Paving, -3.0, 0.0, 13.0, 1e9, {0.7f, 0.66f, 0.6f}, 0.35, 0.0, false},
                {GroundKind::Soil, 4.0, 8.0, 14.5, 17.0, {0.42f, 0.32f, 0.24f}, 1.0, 0.0, false}};
    L.benches = {{4.5, 7.4, 1.8, true}};
    L.props = {{Prop::LampPost, 1.0, 14.0}, {Prop::Planter, -5.0, 7.0}, {Prop::Bin, -0.5, 7.6}};
    L.areaX0 = -9;
    L.areaX1 = 9;
    L.areaZ0 = 8.8;
    L.areaZ1 = 12.7;
    L.anomalyZ0 = 9.0;
    L.anomalyZ1 = 12.5;
    L.mainHeadingDeg = 0;
    L.headingSpreadDeg = 15;
    L.crowdMin = 2;
    L.crowdMax = 6;
    return L;
}

bool movesAcross(ActorKind k)
{
    return k != ActorKind::Pedestrian;
}

double pedestrianHeading(const SceneLayout& L, Rng& rng)
{
    const double main = L.mainHeadingDeg * kPi / 180;
    if (L.headingSpreadDeg >= 180)
        return rng.uniform(0, 2 * kPi);
    const double spread = L.headingSpreadDeg * kPi / 180;
    return main + (rng.chance(0.5) ? 0.0 : kPi) + rng.uniform(-spread, spread);
}

/// Heading for an anomalous actor: across the view (its silhouette is clearest from the side).
double acrossHeading(Rng& rng, double spreadDeg)
{
    return (rng.chance(0.5) ? 0.0 : kPi) + rng.uniform(-spreadDeg, spreadDeg) * kPi / 180;
}

void addCrowd(SceneSpec& s, Rng& rng, int count, double duration, int& nextId)
{
    const SceneLayout& L = s.layout;
    for (int i = 0; i < count; ++i) {
        ActorSpec a = randomActor(ActorKind::Pedestrian, rng, nextId++);
        a.heading = pedestrianHeading(L, rng);
        const double tm = rng.uniform(0, std::max(duration, 0.0));
        const double z = rng.uniform(L.areaZ0, L.areaZ1);
        const double hw = L.halfWidthAt(z, s.width, s.height);
        const double x = rng.uniform(std::max(L.areaX0, L.camera.x - hw * 1.1), std::min(L.areaX1, L.camera.x + hw * 1.1));
        a.x0 = x - std::cos(a.heading) * a.speed * tm;
        a.z0 = z - std::sin(a.heading) * a.speed * tm;
        // pedestrians of a walkway stay on it: clamp the lateral drift by the heading spread
        s.actors.push_back(a);
    }
}

} // namespace

const char* worldName(World w) { return w == World::Campus ? "campus" : "walkway"; }

World parseWorld(const std::string& name)
{
    if (name == "campus")
        return World::Campus;
    if (name == "walkway")
        return World::Walkway;
    throw Error(ErrorCode::InvalidArgument, "unknown world '" + name + "' (expected campus or walkway)");
}

int sceneCount(World w) { return w == World::Campus ? 3 : 2; }

SceneLayout sceneLayout(World w, int index)
{
    if (index < 0 || index >= sceneCount(w))
        throw Error(ErrorCode::InvalidArgument, std::string("world ") + worldName(w) + " has scenes 0.."
                                                    + std::to_string(sceneCount(w) - 1) + ", not " + std::to_string(index));
    SceneLayout L;
    if (w == World::Campus)
        L = index == 0 ? campusPlaza() : index == 1 ? campusSquare() : campusCourtyard();
    else
        L = index == 0 ? walkwayAcross() : walkwayJunction();
    L.world = worldName(w);
    L.index = index;
    L.name = L.world + "-" + std::to_string(index);
    return L;
}

std::vector<ActorKind> anomalyKinds(World w)
{
    if (w == World::Campus)
        return {ActorKind::Running, ActorKind::Fighting, ActorKind::Car, ActorKind::Throwing, ActorKind::Jumping};
    return {ActorKind::Bicycle, ActorKind::Skateboard, ActorKind::Cart, ActorKind::Wheelchair};
}

SceneSpec makeVideoSpec(World world, int scene, std::optional<ActorKind> anomaly, const VideoShape& shape,
                        uint64_t seed)
{
    if (shape.width < 16 || shape.height < 16 || shape.frames < 1 || !(shape.fps > 0))
        throw Error(ErrorCode::InvalidArgument, "video shape " + std::to_string(shape.width) + "x" + std::to_string(shape.height)
                                                    + ", " + std::to_string(shape.frames) + " frames: need >= 16x16 and >= 1 frame");
    SceneSpec s;
    s.layout = sceneLayout(world, scene);
    s.width = shape.width;
    s.height = shape.height;
    s.fps = shape.fps;
    s.frames = shape.frames;
    s.seed = seed;
    Rng rng(seed);
    Rng lightRng = rng.fork(1);
    s.lighting = Lighting::random(lightRng);
    const double duration = shape.frames / shape.fps;
    int nextId = 1;
    const SceneLayout& L = s.layout;
    if (anomaly && *anomaly != ActorKind::Pedestrian) {
        Rng arng = rng.fork(2);
        ActorSpec a = randomActor(*anomaly, arng, nextId++);
        const double z = arng.uniform(L.anomalyZ0, L.anomalyZ1);
        const double hw = L.halfWidthAt(z, s.width, s.height);
        const ActorKind k = *anomaly;
        if (k == ActorKind::Fighting || k == ActorKind::Throwing || k == ActorKind::Jumping) {
            a.heading = acrossHeading(arng, 15);
            const double spotX = L.camera.x + arng.uniform(-0.45, 0.45) * hw;
            a.activityStart = arng.uniform(0.12, 0.4) * duration;
            a.activityEnd = a.activityStart + arng.uniform(0.5, 0.8) * duration;
            if (k == ActorKind::Fighting) {
                a.x0 = spotX;
                a.z0 = z;
            } else {
                a.x0 = spotX - std::cos(a.heading) * a.speed * a.activityStart;
                a.z0 = z - std::sin(a.heading) * a.speed * a.activityStart;
            }
        } else {
            a.heading = acrossHeading(arng, k == ActorKind::Car ? 5 : 18);
            const double enter = arng.uniform(0.1, 0.4) * duration;
            // start just outside the frame edge it comes from, at time `enter`
            const double margin = actorRadius(a) + 0.3;
            const double dir = std::cos(a.heading) >= 0 ? 1.0 : -1.0;
            const double xEdge = L.camera.x - dir * (hw + margin);
            // slow actors would not get far: let them start inside the view
            double xStart = xEdge;
            if (a.speed * (duration - enter) < hw)
                xStart = L.camera.x - dir * hw * 0.6;
            a.x0 = xStart - std::cos(a.heading) * a.speed * enter;
            a.z0 = z - std::sin(a.heading) * a.speed * enter;
        }
        s.actors.push_back(a);
    }
    Rng crowdRng = rng.fork(3);
    const int count = L.crowdMin + crowdRng.below(L.crowdMax - L.crowdMin + 1);
    addCrowd(s, crowdRng, count, duration, nextId);
    return s;
}

SceneSpec makeImageSpec(World world, int scene, const std::vector<ActorKind>& kinds, int width, int height,
                        uint64_t seed, int crowd)
{
    SceneSpec s;
    s.layout = sceneLayout(world, scene);
    s.width = width;
    s.height = height;
    s.frames = 1;
    s.seed = seed;
    Rng rng(seed);
    Rng lightRng = rng.fork(1);
    s.lighting = Lighting::random(lightRng);
    const SceneLayout& L = s.layout;
    int nextId = 1;
    Rng arng = rng.fork(2);
    // spread several actors over the width so they do not sit on each other
    const int n = int(kinds.size());
    for (int i = 0; i < n; ++i) {
        ActorSpec a = randomActor(kinds[std::size_t(i)], arng, nextId++);
        const double z = arng.uniform(L.anomalyZ0, L.anomalyZ1);
        const double hw = L.halfWidthAt(z, width, height);
        const double usable = std::max(0.2, hw - actorRadius(a) - 0.3);
        const double slot = n > 1 ? (-1.0 + 2.0 * (i + 0.5) / n) : 0.0;
        const double x = L.camera.x + (slot + arng.uniform(-0.4, 0.4) / std::max(n, 1)) * usable;
        a.heading = movesAcross(a.kind) ? acrossHeading(arng, a.kind == ActorKind::Car ? 5 : 25)
                                        : pedestrianHeading(L, arng);
        // frame 0 shows the actor mid-activity: the activity began a moment ago
        const double since = arng.uniform(0.2, 3.0);
        if (a.kind == ActorKind::Fighting || a.kind == ActorKind::Throwing || a.kind == ActorKind::Jumping) {
            a.activityStart = -since;
            a.activityEnd = 1e6;
            a.x0 = x;
            a.z0 = z;
        } else {
            a.phase0 = arng.uniform();
            a.x0 = x;
            a.z0 = z;
        }
        s.actors.push_back(a);
    }
    Rng crowdRng = rng.fork(3);
    addCrowd(s, crowdRng, crowd, 0.0, nextId);
    return s;
}

} // namespace vaclip::synth
