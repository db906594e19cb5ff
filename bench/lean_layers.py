"""A single nudge's latency with the encoder layers run by ``transformers`` against
``bert_inference.InferenceLayers`` (the same arithmetic in fewer operations), in one process.

    .venv/bin/python bench/lean_layers.py             # English and French nudges, 3 rounds
    .venv/bin/python bench/lean_layers.py --rounds 5 -n 100

English: the shipped adapter on dev comments (whole and clause by clause, packed), as the worker
scores them. French: the shipped e5 scorer on held-out French rows of moderation-train-v2, plain
and with emoji and hashtags after them (read twice, as written and without them), calibrated as
the worker scores them. Each way is warmed up, then the same texts are timed one at a time, all
one way then all the other, the order swapped every round, so drift counts against both. It
prints each round's median and p95, the ratio new / old of the medians and p95s over all rounds,
batched English comments/s both ways, and, over every English dev row and every French held-out
row and hand-written case, the largest score difference and how many texts land on another side
of a default threshold (toxicity 0.3, threat 0.5, kindness 0.8) either way. The CPU is named:
these figures are hardware-bound; compare ratios from one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tools")]

from generations import DECORATION, cpu_summary, held_out_cases  # noqa: E402
from nudge_packing import percentile  # noqa: E402
from routing_quality import read_dev  # noqa: E402

from kindness_challenge.scoring.finetuned_classifier import (  # noqa: E402
    AdaptedEncoder,
    FinetunedClassifier,
    read_verified_adapter,
    score_texts,
)
from kindness_challenge.scoring.multilingual_heads import shifted  # noqa: E402

THRESHOLDS = {"toxicity": 0.3, "threat": 0.5, "kindness": 0.8}
WAYS = ("transformers", "inference layers")


def english_scorers(classifier: FinetunedClassifier) -> dict:
    from safetensors.torch import load

    lean = classifier.load()
    state = load(read_verified_adapter(classifier.folder, classifier.adapter_sha256))
    lora = classifier.metadata["lora"]
    old = AdaptedEncoder.build(
        state, int(lora["rank"]), float(lora["alpha"]), lean.max_seq_length,
        inference_layers=False,
    )  # fmt: skip
    old.warm()
    assert old.layers is None and lean.layers is not None

    def scorer(encoder):
        return lambda texts: score_texts(
            lambda batch: encoder.probabilities(batch).tolist(), texts, classifier.labels,
            classifier.clause_scoring,
        )  # fmt: skip

    return {WAYS[0]: scorer(old), WAYS[1]: scorer(lean)}


def french_scorers(classifier: FinetunedClassifier) -> dict:
    import torch

    from kindness_challenge.scoring import e5_encoder
    from kindness_challenge.scoring.e5_model import LABELS, E5TopLayers
    from kindness_challenge.scoring.fp32_linear import (
        faster_fp32_backend,
        use_onednn_linear_layers,
    )

    scorer = classifier.multilingual
    lean = scorer.load()
    old = E5TopLayers(e5_encoder.load(scorer._packed_path, scorer._packed_sha256),
                      scorer.trained.layers)  # fmt: skip
    old.load_trained_state(scorer.trained.state)
    old.model.requires_grad_(False)
    old.heads.requires_grad_(False)
    old.model.eval()
    if faster_fp32_backend() == "onednn":
        use_onednn_linear_layers(old.model.encoder)
    assert old.inference is None and lean.inference is not None
    shifts = scorer.calibration["fr"]

    def way(model):
        def score(texts):
            with torch.inference_mode():
                rows = score_texts(lambda batch: model.probabilities(batch).tolist(), texts,
                                   LABELS, True, undecorated_too=True)  # fmt: skip
            for row in rows:
                for label, shift in shifts.items():
                    row[label] = shifted(row[label], shift)
            return rows

        return score

    return {WAYS[0]: way(old), WAYS[1]: way(lean)}


def timed(scorers: dict, texts: list[str], rounds: int, name: str) -> None:
    for score in scorers.values():  # warm up each way
        for text in texts[:20]:
            score([text])
    times: dict[str, list[float]] = {way: [] for way in scorers}
    for round_ in range(1, rounds + 1):
        for way in WAYS if round_ % 2 else WAYS[::-1]:
            these = []
            for text in texts:
                started = time.perf_counter()
                scorers[way]([text])
                these.append(1000 * (time.perf_counter() - started))
            times[way] += these
            print(f"  {name}, round {round_}, {way:<16} median {statistics.median(these):5.1f} "
                  f"ms, p95 {percentile(these, 0.95):5.1f} ms")  # fmt: skip
    new, old = times[WAYS[1]], times[WAYS[0]]
    median = statistics.median(old), statistics.median(new)
    p95 = percentile(old, 0.95), percentile(new, 0.95)
    print(f"  {name}: all rounds, median {median[0]:.1f} -> {median[1]:.1f} ms (ratio "
          f"{median[1] / median[0]:.3f}), p95 {p95[0]:.1f} -> {p95[1]:.1f} ms (ratio "
          f"{p95[1] / p95[0]:.3f})")  # fmt: skip


def compared(scorers: dict, texts: list[str], name: str) -> None:
    old, new = (scorers[way](texts) for way in WAYS)
    largest = max(abs(a[label] - b[label]) for a, b in zip(old, new, strict=True) for label in a)
    moved = sum(
        any((a[label] >= limit) != (b[label] >= limit) for label, limit in THRESHOLDS.items())
        for a, b in zip(old, new, strict=True)
    )
    print(f"  {name}: {len(texts)} texts, largest score difference {largest:.2e}, "
          f"{moved} on another side of a default threshold")  # fmt: skip


def batched(scorers: dict, texts: list[str], rounds: int) -> None:
    rates: dict[str, list[float]] = {way: [] for way in scorers}
    for round_ in range(1, rounds + 1):
        for way in WAYS if round_ % 2 else WAYS[::-1]:
            started = time.perf_counter()
            for start in range(0, len(texts), 32):
                scorers[way](texts[start : start + 32])
            rates[way].append(len(texts) / (time.perf_counter() - started))
    old, new = (statistics.median(rates[way]) for way in WAYS)
    print(f"  English batched (32 a batch, {len(texts)} comments): {old:.1f} -> {new:.1f} "
          f"comments/s (ratio {new / old:.3f})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="English dev comments timed")
    parser.add_argument("--french", type=int, default=60, help="French held-out rows timed")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    # Without the self-harm guard: the layers are compared, not what is added after them.
    classifier = FinetunedClassifier(threads=args.threads, guard=False)
    dev = [row.text for row in read_dev()]
    english = english_scorers(classifier)
    print(f"single nudge, {args.threads} threads, on {cpu_summary()}")
    timed(english, dev[: args.n], args.rounds, "English")
    batched(english, dev[:512], args.rounds)
    compared(english, dev, "English dev rows")
    if classifier.multilingual is None or "fr" not in classifier.multilingual.languages:
        print("  French: not claimed by the shipped multilingual scorer; nothing to time")
        return 0
    french = french_scorers(classifier)
    held = [case.text for case in held_out_cases(classifier.metadata) if case.lang == "fr"]
    timed(french, held[: args.french], args.rounds, "French")
    timed(french, [text + DECORATION for text in held[: args.french]], args.rounds,
          "French decorated")  # fmt: skip
    from multilingual_claims import SETS, read_cases

    cases = [case["text"] for path in SETS for case in read_cases(path) if case["lang"] == "fr"]
    compared(french, held + cases, "French held-out rows and hand-written cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
