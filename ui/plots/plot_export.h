#pragma once
// Publication plots written to files without a display: ROC and PR curves and per-video score
// tracks, rendered by QCustomPlot offscreen and saved as PNG, PDF and SVG.
//
//   vaclip::plots::LinePlot roc;
//   roc.title = "ROC (frame level, micro)"; roc.xLabel = "False positive rate"; ...
//   roc.series.push_back({"AUC 0.912", fpr, tpr});
//   roc.diagonal = true;
//   vaclip::plots::exportPlot(roc, "results/roc");   // roc.png, roc.pdf, roc.svg
//
// The header is plain C++ (no Qt types) so the CLI and core-facing code stay Qt-free.
// Thread safety: call from one thread at a time (QCustomPlot is a widget); the first call
// creates a QApplication on the "offscreen" platform when none exists and no display is set.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::plots {

struct Series {
    std::string label;
    std::vector<double> x;
    std::vector<double> y;
    bool stepped = false;  ///< draw as a step function (PR curves as average precision sums them)
};

struct LinePlot {
    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::vector<Series> series;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1.02;
    bool diagonal = false;                 ///< dashed chance line y = x (ROC)
    std::vector<std::pair<double, double>> markers;  ///< highlighted points (operating points)
    std::vector<std::string> markerLabels;
};

struct ScoreTrack {
    std::string title;
    std::vector<double> scores;            ///< one per frame
    std::vector<uint8_t> labels;           ///< ground truth per frame (may be empty)
    double threshold = -1;                 ///< drawn when within the score range
    double fps = 0;                        ///< > 0: x axis in seconds, else frames
};

/// Writes <pathStem>.png, .pdf and .svg (atomically). Returns the three paths.
/// Throws vaclip::Error naming the file when a file cannot be written.
std::vector<std::string> exportPlot(const LinePlot& plot, const std::string& pathStem, int width = 800,
                                    int height = 600);
std::vector<std::string> exportScoreTrack(const ScoreTrack& track, const std::string& pathStem, int width = 1000,
                                          int height = 360);

} // namespace vaclip::plots
