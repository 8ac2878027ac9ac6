"""Reference answers for tests/test_metrics.cpp, computed by scikit-learn, SciPy and NumPy.

usage: sklearn_metrics.py CASE_DIR OUT.json

CASE_DIR holds caseN_scores.npy (float64) and caseN_labels.npy (uint8) for N = 0, 1, ... and
optionally signalN.npy (float64, for the smoothing filters). For every case the script writes
sklearn's roc_auc_score, average_precision_score, auc(recall, precision), roc_curve (with and
without drop_intermediate), precision_recall_curve, and the operating points computed here from
sklearn's curves (Youden's J, best F1, EER by line intersection on the ROC curve); for every
signal, scipy.ndimage.gaussian_filter1d / uniform_filter1d results and numpy percentiles.
"""
import json
import os
import sys

import numpy as np
from scipy.ndimage import gaussian_filter1d, uniform_filter1d
from sklearn.metrics import (auc, average_precision_score, precision_recall_curve, roc_auc_score,
                             roc_curve)


def finite(a):
    return [float(x) if np.isfinite(x) else None for x in np.asarray(a, dtype=np.float64)]


def operating_points(y, s):
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    j = tpr[1:] - fpr[1:]
    k = int(np.argmax(j)) + 1
    P = float(y.sum())
    tps = tpr * P
    fps = fpr * float(len(y) - y.sum())
    f1 = 2 * tps[1:] / (tps[1:] + fps[1:] + P)
    m = int(np.argmax(f1)) + 1
    fnr = 1 - tpr
    d = fpr - fnr
    i = int(np.nonzero(d >= 0)[0][0])
    # intersection of the segment (fpr[i-1], fnr[i-1]) -> (fpr[i], fnr[i]) with fpr == fnr
    x0, y0, x1, y1 = fpr[i - 1], fnr[i - 1], fpr[i], fnr[i]
    if d[i] == 0:
        eer = fpr[i]
    else:
        t = (y0 - x0) / ((x1 - x0) - (y1 - y0))
        eer = x0 + t * (x1 - x0)
    return {"youden_threshold": float(thr[k]), "youden_j": float(j[k - 1]),
            "f1_threshold": float(thr[m]), "f1": float(f1[m - 1]),
            "eer": float(eer), "eer_threshold": float(thr[i])}


def main():
    case_dir, out = sys.argv[1], sys.argv[2]
    cases = []
    n = 0
    while os.path.exists(os.path.join(case_dir, f"case{n}_scores.npy")):
        s = np.load(os.path.join(case_dir, f"case{n}_scores.npy"))
        y = np.load(os.path.join(case_dir, f"case{n}_labels.npy")).astype(np.int64)
        fpr, tpr, thr = roc_curve(y, s)
        ffpr, ftpr, fthr = roc_curve(y, s, drop_intermediate=False)
        p, r, pthr = precision_recall_curve(y, s)
        c = {"auc": float(roc_auc_score(y, s)), "ap": float(average_precision_score(y, s)),
             "ap_trapezoid": float(auc(r, p)),
             "roc": {"fpr": finite(fpr), "tpr": finite(tpr), "thresholds": finite(thr[1:])},
             "roc_full_points": int(len(ffpr)),
             "pr": {"precision": finite(p), "recall": finite(r), "thresholds": finite(pthr)}}
        if len(s) <= 200000:
            c.update(operating_points(y, s))
        cases.append(c)
        n += 1
    signals = []
    n = 0
    while os.path.exists(os.path.join(case_dir, f"signal{n}.npy")):
        x = np.load(os.path.join(case_dir, f"signal{n}.npy"))
        g = {}
        for sigma in (0.5, 1.0, 2.5, 7.0, 30.0):
            g[str(sigma)] = finite(gaussian_filter1d(x, sigma, mode="reflect", truncate=4.0))
        u = {}
        for w in (2, 3, 4, 9, 40):
            u[str(w)] = finite(uniform_filter1d(x, w, mode="reflect"))
        q = {str(v): float(np.percentile(x, v)) for v in (0.0, 2.5, 50.0, 97.5, 100.0)}
        signals.append({"gaussian": g, "uniform": u, "percentile": q})
        n += 1
    with open(out, "w") as f:
        json.dump({"cases": cases, "signals": signals}, f)


if __name__ == "__main__":
    main()
