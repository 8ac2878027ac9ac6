// ctest-labels: unit synth video
// The demo world's renderer: determinism, masks and labels, perspective, captions, and the
// datasets it writes read back by the project's own readers (meta.json, ground truth, videos).
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "eval/eval_inputs.h"
#include "io/atomic_file.h"
#include "io/frame_reader.h"
#include "io/npy.h"
#include "synth/captions.h"
#include "synth/dataset.h"
#include "synth/render.h"
#include "synth/rng.h"
#include "synth/samples.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace vaclip;
using namespace vaclip::synth;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

int64_t maskPixels(const RenderedFrame& f)
{
    return std::count(f.anomalyMask.begin(), f.anomalyMask.end(), uint8_t(1));
}

const VisibleActor* findVisible(const RenderedFrame& f, int id)
{
    for (const VisibleActor& v : f.visible)
        if (v.id == id)
            return &v;
    return nullptr;
}

} // namespace

TEST(SynthRng, DeterministicAndForkIndependentOfDraws)
{
    Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(a.next(), b.next());
    EXPECT_NE(Rng(42).next(), c.next());
    Rng d(7);
    const uint64_t f1 = d.fork(3).next();
    d.next();
    d.next();
    EXPECT_EQ(d.fork(3).next(), f1);   // forks depend on the seed, not on draws
    double lo = 1, hi = 0, sum = 0;
    for (int i = 0; i < 20000; ++i) {
        const double u = a.uniform();
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        sum += u;
    }
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_NEAR(sum / 20000, 0.5, 0.01);
    for (int i = 0; i < 1000; ++i) {
        const int k = a.below(7);
        EXPECT_TRUE(k >= 0 && k < 7);
    }
}

TEST(SynthRender, SameSeedSameBytesOtherSeedOtherPixels)
{
    const VideoShape shape{96, 96, 15.0, 30};
    const SceneSpec s1 = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, shape, 123);
    const SceneSpec s2 = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, shape, 123);
    const SceneSpec s3 = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, shape, 124);
    SceneRenderer r1(s1), r2(s2), r3(s3);
    // out of order on purpose: frames are a function of (spec, index) only
    for (int t : {17, 3, 29, 0}) {
        const RenderedFrame a = r1.render(t), b = r2.render(t), c = r3.render(t);
        EXPECT_EQ(a.image.rgb, b.image.rgb) << "frame " << t;
        EXPECT_EQ(a.owners, b.owners);
        EXPECT_EQ(a.anomalyMask, b.anomalyMask);
        EXPECT_EQ(a.caption, b.caption);
        EXPECT_NE(a.image.rgb, c.image.rgb) << "frame " << t;
    }
    // a fresh renderer (no cached state) gives the same bytes
    EXPECT_EQ(render(s1, 17).image.rgb, r1.render(17).image.rgb);
}

