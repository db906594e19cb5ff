#!/usr/bin/env python3
"""Train the multilingual heads: toxicity, threat and kindness over USE Multilingual v3.

    nice -n 5 .venv/bin/python tools/train_multilingual_heads.py     # writes scoring/multilingual/
    .venv/bin/python tools/train_multilingual_heads.py --subsample 400 --out /tmp/ml --no-eval
    nice -n 5 .venv/bin/python tools/train_multilingual_heads.py --evaluate-only  # judge again

Probing, then fine-tuning: logistic heads are first fitted on the frozen encoder's embeddings;
then ``--finetune-epochs`` (4; 0 keeps the logistic heads alone) trains the encoder itself: low-rank
adapters (``--rank``, ``--alpha``) beside each of its dense matrices, in the torch port of its
forward (``scoring/multilingual_model.py``), with the heads, starting from the logistic ones.
The adapters ship inside ``heads.safetensors`` and are merged into the package's numpy forward
at load.

Data (content warning: real hate speech): ``moderation-train-v2`` (both files) and
``moderation-train``, read as ``train_classifier_v3`` reads them. Every non-English row and an
English sample (at most ``--english-cap`` rows per source; Positive Frames and GoEmotions
``--english-kind-cap``) are embedded with the pinned encoder, in their scoring form.

Folds: a v2 row is held out when the SHA-256 of ``<seed>:fold:<text>`` falls in the first
``--holdout`` share (30%; with the same seed this contains the 10% the third-generation model
holds out, so the bench's held-out rows are unseen by both models). Held-out rows are never
trained on; they are split in two by another hash: ``tune`` picks each language's operating
point, ``test`` gives the figures that decide which languages are claimed.

Labels:

* ``toxicity``: ``label`` (every language);
* ``threat``: as for the third generation on English rows and the French templates below (no
  other source has threat labels; other rows have none);
* ``kindness``: v2's and GoEmotions' ``kind`` as for the third generation, and XLM-T's sentiment
  rows: ``positive`` kind, ``negative`` not. No source has kind rows in another language, and
  without XLM-T the head learns "not English, so not kind". Positive sentiment is a looser bar
  than kindness toward someone; the toxicity head still has to pass the text.

Plus ``--augment`` hand-written French cases (``tools/multilingual_augment.py``): calm threats
and self-harm incitement (with threat labels, and harmless endings of the same openings),
sarcastic thanks, cheerful hate and kind messages, which no French source has; and
``--fr-social`` cases of ``tools/fr_comment_templates.py`` (comment-section register, written blind
to every evaluation file: calm threats and caring talk about the way home, self-harm incitement
and support in distress, sarcastic and sincere thanks, backhanded and sincere compliments, slang
insults and slang hype, cheerful hate and respect toward the same groups).

Balance: inverse square root of each (source, language, class) group's size, per label.

A language is claimed when, on its ``test`` rows at its ``tune`` operating point, toxic text is
published at most ``--claim-toxic`` (3%, well inside the issue's 5%) and XLM-T's positive rows at
least 70%, each on at least ``--claim-min`` rows; and when its hand-written adversarial dev cases
(``bench/adversarial_dev.jsonl``: calm threats, self-harm incitement, sarcastic thanks, cheerful
hate, quiet bullying) exist, publish no threat and at most ``--claim-adversarial`` (10%) of their
toxic cases. The public sources are easy (slurs, hashtags); the adversarial cases are what a
commenter who wants through writes. English stays the third generation's.

Deterministic: the same data, seed and options give the same heads bytes (lbfgs, fixed order;
fine-tuning, on the same thread count and CPU).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import fr_comment_templates  # noqa: E402
import multilingual_augment  # noqa: E402
import train_classifier_v3 as v3  # noqa: E402

from kindness_challenge.scoring import multilingual_heads as ml  # noqa: E402
from kindness_challenge.scoring.finetuned_classifier import score_texts  # noqa: E402

OUT = ROOT / "kindness_challenge" / "scoring" / "multilingual"
V3_METADATA = ROOT / "kindness_challenge" / "scoring" / "v3" / "metadata.json"
GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7)
# The options a heads file's metadata records (with ``seed``): what ``--evaluate-only`` rebuilds
# their rows and applies their claim rule with.
PARAMETERS = (
    "holdout", "english_cap", "english_kind_cap", "subsample", "augment", "c",
    "threat_threshold", "tune_toxic", "tune_min", "claim_toxic", "claim_min",
    "claim_adversarial", "exclude_share_alike", "fr_social", "finetune_epochs", "rank",
    "alpha", "lr", "batch", "max_tokens", "threat_weight",
)  # fmt: skip


def tune_half(text: str, seed: int) -> bool:
    return hashlib.sha256(f"{seed}:tune:{text}".encode()).digest()[0] < 128


def select(rows: list[v3.Row], args) -> list[v3.Row]:
    """Every non-English row (and XLM-T's and MLMA's English ones), and an English sample."""
    rng = random.Random(f"{args.seed}:english-sample")
    keep, english = [], defaultdict(list)
    for row in rows:
        if row.lang != "en" or row.source in ("xlmt", "mlma"):
            keep.append(row)
        else:
            english[row.source].append(row)
    for source in sorted(english):
        group = english[source]
        cap = (
            args.english_kind_cap
            if source in ("positive_frames", "goemotions")
            else args.english_cap
        )
        keep += group if len(group) <= cap else rng.sample(group, cap)
    if args.subsample:
        keep = random.Random(f"{args.seed}:subsample").sample(keep, min(args.subsample, len(keep)))
    return sorted(keep, key=lambda row: (row.source, row.lang, row.text))


def augment(count: int, seed: int) -> list[v3.Row]:
    """The hand-written French cases of ``multilingual_augment`` (training only)."""
    return [
        v3.Row(text, f"augment:{family}", f"augment:{family}", "fr", toxic, threat, kind)
        for text, toxic, threat, kind, family in multilingual_augment.generate(count, seed)
    ]


def fr_social(count: int, seed: int) -> list[v3.Row]:
    """``count`` French comment-section cases of ``fr_comment_templates`` (training only)."""
    return [
        v3.Row(text, f"augment:fr-{family}", f"augment:fr-{family}", "fr", toxic, threat, kind)
        for text, toxic, threat, kind, family in fr_comment_templates.generate(count, seed)
    ]


def targets(rows: list[v3.Row]) -> np.ndarray:
    """(rows x labels), -1 where a row has no label."""
    out = np.full((len(rows), len(ml.LABELS)), -1, np.int8)
    for i, row in enumerate(rows):
        if row.toxic is not None:
            out[i, 0] = row.toxic
            if row.lang == "en" or row.source.startswith("augment:"):
                out[i, 1] = row.threat or 0
        if row.category == "xlmt:positive":
            out[i, 2] = 1
        elif row.category == "xlmt:negative":
            out[i, 2] = 0
        elif row.kind is not None:
            out[i, 2] = row.kind
    return out


def group_weights(rows: list[v3.Row], y: np.ndarray) -> np.ndarray:
    groups = [(row.source, row.lang, int(label)) for row, label in zip(rows, y, strict=True)]
    sizes = Counter(groups)
    weights = np.array([sizes[g] ** -0.5 for g in groups])
    return weights / weights.mean()


def fit(x: np.ndarray, rows: list[v3.Row], y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    labelled = y >= 0
    if len(set(y[labelled].tolist())) < 2:  # a tiny subsample may lack a class
        return np.zeros(x.shape[1]), 0.0
    from threadpoolctl import threadpool_limits

    model = LogisticRegression(C=c, max_iter=3000)
    sub = [row for row, keep in zip(rows, labelled, strict=True) if keep]
    with threadpool_limits(1):  # one BLAS thread: the same bytes on any machine's core count
        model.fit(x[labelled], y[labelled], sample_weight=group_weights(sub, y[labelled]))
    return model.coef_[0], float(model.intercept_[0])


def embed(encoder: ml.Encoder, texts: list[str], batch: int = 512) -> np.ndarray:
    from kindness_challenge.core.text.scoring_form import scoring_text

    out = np.zeros((len(texts), 512), np.float32)
    for start in range(0, len(texts), batch):
        out[start : start + batch] = encoder.encode(
            [scoring_text(t) for t in texts[start : start + batch]]
        )
    return out


def train(rows: list[v3.Row], args, encoder: ml.Encoder) -> ml.Heads:
    train_rows = [row for row in rows if not row.held_out]
    print(f"embedding {len(train_rows)} training rows", flush=True)
    started = time.perf_counter()
    x = embed(encoder, [row.text for row in train_rows])
    print(f"  {len(train_rows) / (time.perf_counter() - started):.0f} texts/s", flush=True)
    y = targets(train_rows)
    fitted = [fit(x, train_rows, y[:, j], args.c) for j in range(len(ml.LABELS))]
    weight = np.stack([w for w, _ in fitted]).astype(np.float32)
    bias = np.array([b for _, b in fitted], np.float32)
    return ml.Heads(weight, bias)


def label_weights(rows: list[v3.Row], y: np.ndarray) -> np.ndarray:
    """(rows x labels): ``group_weights`` per label over its labelled rows, 0 where unlabelled."""
    out = np.zeros(y.shape, np.float32)
    for j in range(y.shape[1]):
        labelled = np.flatnonzero(y[:, j] >= 0)
        if len(labelled):
            out[labelled, j] = group_weights([rows[i] for i in labelled], y[labelled, j])
    return out


def token_ids(encoder: ml.Encoder, texts: list[str], limit: int) -> list[list[int]]:
    """Each text's scoring form as the encoder tokenises it (with BOS and EOS), cut to
    ``limit`` tokens."""
    from kindness_challenge.core.text.scoring_form import scoring_text

    tokenize = encoder.model._sp.encode
    return [
        tokenize(scoring_text(text), out_type=int, add_bos=True, add_eos=True)[:limit]
        for text in texts
    ]


def finetune(rows: list[v3.Row], args, encoder: ml.Encoder, heads: ml.Heads) -> ml.Heads:
    """The encoder fine-tuned with low-rank adapters (``multilingual_model.LoraUSE``), starting
    from the probing ``heads``; returns heads that carry the adapters. Deterministic for the
    same data, options, thread count and CPU: fixed seed, ``--threads``,
    ``torch.use_deterministic_algorithms``. Each text is read up to ``--max-tokens`` tokens
    (128: all but about 1% of the rows whole); the service reads the whole text."""
    import torch

    torch.manual_seed(args.seed)
    threads = torch.get_num_threads()
    torch.set_num_threads(args.threads)
    was_deterministic = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        return _finetune(rows, args, encoder, heads)
    finally:
        torch.use_deterministic_algorithms(was_deterministic)
        torch.set_num_threads(threads)


def _finetune(rows: list[v3.Row], args, encoder: ml.Encoder, heads: ml.Heads) -> ml.Heads:
    import torch

    from kindness_challenge.scoring.multilingual_model import LoraUSE, dense_weights

    train_rows = [row for row in rows if not row.held_out]
    print(f"fine-tuning the encoder on {len(train_rows)} rows", flush=True)
    ids = token_ids(encoder, [row.text for row in train_rows], args.max_tokens)
    y = targets(train_rows)
    weights = torch.from_numpy(label_weights(train_rows, y))
    weights[:, ml.LABELS.index("threat")] *= args.threat_weight
    targets_t = torch.from_numpy(np.clip(y, 0, 1).astype(np.float32))
    raw = ml.read_verified(ml.encoder_dir() / "weights.npz", ml.ENCODER_SHA256["weights.npz"])
    model = LoraUSE(dense_weights(raw), args.rank, args.alpha, seed=args.seed)
    head = torch.nn.Linear(512, len(ml.LABELS))
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(heads.weight))
        head.bias.copy_(torch.from_numpy(heads.bias))
    trainable = [p for p in model.parameters() if p.requires_grad] + list(head.parameters())
    optimiser = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    plan = [
        group
        for epoch in range(args.finetune_epochs)
        for group in v3.batches([len(x) for x in ids], args.batch, args.seed + epoch)
    ]
    warmup = max(1, len(plan) // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: min((s + 1) / warmup, max(0.0, (len(plan) - s) / max(1, len(plan) - warmup))),
    )
    started = time.perf_counter()
    model.train()
    for step, group in enumerate(plan):
        width = max(len(ids[i]) for i in group)
        input_ids = torch.zeros((len(group), width), dtype=torch.long)
        mask = torch.zeros((len(group), width), dtype=torch.long)
        for row, i in enumerate(group):
            input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
            mask[row, : len(ids[i])] = 1
        logits = head(model(input_ids, mask))
        w = weights[group]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, targets_t[group], reduction="none"
        )
        loss = (loss * w).sum() / w.sum().clamp(min=1e-6)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad(set_to_none=True)
        if (step + 1) % 200 == 0 or step + 1 == len(plan):
            rate = sum(len(g) for g in plan[: step + 1]) / (time.perf_counter() - started)
            loss_value = float(loss.detach())
            print(f"  step {step + 1}/{len(plan)} loss {loss_value:.4f} ({rate:.0f} rows/s)",
                  flush=True)  # fmt: skip
    adapters = {key: value.numpy() for key, value in model.adapter_state().items()}
    return ml.Heads(
        head.weight.detach().numpy().copy(), head.bias.detach().numpy().copy(),
        adapters=adapters, lora_scale=model.scale_lora,
    )  # fmt: skip


def score(encoder: ml.Encoder, heads: ml.Heads, rows: list[v3.Row]) -> np.ndarray:
    """Raw (uncalibrated) scores, as the classifier scores: clause scoring included."""
    rows_scores = score_texts(
        ml.probabilities_fn(encoder, heads), [r.text for r in rows], ml.LABELS, True
    )
    return np.array([[s[label] for label in ml.LABELS] for s in rows_scores], np.float32)


def wilson(k: int, n: int) -> list[float] | None:
    if not n:
        return None
    z, p = 1.96, k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]


def rates(rows: list[v3.Row], p: np.ndarray, t_tox: float, t_threat: float, t_kind: float) -> dict:
    pub = (p[:, 0] < t_tox) & (p[:, 1] < t_threat) & (p[:, 2] >= t_kind)
    toxic = np.array([r.toxic == 1 for r in rows], bool)
    positive = np.array([r.kind == 1 or r.category == "xlmt:positive" for r in rows], bool)
    ok = np.array([r.toxic == 0 for r in rows], bool)
    out = {"n": len(rows), "toxic_n": int(toxic.sum()), "positive_n": int(positive.sum())}
    for name, mask in (("toxic_published", toxic), ("kind_or_positive_published", positive),
                       ("ok_published", ok)):  # fmt: skip
        if mask.any():
            out[name] = round(float(pub[mask].mean()), 4)
            out[name + "_95"] = wilson(int(pub[mask].sum()), int(mask.sum()))
    return out


def operating_point(rows, p, args) -> tuple[float, float]:
    """The loosest (toxicity, kindness) thresholds on the grid whose toxic published share on
    ``rows`` is at most ``--tune-toxic``, most positive text published."""
    toxic = sum(r.toxic == 1 for r in rows)
    positive = sum(r.kind == 1 or r.category == "xlmt:positive" for r in rows)
    if min(toxic, positive) < args.tune_min:  # nothing to choose on: the strictest point
        return (GRID[0], GRID[-1])
    best = None
    for t_tox in GRID:
        for t_kind in GRID:
            r = rates(rows, p, t_tox, args.threat_threshold, t_kind)
            if r.get("toxic_published", 0.0) <= args.tune_toxic:
                key = (r.get("kind_or_positive_published", 0.0), t_tox, -t_kind)
                if best is None or key > best[0]:
                    best = (key, (t_tox, t_kind))
    return best[1] if best else (GRID[0], GRID[-1])


def read_adversarial(path: Path) -> list[v3.Row]:
    """The hand-written adversarial dev cases (``bench/adversarial_dev.jsonl``); never trained
    on."""
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            rows.append(v3.Row(r["text"], r["family"], r["family"], r.get("lang", "en"),
                               int(r["toxic"]), int(r.get("threat", False)),
                               int(r.get("kind", False))))  # fmt: skip
    return rows


def published(p: np.ndarray, t_tox: float, t_threat: float, t_kind: float) -> bool:
    return bool(p[0] < t_tox and p[1] < t_threat and p[2] >= t_kind)


def evaluate(rows: list[v3.Row], args, encoder: ml.Encoder, heads: ml.Heads, policy: dict) -> dict:
    held = [row for row in rows if row.held_out]
    adversarial = read_adversarial(args.adversarial)
    print(f"scoring {len(held)} held-out rows", flush=True)
    p = score(encoder, heads, held)
    by_lang = defaultdict(list)
    for i, row in enumerate(held):
        by_lang[row.lang].append(i)
    figures, calibration, claimed = {}, {}, []
    for lang in sorted(by_lang):
        idx = by_lang[lang]
        tune = [i for i in idx if tune_half(held[i].text, args.seed)]
        test = [i for i in idx if not tune_half(held[i].text, args.seed)]
        t_tox, t_kind = operating_point([held[i] for i in tune], p[tune], args)
        entry = {
            "thresholds": {"toxicity": t_tox, "kindness": t_kind},
            "tune": rates([held[i] for i in tune], p[tune], t_tox, args.threat_threshold, t_kind),
            "test": rates([held[i] for i in test], p[test], t_tox, args.threat_threshold, t_kind),
        }
        test_rates = entry["test"]
        hard = [row for row in adversarial if row.lang == lang]
        if hard:
            hard_p = score(encoder, heads, hard)
            entry["adversarial"] = rates(hard, hard_p, t_tox, args.threat_threshold, t_kind)
            threats = [i for i, row in enumerate(hard) if row.threat]
            entry["adversarial"]["threat_n"] = len(threats)
            entry["adversarial"]["threat_published"] = int(
                sum(published(hard_p[i], t_tox, args.threat_threshold, t_kind) for i in threats)
            )
        hard_rates = entry.get("adversarial", {})
        entry["claimed"] = bool(
            lang != "en"
            and test_rates["toxic_n"] >= args.claim_min
            and test_rates["positive_n"] >= args.claim_min
            and test_rates["toxic_published"] <= args.claim_toxic
            and test_rates["kind_or_positive_published"] >= 0.70
            and hard_rates.get("toxic_n", 0) > 0
            and hard_rates["toxic_published"] <= args.claim_adversarial
            and hard_rates["threat_published"] == 0
        )
        figures[lang] = entry
        if entry["claimed"]:
            claimed.append(lang)
            calibration[lang] = {
                "toxicity": round(ml.logit(policy["toxicity"]) - ml.logit(t_tox), 6),
                "kindness": round(ml.logit(policy["kindness"]) - ml.logit(t_kind), 6),
            }
    return {"figures": figures, "calibration": calibration, "languages": claimed}


def _rank(value: str) -> int:
    number = int(value)
    if not 1 <= number <= ml.MAX_RANK:
        raise argparse.ArgumentTypeError(f"{value} is not between 1 and {ml.MAX_RANK}")
    return number


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=v3.DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=v3.DEFAULT_SEED)
    parser.add_argument("--holdout", type=float, default=0.3, help="share of v2 held out")
    parser.add_argument("--english-cap", type=int, default=1500)
    parser.add_argument("--english-kind-cap", type=int, default=6000)
    parser.add_argument("--subsample", type=int, default=0, help="train on this many rows (tests)")
    parser.add_argument("--augment", type=int, default=3000, help="French template cases drawn")
    parser.add_argument(
        "--fr-social", type=int, default=8000, help="French comment-section template cases drawn"
    )
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--threat-threshold", type=float, help="default: the fine-tuned model's")
    parser.add_argument("--tune-toxic", type=float, default=0.02)
    parser.add_argument("--claim-toxic", type=float, default=0.03)
    parser.add_argument("--claim-min", type=int, default=50)
    parser.add_argument("--tune-min", type=int, default=25, help="rows of each kind to tune on")
    parser.add_argument("--claim-adversarial", type=float, default=0.10)
    parser.add_argument(
        "--adversarial", type=Path, default=ROOT / "bench" / "adversarial_dev.jsonl"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--exclude-share-alike", action="store_true", help="as train_classifier_v3.py's"
    )
    parser.add_argument("--no-eval", action="store_true", help="claim no language (tests)")
    parser.add_argument(
        "--evaluate-only", action="store_true",
        help="judge the heads already in --out again (new adversarial cases, a new adapter's "
        "policy): rewrite their claims and figures, not their weights",
    )  # fmt: skip
    parser.add_argument(
        "--finetune-epochs", type=int, default=4,
        help="fine-tune the encoder with LoRA adapters for this many epochs (0: probing only)",
    )  # fmt: skip
    parser.add_argument(
        "--rank", type=_rank, default=16, help="adapter rank (--finetune-epochs), 1 to 64"
    )
    parser.add_argument("--alpha", type=float, default=16.0, help="adapter alpha")
    parser.add_argument("--lr", type=float, default=1e-3, help="fine-tuning learning rate")
    parser.add_argument("--batch", type=int, default=64, help="fine-tuning batch size")
    parser.add_argument("--max-tokens", type=int, default=128, help="tokens read per text")
    parser.add_argument(
        "--threat-weight", type=float, default=3.0, help="fine-tuning loss weight of threat"
    )
    return parser.parse_args(argv)


def write(heads: ml.Heads, metadata: dict, out: Path) -> str:
    """``heads`` with the claims in ``metadata`` into ``out``; the new file's SHA-256."""
    claimed = ml.Heads(
        heads.weight, heads.bias, metadata["languages"], metadata["calibration"],
        heads.adapters, heads.lora_scale,
    )  # fmt: skip
    data = claimed.to_bytes()
    digest = ml.sha256_hex(data)
    metadata["heads_sha256"] = digest
    out.mkdir(parents=True, exist_ok=True)
    (out / ml.HEADS_FILE).write_bytes(data)
    (out / ml.METADATA_FILE).write_text(json.dumps(metadata, indent=1, sort_keys=True) + "\n")
    return digest


