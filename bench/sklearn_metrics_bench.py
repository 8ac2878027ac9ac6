"""Baseline of bench/bench_metrics.cpp: the same metrics in Python on the same files.

usage: sklearn_metrics_bench.py frames DIR   -> sklearn roc_auc_score + average_precision_score
       sklearn_metrics_bench.py pixels DIR   -> sklearn roc_auc_score over all pixels + AUPRO as
                                                MVTec AD's evaluation code computes it (sort all pixels)
Prints one JSON line: {"seconds": compute time without loading, "load_seconds", ...results}.
"""
import glob
import json
import os
import sys
import time

import numpy as np
from scipy.ndimage import label
from sklearn.metrics import average_precision_score, roc_auc_score


def frames(d):
    t0 = time.perf_counter()
    s = np.load(os.path.join(d, "scores.npy"))
    y = np.load(os.path.join(d, "labels.npy"))
    t1 = time.perf_counter()
    auc = roc_auc_score(y, s)
    ap = average_precision_score(y, s)
    t2 = time.perf_counter()
    return {"load_seconds": t1 - t0, "seconds": t2 - t1, "auc": auc, "ap": ap}


def aupro(masks, maps, limit=0.3):
    w = np.zeros(masks.shape, np.float64)
    regions = 0
    for t in range(masks.shape[0]):
        lab, n = label(masks[t], structure=np.ones((3, 3)))
        if n:
            sizes = np.bincount(lab.ravel())
            inv = np.where(sizes > 0, 1.0 / np.maximum(sizes, 1), 0.0)
            inv[0] = 0.0
            w[t] = inv[lab]
        regions += n
    s = maps.ravel()
    w = w.ravel()
    nrm = (masks.ravel() == 0)
    order = np.argsort(s, kind="mergesort")[::-1]
    s = s[order]
    fpr = np.cumsum(nrm[order]) / nrm.sum()
    pro = np.cumsum(w[order]) / regions
    del order, w, nrm
    last = np.r_[s[1:] != s[:-1], True]
    fpr = np.r_[0.0, fpr[last]]
    pro = np.r_[0.0, pro[last]]
    i = np.searchsorted(fpr, limit, side="right")
    x, y = fpr[:i], pro[:i]
    if i < len(fpr) and x[-1] < limit:
        yl = y[-1] + (limit - x[-1]) / (fpr[i] - x[-1]) * (pro[i] - y[-1])
        x, y = np.r_[x, limit], np.r_[y, yl]
    return float(np.trapz(y, x) / limit)


def pixels(d):
    t0 = time.perf_counter()
    maps = np.concatenate([np.load(p) for p in sorted(glob.glob(os.path.join(d, "maps", "*.npy")))])
    masks = np.concatenate([np.load(p) for p in sorted(glob.glob(os.path.join(d, "masks", "*.npy")))])
    t1 = time.perf_counter()
    auroc = roc_auc_score(masks.ravel(), maps.ravel())
    pro = aupro(masks, maps)
    t2 = time.perf_counter()
    return {"load_seconds": t1 - t0, "seconds": t2 - t1, "auroc": auroc, "aupro": pro}


if __name__ == "__main__":
    mode, d = sys.argv[1], sys.argv[2]
    print(json.dumps(frames(d) if mode == "frames" else pixels(d)))