TEST(SynthRender, MasksExactlyOnAnomalousFramesAndOnTheActor)
{
    const VideoShape shape{128, 96, 15.0, 90};
    for (World w : {World::Campus, World::Walkway}) {
        for (ActorKind k : anomalyKinds(w)) {
            const SceneSpec spec = makeVideoSpec(w, 0, k, shape, 99 + int(k));
            ASSERT_EQ(spec.actors.front().kind, k);
            const ActorSpec& actor = spec.actors.front();
            SceneRenderer r(spec);
            int anomalousFrames = 0;
            for (int t = 0; t < shape.frames; ++t) {
                const RenderedFrame f = r.render(t);
                ASSERT_EQ(f.anomalyMask.size(), std::size_t(128 * 96));
                ASSERT_EQ(f.image.width, 128);
                ASSERT_EQ(f.image.height, 96);
                const int64_t px = maskPixels(f);
                EXPECT_EQ(px > 0, f.anomalous) << actorKindName(k) << " frame " << t;
                const bool active = anomalousAt(actor, t / spec.fps);
                if (!active) {
                    EXPECT_EQ(px, 0) << actorKindName(k) << " frame " << t << ": mask outside the anomaly";
                }
                // every mask pixel belongs to the anomalous actor, and its pixels are all in the mask
                int64_t owned = 0;
                for (std::size_t i = 0; i < f.owners.size(); ++i) {
                    if (f.owners[i] == actor.id)
                        ++owned;
                    if (f.anomalyMask[i]) {
                        EXPECT_EQ(f.owners[i], actor.id);
                    }
                }
                if (px > 0) {
                    EXPECT_EQ(owned, px);   // all of the actor, once the frame is anomalous
                    EXPECT_GE(px, minAnomalyPixels(128, 96));
                } else if (active) {
                    EXPECT_LT(owned, minAnomalyPixels(128, 96)) << "an actor in view but no mask";
                }
                const VisibleActor* v = findVisible(f, actor.id);
                if (px > 0) {
                    ASSERT_NE(v, nullptr);
                    EXPECT_TRUE(v->anomalous);
                }
                anomalousFrames += f.anomalous ? 1 : 0;
            }
            EXPECT_GT(anomalousFrames, 5) << worldName(w) << " " << actorKindName(k);
            EXPECT_LT(anomalousFrames, shape.frames) << "the clip should also have normal frames";
        }
    }
    // a normal video has no anomalous pixel
    const SceneSpec normal = makeVideoSpec(World::Campus, 1, std::nullopt, shape, 5);
    SceneRenderer r(normal);
    for (int t = 0; t < shape.frames; t += 7)
        EXPECT_EQ(maskPixels(r.render(t)), 0);
}

TEST(SynthRender, AnomalousActorsAreAtLeastTwoPatchesTallAtBackboneSize)
{
    // At a 96-pixel backbone input (patch 8) a 128x128 frame is scaled by 0.75: two patches are
    // 16 input pixels = ~21 frame pixels. Single-actor stills place actors in the scene's near band.
    for (World w : {World::Campus, World::Walkway}) {
        for (int scene = 0; scene < sceneCount(w); ++scene) {
            for (ActorKind k : {ActorKind::Bicycle, ActorKind::Skateboard, ActorKind::Running, ActorKind::Car}) {
                for (uint64_t seed = 1; seed <= 3; ++seed) {
                    const RenderedFrame f = render(makeImageSpec(w, scene, {k}, 128, 128, seed), 0);
                    const VisibleActor* v = findVisible(f, 1);
                    ASSERT_NE(v, nullptr) << worldName(w) << scene << " " << actorKindName(k);
                    EXPECT_GE(v->y1 - v->y0 + 1, 21) << worldName(w) << scene << " " << actorKindName(k) << " seed " << seed;
                    EXPECT_TRUE(f.anomalous);
                }
            }
            // every kind fits in the frame top to bottom (not cut by the edges)
            for (int k = 1; k < kActorKindCount; ++k) {
                for (uint64_t seed = 1; seed <= 3; ++seed) {
                    const RenderedFrame f = render(makeImageSpec(w, scene, {ActorKind(k)}, 128, 128, seed), 0);
                    const VisibleActor* v = findVisible(f, 1);
                    ASSERT_NE(v, nullptr);
                    EXPECT_GT(v->y0, 0) << worldName(w) << scene << " " << actorKindName(ActorKind(k)) << " seed " << seed;
                    EXPECT_LT(v->y1, 127) << worldName(w) << scene << " " << actorKindName(ActorKind(k)) << " seed " << seed;
                }
            }
        }
    }
}

