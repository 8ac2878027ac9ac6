"""Test data and scikit-learn / SciPy answers for tests/test_evaluate_cli.cpp.

usage: evaluate_cli_data.py DIR

Writes into DIR: a meta.json test split of 5 videos (v0..v4, image folders that only need to
exist) whose ground truth is a [T, H, W] mask .npy per video (frame label = any mask pixel; v4
is all normal), per-video frame scores pred/vN.npy, the concatenation all.npy, pixel maps
maps/vN.npy [T, H, W] (quantised to 1/64 so the streaming pixel metrics are exact), and
reference.json with sklearn's numbers for everything `vaclip evaluate` reports.
"""
import json
import os
import sys

import numpy as np
from scipy.ndimage import gaussian_filter1d, label
from sklearn.metrics import auc, average_precision_score, precision_recall_curve, roc_auc_score


def aupro(masks, maps, limit=0.3):
    """MVTec AD's definition, by sorting every pixel (fine for a test-sized set)."""
    weights, scores, normal = [], [], []
    regions = 0
    for m, s in zip(masks, maps):
        lab, n = label(m, structure=np.ones((3, 3)))
        w = np.zeros(m.shape)
        for r in range(1, n + 1):
            w[lab == r] = 1.0 / (lab == r).sum()
        regions += n
        weights.append(w.ravel())
        scores.append(s.ravel())
        normal.append((m == 0).ravel())
    w = np.concatenate(weights)
    s = np.concatenate(scores).astype(np.float64)
    nrm = np.concatenate(normal)
    order = np.argsort(-s, kind="mergesort")
    s, w, nrm = s[order], w[order], nrm[order]
    fpr = np.cumsum(nrm) / nrm.sum()
    pro = np.cumsum(w) / regions
    last = np.r_[np.diff(s) != 0, True]
    fpr = np.r_[0.0, fpr[last]]
    pro = np.r_[0.0, pro[last]]
    i = np.searchsorted(fpr, limit, side="right")  # first point beyond the limit
    x, y = list(fpr[:i]), list(pro[:i])
    if i < len(fpr) and x[-1] < limit:
        y.append(y[-1] + (limit - x[-1]) / (fpr[i] - x[-1]) * (pro[i] - y[-1]))
        x.append(limit)
    return float(np.trapz(y, x) / limit)


def main():
    d = sys.argv[1]
    rng = np.random.default_rng(3)
    for sub in ("gt", "pred", "maps"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    H, W = 24, 32
    entries, all_scores, all_labels, per_video = [], [], [], []
    masks_all, maps_all, smoothed = [], [], []
    for v in range(5):
        T = 20 + 5 * v
        os.makedirs(os.path.join(d, f"v{v}"), exist_ok=True)
        masks = np.zeros((T, H, W), np.uint8)
        if v != 4:
            for t in range(5 + v, 15 + v):
                y0, x0 = rng.integers(0, H - 6), rng.integers(0, W - 8)
                masks[t, y0:y0 + 4 + t % 3, x0:x0 + 5] = 1
                if t % 4 == 0:
                    masks[t, 0, 0] = 1  # a second, one-pixel region
        labels = masks.reshape(T, -1).max(axis=1)
        scores = 0.5 * rng.random(T) + 0.3 * labels
        maps = np.round((0.6 * rng.random((T, H, W)) + 0.4 * masks) * 64) / 64
        np.save(os.path.join(d, "gt", f"v{v}.npy"), masks)
        np.save(os.path.join(d, "pred", f"v{v}.npy"), scores)
        np.save(os.path.join(d, "maps", f"v{v}.npy"), maps.astype(np.float32))
        entries.append({"video_path": f"v{v}", "anomaly": int(labels.max()), "gt_path": f"gt/v{v}.npy",
                        "mask_path": f"gt/v{v}.npy"})
        all_scores.append(scores)
        all_labels.append(labels)
        smoothed.append(gaussian_filter1d(scores, 2.0, mode="reflect", truncate=4.0))
        masks_all.extend(list(masks))
        maps_all.extend(list(maps.astype(np.float32)))
        pv = {"video": f"v{v}", "frames": T, "video_score": float(scores.max()), "label": int(labels.max())}
        if 0 < labels.sum() < T:
            pv["auc"] = float(roc_auc_score(labels, scores))
            pv["ap"] = float(average_precision_score(labels, scores))
        per_video.append(pv)
    with open(os.path.join(d, "meta.json"), "w") as f:
        json.dump({"train": {}, "test": {"cam": entries}}, f)
    s = np.concatenate(all_scores)
    y = np.concatenate(all_labels)
    np.save(os.path.join(d, "all.npy"), s)
    p, r, _ = precision_recall_curve(y, s)
    vs = np.array([pv["video_score"] for pv in per_video])
    vy = np.array([pv["label"] for pv in per_video])
    ss = np.concatenate(smoothed)
    ps, rs, _ = precision_recall_curve(y, ss)
    defined = [pv for pv in per_video if "auc" in pv]
    ref = {"micro_auc": float(roc_auc_score(y, s)), "micro_ap": float(average_precision_score(y, s)),
           "micro_ap_trapezoid": float(auc(r, p)),
           "macro_auc": float(np.mean([pv["auc"] for pv in defined])),
           "macro_ap": float(np.mean([pv["ap"] for pv in defined])),
           "macro_undefined": len(per_video) - len(defined),
           "video_auc": float(roc_auc_score(vy, vs)), "video_ap": float(average_precision_score(vy, vs)),
           "smoothed_auc": float(roc_auc_score(y, ss)), "smoothed_ap_trapezoid": float(auc(rs, ps)),
           "pixel_auroc": float(roc_auc_score(np.concatenate([m.ravel() for m in masks_all]),
                                              np.concatenate([m.ravel() for m in maps_all]))),
           "aupro": aupro(masks_all, maps_all),
           "per_video": per_video, "frames": int(len(s))}
    with open(os.path.join(d, "reference.json"), "w") as f:
        json.dump(ref, f, indent=1)


if __name__ == "__main__":
    main()
