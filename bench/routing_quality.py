"""Routing quality on the dev set: what a classifier and the policy publish, hold and reject.

    .venv/bin/python bench/routing_quality.py                        # embedded, default policy
    .venv/bin/python bench/routing_quality.py --classifier profanity-check
    .venv/bin/python bench/routing_quality.py --toxicity-threshold 0.6 --kindness-threshold 0.4
    .venv/bin/python bench/routing_quality.py --kindness-threshold none   # toxicity alone
    .venv/bin/python bench/routing_quality.py --families leetspeak,spaced --no-baseline
    .venv/bin/python bench/routing_quality.py --generations    # gen 2 and gen 3 side by side

``--generations`` (``bench/generations.py``) compares the second-generation embedded classifier
(MiniLM + logistic heads) with the third (MiniLM + LoRA adapters, ``toxicity``/``threat``/
``kindness``) in one run: per source and per language with 95% intervals on the dev set, the
held-out folds of moderation-train-v2 and the hand-written adversarial cases; disguise and
padding cost; comments/s, a single nudge's latency and memory per process.

Data: ``../shared/data/moderation-dev`` (content warning: real hate speech). A row's source is
its dataset, the ``category`` prefix: hatecheck, davidson, toxigen (toxic and harmless rows) and
goemotions (harmless, mostly kind). Every row goes through
``routing.route_submission(text, scores, policy, language=..., covered_languages=...)`` with
the policy's defaults (or the thresholds given) and no word lists (those live in the database),
as the scoring worker routes it: the classifier reads ``textnorm.scoring_text(text)``, the
language is detected on the text, links go to review.

It prints, per source, with 95% Wilson intervals:

* toxic rows auto-published (the miss rate that matters), harmless rows sent to review (the
  moderators' extra load), harmless rows rejected without a human (must be 0: only a banned
  phrase rejects);
* for each disguise family of ``bench/disguise.py``, the dev toxic rows disguised: auto-published
  with the classifier reading the raw disguised text ("raw") and reading its ``scoring_text``
  ("normalised", what production does), against the clean originals, and the differences in
  points: what normalisation buys;
* the classifier's throughput (comments/s, batches of 32, one process, this machine);
* the same for alt-profanity-check at 0.5 with no kindness requirement (the old default), in the
  same run, for comparison (``--no-baseline`` leaves it out).

Never on rows a head was trained on. The embedded classifier's heads
(``kindness_challenge/scoring/heads/*.json``) say in their metadata how the dev set was used:

* not at all (``parameters.dev_set_use`` without "in training"): every dev row is evaluated;
* in training, with out-of-fold coefficients recorded (``metadata.out_of_fold``: ``folds``,
  ``seed``, ``coef`` (one list per fold) and ``intercept`` (one per fold), the folds being
  ``tools/train_heads.fold_of`` of the dev rows): each dev row, and its disguised copies, is
  scored by the head of the fold that did not see it;
* in training, nothing recorded: with ``--refit`` the bench fits those per-fold heads itself, as
  ``tools/train_heads.py`` does (embedding the 66,000 training rows: slow on a CPU; give
  ``--embedding-cache DIR`` outside the repository to keep them between runs); without it, it
  stops and says so.

alt-profanity-check was trained on Davidson's tweets: its Davidson figures are on seen data.
Runtime: 2-4 minutes on 2 cores for the embedded classifier (most of it embedding the raw
disguised texts), seconds for alt-profanity-check. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from disguise import FAMILIES, disguise  # noqa: E402

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.core.text.language import detect_languages  # noqa: E402
from kindness_challenge.core.text.scoring_form import scoring_text  # noqa: E402

# The shared data: $KINDNESS_SHARED_DATA, else ../shared/data beside the checkout.
DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")
DEV = DATA / "moderation-dev"
DEV_FILES = ("toxic.jsonl", "ok.jsonl")
SOURCES = ("hatecheck", "davidson", "toxigen", "goemotions")
BATCH = 32
Z = 1.959964  # 95%


@dataclass(frozen=True)
class DevRow:
    index: int  # position in toxic.jsonl then ok.jsonl, as tools/train_heads.py reads them
    text: str
    toxic: bool
    source: str
    record: dict


def read_dev(folder: Path = DEV) -> list[DevRow]:
    rows: list[DevRow] = []
    for name in DEV_FILES:
        with open(folder / name, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                source = record["category"].split(":", 1)[0]
                toxic = record["label"] == "toxic"
                rows.append(DevRow(len(rows), record["text"], toxic, source, record))
    return rows


def wilson(k: int, n: int) -> tuple[float, float]:
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def rate(k: int, n: int) -> str:
    if n == 0:
        return f"{'-':>23}"
    low, high = wilson(k, n)
    return f"{100 * k / n:5.1f}% [{100 * low:4.1f}-{100 * high:5.1f}] {k:>3}/{n:<3}"


# --- scorers ----------------------------------------------------------------------------------


class Scorer:
    """Scores texts as a classifier would, ``normalise``: through ``scoring_text`` first."""

    name: str
    description: str
    languages: frozenset[str] | None = None
    evaluated: str = "every dev row"
    note: str = ""

    def usable(self, rows: Sequence[DevRow]) -> list[DevRow]:
        return list(rows)

    def score(
        self, texts: Sequence[str], rows: Sequence[DevRow], normalise: bool
    ) -> list[dict[str, float]]:
        raise NotImplementedError

    def throughput(self, texts: Sequence[str]) -> float:
        raise NotImplementedError


class ClassifierScorer(Scorer):
    """A production classifier (alt-profanity-check, detoxify) as the worker calls it."""

    def __init__(self, classifier, note: str = "") -> None:
        self.classifier = classifier
        self.name = getattr(classifier, "name", type(classifier).__name__)
        self.description = getattr(classifier, "description", self.name)
        languages = getattr(classifier, "languages", None)
        self.languages = frozenset(languages) if languages is not None else None
        self.note = note

    def score(self, texts, rows, normalise):
        prepared = [scoring_text(t) for t in texts] if normalise else list(texts)
        out: list[dict[str, float]] = []
        for start in range(0, len(prepared), 256):
            out += self.classifier.score_batch(prepared[start : start + 256])
        return out

    def throughput(self, texts):
        return measure_throughput(
            lambda batch: self.classifier.score_batch([scoring_text(t) for t in batch]), texts
        )


class HeadsScorer(Scorer):
    """The embedded classifier, each dev row scored by heads that never saw it."""

    def __init__(self, classifier, per_fold: dict[str, tuple[np.ndarray, np.ndarray]] | None,
                 fold: dict[int, int] | None, evaluated: str) -> None:  # fmt: skip
        self.classifier = classifier
        self.name = classifier.name
        self.description = classifier.description
        self.languages = frozenset(classifier.languages)
        self.evaluated = evaluated
        self.labels = classifier.labels
        if per_fold is None:  # the shipped heads saw no dev row
            coef = classifier._coef.numpy().astype(np.float64).T  # (labels, dim)
            intercept = classifier._intercept.numpy().astype(np.float64)
            per_fold = {
                label: (coef[i][None, :], intercept[i : i + 1])
                for i, label in enumerate(self.labels)
            }
        self.per_fold = per_fold
        self.fold = fold
        self.vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.vectors}, key=len)
        if missing:
            vectors = self.classifier.load().embed(missing).numpy().astype(np.float64)
            self.vectors.update(zip(missing, vectors, strict=True))
        return np.stack([self.vectors[t] for t in texts])

    def score(self, texts, rows, normalise):
        prepared = [scoring_text(t) for t in texts] if normalise else list(texts)
        x = self.embed(prepared)
        folds = np.array([self.fold[row.index] if self.fold else 0 for row in rows])
        out: dict[str, np.ndarray] = {}
        for label in self.labels:
            coef, intercept = self.per_fold[label]
            logits = np.einsum("nd,nd->n", x, coef[folds]) + intercept[folds]
            out[label] = 1.0 / (1.0 + np.exp(-logits))
        return [{label: float(out[label][i]) for label in self.labels} for i in range(len(rows))]

    def throughput(self, texts):
        return measure_throughput(self.classifier.score_batch, texts)


def measure_throughput(score: Callable[[list[str]], object], texts: Sequence[str]) -> float:
    texts = list(texts)
    score(texts[:BATCH])  # load and warm up
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        score(texts[start : start + BATCH])
    return len(texts) / (time.perf_counter() - started)


def train_heads_module():
    sys.path.insert(0, str(ROOT / "tools"))
    import train_heads

    return train_heads


def dev_folds(rows: Sequence[DevRow], folds: int, seed: int) -> dict[int, int]:
    """Each dev row's fold, as ``tools/train_heads.dev_folds`` assigned it in training (over the
    training rows and the dev rows, in the order ``read_rows`` reads them)."""
    th = train_heads_module()
    everything = th.read_rows(DATA / "moderation-train", DEV)
    assigned = th.dev_folds(everything, folds, seed)
    dev = [int(assigned[i]) for i, row in enumerate(everything) if row.split == "dev"]
    if len(dev) != len(rows):
        raise SystemExit(f"{len(dev)} dev rows in training, {len(rows)} here: cannot match folds")
    return {row.index: dev[row.index] for row in rows}


def refit_per_fold(classifier, folds: int, seed: int, cache: Path | None):
    """Per-fold heads fitted as ``tools/train_heads.train_head`` fits them (train rows and the
    other folds' dev rows), from the heads' recorded parameters."""
    th = train_heads_module()
    heads = {head.label: head for head in classifier.heads}
    params = heads["toxicity"].metadata["parameters"]
    if params.get("subsample"):
        raise SystemExit("the heads were trained on a subsample: their folds cannot be rebuilt")
    rows = th.read_rows(DATA / "moderation-train", DEV)
    recorded = heads["toxicity"].metadata.get("data_sha256")
    if recorded and recorded != th.file_hashes(DATA / "moderation-train", DEV):
        print("warning: the data files differ from those the heads were trained on")
    print(f"refitting per-fold heads: embedding {len(rows):,} rows (cache: {cache})", flush=True)
    texts = [row.text for row in rows]
    if classifier.normalisation == "scoring_text":
        texts = [scoring_text(text) for text in texts]
    x = th.embed(texts, cache).astype(np.float64)
    fold = th.dev_folds(rows, folds, seed)
    per_fold = {}
    for label in classifier.labels:
        label_params = heads[label].metadata["parameters"]
        found = re.search(r"grows as (\w+)", label_params.get("weights", ""))
        if not found:
            raise SystemExit(f"the {label} head does not record its group weighting")
        scaling, c = found[1], label_params["C"]
        y, used = th.target(rows, label)
        groups = [(row.source, int(y[i])) for i, row in enumerate(rows)]
        coefs, intercepts = [], []
        for k in range(folds):
            idx = np.flatnonzero((fold != k) & used)
            weights = th.group_weights([groups[i] for i in idx], scaling)
            coef, intercept = th.fit(x[idx], y[idx], weights, c)
            coefs.append(coef)
            intercepts.append(intercept)
        per_fold[label] = (np.array(coefs), np.array(intercepts))
    return per_fold


def embedded_scorer(rows: Sequence[DevRow], args) -> HeadsScorer:
    from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier

    classifier = SentenceEmbeddingClassifier(args.heads)
    metadata = {head.label: head.metadata for head in classifier.heads}
    use = metadata[classifier.labels[0]].get("parameters", {}).get("dev_set_use", "")
    if "in training" not in use:
        return HeadsScorer(classifier, None, None, f"every dev row (heads: {use or 'no dev use'})")
    recorded = [m.get("out_of_fold") for m in metadata.values()]
    if all(recorded):
        folds, seed = recorded[0]["folds"], recorded[0]["seed"]
        per_fold = {
            label: (np.array(m["out_of_fold"]["coef"], np.float64),
                    np.array(m["out_of_fold"]["intercept"], np.float64))
            for label, m in metadata.items()
        }  # fmt: skip
        how = "recorded out-of-fold heads"
    elif args.refit:
        params = metadata["toxicity"]["parameters"]
        folds, seed = params["folds"], params["seed"]
        per_fold = refit_per_fold(classifier, folds, seed, args.embedding_cache)
        how = "out-of-fold heads refitted here"
    else:
        raise SystemExit(
            f"the heads were trained on the dev set ({use}) and record no out-of-fold heads "
            "(metadata.out_of_fold): evaluating them on dev rows would measure memory. Run with "
            "--refit [--embedding-cache DIR] to fit per-fold heads here, or choose another "
            "classifier."
        )
    fold = dev_folds(rows, folds, seed)
    evaluated = (
        f"every dev row, each scored by the {how} of the fold that did not see it ({folds} folds)"
    )
    return HeadsScorer(classifier, per_fold, fold, evaluated)


def make_scorer(kind: str, rows: Sequence[DevRow], args) -> Scorer:
    from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier, build_classifier

    if kind == "embedded":
        return embedded_scorer(rows, args)
    if kind == "profanity-check":
        return ClassifierScorer(
            ProfanityCheckClassifier(), note="trained on Davidson: its davidson rows are seen data"
        )
    return ClassifierScorer(build_classifier(kind))


# --- the evaluation ---------------------------------------------------------------------------


def make_policy(scorer: Scorer, toxicity: float | None, kindness: str | None) -> routing.Policy:
    fields = {f.name for f in dataclasses.fields(routing.Policy)}
    kwargs: dict = {}
    # As the service does (scorer.Scorer): the defaults, then the classifier's recommended ones.
    classifier = getattr(scorer, "classifier", None)
    recommended = getattr(classifier, "recommended_thresholds", None) or {}
    kwargs["thresholds"] = {**routing.DEFAULT_THRESHOLDS, **recommended}
    if toxicity is not None:
        kwargs["thresholds"]["toxicity"] = toxicity
    if kindness is not None:
        if kindness.lower() == "none":
            if "require_kindness" in fields:
                kwargs["require_kindness"] = False
            else:
                kwargs["kindness_threshold"] = None
        else:
            kwargs["kindness_threshold"] = float(kindness)
    return routing.Policy(**kwargs)


def policy_summary(policy: routing.Policy, labels: Sequence[str]) -> str:
    thresholds = ", ".join(
        f"{label} >= {policy.thresholds[label]}" for label in labels if label in policy.thresholds
    )
    kindness = "no kindness requirement"
    if "kindness" in labels and getattr(policy, "require_kindness", True):
        threshold = getattr(policy, "kindness_threshold", None)
        if threshold is not None:
            kindness = f"publish only with kindness >= {threshold}"
    return f"review at {thresholds or 'the default thresholds'}; {kindness}"


def route_all(
    texts: Sequence[str],
    scores: Sequence[dict[str, float]],
    languages: Sequence[str | None],
    policy: routing.Policy,
    covered: frozenset[str] | None,
) -> list[str]:
    states = []
    for text, score, language in zip(texts, scores, languages, strict=True):
        decision = routing.route_submission(
            text, score, policy, language=language, covered_languages=covered
        )
        states.append(decision.state.value if hasattr(decision.state, "value") else decision.state)
    return states


def by_source(rows: Sequence[DevRow], hits: Sequence[bool]) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, hit in zip(rows, hits, strict=True):
        for key in (row.source, "all"):
            counts[key][0] += int(hit)
            counts[key][1] += 1
    return {key: (k, n) for key, (k, n) in counts.items()}


def evaluate(scorer: Scorer, policy: routing.Policy, rows: Sequence[DevRow], args) -> None:
    rows = scorer.usable(rows)
    labels = list(getattr(scorer, "labels", None) or getattr(scorer.classifier, "labels", ()))
    print(f"\n=== {scorer.description}")
    print(f"policy: {policy_summary(policy, labels)}; mode {policy.mode}; links to review")
    print(f"evaluated on: {scorer.evaluated} ({len(rows)} rows)")
    if scorer.note:
        print(f"note: {scorer.note}")
    texts = [row.text for row in rows]
    languages = detect_languages(texts)
    started = time.perf_counter()
    scores = scorer.score(texts, rows, normalise=True)
    states = route_all(texts, scores, languages, policy, scorer.languages)
    toxic = [r for r in rows if r.toxic]
    harmless = [r for r in rows if not r.toxic]
    published = by_source(
        toxic, [s == "published" for r, s in zip(rows, states, strict=True) if r.toxic]
    )
    review = by_source(
        harmless, [s == "needs_review" for r, s in zip(rows, states, strict=True) if not r.toxic]
    )
    rejected = by_source(
        harmless, [s == "rejected" for r, s in zip(rows, states, strict=True) if not r.toxic]
    )
    print(
        f"\n{'source':<11} {'toxic auto-published':<25} {'harmless sent to review':<25} "
        f"{'harmless rejected':<25}"
    )
    for source in (*SOURCES, "all"):
        print(
            f"{source:<11} {rate(*published.get(source, (0, 0))):<25} "
            f"{rate(*review.get(source, (0, 0))):<25} {rate(*rejected.get(source, (0, 0))):<25}"
        )
    reasons = defaultdict(int)
    for row, score, language in zip(rows, scores, languages, strict=True):
        if not row.toxic:
            decision = routing.route_submission(
                row.text, score, policy, language=language, covered_languages=scorer.languages
            )
            if decision.review_kind:
                reasons[decision.review_kind] += 1
    if reasons:
        print("harmless rows' review reasons: " + ", ".join(f"{k} {v}" for k, v in reasons.items()))
    if languages:
        other = sum(1 for code in languages if code not in ("en", None))
        print(f"language: {other} of {len(rows)} (English) rows detected as another language")

    # Disguised copies of the toxic rows.
    clean_pub = {r.index: s == "published" for r, s in zip(rows, states, strict=True) if r.toxic}
    families = [f for f in args.families.split(",") if f] if args.families else list(FAMILIES)
    print(
        "\ndisguised toxic rows: auto-published, the classifier reading the raw disguise / its "
        "scoring_text; clean: the originals (points: disguised minus clean)"
    )
    print(f"{'family':<11} {'source':<10} {'clean':<10} {'raw':<25} {'normalised':<25} "
          f"{'raw-clean':>9} {'norm-clean':>10}")  # fmt: skip
    for family in families:
        disguised = [disguise(row.text, family, row.index) for row in toxic]
        languages_d = detect_languages(disguised)
        result = {}
        for normalise in (False, True):
            scored = scorer.score(disguised, toxic, normalise=normalise)
            got = route_all(disguised, scored, languages_d, policy, scorer.languages)
            result[normalise] = by_source(toxic, [s == "published" for s in got])
        clean = by_source(toxic, [clean_pub[r.index] for r in toxic])
        for source in ("hatecheck", "davidson", "toxigen", "all"):
            if source not in clean:
                continue
            k0, n = clean[source]
            raw_k, _ = result[False][source]
            norm_k, _ = result[True][source]
            print(
                f"{family:<11} {source:<10} {100 * k0 / n:5.1f}%    {rate(raw_k, n):<25} "
                f"{rate(norm_k, n):<25} {100 * (raw_k - k0) / n:+8.1f} "
                f"{100 * (norm_k - k0) / n:+9.1f}"
            )
    print(f"\n(evaluation took {time.perf_counter() - started:.0f} s)")
    sample = [row.text for row in rows][: args.throughput_n]
    per_second = scorer.throughput(sample)
    print(
        f"throughput: {per_second:,.0f} comments/s ({len(sample)} dev comments, batches of "
        f"{BATCH}, scoring_text included, one process)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--classifier", choices=("embedded", "profanity-check", "detoxify"), default="embedded"
    )
    parser.add_argument("--toxicity-threshold", type=float, help="default: routing's")
    parser.add_argument(
        "--kindness-threshold", metavar="K|none", help="default: routing's; none: not required"
    )
    parser.add_argument("--families", help=f"comma-separated, of: {', '.join(FAMILIES)}")
    parser.add_argument("--no-baseline", action="store_true", help="skip alt-profanity-check")
    parser.add_argument("--throughput-n", type=int, default=512)
    parser.add_argument(
        "--heads", type=Path, help="the embedded classifier's heads (default: shipped)"
    )
    parser.add_argument("--refit", action="store_true", help="fit per-fold heads here")
    parser.add_argument("--embedding-cache", type=Path, help="for --refit; outside the repo")
    parser.add_argument(
        "--generations", action="store_true", help="gen 2 and gen 3 side by side (see above)"
    )
    parser.add_argument("--v3-dir", type=Path, help="--generations: an unpinned gen 3 adapter")
    parser.add_argument("--limit", type=int, help="--generations: at most N rows a set (quick)")
    parser.add_argument(
        "--v3-clauses", choices=("metadata", "both"), default="metadata",
        help="--generations: gen 3 with clause scoring as its metadata says, or both ways",
    )  # fmt: skip
    parser.add_argument(
        "--v3-languages", choices=("shipped", "both"), default="shipped",
        help="--generations: gen 3 as shipped, or also without its multilingual heads",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.generations:
        import generations

        families = [f for f in (args.families or "").split(",") if f] or None
        variants = ("gen3",)
        if args.v3_clauses == "both":
            variants = ("gen3 whole-text", "gen3 clauses")
        if args.v3_languages == "both":
            variants = ("gen3 English only", *variants)
        generations.run(families, args.v3_dir, args.limit, variants=variants)
        return 0
    if args.embedding_cache and ROOT in args.embedding_cache.resolve().parents:
        parser.error("--embedding-cache must be outside the repository")

    rows = read_dev()
    scorer = make_scorer(args.classifier, rows, args)
    evaluate(scorer, make_policy(scorer, args.toxicity_threshold, args.kindness_threshold), rows,
             args)  # fmt: skip
    if not args.no_baseline and args.classifier != "profanity-check":
        baseline = make_scorer("profanity-check", rows, args)
        policy = routing.Policy(thresholds={"toxicity": 0.5})
        print("\n--- baseline: the old default, alt-profanity-check at 0.5, toxicity only ---")
        evaluate(baseline, policy, rows, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