TEST(SynthRender, PerspectiveShrinksWithDistance)
{
    SceneSpec spec;
    spec.layout = sceneLayout(World::Campus, 0);
    spec.width = 160;
    spec.height = 120;
    Rng rng(3);
    ActorSpec near = randomActor(ActorKind::Pedestrian, rng, 1);
    near.speed = 0;
    near.heading = 0;
    near.person.heightM = 1.75;
    near.person.backpack = false;
    ActorSpec far = near;
    auto heightAt = [&](double z) {
        ActorSpec a = near;
        a.x0 = 0;
        a.z0 = z;
        spec.actors = {a};
        const RenderedFrame f = render(spec, 0);
        const VisibleActor* v = findVisible(f, 1);
        EXPECT_NE(v, nullptr) << "z=" << z;
        return v ? v->y1 - v->y0 + 1 : 0;
    };
    const int h8 = heightAt(8), h12 = heightAt(12), h18 = heightAt(18);
    EXPECT_GT(h8, h12);
    EXPECT_GT(h12, h18);
    // and by the camera's own scale: pixel height ~ pixelsPerMetre(z) * 1.75 m (+- 2 px, AA)
    const Camera& cam = spec.layout.camera;
    EXPECT_NEAR(h8, cam.pixelsPerMetre(8, 120) * 1.75, 0.08 * h8 + 2);
    EXPECT_NEAR(h18, cam.pixelsPerMetre(18, 120) * 1.75, 0.08 * h18 + 2);
    (void)far;
}

TEST(SynthRender, ResolutionIndependentLayout)
{
    // The same still at two sizes: the actor covers the same fraction of the frame.
    const SceneSpec small = makeImageSpec(World::Walkway, 0, {ActorKind::Cart}, 96, 96, 11);
    const SceneSpec big = makeImageSpec(World::Walkway, 0, {ActorKind::Cart}, 288, 288, 11);
    const VisibleActor* a = nullptr;
    const RenderedFrame fs = render(small, 0), fb = render(big, 0);
    a = findVisible(fs, 1);
    const VisibleActor* b = findVisible(fb, 1);
    ASSERT_TRUE(a && b);
    EXPECT_NEAR(double(a->pixels) / (96 * 96), double(b->pixels) / (288 * 288), 0.15 * double(b->pixels) / (288 * 288));
    EXPECT_NEAR((a->x0 + a->x1) / 2.0 / 96, (b->x0 + b->x1) / 2.0 / 288, 0.02);
}

TEST(SynthCaptions, EveryKindEveryScene)
{
    for (World w : {World::Campus, World::Walkway}) {
        for (int scene = 0; scene < sceneCount(w); ++scene) {
            const SceneLayout L = sceneLayout(w, scene);
            const std::string place = placePhrase(L);
            const RenderedFrame empty = render(makeImageSpec(w, scene, {}, 96, 96, 1), 0);
            EXPECT_TRUE(empty.visible.empty());
            EXPECT_EQ(captionsFor(L, empty.visible, 96, 96).front(), "an empty " + L.placeNoun);
            for (int k = 0; k < kActorKindCount; ++k) {
                const ActorKind kind = ActorKind(k);
                const RenderedFrame f = render(makeImageSpec(w, scene, {kind}, 96, 96, 7 + k), 0);
                const std::vector<std::string> all = captionsFor(L, f.visible, 96, 96);
                EXPECT_EQ(all.front(), actorPhrases(kind).front() + " " + place) << L.name;
                for (const std::string& c : all)
                    for (char ch : c)
                        EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == ' ') << c;
            }
            // a crowd without anomalies
            const RenderedFrame crowd = render(makeImageSpec(w, scene, {}, 96, 96, 3, 4), 0);
            const std::string c = captionsFor(L, crowd.visible, 96, 96).front();
            EXPECT_NE(c.find("walking"), std::string::npos) << c;
        }
    }
    // a fight is described as a fight only while it happens
    const std::vector<std::string> vocab = captionVocabulary();
    for (const char* w : {"bicycle", "skateboard", "cart", "wheelchair", "car", "fighting", "running", "jumping",
                          "throwing", "walking", "empty", "plaza", "walkway", "normal", "campus", "pedestrians", "driving"})
        EXPECT_TRUE(std::binary_search(vocab.begin(), vocab.end(), std::string(w))) << w;
}

TEST(SynthRender, BadInputIsAnError)
{
    EXPECT_THROW(sceneLayout(World::Walkway, 2), Error);
    EXPECT_THROW(parseWorld("moon"), Error);
    EXPECT_THROW(parseActorKind("unicycle"), Error);
    EXPECT_EQ(parseActorKind("wheelchair"), ActorKind::Wheelchair);
    EXPECT_THROW(makeVideoSpec(World::Campus, 0, std::nullopt, {8, 8, 15.0, 10}, 1), Error);
    const SceneSpec s = makeImageSpec(World::Campus, 0, {}, 64, 64, 1);
    EXPECT_THROW(SceneRenderer(s).render(-1), Error);
}

