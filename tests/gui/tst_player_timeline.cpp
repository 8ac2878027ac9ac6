// ctest-labels: gui video
// ctest-link: vaclip_studio_ui
// The player and the timeline wired as the studio wires them, on a small H.264 video whose frames
// carry their index as a 6-bit pattern of black/white blocks: clicking the plot shows that frame,
// playing moves the playhead and the plot with it, dragging the threshold changes the predicted
// segments, Shift+drag draws an interval, a flood of requests stays bounded.
#include "io/frame_reader.h"
#include "io/video_writer.h"
#include "player/frame_provider.h"
#include "player/player_controller.h"
#include "player/video_view.h"
#include "player/transport_bar.h"
#include "synth/render.h"
#include "timeline/timeline_plot.h"
#include "test_support.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QVBoxLayout>
#include <QtTest>

#include <random>

using namespace vaclip::studio;

namespace {

constexpr int kFrames = 60;
constexpr int kWidth = 192;
constexpr int kHeight = 96;

/// Frame i: six 32-pixel-wide columns, column k white when bit k of i is set, black otherwise;
/// the bottom quarter a horizontal gradient (something for the decoder to blur if it would).
vaclip::Image patternFrame(int index)
{
    vaclip::Image im;
    im.width = kWidth;
    im.height = kHeight;
    im.rgb.resize(std::size_t(kWidth) * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            uint8_t* p = im.rgb.data() + (std::size_t(y) * kWidth + x) * 3;
            const uint8_t v = y >= kHeight * 3 / 4 ? uint8_t(x * 255 / kWidth) : ((index >> (x / 32)) & 1) ? 255 : 0;
            p[0] = p[1] = p[2] = v;
        }
    return im;
}

/// The index a shown frame encodes (column centres, upper half).
int decodeIndex(const QImage& image)
{
    const QImage im = image.convertToFormat(QImage::Format_RGB888).scaled(kWidth, kHeight);
    int index = 0;
    for (int k = 0; k < 6; ++k)
        if (qGray(im.pixel(k * 32 + 16, kHeight / 4)) > 128)
            index |= 1 << k;
    return index;
}

std::vector<float> bumpScores()
{
    std::vector<float> s(kFrames, 0.2f);
    for (int i = 20; i < 30; ++i)
        s[std::size_t(i)] = 0.8f;
    return s;
}

} // namespace

class PlayerTimelineTest : public QObject {
    Q_OBJECT
private:
    vaclip::test::TempDir m_dir;
    QString m_video;

    /// The frame as FrameReader decodes it directly (reference for pixel comparisons).
    QImage referenceFrame(int index)
    {
        auto reader = vaclip::FrameReader::open(m_video.toStdString());
        vaclip::Frame f;
        if (!reader->readAt(index, f))
            return {};
        QImage out(f.image.width, f.image.height, QImage::Format_RGB888);
        for (int y = 0; y < f.image.height; ++y)
            std::memcpy(out.scanLine(y), f.image.pixel(0, y), std::size_t(f.image.width) * 3);
        return out;
    }

private slots:
    void initTestCase()
    {
        vaclip::VideoWriterOptions o;
        o.width = kWidth;
        o.height = kHeight;
        o.fps = 25;
        o.gopSize = 12;
        m_video = QString::fromStdString(m_dir.file("pattern.mp4"));
        vaclip::VideoWriter w(m_video.toStdString(), o);
        for (int i = 0; i < kFrames; ++i)
            w.write(patternFrame(i));
        w.finish();
        QCOMPARE(decodeIndex(referenceFrame(37)), 37);  // the pattern survives H.264
    }

    void clickOnThePlotShowsThatFrame()
    {
        FrameProvider provider;
        PlayerController player(&provider);
        VideoView view;
        TimelinePlot plot;
        connect(&provider, &FrameProvider::frameReady, &view, &VideoView::setFrame);
        connect(&plot, &TimelinePlot::seekRequested, &player, &PlayerController::seek);
        connect(&player, &PlayerController::playheadChanged, &plot, &TimelinePlot::setPlayhead);
        QSignalSpy opened(&provider, &FrameProvider::opened);
        provider.open(m_video);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.first().at(0).toInt(), kFrames);
        QCOMPARE(player.frameCount(), kFrames);

        plot.setScores(bumpScores(), 25);
        plot.resize(800, 260);
        view.resize(384, 192);
        plot.show();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        plot.replotNow();

