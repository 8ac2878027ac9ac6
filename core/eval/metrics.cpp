#include "eval/metrics.h"

#include "common/error.h"

#include <cmath>

namespace vaclip::eval {

const char* toString(ApDefinition d)
{
    return d == ApDefinition::Step ? "step" : "trapezoid";
}

ApDefinition parseApDefinition(const std::string& name)
{
    if (name == "step")
        return ApDefinition::Step;
    if (name == "trapezoid")
        return ApDefinition::Trapezoid;
    throw Error(ErrorCode::InvalidArgument, "unknown AP definition '" + name + "' (expected step or trapezoid)");
}

Ranking rankScores(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    if (scores.size() != labels.size())
        throw Error(ErrorCode::Mismatch, std::to_string(scores.size()) + " scores but " + std::to_string(labels.size())
                                             + " labels");
    std::vector<uint32_t> payload(labels.begin(), labels.end());
    return rankDescending(scores.data(), payload.data(), scores.size());
}

namespace {

inline double weightOf(uint32_t payload, const std::vector<double>* weights)
{
    return weights ? (*weights)[payload >> 1] : 1.0;
}

OperatingPoint makePoint(double threshold, double tp, double fp, double P, double N)
{
    OperatingPoint o;
    o.threshold = threshold;
    o.tpr = tp / P;
    o.fpr = fp / N;
    o.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
    o.f1 = 2 * tp / (tp + fp + P);
    return o;
}

} // namespace

RankingSummary summarize(const Ranking& ranking, const std::vector<double>* weights)
{
    RankingSummary s;
    const std::size_t n = ranking.size();
    double P = 0, N = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const uint32_t p = ranking.payload(i);
        (p & 1u ? P : N) += weightOf(p, weights);
    }
    s.positives = P;
    s.negatives = N;
    if (P <= 0 || N <= 0)
        return s;
    s.defined = true;

    double tp = 0, fp = 0, prevTp = 0, prevFp = 0;
    double area = 0;                     // sum of dFP * (TP + TP_prev), integer valued (halved at the end)
    double apStep = 0, apTrap = 0, prevPrecision = 1;
    double bestJ = -std::numeric_limits<double>::infinity();
    double bestF1 = -1;
    double prevD = -1;                   // FPR - FNR at the previous point; (0, 0) gives -1
    double prevFpr = 0;
    bool eerFound = false;
    for (std::size_t i = 0; i < n; ++i) {
        const uint32_t p = ranking.payload(i);
        (p & 1u ? tp : fp) += weightOf(p, weights);
        if (ranking.tiedWithNext(i) || (tp == prevTp && fp == prevFp))
            continue;
        const double threshold = ranking.score(i);
        ++s.thresholds;
        area += (fp - prevFp) * (tp + prevTp);
        const double precision = tp / (tp + fp);
        const double dRecall = (tp - prevTp) / P;
        apStep += dRecall * precision;
        apTrap += dRecall * (precision + prevPrecision) * 0.5;

        const double tpr = tp / P, fpr = fp / N;
        if (tpr - fpr > bestJ) {
            bestJ = tpr - fpr;
            s.youden = makePoint(threshold, tp, fp, P, N);
        }
        const double f1 = 2 * tp / (tp + fp + P);
        if (f1 > bestF1) {
            bestF1 = f1;
            s.bestF1 = makePoint(threshold, tp, fp, P, N);
        }
        const double d = fpr - (1 - tpr);
        if (!eerFound && d >= 0) {
            eerFound = true;
            const double t = d == prevD ? 0.0 : prevD / (prevD - d);   // where the segment crosses d = 0
            s.eer = prevFpr + t * (fpr - prevFpr);
            s.eerThreshold = threshold;
        }
        prevD = d;
        prevFpr = fpr;
        prevTp = tp;
        prevFp = fp;
        prevPrecision = precision;
    }
    s.auc = area / (2 * P * N);
    s.apStep = apStep;
    s.apTrapezoid = apTrap;
    return s;
}

RankingSummary summarizeScores(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    return summarize(rankScores(scores, labels));
}

BinaryCurve binaryCurve(const Ranking& ranking)
{
    BinaryCurve c;
    double tp = 0, fp = 0;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        (ranking.payload(i) & 1u ? tp : fp) += 1;
        if (ranking.tiedWithNext(i))
            continue;
        c.thresholds.push_back(ranking.score(i));
        c.tps.push_back(tp);
        c.fps.push_back(fp);
    }
    return c;
}

RocCurve rocCurve(const BinaryCurve& c, bool dropIntermediate)
{
    const std::size_t m = c.thresholds.size();
    std::vector<std::size_t> keep;
    keep.reserve(m);
    for (std::size_t i = 0; i < m; ++i) {
        // sklearn: keep the ends and every point where the second difference of fps or tps is nonzero
        const bool end = i == 0 || i + 1 == m;
        if (!dropIntermediate || m <= 2 || end
            || (c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1]) != 0 || (c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1]) != 0)
            keep.push_back(i);
    }
    RocCurve r;
    const double P = m ? c.tps.back() : 0, N = m ? c.fps.back() : 0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.fpr.push_back(N > 0 ? 0.0 : nan);
    r.tpr.push_back(P > 0 ? 0.0 : nan);
    r.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (std::size_t i : keep) {
        r.fpr.push_back(N > 0 ? c.fps[i] / N : nan);
        r.tpr.push_back(P > 0 ? c.tps[i] / P : nan);
        r.thresholds.push_back(c.thresholds[i]);
    }
    return r;
}

PrCurve prCurve(const BinaryCurve& c)
{
    PrCurve r;
    const std::size_t m = c.thresholds.size();
    const double P = m ? c.tps.back() : 0;
    for (std::size_t k = m; k-- > 0;) {
        const double ps = c.tps[k] + c.fps[k];
        r.precision.push_back(ps != 0 ? c.tps[k] / ps : 0.0);
        r.recall.push_back(P > 0 ? c.tps[k] / P : 1.0);
        r.thresholds.push_back(c.thresholds[k]);
    }
    r.precision.push_back(1.0);
    r.recall.push_back(0.0);
    return r;
}

} // namespace vaclip::eval