TEST(SynthDataset, WalkwayReadsBackWithTheProjectsReaders)
{
    TempDir dir;
    SynthDatasetOptions o;
    o.world = World::Walkway;
    o.outDir = (dir.path() / "walkway").string();
    o.videos = 5;
    o.frames = 40;
    o.width = 96;
    o.height = 80;
    o.seed = 3;
    int calls = 0;
    const SynthDatasetResult r = writeSynthDataset(o, [&](int done, int total, const std::string&) {
        ++calls;
        EXPECT_LE(done, total);
        return true;
    });
    EXPECT_EQ(r.testVideos, 5);
    EXPECT_EQ(r.trainVideos, 1);
    EXPECT_EQ(calls, 6);

    const DatasetMeta meta = loadMeta(r.metaPath);
    ASSERT_EQ(meta.test.size(), 5u);
    ASSERT_EQ(meta.train.size(), 1u);
    std::set<std::string> categories;
    for (const VideoEntry& e : meta.test) {
        categories.insert(e.category);
        // video: decodes to the expected count and size
        auto reader = FrameReader::open(e.absolutePath);
        EXPECT_EQ(reader->info().frameCount, 40) << e.videoPath;
        EXPECT_EQ(reader->info().width, 96);
        EXPECT_EQ(reader->info().height, 80);
        Frame f;
        int64_t decoded = 0;
        while (reader->next(f))
            ++decoded;
        EXPECT_EQ(decoded, 40);
        // labels: per-frame text, consistent with the pixel masks and the anomaly flag
        const std::vector<uint8_t> labels = loadFrameLabels(e);
        ASSERT_EQ(labels.size(), 40u);
        const FrameMasks masks = loadFrameMasks(e);
        EXPECT_EQ(masks.frames, 40);
        EXPECT_EQ(masks.width, 96);
        EXPECT_EQ(masks.height, 80);
        EXPECT_EQ(masks.frameLabels(), labels) << e.videoPath;
        EXPECT_EQ(e.anomaly, countAnomalous(labels) > 0) << e.videoPath;
        EXPECT_EQ(e.anomaly, e.category != "normal");
    }
    EXPECT_TRUE(categories.count("normal"));
    EXPECT_TRUE(categories.count("bicycle"));
    EXPECT_TRUE(categories.count("skateboard"));
    // the evaluation's ground-truth reader sees the same
    const GroundTruthSet gt = loadGroundTruthSet(r.metaPath);
    ASSERT_EQ(gt.videos.size(), 5u);
    EXPECT_EQ(gt.totalFrames(), 200);
    for (std::size_t i = 0; i < gt.videos.size(); ++i)
        EXPECT_EQ(gt.videos[i].labels, loadFrameLabels(meta.test[i]));
    // captions: one line per frame
    const std::string captions = readFile((dir.path() / "walkway" / "captions" / (fs::path(meta.test[1].videoPath).stem().string() + ".txt")).string());
    EXPECT_EQ(std::count(captions.begin(), captions.end(), '\n'), 41);
}

