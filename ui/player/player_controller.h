#pragma once
// The playhead of one video: play/pause at the video's frame rate times a speed, frame steps,
// Home/End, and jumps between segments (predicted anomalies, ground truth). It asks the
// FrameProvider for the frame at the playhead; the views follow playheadChanged.
//
//   auto* provider = new FrameProvider(this);
//   auto* player = new PlayerController(provider, this);   // picks up frames/fps on opened()
//   connect(player, &PlayerController::playheadChanged, plot, &TimelinePlot::setPlayhead);
//   connect(plot, &TimelinePlot::seekRequested, player, &PlayerController::seek);
//   connect(provider, &FrameProvider::frameReady, view, &VideoView::setFrame);
//   player->setSegments(predicted, groundTruth);            // [begin, end) frame ranges
//   provider->open(path);  player->play();
//
// Timing: a Qt::PreciseTimer ticks at the frame interval (>= 4 ms); each tick puts the playhead
// where the wall clock says it should be (start frame + elapsed * fps * speed). When decoding
// cannot keep up, frames are skipped (skippedFrames() counts them) and the video never falls
// behind real time. Playback stops at the last frame (or the first, playing backwards).
// Segments are half-open frame ranges [begin, end), sorted by begin (they are sorted on input).
//
// Thread safety: GUI thread only.

#include <QElapsedTimer>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <QVector>

#include <algorithm>

namespace vaclip::studio {

class FrameProvider;

class PlayerController : public QObject {
    Q_OBJECT
public:
    /// `provider` may be null (the controller then only moves the playhead); not owned.
    explicit PlayerController(FrameProvider* provider, QObject* parent = nullptr);

    /// Normally taken from FrameProvider::opened; call it yourself without a provider.
    void setVideo(int frameCount, double fps);
    int frameCount() const { return m_frameCount; }
    double fps() const { return m_fps; }
    int playhead() const { return m_playhead; }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    int direction() const { return m_direction; }
    /// Frames stepped by stepForwardLarge/stepBackwardLarge (Shift+arrows). Default 10.
    void setLargeStep(int frames) { m_largeStep = std::max(1, frames); }
    int largeStep() const { return m_largeStep; }
    /// Frames the playhead passed without the frame being shown (decode could not keep up).
    int skippedFrames() const { return m_skipped; }
    /// The start of frame `frame` (0-based) as "mm:ss.ss" at the video's fps, in the display locale.
    QString timeText(int frame) const;

    void setSegments(const QVector<QPair<int, int>>& predicted, const QVector<QPair<int, int>>& groundTruth);
    void setPredictedSegments(const QVector<QPair<int, int>>& predicted);
    void setGroundTruthSegments(const QVector<QPair<int, int>>& groundTruth);
    const QVector<QPair<int, int>>& predictedSegments() const { return m_predicted; }
    const QVector<QPair<int, int>>& groundTruthSegments() const { return m_groundTruth; }

    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 4.0;

public slots:
    void play();
    void playBackwards();
    void pause();
    void togglePlay();
    /// Clamped to [kMinSpeed, kMaxSpeed]; takes effect at once while playing.
    void setSpeed(double speed);
    /// Moves the playhead (clamped); pauses nothing (seeking while playing continues from there).
    void seek(int frame);
    void step(int frames);
    void stepForward() { step(1); }
    void stepBackward() { step(-1); }
    void stepForwardLarge() { step(m_largeStep); }
    void stepBackwardLarge() { step(-m_largeStep); }
    void goToStart() { seek(0); }
    void goToEnd() { seek(m_frameCount - 1); }
    /// Jumps to the begin of the next/previous segment; false (playhead unchanged) if none.
    bool nextPredictedSegment() { return jumpNext(m_predicted); }
    bool previousPredictedSegment() { return jumpPrevious(m_predicted); }
    bool nextGroundTruthSegment() { return jumpNext(m_groundTruth); }
    bool previousGroundTruthSegment() { return jumpPrevious(m_groundTruth); }

signals:
    void playheadChanged(int frame);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void videoChanged(int frameCount, double fps);

private:
    void startPlaying(int direction);
    void tick();
    void restartClock();
    void setPlayhead(int frame, bool fromPlayback);
    void onFrameReady(int index);
    bool jumpNext(const QVector<QPair<int, int>>& segments);
    bool jumpPrevious(const QVector<QPair<int, int>>& segments);

    FrameProvider* m_provider;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_clockStartFrame = 0;
    int m_frameCount = 0;
    double m_fps = 25;
    double m_speed = 1;
    int m_direction = 1;
    int m_playhead = 0;
    int m_largeStep = 10;
    int m_lastShown = -1;
    int m_skipped = 0;
    QVector<QPair<int, int>> m_predicted;
    QVector<QPair<int, int>> m_groundTruth;
};

} // namespace vaclip::studio