def data_rows(args) -> list[v3.Row]:
    """The data's rows the heads train on and are measured on (templates aside)."""
    rows = select(v3.read_rows(args.data, args.seed, args.holdout), args)
    if args.exclude_share_alike:  # after the sample, so the held-out rows stay the same
        rows = v3.without_share_alike(rows)
    return rows


def policy_of_the_adapter(args) -> dict[str, float]:
    """The shipped adapter's default thresholds, which a claimed language is calibrated onto;
    ``args.threat_threshold`` defaults to its threat threshold."""
    v3_meta = json.loads(V3_METADATA.read_text(encoding="utf-8"))
    if args.threat_threshold is None:  # the fine-tuned model's, as the policy's default
        args.threat_threshold = float(v3_meta["thresholds"]["threat"])
    return {
        "toxicity": v3_meta["thresholds"]["toxicity"],
        "kindness": v3_meta["kindness_threshold"],
    }


def reevaluate(args) -> int:
    """``--evaluate-only``: the heads in ``--out`` (trusted by the hash their metadata records,
    on the pinned encoder) judged again on the held-out rows and the adversarial cases as they
    are now, against the shipped adapter's policy; their claims, calibration and figures are
    rewritten, the weights and the record of their training stay. The rows are rebuilt with the
    seed and parameters the heads recorded, so the held-out and tuning halves are theirs; an
    option given on the command line that differs from the record is refused, not ignored, and
    so are heads that recorded other parameters than this trainer's (trained by an older one).
    A changed claim changes the file's bytes: ``HEADS_SHA256`` must then be pinned anew."""
    path = args.out / ml.METADATA_FILE
    metadata = json.loads(path.read_text(encoding="utf-8"))
    data = ml.read_verified(args.out / ml.HEADS_FILE, metadata["heads_sha256"])
    heads = ml.Heads.from_bytes(data)
    if metadata["encoder"].get("sha256") != ml.ENCODER_SHA256:
        raise SystemExit(f"the heads in {args.out} were trained on another encoder")
    try:
        hashes = v3.file_hashes(args.data)
    except OSError:
        hashes = None
    if hashes != metadata["data_sha256"]:
        raise SystemExit(
            f"{args.data} is not the data the heads in {args.out} were trained on: their "
            "held-out rows could not be rebuilt"
        )
    recorded = {**metadata["parameters"], "seed": metadata["seed"]}
    if set(recorded) != {*PARAMETERS, "seed"}:
        raise SystemExit(
            f"the heads in {args.out} recorded other parameters than this trainer's: retrain them"
        )
    defaults = vars(parse_args([]))
    given = [key for key in recorded if getattr(args, key) not in (defaults[key], recorded[key])]
    if given:
        raise SystemExit(
            "--evaluate-only keeps the heads' recorded "
            + ", ".join(f"--{key.replace('_', '-')} ({recorded[key]})" for key in given)
        )
    for key, value in recorded.items():
        setattr(args, key, value)
    policy = policy_of_the_adapter(args)
    encoder = ml.Encoder(args.threads, adapters=heads.adapters, lora_scale=heads.lora_scale)
    metadata.update(
        {"policy_thresholds": policy, "languages": [], "calibration": {},
         "adversarial_sha256": ml.sha256_hex(args.adversarial.read_bytes()),
         "evaluated": datetime.date.today().isoformat()}
    )  # fmt: skip
    metadata.update(evaluate(data_rows(args), args, encoder, heads, policy))
    write(heads, metadata, args.out)
    report(metadata)
    if args.out.resolve() == OUT.resolve() and metadata["heads_sha256"] != ml.HEADS_SHA256:
        print(
            "the claims changed, and with them the file's bytes: pin the new SHA-256 as "
            "HEADS_SHA256 in kindness_challenge/scoring/multilingual_heads.py"
        )
    return 0