TEST(SynthDataset, CampusTrainSplitAndDeterministicFiles)
{
    TempDir dir;
    SynthDatasetOptions o;
    o.world = World::Campus;
    o.videos = 6;
    o.frames = 32;
    o.width = 64;
    o.height = 64;
    o.seed = 9;
    o.outDir = (dir.path() / "a").string();
    const SynthDatasetResult a = writeSynthDataset(o);
    o.outDir = (dir.path() / "b").string();
    o.threads = 1;   // the result must not depend on scheduling
    writeSynthDataset(o);
    EXPECT_EQ(a.trainVideos, 6);
    EXPECT_EQ(a.testVideos, 2);
    const DatasetMeta meta = loadMeta(a.metaPath);
    std::set<std::string> trainKinds;
    for (const VideoEntry& e : meta.train)
        trainKinds.insert(e.category);
    for (const char* walkwayKind : {"bicycle", "skateboard", "cart", "wheelchair"})
        EXPECT_FALSE(trainKinds.count(walkwayKind)) << walkwayKind;
    EXPECT_TRUE(trainKinds.count("normal"));
    EXPECT_TRUE(trainKinds.count("running"));
    EXPECT_TRUE(trainKinds.count("car"));
    for (const VideoEntry& e : meta.train) {
        const fs::path rel = fs::path(e.videoPath);
        const std::string name = rel.stem().string();
        for (const std::string& f : {e.videoPath, "gt/" + name + ".txt", "captions/" + name + ".txt"})
            EXPECT_EQ(readFile((dir.path() / "a" / f).string()), readFile((dir.path() / "b" / f).string())) << f;
    }
    EXPECT_EQ(readFile(a.metaPath), readFile((dir.path() / "b" / "meta.json").string()));
}

TEST(SynthDataset, BadOptionsAndCancellation)
{
    TempDir dir;
    SynthDatasetOptions o;
    o.outDir = dir.file("x");
    o.frames = 2;
    EXPECT_THROW(writeSynthDataset(o), Error);
    o.frames = 16;
    o.width = 63;
    EXPECT_THROW(writeSynthDataset(o), Error);
    o.width = 64;
    o.height = 64;
    o.videos = 3;
    try {
        writeSynthDataset(o, [](int, int, const std::string&) { return false; });
        ADD_FAILURE() << "cancellation did not throw";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled);
    }
    EXPECT_FALSE(fs::exists(dir.path() / "x" / "meta.json"));
}

TEST(SynthCli, WritesAWorldThatInfoChecks)
{
    TempDir dir;
    const std::string out = (dir.path() / "campus").string();
    const std::string cli = test::cliExecutable();
    auto r = test::runCommand(test::shellQuote(cli) + " synth --world campus --out " + test::shellQuote(out)
                              + " --videos 2 --frames 16 --size 64x48 --seed 4 --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("train: 2 videos"), std::string::npos) << r.output;
    r = test::runCommand(test::shellQuote(cli) + " info " + test::shellQuote(out + "/meta.json") + " --check-videos");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    // refuses to overwrite without --force; usage errors exit 2
    r = test::runCommand(test::shellQuote(cli) + " synth --world campus --out " + test::shellQuote(out) + " --quiet");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("vaclip: error:"), std::string::npos) << r.output;
    r = test::runCommand(test::shellQuote(cli) + " synth --world moon --out " + test::shellQuote(out));
    EXPECT_EQ(r.exitCode, 2) << r.output;
    r = test::runCommand(test::shellQuote(cli) + " synth --world walkway --out " + test::shellQuote(out) + " --size 64");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    const std::string gallery = dir.file("g.png");
    r = test::runCommand(test::shellQuote(cli) + " synth --world walkway --gallery " + test::shellQuote(gallery)
                         + " --size 48x48 --quiet");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(fs::exists(gallery));
}

TEST(SynthSamples, PretrainingSamplesCoverBothWorldsAndEveryKind)
{
    SampleOptions o;
    o.size = 64;
    std::set<std::string> worlds;
    std::set<int> kinds;
    int single = 0, singleMentioned = 0;
    for (uint64_t i = 0; i < 160; ++i) {
        const Sample s = sampleImage(1000 + i, o);
        ASSERT_EQ(s.frames.size(), 1u);
        ASSERT_EQ(s.frames[0].width, 64);
        ASSERT_FALSE(s.caption.empty());
        EXPECT_NE(std::find(s.captions.begin(), s.captions.end(), s.caption), s.captions.end());
        worlds.insert(worldName(s.world));
        for (ActorKind k : s.kinds)
            kinds.insert(int(k));
        if (s.kinds.size() == 1) {
            ++single;
            const std::string phrase = actorPhrases(s.kinds[0]).front();
            singleMentioned += s.captions.front().find(phrase) != std::string::npos ? 1 : 0;
        }
    }
    EXPECT_EQ(worlds.size(), 2u);
    EXPECT_EQ(kinds.size(), std::size_t(kActorKindCount));
    EXPECT_GT(single, 40);
    EXPECT_GE(singleMentioned, single * 9 / 10) << singleMentioned << " of " << single;
    // deterministic
    EXPECT_EQ(sampleImage(77, o).frames[0].rgb, sampleImage(77, o).frames[0].rgb);
    EXPECT_EQ(sampleImage(77, o).caption, sampleImage(77, o).caption);
}

