#pragma once
// The metrics panel: micro and macro frame AUC/AP, video-level AUC/AP with bootstrap intervals,
// pixel AUROC/AUPRO of the current prompts where the test set has pixel masks and the configuration
// pixel maps (testing.pixel_maps, patch tokens cached; else the reason), the operating point at the session's threshold,
// a sortable per-video table (clicking a row opens that video) and ROC / PR plots marking the
// operating point. Everything comes from the session's latest ScoreUpdate (evaluated on the
// engine thread); the panel only draws.
//
//   MetricsPanel panel(&session);
//   panel.operatingPoint();        // TPR/FPR/precision/F1 at session.threshold()
//
// Thread affinity: GUI thread.

#include "eval/metrics.h"
#include "studio/scoring_engine.h"

#include <QWidget>

class QCPCurve;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QTableWidget;
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

private:
    void onScores(ScoreUpdatePtr update);
    void updateOperatingPoint();
    /// The metrics above the table (frame, video and pixel).
    void updateSummary();

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
    ScoreUpdatePtr m_update;
    PixelUpdatePtr m_pixel;
    vaclip::eval::OperatingPoint m_point;
};
