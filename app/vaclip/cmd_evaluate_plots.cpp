// vaclip evaluate --plot_curves: ROC, PR and per-video score plots (PNG, PDF, SVG) through
// vaclip_plots (QCustomPlot, offscreen; no display needed).
#include "cmd_evaluate_plots.h"

#include "eval/eval_inputs.h"
#include "plots/plot_export.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace vaclip::cli {

namespace {

std::string fixed(double x, int digits = 4)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

/// File-name-safe stem, unique among those already used.
std::string plotStem(const std::string& video, std::set<std::string>& used)
{
    std::string s = predictionStem(video);
    for (char& c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            c = '_';
    std::string u = s;
    for (int k = 2; !used.insert(u).second; ++k)
        u = s + "_" + std::to_string(k);
    return u;
}

/// Drops curve points closer than `eps` (in both coordinates, axes in [0, 1]) to the last kept
/// one: a 10^5-point ROC curve drawn into PDF/SVG takes minutes and looks the same at 1/2000 of
/// the axis. First and last points are kept; the CSV files keep every point.
plots::Series thinned(std::string label, const std::vector<double>& x, const std::vector<double>& y, bool stepped,
                      double eps = 5e-4)
{
    plots::Series s{std::move(label), {}, {}, stepped};
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const bool last = i + 1 == x.size();
        if (!s.x.empty() && !last && std::abs(x[i] - s.x.back()) < eps && std::abs(y[i] - s.y.back()) < eps)
            continue;
        s.x.push_back(x[i]);
        s.y.push_back(y[i]);
    }
    return s;
}

} // namespace

std::vector<std::string> writeEvaluationPlots(const std::string& outDir, const eval::EvaluationResult& r)
{
    std::vector<std::string> files;
    auto add = [&](const std::vector<std::string>& f) { files.insert(files.end(), f.begin(), f.end()); };
    const eval::RankingSummary& m = r.micro;
    const std::string ap = std::string("AP (") + eval::toString(r.options.ap) + ")";

    plots::LinePlot roc;
    roc.title = "ROC - frame level (micro), " + std::to_string(r.perVideo.size()) + " videos";
    roc.xLabel = "False positive rate";
    roc.yLabel = "True positive rate";
    roc.diagonal = true;
    roc.series.push_back(thinned("AUC " + fixed(m.auc), r.microRoc.fpr, r.microRoc.tpr, false));
    roc.markers = {{m.youden.fpr, m.youden.tpr}, {m.eer, 1 - m.eer}};
    roc.markerLabels = {"Youden J (t = " + fixed(m.youden.threshold, 3) + ")", "EER " + fixed(m.eer)};
    add(plots::exportPlot(roc, (fs::path(outDir) / "roc").string()));

    plots::LinePlot pr;
    pr.title = "Precision-recall - frame level (micro)";
    pr.xLabel = "Recall";
    pr.yLabel = "Precision";
    // sklearn order (decreasing recall) drawn as steps: the area under the steps is the step AP.
    pr.series.push_back(thinned(ap + " " + fixed(m.ap(r.options.ap)), r.microPr.recall, r.microPr.precision,
                                r.options.ap == eval::ApDefinition::Step));
    pr.markers = {{m.bestF1.tpr, m.bestF1.precision}};
    pr.markerLabels = {"best F1 " + fixed(m.bestF1.f1, 3) + " (t = " + fixed(m.bestF1.threshold, 3) + ")"};
    add(plots::exportPlot(pr, (fs::path(outDir) / "pr").string()));

    std::set<std::string> used;
    for (std::size_t i = 0; i < r.processed.size(); ++i) {
        const eval::VideoScores& v = r.processed[i];
        plots::ScoreTrack t;
        const eval::PerVideoResult& pv = r.perVideo[i];
        t.title = v.name + (pv.defined ? "  (AUC " + fixed(pv.auc) + ")" : "") + "  - threshold: Youden J of the set";
        t.scores = v.scores;
        t.labels = v.labels;
        t.threshold = m.youden.threshold;
        add(plots::exportScoreTrack(t, (fs::path(outDir) / ("scores_" + plotStem(v.name, used))).string()));
    }
    return files;
}

} // namespace vaclip::cli
