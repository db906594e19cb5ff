"""Scoring throughput: the naive ``Detoxify.predict`` loop against the engine, in one run.

    .venv/bin/python bench/score_throughput.py            # the full run (about 10 minutes)
    .venv/bin/python bench/score_throughput.py --quick    # bert-base only, 150 comments
    .venv/bin/python bench/score_throughput.py --models original --n 300

The corpus is fixed: 1,000 comments of mixed length drawn with a fixed seed from
``../shared/data/moderation-dev`` and ``moderation-train`` (400 short texts of at most 80
characters, 350 of 81-200, and 250 longer ones of 200-500 characters made by joining texts, as
people write more than one sentence; 500 is the share form's limit). Its tokens come from a
WordPiece vocabulary trained here on moderation-train (30,522 entries, as bert-base-uncased), so
token counts are realistic; every model reads the same tokens.

Models are randomly initialised with the real architectures (the compute of the released weights,
which cannot be downloaded here): bert-base for ``original``, albert-base-v2 for
``original-small``, roberta-base for ``unbiased``. Random weights score every text near 0.5, so
for the fast-vs-exact comparison each head is rescaled so that its logits (on every fifth
comment) have mean -2.5 and standard deviation 2: scores spread over (0, 1), about a third of
the comments flagged on some label; that is done before any timing. Random weights also make the
[CLS] features vary less from text to text than a trained model's do, so rescaling the head
magnifies int8 noise more than it would on the released weights: the fast-vs-exact figures are
pessimistic.

Timing: the corpus is split into interleaved rounds (comment i goes to round i mod R), and each
round runs every method in turn, starting with a different one each round, so that load from
other processes falls on all methods alike; every method scores every comment exactly once.
"x naive" is total naive time over total method time; "(rounds)" is the range of that ratio
round by round. The engine is given claims of ``--claim-size`` texts, as the scoring worker
gives it (``SCORING_BATCH_SIZE``: 32 by default; 128 lets the engine sort better). GFLOP/s
counts the work needed (no padding): the encoder's matrix multiplies and attention for each
comment's real tokens (for the engine, less the last feed-forward it skips). Peaks are measured
here with torch matrix multiplies (fp32 ``mm``, which is MKL, and fp32 through oneDNN, which the
exact engine uses where it is faster (``fp32_linear``); bf16 ``mm``; int8 ``_int_mm``), best of
several at the start and at the end; an fp32 method's share is of the better fp32 peak.
"exact against naive" gives the largest score and logit differences between the engine's exact
mode and ``Detoxify.predict`` over the whole corpus; where the engine multiplies through oneDNN it
also gives them for the engine on MKL, the float noise the default path has on the same heads
(rescaled heads magnify it: the tests hold a trained tiny model to 1e-5).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import torch
import transformers
from detoxify import Detoxify
from tokenizers import BertWordPieceTokenizer

from kindness_challenge.core.routing import DEFAULT_THRESHOLDS
from kindness_challenge.scoring.batching import padding_waste, plan_sub_batches
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier
from kindness_challenge.scoring.detoxify_engine import (
    OVERHEAD_TOKENS,
    TOKENS_PER_BATCH,
    DetoxifyEngine,
)
from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier
from kindness_challenge.scoring.feed_forward import FIRST_TOKEN_MODELS
from kindness_challenge.scoring.fp32_linear import OneDnnLinear, faster_fp32_backend

# The shared data: $KINDNESS_SHARED_DATA, else ../shared/data beside the checkout.
DATA = Path(
    os.environ.get("KINDNESS_SHARED_DATA")
    or Path(__file__).resolve().parents[2] / "shared" / "data"
)
SEED = 20261124
ORIGINAL = ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack")
UNBIASED = (
    *("toxicity", "severe_toxicity", "obscene", "identity_attack", "insult", "threat"),
    "sexual_explicit",
)
MODELS = {
    # detoxify name: (architecture, config, labels, outputs)
    "original": ("bert-base", transformers.BertConfig(num_labels=6), ORIGINAL),
    "original-small": (
        "albert-base",
        transformers.AlbertConfig(
            hidden_size=768, num_attention_heads=12, intermediate_size=3072, num_labels=6
        ),
        ORIGINAL,
    ),
    "unbiased": (
        "roberta-base",
        transformers.RobertaConfig(
            vocab_size=50265, max_position_embeddings=514, type_vocab_size=1, num_labels=16
        ),
        UNBIASED,
    ),
}
MODEL_CLASSES = {
    "bert-base": transformers.BertForSequenceClassification,
    "albert-base": transformers.AlbertForSequenceClassification,
    "roberta-base": transformers.RobertaForSequenceClassification,
}


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- corpus and tokenizer -----------------------------------------------------------------------


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def build_corpus(n: int = 1000) -> list[str]:
    """The fixed benchmark corpus: the first ``n`` of 1,000 comments (order is shuffled)."""
    rng = random.Random(SEED)
    pool = read_texts(DATA / "moderation-dev" / "ok.jsonl")
    pool += read_texts(DATA / "moderation-dev" / "toxic.jsonl")
    pool += read_texts(DATA / "moderation-train" / "train.jsonl")
    pool = sorted({text.strip() for text in pool if len(text.split()) >= 2})
    short = [t for t in pool if len(t) <= 80]
    medium = [t for t in pool if 80 < len(t) <= 200]
    corpus = rng.sample(short, 400) + rng.sample(medium, 350)
    for _ in range(250):
        target, parts = rng.randint(200, 500), [rng.choice(medium)]
        while len(" ".join(parts)) < target:
            parts.append(rng.choice(medium))
        text = " ".join(parts)
        corpus.append(text if len(text) <= 500 else text[:500].rsplit(" ", 1)[0])
    rng.shuffle(corpus)
    return corpus[:n]


def build_tokenizer(folder: Path):
    """A bert-base-sized WordPiece vocabulary trained on moderation-train, as BertTokenizer."""
    trainer = BertWordPieceTokenizer(lowercase=True)
    texts = read_texts(DATA / "moderation-train" / "train.jsonl")
    trainer.train_from_iterator(texts, vocab_size=30522, min_frequency=2, show_progress=False)
    trainer.save_model(str(folder))
    return transformers.BertTokenizer(vocab=str(folder / "vocab.txt"), model_max_length=512)


# --- models ---------------------------------------------------------------------------------


def build_model(name: str, tokenizer) -> tuple[str, torch.nn.Module, tuple[str, ...]]:
    architecture, config, labels = MODELS[name]
    config = copy.deepcopy(config)
    config.pad_token_id = tokenizer.pad_token_id
    torch.manual_seed(SEED)
    model = MODEL_CLASSES[architecture](config).eval()
    return architecture, model, labels


def head_of(model) -> torch.nn.Linear:
    head = model.classifier
    return head.out_proj if hasattr(head, "out_proj") else head


def spread_head(model, tokenizer, labels, texts, mean_logit=-2.5, std_logit=2.0) -> None:
    """Rescale the head so each label's logits on ``texts`` have this mean and spread.

    Mean -2.5 and std 2: most comments score low on each label, a third or so are flagged on
    at least one, and many are near a threshold, where precision matters.
    """
    engine = DetoxifyEngine(copy.deepcopy(model), tokenizer, labels, precision="exact")
    logits = engine.logits(texts)
    mean, std = logits.mean(dim=0), logits.std(dim=0).clamp(min=1e-12)
    head, count = head_of(model), len(labels)
    with torch.no_grad():
        factor = std_logit / std
        head.weight[:count] *= factor[:, None]
        head.bias[:count] = (head.bias[:count] - mean) * factor + mean_logit


def flops_per_comment(config, tokens: int, first_token_only: bool = False) -> float:
    """FLOPs of the encoder for one comment of ``tokens`` tokens (no padding).

    ``first_token_only``: the last layer's feed-forward runs for one token, as the engine runs
    it for BERT and RoBERTa (``scoring/feed_forward.py``).
    """
    hidden, inner, layers = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    attention_block = 2 * tokens * 4 * hidden * hidden + 2 * 2 * tokens * tokens * hidden
    feed_forward = 2 * tokens * 2 * hidden * inner
    total = layers * (attention_block + feed_forward)
    if first_token_only:
        total -= feed_forward - 2 * 2 * hidden * inner
    embedding = getattr(config, "embedding_size", hidden)
    if embedding != hidden:
        total += 2 * tokens * embedding * hidden  # ALBERT's embedding projection
    return float(total + 2 * 2 * hidden * hidden)  # pooler and head


# --- peaks and timing -----------------------------------------------------------------------


def matmul_peaks(repeats: int = 5) -> dict[str, float]:
    """GFLOP/s (GOP/s for int8) of a large matrix multiply, best of ``repeats``."""
    m, k, n = 1024, 768, 3072
    a, b = torch.randn(m, k), torch.randn(k, n)
    onednn = OneDnnLinear(torch.nn.Linear(k, n, bias=False))
    cases = {
        "fp32": (a, b, torch.mm),
        "fp32 oneDNN": (a, None, lambda x, _: onednn(x)),
        "bf16": (a.bfloat16(), b.bfloat16(), torch.mm),
        "int8": (
            torch.randint(-127, 128, (m, k), dtype=torch.int8),
            torch.randint(-127, 128, (k, n), dtype=torch.int8),
            torch._int_mm,
        ),
    }
    peaks = {}
    for name, (x, y, mm) in cases.items():
        best = float("inf")
        if name == "fp32 oneDNN" and faster_fp32_backend() != "onednn":
            continue
        for _ in range(repeats):
            mm(x, y)
            start = time.perf_counter()
            for _ in range(10):
                mm(x, y)
            best = min(best, (time.perf_counter() - start) / 10)
        peaks[name] = 2 * m * k * n / best / 1e9
    return peaks


def naive_loop(detoxify: Detoxify, sink: dict[int, list[float]]):
    def run(texts: list[str], ids: list[int]) -> None:
        for text, index in zip(texts, ids, strict=True):
            scores = detoxify.predict(text)
            sink[index] = [scores[label] for label in detoxify.class_names]

    return run


def engine_claims(engine: DetoxifyEngine, claim_size: int, sink: dict[int, torch.Tensor]):
    def run(texts: list[str], ids: list[int]) -> None:
        for start in range(0, len(texts), claim_size):
            logits = engine.logits(texts[start : start + claim_size])
            for row, index in zip(logits, ids[start : start + claim_size], strict=True):
                sink[index] = row

    return run


def routing_decisions(logits: torch.Tensor, labels) -> list[bool]:
    thresholds = torch.tensor([DEFAULT_THRESHOLDS.get(label, 2.0) for label in labels])
    return (torch.sigmoid(logits) >= thresholds).any(dim=1).tolist()


# --- the benchmark --------------------------------------------------------------------------


def bench_model(name, args, corpus, tokenizer, peaks) -> tuple[list[tuple], dict]:
    architecture, model, labels = build_model(name, tokenizer)
    progress(f"{name} ({architecture}): spreading the head on {len(corpus[::5])} comments")
    spread_head(model, tokenizer, labels, corpus[::5])

    # detoxify's own predict on this in-memory model, loaded as detoxify loads it (SDPA attention).
    detoxify = Detoxify.__new__(Detoxify)
    detoxify.model, detoxify.tokenizer, detoxify.device = model, tokenizer, "cpu"
    detoxify.class_names = list(labels)
    assert model.config._attn_implementation == "sdpa", model.config._attn_implementation
    engines = {
        precision: DetoxifyEngine(
            copy.deepcopy(model), tokenizer, labels, precision=precision,
            tokens_per_batch=args.tokens_per_batch,
        )
        for precision in ("exact", "fast")
    }  # fmt: skip
    logits = {precision: {} for precision in engines}
    naive_scores = {}
    runs = {"naive": naive_loop(detoxify, naive_scores)}
    for precision, engine in engines.items():
        runs[precision] = engine_claims(engine, args.claim_size, logits[precision])
    if args.bf16:
        bf16_engine = DetoxifyEngine(copy.deepcopy(model), tokenizer, labels, precision="exact")
        bf16_engine.model.to(torch.bfloat16)
        runs["bf16"] = engine_claims(bf16_engine, args.claim_size, {})

    # Warm up each method on a few comments, then time them round by round, each round in a
    # different order, so that load from other processes falls on every method alike.
    for run in runs.values():
        run(corpus[:4], list(range(4)))
    seconds = {method: [] for method in runs}
    ids = list(range(len(corpus)))
    methods = list(runs)
    for r in range(args.rounds):
        part_ids = ids[r :: args.rounds]
        part = [corpus[i] for i in part_ids]
        for method in methods[r % len(methods) :] + methods[: r % len(methods)]:
            start = time.perf_counter()
            runs[method](part, part_ids)
            seconds[method].append(time.perf_counter() - start)
        progress(
            f"  round {r + 1}/{args.rounds} ({len(part)} comments): "
            + ", ".join(f"{m} {seconds[m][-1]:.1f}s" for m in runs)
        )

    lengths = [len(ids) for ids in engines["exact"].encode(corpus)["input_ids"]]
    trimmed = type(model).__name__ in FIRST_TOKEN_MODELS
    work = {
        method: sum(
            flops_per_comment(model.config, n, trimmed and method != "naive") for n in lengths
        )
        / 1e9
        for method in runs
    }
    fp32 = "fp32 oneDNN" if "fp32 oneDNN" in peaks else "fp32"
    peak_of = {"naive": fp32, "exact": fp32, "fast": "int8", "bf16": "bf16"}
    title = {
        "naive": "naive Detoxify.predict loop",
        "exact": "engine, exact (fp32)",
        "fast": "engine, fast (int8)",
        "bf16": "engine, bf16 (not chosen)",
    }
    rows = []
    for method in runs:
        total = sum(seconds[method])
        ratios = [n / m for n, m in zip(seconds["naive"], seconds[method], strict=True)]
        gflops = work[method] / total
        rows.append(
            (
                f"{name} ({architecture})",
                title[method],
                len(corpus) / total,
                sum(seconds["naive"]) / total,
                f"{min(ratios):.2f}-{max(ratios):.2f}",
                gflops,
                peak_of[method],
            )
        )

    exact = torch.stack([logits["exact"][i] for i in ids])
    naive = torch.tensor([naive_scores[i] for i in ids], dtype=torch.float64)
    references = {"exact": exact}
    if faster_fp32_backend() == "onednn":
        # The same check with the engine on MKL, untimed: the float noise of the default path.
        progress(f"{name}: exact mode on MKL, for the exact-vs-naive reference")
        mkl = DetoxifyEngine(copy.deepcopy(model), tokenizer, labels, precision="exact",
                             fp32_backend="default")  # fmt: skip
        references["exact on MKL"] = torch.cat(
            [mkl.logits(corpus[i : i + args.claim_size])
             for i in range(0, len(corpus), args.claim_size)]
        )  # fmt: skip
    exactness = {
        method: (
            (torch.sigmoid(values.double()) - naive).abs().max().item(),
            (values.double() - torch.logit(naive)).abs().max().item(),
        )
        for method, values in references.items()
    }
    fast = torch.stack([logits["fast"][i] for i in ids])
    decisions = routing_decisions(exact, labels), routing_decisions(fast, labels)
    changed = sum(a != b for a, b in zip(*decisions, strict=True))
    accuracy = {
        "model": f"{name} ({architecture})",
        "score": (torch.sigmoid(fast) - torch.sigmoid(exact)).abs().max().item(),
        "logit": (fast - exact).abs().max().item(),
        "changed": changed,
        "exactness": exactness,
        "flagged": sum(decisions[0]),
        "n": len(corpus),
        "mean_tokens": statistics.mean(lengths),
        "waste": padding_waste(lengths, claims_plan(lengths, args)),
    }
    return rows, accuracy


def claims_plan(lengths, args) -> list[list[int]]:
    """The sub-batches the fast engine makes of the corpus, claim by claim."""
    plan = []
    budget = args.tokens_per_batch or TOKENS_PER_BATCH["fast"]
    for start in range(0, len(lengths), args.claim_size):
        claim = lengths[start : start + args.claim_size]
        groups = plan_sub_batches(claim, budget, OVERHEAD_TOKENS["fast"])
        plan += [[start + i for i in group] for group in groups]
    return plan


def bench_embedded(classifier, corpus, claim_size) -> float:
    classifier.score_batch(corpus[:4])
    start = time.perf_counter()
    for begin in range(0, len(corpus), claim_size):
        classifier.score_batch(corpus[begin : begin + claim_size])
    return len(corpus) / (time.perf_counter() - start)


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="comments (of the fixed 1,000)")
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--claim-size", type=int, default=128, help="texts per score_batch call (worker's claim)"
    )
    parser.add_argument("--tokens-per-batch", type=int, default=None, help="engine sub-batches")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default all)")
    parser.add_argument("--bf16", action="store_true", help="also time bf16 weights")
    parser.add_argument("--quick", action="store_true", help="bert-base, 150 comments, 2 rounds")
    args = parser.parse_args(argv)
    if args.quick:
        args.n, args.models, args.rounds = 150, "original", 2
    if args.threads:
        torch.set_num_threads(args.threads)
    names = [name.strip() for name in args.models.split(",") if name.strip()]
    unknown = set(names) - set(MODELS)
    if unknown:
        parser.error(f"unknown models {sorted(unknown)}; choose from {', '.join(MODELS)}")

    loads = [load_average()]
    corpus = build_corpus(args.n)
    with tempfile.TemporaryDirectory() as folder:
        tokenizer = build_tokenizer(Path(folder))
    progress("measuring matrix-multiply peaks")
    peaks = matmul_peaks()
    rows, accuracy = [], []
    for name in names:
        model_rows, model_accuracy = bench_model(name, args, corpus, tokenizer, peaks)
        rows += model_rows
        accuracy.append(model_accuracy)
    embedded = {
        "embedded default (MiniLM)": bench_embedded(
            SentenceEmbeddingClassifier(), corpus, args.claim_size
        ),
        "alt-profanity-check": bench_embedded(ProfanityCheckClassifier(), corpus, args.claim_size),
    }
    later = matmul_peaks()
    peaks = {kind: max(peaks[kind], later[kind]) for kind in peaks}

    loads.append(load_average())
    report(args, corpus, accuracy, rows, embedded, peaks, loads)


def report(args, corpus, accuracy, rows, embedded, peaks, loads) -> None:
    chars = statistics.mean(len(text) for text in corpus)
    tokens = statistics.mean(a["mean_tokens"] for a in accuracy) if accuracy else 0
    print(
        f"corpus: {len(corpus)} comments, {chars:.0f} characters and {tokens:.1f} tokens on "
        f"average; torch {torch.__version__}, {torch.get_num_threads()} threads; engine given "
        f"claims of {args.claim_size}; {args.rounds} interleaved rounds"
    )
    print(f"load average before / after: {loads[0]} / {loads[1]} (other processes compete)")
    print(
        "matrix-multiply peak (measured): "
        + ", ".join(f"{kind} {value:.0f} G{'OP' if kind == 'int8' else 'FLOP'}/s"
                    for kind, value in peaks.items())
    )  # fmt: skip
    print()
    header = (
        f"{'model':<29}{'method':<29}{'comments/s':>11}{'x naive':>9}{'(rounds)':>12}"
        f"{'GFLOP/s':>9}  of measured peak"
    )
    print(header)
    print("-" * (len(header) + 4))
    for model, method, rate, ratio, spread, gflops, kind in rows:
        share = f"{gflops / peaks[kind]:.0%} of {kind}"
        print(
            f"{model:<29}{method:<29}{rate:>11.1f}{ratio:>9.2f}{spread:>12}{gflops:>9.0f}  {share}"
        )
    for name, rate in embedded.items():
        print(f"{'offline classifier':<29}{name:<29}{rate:>11.0f}")
    print()
    print("fast (int8) against exact (fp32) on the same comments, heads rescaled to spread scores:")
    print(
        f"{'model':<28}{'max |d score|':>14}{'max |d logit|':>14}{'decisions changed':>22}"
        f"{'flagged':>9}{'padding':>9}"
    )
    for a in accuracy:
        changed = f"{a['changed']} of {a['n']} ({a['changed'] / a['n']:.1%})"
        print(
            f"{a['model']:<28}{a['score']:>14.4f}{a['logit']:>14.4f}{changed:>22}"
            f"{a['flagged']:>9}{a['waste']:>9.1%}"
        )
    print()
    print("exact against the naive Detoxify.predict loop, same comments and heads:")
    for a in accuracy:
        for method, (score, logit) in a["exactness"].items():
            print(
                f"{a['model']:<28} {method:<14} "
                f"max |d score| {score:.1e}   max |d logit| {logit:.1e}"
            )


if __name__ == "__main__":
    main()
