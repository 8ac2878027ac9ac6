#pragma once
// Ranking metrics of binary scores, computed exactly as scikit-learn 1.2 computes them:
// ROC AUC (roc_auc_score), average precision (average_precision_score, the step-wise sum) and the
// trapezoid area under the precision-recall curve (auc(recall, precision)), ROC and PR curves
// (roc_curve, precision_recall_curve), plus operating points: Youden's J, best F1 and the EER.
//
//   std::vector<double> s = {0.1, 0.4, 0.35, 0.8};
//   std::vector<uint8_t> y = {0, 0, 1, 1};
//   eval::RankingSummary m = eval::summarizeScores(s, y);   // m.auc == 0.75, m.apStep == 0.8333...
//   eval::BinaryCurve c = eval::binaryCurve(eval::rankScores(s, y));
//   eval::RocCurve roc = eval::rocCurve(c);                   // fpr, tpr, thresholds (first = +inf)
//
// Ties: every group of equal scores is one threshold (one curve point), as sklearn's
// _binary_clf_curve does; the order of tied frames never matters. AUC is the trapezoid area
// under that curve (ties count half), summed in integer-valued doubles and divided once.
// Definitions of every number: docs/evaluation.md.
//
// Weights: payload bit 0 is the label; payload >> 1 indexes `weights` (a frame's multiplicity,
// used by the bootstrap to resample whole videos without re-sorting). Without weights every
// frame counts 1. A group whose total weight is 0 adds no curve point (as if absent).
//
// Thread safety: pure functions.

#include "eval/ranking.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace vaclip::eval {

/// Which area under the precision-recall curve "AP" means.
enum class ApDefinition {
    Step,       ///< "step": sum_k (R_k - R_{k-1}) P_k, sklearn average_precision_score (default)
    Trapezoid,  ///< "trapezoid": sklearn auc(recall, precision) over precision_recall_curve
};
const char* toString(ApDefinition d);
/// "step" or "trapezoid"; throws vaclip::Error (InvalidArgument) otherwise.
ApDefinition parseApDefinition(const std::string& name);

/// A threshold and the rates of the rule "anomalous when score >= threshold".
struct OperatingPoint {
    double threshold = std::numeric_limits<double>::quiet_NaN();
    double tpr = 0;        ///< recall
    double fpr = 0;
    double precision = 0;
    double f1 = 0;
};

struct RankingSummary {
    bool defined = false;  ///< both classes present (with nonzero weight)
    double positives = 0;  ///< (weighted) anomalous frames
    double negatives = 0;
    int64_t thresholds = 0;  ///< distinct scores (curve points besides the origin)
    double auc = std::numeric_limits<double>::quiet_NaN();
    double apStep = std::numeric_limits<double>::quiet_NaN();
    double apTrapezoid = std::numeric_limits<double>::quiet_NaN();
    OperatingPoint youden;   ///< max TPR - FPR over real thresholds (first, i.e. highest, on ties)
    OperatingPoint bestF1;   ///< max F1 = 2TP / (2TP + FP + FN) (highest threshold on ties)
    double eer = std::numeric_limits<double>::quiet_NaN();  ///< FPR = FNR on the linear ROC curve
    double eerThreshold = std::numeric_limits<double>::quiet_NaN();  ///< first point with FPR >= FNR

    double ap(ApDefinition d) const { return d == ApDefinition::Step ? apStep : apTrapezoid; }
};

/// Ranks scores with their labels as payload (labels must be 0/1; checked by eval/validate.h).
Ranking rankScores(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

/// Every summary number in one pass over the ranking. `weights` (optional) as described above.
RankingSummary summarize(const Ranking& ranking, const std::vector<double>* weights = nullptr);
RankingSummary summarizeScores(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

/// sklearn's _binary_clf_curve: one entry per distinct score, highest first; fps/tps cumulative.
struct BinaryCurve {
    std::vector<double> thresholds;
    std::vector<double> fps;
    std::vector<double> tps;
};
BinaryCurve binaryCurve(const Ranking& ranking);

/// sklearn roc_curve: starts at (0, 0) with threshold +inf (sklearn >= 1.3; 1.2 wrote max + 1),
/// then one point per threshold; `dropIntermediate` removes collinear points as sklearn does.
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;
};
RocCurve rocCurve(const BinaryCurve& curve, bool dropIntermediate = true);

/// sklearn precision_recall_curve: increasing thresholds; precision/recall have one extra final
/// entry (1, 0). Recall is tps / tps[-1].
struct PrCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;
};
PrCurve prCurve(const BinaryCurve& curve);

} // namespace vaclip::eval
