#include "studio/viewer_widget.h"

#include "data/ground_truth.h"
#include "player/frame_provider.h"
#include "player/player_controller.h"
#include "player/transport_bar.h"
#include "player/video_view.h"
#include "studio/studio_session.h"
#include "timeline/timeline_plot.h"

#include <QPen>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace vaclip::studio {

ViewerWidget::ViewerWidget(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_provider(new FrameProvider(this)), m_player(new PlayerController(m_provider, this)),
      m_view(new VideoView(this)), m_transport(new TransportBar(this)), m_timeline(new TimelinePlot(this))
{
    setObjectName(QStringLiteral("viewer"));
    m_transport->setController(m_player);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(m_transport);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({560, 320});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_provider, &FrameProvider::frameReady, m_view, &VideoView::setFrame);
    connect(m_provider, &FrameProvider::opened, this, [this](int, double fps, QSize) {
        m_fps = fps;
        const int target = int(m_session->currentFrame());  // asked for before the video opened
        m_player->seek(target);
        m_open = true;
        refreshScores();
        m_player->seek(target);
        m_provider->requestFrame(m_player->playhead());
    });
    connect(m_provider, &FrameProvider::failed, this, &ViewerWidget::message);
    connect(m_timeline, &TimelinePlot::seekRequested, m_player, &PlayerController::seek);
    connect(m_player, &PlayerController::playheadChanged, this, &ViewerWidget::onPlayhead);
    connect(m_timeline, &TimelinePlot::predictedSegmentsChanged, m_player, &PlayerController::setPredictedSegments);
    connect(m_timeline, &TimelinePlot::thresholdChanged, this, [this](double t) {
        if (!m_syncing)
            m_session->setThreshold(t);
        onPlayhead(m_player->playhead());
    });
    connect(session, &StudioSession::thresholdChanged, this, [this](double t) {
        m_syncing = true;
        m_timeline->setThreshold(t);
        m_syncing = false;
    });
    connect(session, &StudioSession::currentVideoChanged, this, &ViewerWidget::openCurrentVideo);
    connect(session, &StudioSession::scoresChanged, this, [this] { refreshScores(); });
    connect(session, &StudioSession::currentFrameChanged, this, [this](qint64 f) {
        if (m_open && f != m_player->playhead())
            m_player->seek(int(f));  // before opened(), the opened handler seeks there
    });
    if (session->currentVideo() >= 0)
        openCurrentVideo();
}

ViewerWidget::~ViewerWidget() = default;

void ViewerWidget::openCurrentVideo()
{
    m_player->pause();
    m_open = false;
    m_view->clear();
    m_scores.clear();
    m_timeline->setScores({});
    const QString path = m_session->videoPath(m_session->currentVideo());
    if (path.isEmpty())
        return;
    m_provider->open(path);
    refreshScores();
}

void ViewerWidget::refreshScores()
{
    const int video = m_session->currentVideo();
    m_scores = m_session->videoScores(video);
    if (m_scores.empty())
        return;
    m_timeline->setScores(m_scores, m_fps);
    m_timeline->clearTracks();
    const ScoreUpdatePtr u = m_session->scores();
    const auto P = std::size_t(u->prompts.size());
    if (P > 1 && u->promptTracks.size() == u->scores.scores.size() * P) {
        const auto a = std::size_t(u->scores.videoOffsets[std::size_t(video)]);
        for (std::size_t p = 0; p < P; ++p) {
            std::vector<float> track(m_scores.size());
            for (std::size_t t = 0; t < track.size(); ++t)
                track[t] = u->promptTracks[(a + t) * P + p];
            m_timeline->addTrack(u->prompts[int(p)], track);
        }
    }
    if (!m_overlayName.isEmpty()) {
        const auto it = m_overlay.constFind(m_session->videoName(video));
        if (it != m_overlay.cend() && it->size() == m_scores.size()) {
            m_timeline->addTrack(m_overlayName, *it);  // dashed, beside the live "score" curve
            m_timeline->setTrackPen(m_overlayName, QPen(QColor(0x9c, 0x36, 0xb5), 2.0, Qt::DashLine));
        }
    }
    QVector<QPair<int, int>> gt;
    if (const auto* labels = m_session->videoLabels(video))
        for (const vaclip::FrameRange& r : vaclip::labelsToRanges(*labels))
            gt.append({int(r.begin), int(r.end)});
    m_timeline->setGroundTruth(gt);
    m_player->setGroundTruthSegments(gt);
    m_syncing = true;
    m_timeline->setThreshold(m_session->threshold());
    m_syncing = false;
    m_player->setPredictedSegments(m_timeline->predictedSegments());
    m_timeline->setPlayhead(m_player->playhead());
    onPlayhead(m_player->playhead());
}

void ViewerWidget::setOverlay(const QString& name, const QHash<QString, std::vector<float>>& tracks)
{
    m_overlayName = name;
    m_overlay = tracks;
    refreshScores();
}

void ViewerWidget::clearOverlay()
{
    m_overlayName.clear();
    m_overlay.clear();
    refreshScores();
}

double ViewerWidget::scoreAt(int frame) const
{
    return frame >= 0 && std::size_t(frame) < m_scores.size() ? double(m_scores[std::size_t(frame)]) : NAN;
}

void ViewerWidget::onPlayhead(int frame)
{
    m_timeline->setPlayhead(frame);
    const double s = scoreAt(frame);
    if (std::isfinite(s))
        m_view->setScore(s, m_session->threshold());
    else
        m_view->clearScore();
    if (m_open)
        m_session->setCurrentFrame(frame);
}

} // namespace vaclip::studio