        QSignalSpy seeks(&plot, &TimelinePlot::seekRequested);
        QTest::mouseClick(plot.canvas(), Qt::LeftButton, Qt::NoModifier, plot.pixelFor(37, 0.3));
        QCOMPARE(seeks.count(), 1);
        QCOMPARE(seeks.first().at(0).toInt(), 37);
        QCOMPARE(player.playhead(), 37);
        QCOMPARE(plot.playhead(), 37);
        QTRY_COMPARE_WITH_TIMEOUT(view.frameIndex(), 37, 5000);
        QCOMPARE(decodeIndex(view.frame()), 37);
        QCOMPARE(view.frame(), referenceFrame(37));
        // What is on screen: the widget's pixels at the centre of the bit-0 column (37 = 0b100101:
        // bit 0 set -> white) and the bit-1 column (clear -> black).
        const QImage screen = view.grab().toImage();
        const QRectF r = view.frameRect();
        auto at = [&](double fx, double fy) {
            return qGray(screen.pixel(int(r.left() + fx * r.width()), int(r.top() + fy * r.height())));
        };
        QVERIFY(at(16.0 / kWidth, 0.25) > 200);
        QVERIFY(at(48.0 / kWidth, 0.25) < 60);
    }

    void playingMovesThePlayheadAndThePlotFollows()
    {
        FrameProvider provider;
        PlayerController player(&provider);
        TimelinePlot plot;
        connect(&player, &PlayerController::playheadChanged, &plot, &TimelinePlot::setPlayhead);
        QSignalSpy opened(&provider, &FrameProvider::opened);
        provider.open(m_video);
        QVERIFY(opened.wait(5000));
        plot.setScores(bumpScores(), 25);
        plot.resize(800, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replotNow();
        const int fullBefore = plot.fullReplots();

        QSignalSpy moves(&player, &PlayerController::playheadChanged);
        player.play();
        QVERIFY(player.isPlaying());
        QTest::qWait(600);  // 25 fps: about 15 frames
        player.pause();
        const int reached = player.playhead();
        QVERIFY2(reached >= 5 && reached <= 30, qPrintable(QString::number(reached)));
        QCOMPARE(plot.playhead(), reached);
        QVERIFY(moves.count() >= 5);
        // Each playhead move repainted the playhead layer only, not the curves.
        QVERIFY(plot.playheadReplots() >= moves.count() - 1);
        QCOMPARE(plot.fullReplots(), fullBefore);
        QTest::qWait(100);
        QCOMPARE(player.playhead(), reached);  // paused stays paused

        // Speed x4 covers about four times the frames in the same time (and stops at the end).
        player.seek(0);
        player.setSpeed(4);
        player.play();
        QTest::qWait(300);  // 25 * 4 * 0.3 = 30 frames
        player.pause();
        QVERIFY2(player.playhead() >= 15, qPrintable(QString::number(player.playhead())));

        // Backwards from frame 40 at x1: the playhead goes down and the plot follows.
        player.setSpeed(1);
        player.seek(40);
        player.playBackwards();
        QTest::qWait(300);
        player.pause();
        QVERIFY2(player.playhead() < 40 && player.playhead() >= 20, qPrintable(QString::number(player.playhead())));
        QCOMPARE(plot.playhead(), player.playhead());
    }

    void draggingTheThresholdUpdatesPredictedSegments()
    {
        TimelinePlot plot;
        plot.setScores(bumpScores(), 25);
        plot.setThreshold(0.9);
        QVERIFY(plot.predictedSegments().isEmpty());
        plot.resize(800, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replotNow();

        QSignalSpy thresholds(&plot, &TimelinePlot::thresholdChanged);
        QSignalSpy segments(&plot, &TimelinePlot::predictedSegmentsChanged);
        QSignalSpy seeks(&plot, &TimelinePlot::seekRequested);
        QWidget* canvas = plot.canvas();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, plot.pixelFor(45, 0.9));
        QTest::mouseMove(canvas, plot.pixelFor(45, 0.7));
        QTest::mouseMove(canvas, plot.pixelFor(45, 0.5));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, plot.pixelFor(45, 0.5));
        QCOMPARE(seeks.count(), 0);  // grabbing the line does not seek
        QVERIFY(thresholds.count() >= 1);
        QVERIFY(std::abs(plot.threshold() - 0.5) < 0.02);
        const QVector<QPair<int, int>> expected{{20, 30}};  // the frames built above 0.5
        QCOMPARE(plot.predictedSegments(), expected);
        QVERIFY(segments.count() >= 1);
        using Segments = QVector<QPair<int, int>>;
        QCOMPARE(segments.last().at(0).value<Segments>(), expected);

        // Below every score: one segment covering the whole video.
        plot.setThreshold(0.1);
        const QVector<QPair<int, int>> all{{0, kFrames}};
        QCOMPARE(plot.predictedSegments(), all);
    }

    void shiftDragDrawsAnInterval()
    {
        TimelinePlot plot;
        plot.setScores(bumpScores(), 25);
        plot.resize(800, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replotNow();
        QSignalSpy drawn(&plot, &TimelinePlot::intervalDrawn);
        QSignalSpy seeks(&plot, &TimelinePlot::seekRequested);
        QWidget* canvas = plot.canvas();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, plot.pixelFor(25, 0.3));
        QTest::mouseMove(canvas, plot.pixelFor(18, 0.3));
        QTest::mouseMove(canvas, plot.pixelFor(10, 0.3));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, plot.pixelFor(10, 0.3));
        QCOMPARE(drawn.count(), 1);
        QCOMPARE(drawn.first().at(0).toInt(), 10);
        QCOMPARE(drawn.first().at(1).toInt(), 26);  // [10, 26): both ends included
        QCOMPARE(seeks.count(), 0);
    }

    void aFloodOfRequestsStaysBoundedAndEndsOnTheLastOne()
    {
        FrameProvider provider;
        FrameProvider::Options o;
        o.cacheBytes = qint64(kWidth) * kHeight * 3 * 16;  // 16 frames
        QSignalSpy opened(&provider, &FrameProvider::opened);
        provider.open(m_video, o);
        QVERIFY(opened.wait(5000));
        QSignalSpy ready(&provider, &FrameProvider::frameReady);
        std::mt19937 rng(7);
        // 1000 seeks, half of them with the event loop turning in between (as a drag would).
        for (int i = 0; i < 1000; ++i) {
            provider.requestFrame(int(rng() % kFrames));
            if (i % 2)
                QCoreApplication::processEvents();
        }
        provider.requestFrame(41);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() && ready.last().at(0).toInt() == 41, 5000);
        QTest::qWait(300);  // let prefetching settle; nothing older may arrive after 41
        QCOMPARE(ready.last().at(0).toInt(), 41);
        QCOMPARE(decodeIndex(ready.last().at(1).value<QImage>()), 41);
        const FrameProvider::Stats s = provider.stats();
        QCOMPARE(s.requests, 1001);
        QCOMPARE(s.emitted, ready.count());
        // Each emission answered the newest request of its moment: far fewer than the requests,
        // and the decoder skipped the superseded ones rather than working through a queue.
        QVERIFY2(ready.count() < 600, qPrintable(QString::number(ready.count())));
        QVERIFY2(s.decoded < 400, qPrintable(QString::number(s.decoded)));
        QVERIFY(provider.cachedBytes() <= o.cacheBytes);
        QVERIFY(provider.cachedFrames() <= 16);
        QVERIFY(provider.isCached(41));
    }

    void brokenVideosAreReportedWithTheirName()
    {
        FrameProvider provider;
        QSignalSpy failed(&provider, &FrameProvider::failed);
        const QString missing = QString::fromStdString(m_dir.file("missing.mp4"));
        provider.open(missing);
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().at(0).toString().contains(missing), qPrintable(failed.first().at(0).toString()));
        QVERIFY(!provider.isOpen());

        const std::string corrupt = m_dir.file("corrupt.mp4");
        vaclip::test::writeText(corrupt, std::string(4096, '\x17'));
        failed.clear();
        provider.open(QString::fromStdString(corrupt));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().at(0).toString().contains(QString::fromStdString(corrupt)));
    }

    void segmentJumps()
    {
        PlayerController player(nullptr);
        player.setVideo(kFrames, 25);
        player.setSegments({{40, 50}, {20, 30}}, {{5, 8}});
        QVERIFY(player.nextPredictedSegment());
        QCOMPARE(player.playhead(), 20);
        QVERIFY(player.nextPredictedSegment());
        QCOMPARE(player.playhead(), 40);
        QVERIFY(!player.nextPredictedSegment());
        QCOMPARE(player.playhead(), 40);
        QVERIFY(player.previousGroundTruthSegment());
        QCOMPARE(player.playhead(), 5);
        player.goToEnd();
        QCOMPARE(player.playhead(), kFrames - 1);
        player.stepBackwardLarge();
        QCOMPARE(player.playhead(), kFrames - 11);
        player.setSpeed(100);
        QCOMPARE(player.speed(), PlayerController::kMaxSpeed);
    }

    void overlaysAndExport()
    {
        VideoView view;
        QImage gray(200, 100, QImage::Format_RGB888);
        gray.fill(QColor(128, 128, 128));
        view.setFrame(0, gray);
        // Heat map: a 2 x 2 map, only the bottom-right cell anomalous.
        view.setAnomalyMap({0.f, 0.f, 0.f, 1.f}, 2, 2);
        view.setHeatMapOpacity(1.0);
        QImage out = view.renderWithOverlays();
        QCOMPARE(out.size(), gray.size());
        const QColor hot = out.pixelColor(190, 95), cold = out.pixelColor(10, 5);
        QVERIFY2(hot.red() > hot.blue() + 60, qPrintable(hot.name()));
        QVERIFY2(cold.blue() > cold.red(), qPrintable(cold.name()));
        // Smooth upsampling: the middle is between the two.
        const QColor mid = out.pixelColor(100, 50);
        QVERIFY(mid != hot && mid != cold);
        view.setHeatMapOpacity(0);
        QCOMPARE(view.renderWithOverlays().pixelColor(190, 95), QColor(128, 128, 128));

        // Mask outline: on the rectangle's edge the pixel changes, deep inside and outside not.
        std::vector<uint8_t> mask(200 * 100, 0);
        for (int y = 30; y < 70; ++y)
            for (int x = 60; x < 140; ++x)
                mask[std::size_t(y) * 200 + std::size_t(x)] = 1;
        view.setGroundTruthMask(mask, 200, 100);
        out = view.renderWithOverlays();
        QVERIFY(out.pixelColor(60, 50) != QColor(128, 128, 128));
        QCOMPARE(out.pixelColor(100, 50), QColor(128, 128, 128));
        QCOMPARE(out.pixelColor(20, 90), QColor(128, 128, 128));

        TimelinePlot plot;
        plot.setScores(bumpScores(), 25);
        plot.addTrack(QStringLiteral("a person riding a bicycle"), std::vector<float>(kFrames, 0.4f));
        QVERIFY(!plot.addTrack(QStringLiteral("wrong length"), std::vector<float>(3, 0.4f)));
        QCOMPARE(plot.trackNames().size(), 1);
        plot.resize(600, 200);
        const QString png = QString::fromStdString(m_dir.file("timeline.png"));
        QVERIFY2(plot.savePng(png, 600, 200, 1.0), qPrintable(plot.errorString()));
        QCOMPARE(QImage(png).size(), QSize(600, 200));
        QVERIFY(plot.savePdf(QString::fromStdString(m_dir.file("timeline.pdf"))));
        QVERIFY(plot.saveSvg(QString::fromStdString(m_dir.file("timeline.svg"))));
        QVERIFY(vaclip::test::readText(m_dir.file("timeline.pdf")).rfind("%PDF", 0) == 0);
        QVERIFY(vaclip::test::readText(m_dir.file("timeline.svg")).find("<svg") != std::string::npos);
        QVERIFY(!plot.savePng(QStringLiteral("/nonexistent-dir/x.png")));
        QVERIFY(plot.errorString().contains(QStringLiteral("/nonexistent-dir/x.png")));
    }

    /// Not a test: with VACLIP_PLAYER_DEMO=SECONDS set, shows the player (view, transport,
    /// timeline) on a rendered walkway clip with scores, heat maps and mask outlines, playing,
    /// for screenshots (../shared/tools/screenshot.sh out.png 8 ./tst_player_timeline demo).
    void demo()
    {
        const int seconds = qEnvironmentVariableIntValue("VACLIP_PLAYER_DEMO");
        if (seconds <= 0)
            QSKIP("set VACLIP_PLAYER_DEMO=SECONDS to show the demo");
        using namespace vaclip::synth;
        const int frames = 120, w = 400, h = 224;
        const SceneSpec spec = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, {w, h, 25.0, frames}, 3);
        const SceneRenderer renderer(spec);
        vaclip::VideoWriterOptions o;
        o.width = w;
        o.height = h;
        o.fps = 25;
        const std::string path = m_dir.file("demo.mp4");
        vaclip::VideoWriter writer(path, o);
        std::vector<float> scores, bicycleTrack;
        std::vector<std::vector<uint8_t>> masks;
        std::mt19937 rng(3);
        std::normal_distribution<float> noise(0.f, 0.04f);
        for (int i = 0; i < frames; ++i) {
            RenderedFrame f = renderer.render(i);
            writer.write(f.image);
            masks.push_back(f.anomalyMask);
            scores.push_back(std::clamp((f.anomalous ? 0.72f : 0.25f) + noise(rng), 0.f, 1.f));
            bicycleTrack.push_back(std::clamp((f.anomalous ? 0.6f : 0.3f) + noise(rng), 0.f, 1.f));
        }
        writer.finish();
        QVector<QPair<int, int>> gt;
        for (int i = 0; i < frames;) {
            if (masks[std::size_t(i)] == std::vector<uint8_t>(masks[std::size_t(i)].size(), 0)) {
                ++i;
                continue;
            }
            int j = i;
            while (j < frames && masks[std::size_t(j)] != std::vector<uint8_t>(masks[std::size_t(j)].size(), 0))
                ++j;
            gt.push_back({i, j});
            i = j;
        }

        QWidget window;
        window.setWindowTitle(QStringLiteral("VideoAnomalyCLIP player demo"));
        auto* layout = new QVBoxLayout(&window);
        auto* view = new VideoView(&window);
        auto* bar = new TransportBar(&window);
        auto* opacity = new QSlider(Qt::Horizontal, &window);
        opacity->setRange(0, 100);
        opacity->setValue(45);
        opacity->setMaximumWidth(160);
        auto* plot = new TimelinePlot(&window);
        layout->addWidget(view, 3);
        auto* row = new QHBoxLayout;
        row->addWidget(bar, 1);
        row->addWidget(new QLabel(QStringLiteral("Heat map"), &window));
        row->addWidget(opacity);
        layout->addLayout(row);
        layout->addWidget(plot, 2);
        window.resize(1100, 820);

        FrameProvider provider;
        PlayerController player(&provider);
        bar->setController(&player);
        connect(&provider, &FrameProvider::frameReady, view, [&](int index, const QImage& image) {
            view->setFrame(index, image);
            // A 16 x 9 "patch grid" map from the mask (plus noise), upsampled by the view.
            const std::vector<uint8_t>& m = masks[std::size_t(index)];
            std::vector<float> grid(16 * 9, 0.f);
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    grid[std::size_t((y * 9 / h) * 16 + x * 16 / w)] += m[std::size_t(y * w + x)] / float(w / 16 * h / 9) * 3.f;
            for (float& g : grid)
                g = std::clamp(g + 0.08f + noise(rng), 0.f, 1.f);
            view->setAnomalyMap(grid, 16, 9);
            view->setGroundTruthMask(m, w, h);
            view->setScore(scores[std::size_t(index)], plot->threshold());
        });
        connect(opacity, &QSlider::valueChanged, view, [view](int v) { view->setHeatMapOpacity(v / 100.0); });
        connect(plot, &TimelinePlot::seekRequested, &player, &PlayerController::seek);
        connect(&player, &PlayerController::playheadChanged, plot, &TimelinePlot::setPlayhead);
        connect(plot, &TimelinePlot::predictedSegmentsChanged, &player, &PlayerController::setPredictedSegments);
        plot->setScores(scores, 25);
        plot->addTrack(QStringLiteral("a person riding a bicycle"), bicycleTrack);
        plot->setGroundTruth(gt);
        plot->setAnnotations({{gt.value(0).first + 4, gt.value(0).first + 30, QStringLiteral("bicycle")}});
        plot->setThreshold(0.5);
        player.setSegments(plot->predictedSegments(), gt);
        QSignalSpy opened(&provider, &FrameProvider::opened);
        provider.open(QString::fromStdString(path));
        QVERIFY(opened.wait(5000));
        window.show();
        player.seek(gt.value(0).first + 10);
        player.play();
        QTest::qWait(1000);
        player.pause();  // in the anomalous part, for the screenshot
        QTest::qWait(seconds * 1000);
    }
};

QTEST_MAIN(PlayerTimelineTest)
#include "tst_player_timeline.moc"
