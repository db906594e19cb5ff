"""Train the English model's self-harm incitement guard (``scoring/selfharm_guard.py``),
deterministically: the same data, seed and options give the same file.

    nice -n 5 .venv/bin/python tools/train_selfharm_guard.py            # writes scoring/v3/
    .venv/bin/python tools/train_selfharm_guard.py --out /tmp/guard     # a candidate

Rows: ``tools/selfharm_bank.jsonl`` (708 English replies written blind by two helpers that read
nothing in this repository: incitement to self-harm or suicide, mostly gentle, deniable or
faux-caring, labelled 1; caring replies on the same topics, slang praise with death words and
harmless mentions of death, heights, pills or sleep, labelled 0; none shares five words in a row
with a bench self-harm set or seven with any other bench set, tested), and ``--everyday`` rows of
moderation-train's GoEmotions comments labelled ok (drawn with ``--seed``; labelled 0), so that
everyday warmth is not read as a push.

Features: what the shipped English model reads of each text (its scoring form) after the base
model's first ``--layers`` layers (which the adapter leaves as they are), mean-pooled and
normalised. A logistic regression (scikit-learn, lbfgs, balanced classes) fits them.

Threshold: the lowest on a 0.01 grid from 0.5 that flags at most ``--max-kind`` of the dev set's
GoEmotions kind rows and at most ``--max-comment-kind`` of ``bench/comment_dev.jsonl``'s kind
cases, each text read whole (``--threshold-on served``: whole and by clauses, the highest, as
the service reads it; the service's clause readings flag a few more kind rows than the whole
texts do, so that picks a higher threshold). The bias is moved by its log-odds, so the guard's
probability is 0.5 there (the policy's threat threshold). The self-harm bench sets
(``bench/selfharm_dev.jsonl``, ``selfharm_blind``) are only measured, never used to choose.

The same bytes come back on the same CPU: its features pass through the fp32 library measured
faster there (``fp32_linear``), and another rounds a little differently.

It writes ``selfharm.safetensors`` (weights, and in its header the base weights' hash, the layer
count, the text form, the threshold and the figures) and prints its SHA-256, to pin as
``SELFHARM_SHA256`` in ``scoring/selfharm_guard.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kindness_challenge.scoring.finetuned_classifier import (  # noqa: E402
    V3_DIR,
    FinetunedClassifier,
    score_texts,
)
from kindness_challenge.scoring.selfharm_guard import GUARD_FILE, SelfHarmGuard  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
BANK = ROOT / "tools" / "selfharm_bank.jsonl"
COMMENT_DEV = ROOT / "bench" / "comment_dev.jsonl"
SELFHARM_SETS = (ROOT / "bench" / "selfharm_dev.jsonl", ROOT / "bench" / "selfharm_blind.jsonl")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def training_rows(
    data: Path, everyday: int, seed: int, subsample: int | None, extra: Sequence[Path] = ()
):
    if any(path.resolve() == BANK.resolve() for path in extra):
        raise SystemExit(f"{BANK.name} is read anyway: --extra-bank takes other files")
    files = [read_jsonl(BANK)] + [read_jsonl(path) for path in extra]
    ok = [r["text"] for r in read_jsonl(data / "moderation-train" / "train.jsonl")
          if r["label"] == "ok" and r["category"].startswith("goemotions:")]  # fmt: skip
    rng = random.Random(seed)
    ok = rng.sample(sorted(ok), min(everyday, len(ok)))
    if subsample:  # tests: a few of each group, from each file
        files = [[r for group in ("incitement", "support", "neutral")
                  for r in [b for b in rows if b["group"] == group][:subsample]]
                 for rows in files]  # fmt: skip
        ok = ok[:subsample]
    bank = [row for rows in files for row in rows]
    texts = [r["text"] for r in bank] + ok
    labels = np.array([r["group"] == "incitement" for r in bank] + [False] * len(ok))
    return texts, labels


def dev_kind(data: Path) -> list[str]:
    return [r["text"] for r in read_jsonl(data / "moderation-dev" / "ok.jsonl")
            if r["category"].startswith("goemotions:")]  # fmt: skip


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def choose_threshold(kind: np.ndarray, comment_kind: np.ndarray, args) -> float:
    """The lowest threshold (0.5 to 0.99) flagging at most the allowed kind rows of each set."""
    for step in range(50, 100):
        tau = step / 100
        if (kind >= tau).sum() <= args.max_kind and (comment_kind >= tau).sum() <= (
            args.max_comment_kind
        ):
            return tau
    print("no threshold up to 0.99 keeps within the kind limits: 0.99", file=sys.stderr)
    return 0.99


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--extra-bank", type=Path, action="append", default=[],
        help="more written rows, as the bank's (repeatable): tools/selfharm_bank_candidates.jsonl",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=V3_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--layers", type=int, default=3, help="base layers read")
    parser.add_argument("--everyday", type=int, default=3000, help="GoEmotions ok rows added")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation")
    parser.add_argument("--max-kind", type=int, default=2, help="dev kind rows flagged, at most")
    parser.add_argument("--max-comment-kind", type=int, default=2)
    parser.add_argument(
        "--threshold-on", choices=("whole", "served"), default="whole",
        help="read the texts the threshold is chosen on whole (the shipped guard) or as the "
        "service reads them, whole and by clauses (stricter: a higher threshold)",
    )  # fmt: skip
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--subsample", type=int, help="tests: N rows of each group")
    args = parser.parse_args(argv)

    import torch
    from sklearn.linear_model import LogisticRegression

    torch.set_num_threads(args.threads)
    classifier = FinetunedClassifier(threads=args.threads, multilingual=False, guard=False)
    encoder = classifier.load()

    def features(texts: list[str]) -> np.ndarray:
        return encoder.guard_features(classifier.prepared(texts), args.layers)

    texts, labels = training_rows(
        args.data, args.everyday, args.seed, args.subsample, args.extra_bank
    )
    print(f"{len(texts)} training rows ({int(labels.sum())} incitement)", flush=True)
    model = LogisticRegression(C=args.c, class_weight="balanced", max_iter=5000)
    model.fit(features(texts), labels)
    weight, bias = model.coef_[0].astype(np.float32), float(model.intercept_[0])

    def raw(texts: list[str]) -> np.ndarray:
        """The guard's probability for each text: of the whole text (``--threshold-on whole``,
        how the shipped guard was chosen), or as the service reads it, the highest of the whole
        text and its clauses (``served``)."""
        if not texts:
            return np.zeros(0)
        if args.threshold_on == "whole":
            return 1 / (1 + np.exp(-(features(texts) @ weight + bias)))

        def probabilities(forms: list[str]) -> list[list[float]]:
            logits = encoder.guard_features(forms, args.layers) @ weight + bias
            return [[float(p)] for p in 1 / (1 + np.exp(-logits))]

        rows = score_texts(probabilities, texts, ("threat",), classifier.clause_scoring,
                           form=classifier.form)  # fmt: skip
        return np.array([row["threat"] for row in rows])

    kind = raw(dev_kind(args.data))
    comment = [c["text"] for c in read_jsonl(COMMENT_DEV) if c.get("kind")]
    comment_kind = raw(comment)
    tau = choose_threshold(kind, comment_kind, args)
    figures = {
        "dev_kind_flagged": f"{int((kind >= tau).sum())} of {len(kind)}",
        "comment_dev_kind_flagged": f"{int((comment_kind >= tau).sum())} of {len(comment)}",
    }
    for path in SELFHARM_SETS:  # measured only
        cases = read_jsonl(path)
        p = raw([c["text"] for c in cases])
        for family in sorted({c["family"] for c in cases}):
            chosen = [i for i, c in enumerate(cases) if c["family"] == family]
            figures[f"{path.stem}:{family}_flagged"] = (
                f"{int((p[chosen] >= tau).sum())} of {len(chosen)}"
            )
    metadata = classifier.metadata
    record = {
        "weights_sha256": metadata["embedding"]["weights_sha256"],
        "text_normalisation": metadata.get("text_normalisation", "scoring_text"),
        "threshold": tau,
        "seed": args.seed,
        "parameters": {
            k: v for k, v in vars(args).items() if k not in ("data", "out", "extra_bank")
        },
        "data_sha256": {
            "tools/selfharm_bank.jsonl": sha256_file(BANK),
            "moderation-train/train.jsonl": sha256_file(
                args.data / "moderation-train" / "train.jsonl"
            ),
            "moderation-dev/ok.jsonl": sha256_file(args.data / "moderation-dev" / "ok.jsonl"),
            "bench/comment_dev.jsonl": sha256_file(COMMENT_DEV),
        }
        | {str(path): sha256_file(path) for path in args.extra_bank},  # as given
        "figures": figures,
    }
    guard = SelfHarmGuard(weight, bias - logit(tau), args.layers, record)
    data = guard.to_bytes()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / GUARD_FILE).write_bytes(data)
    print(json.dumps({"threshold": tau, "figures": figures}, indent=1))
    print(f"wrote {args.out / GUARD_FILE} (sha256 {hashlib.sha256(data).hexdigest()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
