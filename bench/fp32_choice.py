"""Which fp32 library the service multiplies with (``scoring/fp32_linear.py``), how steadily it is
chosen, and what the choice is worth to a nudge, on this machine.

    .venv/bin/python bench/fp32_choice.py                  # 10 fresh processes, 3 rounds of nudges
    .venv/bin/python bench/fp32_choice.py --processes 20 --rounds 5 -n 100

1. In ``--processes`` fresh processes (2 threads, as the service runs), each makes the choice
   twice, in turns: the rule before this bench was written (one bert-base-sized shape, a warm-up
   then the best of five timings of the default library, then of oneDNN, oneDNN only when 1.15x
   faster) and the current one (``fp32_linear.faster_fp32_backend``: three shapes, the two
   libraries taking turns for seven rounds, the geometric mean of the ratios against 1.05). It
   prints how often each rule picked oneDNN, and the current rule's ratios.
2. In this process: a single English nudge (the shipped adapter, whole and by clauses, packed, as
   the worker scores it) and a single French one (the shipped e5 scorer), the encoder layers
   built once through each library (``bert_inference.InferenceLayers``), timed one way then the
   other, the order swapped every round; medians, p95s and the ratio oneDNN / default. Scores
   agree to float rounding; the largest difference is printed.

The CPU is named: these figures are hardware-bound; compare ratios from one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tools")]

from generations import cpu_summary, held_out_cases  # noqa: E402
from nudge_packing import percentile  # noqa: E402
from routing_quality import read_dev  # noqa: E402

WAYS = ("default", "onednn")

# Run in a fresh process: both rules, in turns, as JSON.
CHILD = """
import json, sys, time, torch
torch.set_num_threads(2)
from torch import nn
from kindness_challenge.scoring import fp32_linear

def previous_rule():
    x = torch.randn(256, 768, generator=torch.Generator().manual_seed(0))
    linear = nn.Linear(768, 3072)
    packed = fp32_linear.OneDnnLinear(linear)
    def seconds(function):
        function()
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
        return best
    with torch.inference_mode():
        default = seconds(lambda: linear(x))
        onednn = seconds(lambda: packed(x))
    return "onednn" if default > onednn * 1.15 else "default"

def current_rule():
    ratios = fp32_linear.measured_ratios()
    pick = "onednn" if fp32_linear.geometric_mean(ratios) >= fp32_linear.MARGIN else "default"
    return pick, ratios

first = sys.argv[1] == "previous"
out = {}
if first:
    out["previous"] = previous_rule()
out["current"], out["ratios"] = current_rule()
if not first:
    out["previous"] = previous_rule()
