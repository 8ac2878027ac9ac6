#pragma once
// The central viewer: the current test video (VideoView fed by a FrameProvider), its transport
// bar (PlayerController) and the score timeline (TimelinePlot), all bound to the session: the
// session's current video is opened, its scores, per-prompt tracks, ground truth and threshold are
// plotted, the plot and the player stay in sync, and the threshold dragged on the plot becomes
// the session's (so the metrics' operating point follows).
//
//   ViewerWidget viewer(&session);
//   viewer.player()->seek(40);            // the frame, the playhead and session.currentFrame() follow
//
// Decoding happens on the FrameProvider's worker; nothing here decodes or scores.
// Thread affinity: GUI thread.

#include "studio/scoring_engine.h"

#include <QHash>
#include <QWidget>

namespace vaclip::studio {

class StudioSession;
class FrameProvider;
class PlayerController;
class TimelinePlot;
class TransportBar;
class VideoView;

class ViewerWidget : public QWidget {
    Q_OBJECT
public:
    explicit ViewerWidget(StudioSession* session, QWidget* parent = nullptr);
    ~ViewerWidget() override;

    vaclip::studio::PlayerController* player() const { return m_player; }
    vaclip::studio::TimelinePlot* timeline() const { return m_timeline; }
    vaclip::studio::VideoView* view() const { return m_view; }
    vaclip::studio::FrameProvider* provider() const { return m_provider; }
    vaclip::studio::TransportBar* transport() const { return m_transport; }
    /// Score of the current video at `frame` (NaN when unknown).
    double scoreAt(int frame) const;
    /// A stored run's score tracks (video key -> per-frame scores) drawn on the timeline as an
    /// extra curve named `name` beside the live one, for whichever video is shown (only when the
    /// track has the video's frame count). Replaces the previous overlay; clearOverlay() removes it.
    void setOverlay(const QString& name, const QHash<QString, std::vector<float>>& tracks);
    void clearOverlay();
    QString overlayName() const { return m_overlayName; }

signals:
    /// A message for the status bar (e.g. the video cannot be opened).
    void message(const QString& text);

private:
    void openCurrentVideo();
    void refreshScores();
    void onPlayhead(int frame);

    StudioSession* m_session;
    vaclip::studio::FrameProvider* m_provider;
    vaclip::studio::PlayerController* m_player;
    vaclip::studio::VideoView* m_view;
    vaclip::studio::TransportBar* m_transport;
    vaclip::studio::TimelinePlot* m_timeline;
    std::vector<float> m_scores;
    double m_fps = 0;
    bool m_syncing = false;
    bool m_open = false;  ///< the provider has opened the current video
    QString m_overlayName;
    QHash<QString, std::vector<float>> m_overlay;
};

} // namespace vaclip::studio