TEST(SynthSamples, ClipsAreConsecutiveFramesOfTheActor)
{
    SampleOptions o;
    o.size = 64;
    o.singleActorFraction = 1.0;
    o.emptyFraction = 0.0;
    int withKind = 0, described = 0;
    for (uint64_t i = 0; i < 12; ++i) {
        const Sample c = sampleClip(500 + i, o, 6);
        ASSERT_EQ(c.frames.size(), 6u);
        EXPECT_NE(c.frames[0].rgb, c.frames[5].rgb);   // noise and motion
        if (!c.kinds.empty()) {
            ++withKind;
            described += c.captions.front().find(actorPhrases(c.kinds[0]).front()) != std::string::npos ? 1 : 0;
        }
    }
    EXPECT_GT(withKind, 6);
    EXPECT_GE(described, withKind - 1);
    EXPECT_THROW(sampleClip(1, o, 0), Error);
}

TEST(SynthSamples, ForcedKindSceneCaptionAndZoom)
{
    // The pretraining's hard-negative groups: one actor of a given kind in a given scene, one
    // caption phrasing for all samples of a kind, and closer views (zoom) that keep the actor.
    SampleOptions o;
    o.size = 64;
    o.world = World::Walkway;
    o.scene = 1;
    o.captionVariant = 12345;
    for (ActorKind kind : {ActorKind::Bicycle, ActorKind::Wheelchair}) {
        o.kind = kind;
        o.zoom = 1.0;
        std::set<std::string> captions;
        double pixels1 = 0, pixels2 = 0;
        int described = 0;
        for (uint64_t i = 0; i < 8; ++i) {
            o.zoom = 1.0;
            const Sample a = sampleImage(300 + i, o);
            o.zoom = 2.0;
            const Sample b = sampleImage(300 + i, o);
            for (const Sample* s : {&a, &b}) {
                ASSERT_EQ(s->frames[0].width, 64);
                ASSERT_EQ(s->frames[0].height, 64);
                EXPECT_EQ(s->world, World::Walkway);
                EXPECT_EQ(s->scene, 1);
                ASSERT_EQ(s->kinds, std::vector<ActorKind>{kind});
                captions.insert(s->caption);
                described += s->caption.find(actorPhrases(kind)[0]) != std::string::npos ||
                             s->caption.find(actorPhrases(kind)[1]) != std::string::npos;
            }
            for (const VisibleActor& v : a.visible)
                pixels1 += v.kind == kind ? double(v.pixels) : 0.0;
            for (const VisibleActor& v : b.visible)
                pixels2 += v.kind == kind ? double(v.pixels) : 0.0;
        }
        EXPECT_EQ(captions.size(), 1u) << *captions.begin();   // one phrasing, same place phrase
        EXPECT_GE(described, 15) << actorKindName(kind);
        // Twice as close: about four times the pixels (the crop keeps the whole actor).
        EXPECT_GT(pixels2, 3.0 * pixels1) << actorKindName(kind);
        EXPECT_LT(pixels2, 5.0 * pixels1) << actorKindName(kind);
    }
    // A zoomed clip frame is a crop of the larger render around the actor.
    o.kind = ActorKind::Skateboard;
    o.zoom = 1.5;
    const Sample c = sampleClip(9, o, 2);
    ASSERT_EQ(c.frames.size(), 2u);
    EXPECT_EQ(c.frames[0].width, 64);
    EXPECT_FALSE(c.visible.empty());
    o.zoom = 5.0;
    EXPECT_THROW(sampleImage(1, o), Error);
    o.zoom = 1.0;
    o.scene = 7;
    EXPECT_THROW(sampleImage(1, o), Error);
}