print(json.dumps(out))
"""


def choices(processes: int) -> None:
    picked = {"previous": 0, "current": 0}
    ratios = []
    for index in range(processes):
        result = subprocess.run(
            [sys.executable, "-c", CHILD, "previous" if index % 2 == 0 else "current"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        found = json.loads(result.stdout.strip().splitlines()[-1])
        for rule in picked:
            picked[rule] += found[rule] == "onednn"
        ratios.append(found["ratios"])
    print(f"oneDNN chosen in {processes} fresh processes: previous rule {picked['previous']}, "
          f"current rule {picked['current']}")  # fmt: skip
    from kindness_challenge.scoring.fp32_linear import SHAPES

    for column, shape in enumerate(SHAPES):
        values = [row[column] for row in ratios]
        print(f"  {shape} default / oneDNN time: median {statistics.median(values):.2f} "
              f"(lowest {min(values):.2f}, highest {max(values):.2f})")  # fmt: skip


def english_ways(classifier):
    from safetensors.torch import load

    from kindness_challenge.scoring import fp32_linear
    from kindness_challenge.scoring.finetuned_classifier import (
        AdaptedEncoder,
        read_verified_adapter,
        score_texts,
    )

    state = load(read_verified_adapter(classifier.folder, classifier.adapter_sha256))
    lora = classifier.metadata["lora"]
    ways = {}
    for way in WAYS:
        # ``build`` asks ``faster_fp32_backend``: answer it with this way for this build only.
        saved = fp32_linear.faster_fp32_backend
        fp32_linear.faster_fp32_backend = lambda way=way: way
        try:
            encoder = AdaptedEncoder.build(
                state, int(lora["rank"]), float(lora["alpha"]),
                int(classifier.metadata.get("max_seq_length", 256)),
            )  # fmt: skip
        finally:
            fp32_linear.faster_fp32_backend = saved
        encoder.warm()
        ways[way] = lambda texts, encoder=encoder: score_texts(
            lambda batch: encoder.probabilities(batch).tolist(), texts, classifier.labels,
            classifier.clause_scoring,
        )  # fmt: skip
    return ways


def french_ways(classifier):
    import torch

    from kindness_challenge.scoring import bert_inference, e5_encoder
    from kindness_challenge.scoring.e5_model import LABELS, E5TopLayers
    from kindness_challenge.scoring.finetuned_classifier import score_texts

    scorer = classifier.multilingual
    ways = {}
    for way in WAYS:
        model = E5TopLayers(e5_encoder.load(scorer._packed_path, scorer._packed_sha256),
                            scorer.trained.layers)  # fmt: skip
        model.load_trained_state(scorer.trained.state)
        model.model.requires_grad_(False)
        model.heads.requires_grad_(False)
        model.model.eval()
        saved = bert_inference.faster_fp32_backend
        bert_inference.faster_fp32_backend = lambda way=way: way
        try:
            model.for_inference()
        finally:
            bert_inference.faster_fp32_backend = saved

        def score(texts, model=model):
            with torch.inference_mode():
                return score_texts(lambda batch: model.probabilities(batch).tolist(), texts,
                                   LABELS, True, undecorated_too=True)  # fmt: skip

        ways[way] = score
    return ways


def timed(ways: dict, texts: list[str], rounds: int, name: str) -> None:
    for score in ways.values():  # warm up each way
        for text in texts[:20]:
            score([text])
    times: dict[str, list[float]] = {way: [] for way in ways}
    for round_ in range(rounds):
        for way in WAYS if round_ % 2 == 0 else WAYS[::-1]:
            for text in texts:
                started = time.perf_counter()
                ways[way]([text])
                times[way].append(1000 * (time.perf_counter() - started))
    default, onednn = times["default"], times["onednn"]
    median = statistics.median(default), statistics.median(onednn)
    p95 = percentile(default, 0.95), percentile(onednn, 0.95)
    print(f"  {name}: median {median[0]:.1f} ms default, {median[1]:.1f} ms oneDNN (ratio "
          f"{median[1] / median[0]:.3f}); p95 {p95[0]:.1f} -> {p95[1]:.1f} ms (ratio "
          f"{p95[1] / p95[0]:.3f})")  # fmt: skip
    scores = [ways[way](texts) for way in WAYS]
    largest = max(
        abs(a[label] - b[label]) for a, b in zip(*scores, strict=True) for label in a
    )  # fmt: skip
    print(f"  {name}: largest score difference between the two libraries {largest:.1e}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("-n", type=int, default=60, help="nudges per way per round")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(2)
    print(f"CPU: {cpu_summary()}")
    choices(args.processes)

    from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier

    classifier = FinetunedClassifier(threads=2, guard=False)
    english = [row.text for row in read_dev()][: args.n]
    print("single nudges, each library in turn:")
    timed(english_ways(classifier), english, args.rounds, "English")
    if classifier.multilingual and "fr" in classifier.multilingual.languages:
        french = [c.text for c in held_out_cases(classifier.metadata) if c.lang == "fr"]
        timed(french_ways(classifier), french[: args.n], args.rounds, "French")
    return 0


if __name__ == "__main__":
    sys.exit(main())