def report(metadata: dict) -> None:
    claimed = ", ".join(metadata["languages"]) or "none"
    print(f"heads SHA-256 {metadata['heads_sha256']}; languages claimed: {claimed}")
    for lang, entry in metadata.get("figures", {}).items():
        test = entry["test"]
        print(f"  {lang}: thresholds {entry['thresholds']}, test toxic published "
              f"{test.get('toxic_published')} of {test['toxic_n']}, positive published "
              f"{test.get('kind_or_positive_published')} of {test['positive_n']}"
              f"{'  CLAIMED' if entry['claimed'] else ''}")  # fmt: skip
        if "adversarial" in entry:
            hard = entry["adversarial"]
            print(f"      adversarial: toxic published {hard.get('toxic_published')} of "
                  f"{hard['toxic_n']}, threats published {hard['threat_published']} of "
                  f"{hard['threat_n']}, kind published "
                  f"{hard.get('kind_or_positive_published')} of {hard['positive_n']}")  # fmt: skip


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.evaluate_only:
        return reevaluate(args)
    if args.finetune_epochs and not 0 < args.alpha / args.rank <= 64:
        raise SystemExit(
            f"--alpha / --rank is {args.alpha / args.rank}: the heads file allows (0, 64]"
        )
    policy = policy_of_the_adapter(args)
    rows = data_rows(args) + augment(args.augment, args.seed) + fr_social(args.fr_social, args.seed)
    encoder = ml.Encoder(args.threads)
    heads = train(rows, args, encoder)
    if args.finetune_epochs:
        heads = finetune(rows, args, encoder, heads)
        encoder = ml.Encoder(args.threads, adapters=heads.adapters, lora_scale=heads.lora_scale)
    metadata = {
        "labels": list(ml.LABELS),
        "encoder": {
            "package": ml.ENCODER_PACKAGE,
            "version": ml.ENCODER_VERSION,
            "sha256": ml.ENCODER_SHA256,
        },  # fmt: skip
        "trained": datetime.date.today().isoformat(),
        "seed": args.seed,
        "data_sha256": v3.file_hashes(args.data),
        "adversarial_sha256": ml.sha256_hex(args.adversarial.read_bytes()),
        "templates_sha256": {
            f"tools/{module.__name__}.py": ml.sha256_hex(Path(module.__file__).read_bytes())
            for module, used in (
                (multilingual_augment, args.augment),
                (fr_comment_templates, args.fr_social),
            )
            if used
        },  # fmt: skip
        "parameters": {key: getattr(args, key) for key in PARAMETERS},
        "rows": {
            "train": sum(not r.held_out for r in rows),
            "held_out": sum(r.held_out for r in rows),
        },
        "policy_thresholds": policy,
        "languages": [],
        "calibration": {},
    }
    if not args.no_eval:
        metadata.update(evaluate(rows, args, encoder, heads, policy))
    # The claims go inside the hash-pinned file; metadata.json repeats them for readers.
    write(heads, metadata, args.out)
    report(metadata)
    return 0


if __name__ == "__main__":
    sys.exit(main())
