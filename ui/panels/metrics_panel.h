#pragma once
// The metrics panel: micro and macro frame AUC/AP, video-level AUC/AP with bootstrap intervals,
// pixel AUROC/AUPRO of the current prompts where the test set has pixel masks and the configuration
// pixel maps (testing.pixel_maps, patch tokens cached; else the reason), the operating point at the session's threshold,
// a sortable per-video table (clicking a row opens that video) and ROC / PR plots marking the
// operating point. Everything comes from the session's latest ScoreUpdate (evaluated on the
// engine thread); the panel only draws. A switch under the summary sets the engine's
// PixelMetricsMode (live / on demand / off; the main window keeps it in the settings) with a
// "Compute now" button for on demand; the pixel row says "computing…" while the engine works on
// the current prompts, and how long the last computation took.
//
//   MetricsPanel panel(&session);
//   panel.operatingPoint();        // TPR/FPR/precision/F1 at session.threshold()
//
// Thread affinity: GUI thread.

#include "eval/metrics.h"
#include "studio/scoring_engine.h"

#include <QWidget>

class QComboBox;
class QCPCurve;
class QPushButton;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace vaclip::studio {

class StudioSession;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(StudioSession* session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    /// At the current threshold ("anomalous when score >= threshold"), over all evaluated frames.
    vaclip::eval::OperatingPoint operatingPoint() const { return m_point; }
    QString summaryText() const;
    /// The latest pixel metrics (null before the first; for tests).
    PixelUpdatePtr pixelUpdate() const { return m_pixel; }
    QCustomPlot* rocPlot() const { return m_roc; }
    QCustomPlot* prPlot() const { return m_pr; }
    QComboBox* pixelModeBox() const { return m_pixelMode; }
    QPushButton* computePixelsButton() const { return m_computePixels; }
    /// The pixel metrics of the current scores are being computed (started or asked for).
    bool pixelComputing() const;

private:
    void onScores(ScoreUpdatePtr update);
    void updateOperatingPoint();
    /// The metrics above the table (frame, video and pixel).
    void updateSummary();
    /// The pixel cell of the summary for the current scores.
    QString pixelText();
    void updatePixelControls();

    StudioSession* m_session;
    QLabel* m_summary;
    QLabel* m_point_label;
    QTableWidget* m_table;
    QCustomPlot* m_roc;
    QCustomPlot* m_pr;
    QCPCurve* m_rocCurve = nullptr;
    QCPCurve* m_prCurve = nullptr;
    QCPGraph* m_rocPoint = nullptr;
    QCPGraph* m_prPoint = nullptr;
    QComboBox* m_pixelMode;
    QPushButton* m_computePixels;
    ScoreUpdatePtr m_update;
    PixelUpdatePtr m_pixel;
    quint64 m_pixelAsked = 0;     ///< generation "Compute now" (or Live) asked pixel metrics for
    quint64 m_pixelStarted = 0;   ///< generation whose pixel metrics the engine works on
    double m_lastPixelMs = -1;    ///< how long the last finished computation took
    vaclip::eval::OperatingPoint m_point;
};

} // namespace vaclip::studio
