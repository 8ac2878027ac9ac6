#include "player/player_controller.h"

#include "player/frame_provider.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace vaclip::studio {

namespace {

QVector<QPair<int, int>> sorted(QVector<QPair<int, int>> segments)
{
    std::sort(segments.begin(), segments.end());
    return segments;
}

} // namespace

PlayerController::PlayerController(FrameProvider* provider, QObject* parent) : QObject(parent), m_provider(provider)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlayerController::tick);
    if (m_provider) {
        connect(m_provider, &FrameProvider::opened, this,
                [this](int frames, double fps, QSize) { setVideo(frames, fps); });
        connect(m_provider, &FrameProvider::frameReady, this, [this](int index, const QImage&) { onFrameReady(index); });
    }
}

void PlayerController::setVideo(int frameCount, double fps)
{
    pause();
    m_frameCount = std::max(0, frameCount);
    m_fps = fps > 0 ? fps : 25.0;
    m_skipped = 0;
    m_lastShown = -1;
    emit videoChanged(m_frameCount, m_fps);
    const int keep = std::clamp(m_playhead, 0, std::max(0, m_frameCount - 1));
    m_playhead = -1;  // force the signal and the request
    setPlayhead(keep, false);
}

QString PlayerController::timeText(int frame) const
{
    const double seconds = m_fps > 0 ? frame / m_fps : 0.0;
    const int minutes = int(seconds / 60);
    const QLocale locale;  // the display locale: "00:02,60" in German
    const QChar zero = locale.zeroDigit().at(0);
    return QStringLiteral("%1:%2").arg(locale.toString(minutes).rightJustified(2, zero),
                                       locale.toString(seconds - minutes * 60, 'f', 2).rightJustified(5, zero));
}

void PlayerController::setSegments(const QVector<QPair<int, int>>& predicted, const QVector<QPair<int, int>>& groundTruth)
{
    m_predicted = sorted(predicted);
    m_groundTruth = sorted(groundTruth);
}

void PlayerController::setPredictedSegments(const QVector<QPair<int, int>>& predicted)
{
    m_predicted = sorted(predicted);
}

void PlayerController::setGroundTruthSegments(const QVector<QPair<int, int>>& groundTruth)
{
    m_groundTruth = sorted(groundTruth);
}

void PlayerController::play()
{
    startPlaying(1);
}

void PlayerController::playBackwards()
{
    startPlaying(-1);
}

void PlayerController::startPlaying(int direction)
{
    if (m_frameCount <= 0)
        return;
    // Playing from the end starts over (forwards) or from the start (backwards) goes nowhere.
    if (direction > 0 && m_playhead >= m_frameCount - 1)
        setPlayhead(0, false);
    if (direction < 0 && m_playhead <= 0)
        setPlayhead(m_frameCount - 1, false);
    const bool was = isPlaying();
    m_direction = direction;
    restartClock();
    if (m_provider)
        m_provider->setPlayDirection(direction);
    if (!was)
        emit playingChanged(true);
}

void PlayerController::restartClock()
{
    m_clockStartFrame = m_playhead;
    m_clock.start();
    const double interval = 1000.0 / (m_fps * m_speed);
    m_timer.start(std::max(4, int(std::floor(interval))));
}

void PlayerController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    if (m_provider)
        m_provider->setPlayDirection(0);
    emit playingChanged(false);
}

void PlayerController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlayerController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    if (isPlaying())
        restartClock();
    emit speedChanged(m_speed);
}

void PlayerController::seek(int frame)
{
    setPlayhead(frame, false);
    if (isPlaying())
        restartClock();
}

void PlayerController::step(int frames)
{
    pause();
    setPlayhead(m_playhead + frames, false);
}

void PlayerController::tick()
{
    const double elapsed = m_clock.nsecsElapsed() / 1e9;
    const int advanced = int(std::floor(elapsed * m_fps * m_speed + 1e-9));
    int target = m_clockStartFrame + m_direction * advanced;
    const bool atEnd = m_direction > 0 ? target >= m_frameCount - 1 : target <= 0;
    target = std::clamp(target, 0, m_frameCount - 1);
    if (target != m_playhead) {
        // Frames passed over since the last one shown were never displayed: skipped, not queued.
        const int passed = std::abs(target - m_playhead) - 1;
        if (passed > 0)
            m_skipped += passed;
        if (m_lastShown != m_playhead && m_lastShown >= 0)
            ++m_skipped;  // the previous playhead frame did not arrive in time either
        setPlayhead(target, true);
    }
    if (atEnd)
        pause();
}

void PlayerController::setPlayhead(int frame, bool fromPlayback)
{
    Q_UNUSED(fromPlayback);
    if (m_frameCount <= 0)
        frame = std::max(0, frame);
    else
        frame = std::clamp(frame, 0, m_frameCount - 1);
    if (frame == m_playhead)
        return;
    m_playhead = frame;
    if (m_provider)
        m_provider->requestFrame(frame);
    emit playheadChanged(frame);
}

void PlayerController::onFrameReady(int index)
{
    m_lastShown = index;
}

bool PlayerController::jumpNext(const QVector<QPair<int, int>>& segments)
{
    for (const auto& s : segments) {
        if (s.first > m_playhead) {
            seek(s.first);
            return true;
        }
    }
    return false;
}

bool PlayerController::jumpPrevious(const QVector<QPair<int, int>>& segments)
{
    for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
        if (it->first < m_playhead) {
            seek(it->first);
            return true;
        }
    }
    return false;
}

} // namespace vaclip::studio
