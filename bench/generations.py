"""The second and third generation of the embedded classifier, side by side, in one run.

Called by ``bench/routing_quality.py --generations`` (see there). For each generation: every
text goes through ``routing.route_submission`` with the default policy plus the classifier's
recommended thresholds (and, for generation 3, its kindness threshold), the language detected
on the text and the classifier's claimed languages, as the worker routes it.

Evaluated on:

* ``dev``: ``moderation-dev`` (never trained on by generation 3; generation 2's heads were
  fitted on it, so its dev figures are in-sample and flattering unless ``--refit``);
* ``v2-held-out``: the held-out folds of ``moderation-train-v2`` that generation 3 never trained
  on (``tools/train_classifier_v3.held_out_sample``, the seed and share from its metadata),
  less the non-English rows the multilingual heads chose their operating points on (their
  tuning half), so a language is never measured on rows its thresholds were picked with;
  generation 2 never saw any v2 row;
* ``adversarial``: ``bench/adversarial_dev.jsonl``, hand-written cases in English and (families
  ``fr:*``, ``de:*``, ``pt:*``, ``ar:*``) French, German, Portuguese and Arabic, worded apart
  from the training templates of ``tools/v3_augment.py`` and ``tools/multilingual_augment.py``;
* ``fresh``: ``bench/adversarial_fresh.jsonl``, 145 English cases written blind (by a helper that
  read no template, training row or other dev case) from a list of families: calm threats and
  their harmless twins, sarcastic and sincere thanks, friendly-wrapped insults, cheerful hate,
  hopeful support, harmless positive text, quiet bullying, self-harm incitement. No model was
  tuned on them (they did help choose between retrained candidates, so they are not wholly
  unseen);
* ``blind2``: ``bench/adversarial_blind2.jsonl``, 160 English cases written blind by a second
  helper after generation 3 shipped (backhanded compliments, pile-ons, dog whistles, mixed
  messages, veiled threats and self-harm nudges; genuine hype, support and identity-positive
  posts; dark but harmless and neutral chat). No model, threshold or candidate was chosen on
  them, but the brief for ``tools/v3_social_templates.py`` was written after reading generation
  3's (c82523c7's) failures on them and paraphrased several: for an adapter trained with those
  templates they are seen, not held out;
* ``blind3``: ``bench/adversarial_blind3.jsonl``, 196 English cases written by a helper that read
  nothing in this repository or its data, given only family names, after the social templates
  were written; no template was written from them and no model, threshold or candidate chosen on
  them: the held-out yardstick;
* ``comment``: ``bench/comment_dev.jsonl``, 255 English comment-section cases (kind replies in
  slang, support, thanks, counter-speech, identity-positive posts, warm comments with an edge;
  neutral questions and opinions; slang insults, backhanded compliments, sarcastic thanks,
  pile-ons, identity jabs, calm stereotypes, self-harm incitement, calm threats) written by a
  helper that read nothing in this repository, after the comparison of the then-shipped adapter
  (c82523c7) with the social-template retrains on ``blind3``. Unlike ``blind3`` it is a
  development set: meant for choosing between candidates in the register the campaign actually
  gets (the template tests keep training text from sharing wording with it; of the 260 written,
  5 that shared seven words in a row with an earlier template, or were one, were dropped);
* ``comment2``: ``bench/comment_dev2.jsonl``, 410 English comment-section cases in 21 families
  (praise in slang and plain words, teasing affection, defending the creator, identity praise,
  comfort, gratitude, encouragement, congratulations; questions, opinions, self-deprecating jokes,
  polite disagreement; backhanded compliments, sarcastic praise, slang put-downs, mockery of looks
  or voice, exclusion, cheerful prejudice; veiled threats and self-harm nudges), written by two
  helpers that read nothing on this machine but a brief of family names, after
  ``tools/v3_comment_bank.jsonl`` was written (whose brief paraphrased ``comment`` and ``fresh``
  failures, so those two are seen by an adapter trained on it; the bank's sincere twins were
  prompted by this set's failures, so it is read by an adapter trained on them). 16 cases that
  shared seven words in a row (stock phrases) with the bank, a template or a bench set were
  dropped. For choosing;
* ``identity``: ``bench/adversarial_identity.jsonl``, 200 English cases written by a helper that
  read nothing in this repository, at the same time as and apart from
  ``tools/v3_identity_templates.py`` (whose writer read no bench file): counter-speech, hope and
  solidarity, identity pride and neutral mentions of groups, beside calm and cheerfully worded
  prejudice, calm threats against groups and comments that mix the two. The ship rule for the
  ``--identity`` retrains read it, so from then on it is a set for choosing, like ``comment``,
  not a held-out estimate;
* the dev set's GoEmotions rows relabelled blind (``RELABEL``);
* disguised and padded copies of the dev toxic rows (``disguise.py``, and ``PADDINGS`` here):
  the change in the share auto-published, in points.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.core.text.language import detect_languages  # noqa: E402
from kindness_challenge.core.text.scoring_form import scoring_text  # noqa: E402

DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")
ADVERSARIAL = ROOT / "bench" / "adversarial_dev.jsonl"
FRESH = ROOT / "bench" / "adversarial_fresh.jsonl"
BLIND2 = ROOT / "bench" / "adversarial_blind2.jsonl"
BLIND3 = ROOT / "bench" / "adversarial_blind3.jsonl"
COMMENT_DEV = ROOT / "bench" / "comment_dev.jsonl"
IDENTITY = ROOT / "bench" / "adversarial_identity.jsonl"
COMMENT_DEV2 = ROOT / "bench" / "comment_dev2.jsonl"
# Self-harm incitement beside caring replies on the same topics and harmless mentions, each
# written blind by a helper: the first was read while the guard was designed, the second never.
SELFHARM_DEV = ROOT / "bench" / "selfharm_dev.jsonl"
SELFHARM_BLIND = ROOT / "bench" / "selfharm_blind.jsonl"
# The dev set's 500 GoEmotions "kind" rows, labelled again by reading each text alone (blind to
# every score): kind toward someone, harmless (positive about things, not kind toward anyone) or
# unkind (condescension, sarcasm, wishing harm). Keyed by the text's SHA-256; no text stored.
RELABEL = ROOT / "bench" / "dev_kind_relabel.jsonl"
Z = 1.959964
# A decorated nudge's tail (emoji and hashtags), for the multilingual scorer's second reading.
DECORATION = " \U0001f525\U0001f525 #fyp #dance"
# Harmless padding around a toxic row: (name, before, after). Worded apart from the training
# templates' tails and kind sentences.
PADDINGS = (
    ("number", "", " [12345-7]"),
    ("hashtags", "", " #weekend #sunshine #family"),
    ("emoji", "", " \U0001f33b\U0001f308\U0001f970"),
    ("filler", "", " well, that is all I wanted to say for now, see you around"),
    ("kind-wrap", "What a gorgeous morning it is, I hope you all slept well. ",
     " Anyway, sending warm wishes to everyone reading this."),
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    text: str
    group: str  # the source (dev, v2) or family (adversarial)
    lang: str
    toxic: bool
    threat: bool
    kind: bool  # kind, or (v2 multilingual) a positive tweet
    category: str = ""


def wilson(k: int, n: int) -> tuple[float, float]:
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def cell(k: int, n: int) -> str:
    if n == 0:
        return f"{'-':>18}"
    low, high = wilson(k, n)
    return f"{100 * k / n:5.1f} [{100 * low:4.1f}-{100 * high:5.1f}] {n:>4}"


def dev_cases() -> list[Case]:
    out = []
    for name in ("toxic.jsonl", "ok.jsonl"):
        with open(DATA / "moderation-dev" / name, encoding="utf-8") as lines:
            for line in lines:
                r = json.loads(line)
                source = r["category"].split(":", 1)[0]
                toxic = r["label"] == "toxic"
                threat = r["category"].startswith("hatecheck:threat")
                out.append(Case(r["text"], source, "en", toxic, threat,
                                not toxic and source == "goemotions", r["category"]))  # fmt: skip
    return out


def relabelled_cases(dev: Sequence[Case]) -> list[Case]:
    """The dev GoEmotions rows with their blind relabel (``RELABEL``): group = the new label;
    unkind rows count as toxic (so "toxic auto-published" is unkind published), kind rows as
    kind."""
    import hashlib

    with open(RELABEL, encoding="utf-8") as lines:
        labels = {r["sha256"]: r["label"] for r in map(json.loads, lines)}
    out = []
    for case in dev:
        label = labels.get(hashlib.sha256(case.text.encode()).hexdigest())
        if label is not None:
            out.append(Case(case.text, label, "en", label == "unkind", False, label == "kind",
                            case.category))  # fmt: skip
    return out


def held_out_cases(metadata: dict, data: Path = DATA) -> list[Case]:
    import train_classifier_v3 as t3

    params = metadata["parameters"]
    rows = t3.read_rows(data, metadata["seed"], params["holdout"], params.get("kind_toward", False))
    held = t3.held_out_sample(rows, params.get("eval_cap", 120), metadata["seed"])
    heads = multilingual_split()
    # v2's rows only: an adapter trained with --kind-toward also holds out moderation-train's
    # GoEmotions rows, which gen 2's heads were trained on.
    return [
        Case(r.text, r.source, r.lang, r.toxic == 1, r.threat == 1,
             r.kind == 1 or r.category == "xlmt:positive")
        for r in held
        if r.source != "goemotions"
        and (r.lang == "en" or heads is None or measured_on(r.text, *heads))
    ]  # fmt: skip


def multilingual_split() -> tuple[int, float] | None:
    """The shipped multilingual heads' seed and held-out share (their held-out rows and tuning
    half are drawn from them), or None without readable heads metadata (then no language is
    scored by them either)."""
    from kindness_challenge.scoring.multilingual_heads import HEADS_DIR, METADATA_FILE

    try:
        metadata = json.loads((HEADS_DIR / METADATA_FILE).read_text(encoding="utf-8"))
        return int(metadata["seed"]), float(metadata["parameters"]["holdout"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def measured_on(text: str, seed: int, holdout: float) -> bool:
    """Whether the multilingual heads held ``text`` out and did not pick their operating points
    on it: the rows a language of theirs may be measured on (whatever seed the fine-tuned
    adapter's own folds came from)."""
    import train_classifier_v3 as t3
    import train_multilingual_heads

    return t3.held_out(text, seed, holdout) and not train_multilingual_heads.tune_half(text, seed)


def adversarial_cases(path: Path = ADVERSARIAL) -> list[Case]:
    out = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            out.append(Case(r["text"], r["family"], r.get("lang", "en"), r["toxic"],
                            r.get("threat", False), r.get("kind", False)))  # fmt: skip
    return out


class Generation:
    """A classifier, the policy it runs under, and a score cache."""

    def __init__(self, label: str, classifier, policy: routing.Policy) -> None:
        self.label = label
        self.classifier = classifier
        self.policy = policy
        self.languages = frozenset(classifier.languages)
        self._scores: dict[str, dict[str, float]] = {}

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        missing = sorted({scoring_text(t) for t in texts} - set(self._scores), key=len)
        for start in range(0, len(missing), 256):
            batch = missing[start : start + 256]
            self._scores.update(zip(batch, self.classifier.score_batch(batch), strict=True))
        return [self._scores[scoring_text(t)] for t in texts]

    def states(self, texts: Sequence[str], languages: Sequence[str | None]) -> list[str]:
        out = []
        for text, score, language in zip(texts, self.scores(texts), languages, strict=True):
            decision = routing.route_submission(
                text, score, self.policy, language=language, covered_languages=self.languages
            )
            out.append(decision.state.value)
        return out


def third_generation(folder: Path | None, clause_scoring: bool | None = None, multilingual=True):
    """The shipped model, or (for trying a new one before it is pinned) the adapter in
    ``folder``, trusting the hash its metadata records; clause scoring as its metadata says
    unless ``clause_scoring`` is given; with the shipped multilingual heads unless
    ``multilingual`` is False (English only)."""
    from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier, read_metadata
    from kindness_challenge.scoring.selfharm_guard import GuardFileError

    options = {"threads": 2, "clause_scoring": clause_scoring, "multilingual": multilingual}
    if folder is None:
        return FinetunedClassifier(**options)
    sha = read_metadata(folder)["adapter_sha256"]
    try:
        return FinetunedClassifier(folder, adapter_sha256=sha, **options)
    except GuardFileError as error:  # a candidate the shipped guard does not fit: measured bare
        print(f"(the self-harm guard is left out: {error})")
        return FinetunedClassifier(folder, adapter_sha256=sha, guard=False, **options)


# Generation 3 variants: the label and how it runs (--v3-clauses both: with and without clause
# scoring; --v3-languages both: with and without the multilingual heads).
THIRD = {
    "gen3": {},
    "gen3 whole-text": {"clause_scoring": False},
    "gen3 clauses": {"clause_scoring": True},
    "gen3 English only": {"multilingual": False},
}


def generations(
    refit_note: str, folder: Path | None = None, variants: Sequence[str] = ("gen3",)
) -> list[Generation]:
    from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier

    g2 = SentenceEmbeddingClassifier(threads=2)
    p2 = routing.Policy(thresholds={**routing.DEFAULT_THRESHOLDS, **g2.recommended_thresholds})
    out = [Generation(f"gen2 {refit_note}".strip(), g2, p2)]
    for label in variants:
        g3 = third_generation(folder, **THIRD[label])
        p3 = routing.Policy(
            thresholds={**routing.DEFAULT_THRESHOLDS, **g3.recommended_thresholds},
            kindness_threshold=g3.kindness_threshold,
        )
        out.append(Generation(label, g3, p3))
    return out


def rates(cases: Sequence[Case], states: Sequence[str], key) -> dict[str, dict[str, tuple]]:
    """Per key(case) and 'all': (k, n) for toxic published, kind to review, harmless rejected,
    threat published, harmless-not-kind to review."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for case, state in zip(cases, states, strict=True):
        for group in (key(case), "all"):
            c = counts[group]
            if case.toxic:
                c["toxic_pub"][0] += state == "published"
                c["toxic_pub"][1] += 1
            else:
                c["harmless_rej"][0] += state == "rejected"
                c["harmless_rej"][1] += 1
                which = "kind_review" if case.kind else "other_review"
                c[which][0] += state == "needs_review"
                c[which][1] += 1
            if case.threat:
                c["threat_pub"][0] += state == "published"
                c["threat_pub"][1] += 1
    return counts


COLUMNS = (("toxic_pub", "toxic auto-published"), ("kind_review", "kind sent to review"),
           ("threat_pub", "threats auto-published"), ("harmless_rej", "harmless rejected"),
           ("other_review", "other harmless to review"))  # fmt: skip


def table(title: str, cases: Sequence[Case], gens: Sequence[Generation], key) -> None:
    languages = detect_languages([c.text for c in cases])
    per_gen = [rates(cases, g.states([c.text for c in cases], languages), key) for g in gens]
    groups = sorted({key(c) for c in cases}) + ["all"]
    print(f"\n## {title} ({len(cases)} rows): % [95% Wilson interval] n")
    for column, name in COLUMNS:
        if not any(per_gen[0][g][column][1] for g in groups):
            continue
        print(f"\n{name:<26}" + "".join(f"{g.label:<29}" for g in gens))
        for group in groups:
            if not per_gen[0][group][column][1]:
                continue
            print(f"  {group:<24}" + "".join(f"{cell(*r[group][column]):<29}" for r in per_gen))


def costs(title: str, cases: Sequence[Case], gens: Sequence[Generation], variants) -> None:
    """Points auto-published: each variant of the toxic dev rows minus the clean rows."""
    toxic = [c for c in cases if c.toxic]
    texts = [c.text for c in toxic]
    clean = [sum(s == "published" for s in g.states(texts, detect_languages(texts))) for g in gens]
    shares = ", ".join(
        f"{g.label} {100 * k / len(toxic):.1f}%" for g, k in zip(gens, clean, strict=True)
    )
    print(
        f"\n## {title}: dev toxic rows auto-published, variant minus clean (points; clean {shares})"
    )
    print(f"  {'variant':<14}" + "".join(f"{g.label:<29}" for g in gens))
    for name, change in variants:
        changed = [change(c.text, i) for i, c in enumerate(toxic)]
        languages = detect_languages(changed)
        row = []
        for g, k0 in zip(gens, clean, strict=True):
            k = sum(s == "published" for s in g.states(changed, languages))
            row.append(f"{100 * (k - k0) / len(toxic):+5.1f} ({100 * k / len(toxic):4.1f}%)")
        print(f"  {name:<14}" + "".join(f"{r:<29}" for r in row))


def performance(which: str, folder: Path | None) -> dict:
    """In this (fresh) process: load one generation, then comments/s in batches of 32, a single
    nudge's latency, and the process's peak memory."""
    from routing_quality import read_dev

    texts = [row.text for row in read_dev()][:512]
    if which in THIRD:
        classifier = third_generation(folder, **THIRD[which])
    else:
        from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier

        classifier = SentenceEmbeddingClassifier(threads=2)
    classifier.score_batch(texts[:32])
    started = time.perf_counter()
    for start in range(0, len(texts), 32):
        classifier.score_batch(texts[start : start + 32])
    per_second = len(texts) / (time.perf_counter() - started)
    single, single_other = [], []
    # 200 nudges: the p95 of 60 was their fourth-slowest, and moved 10-17 ms between runs.
    for text in texts[:200]:
        t0 = time.perf_counter()
        classifier.score_batch([text])
        single.append(1000 * (time.perf_counter() - t0))
    other = sorted(set(getattr(classifier, "languages", ())) - {"en"})
    decorated = []
    if other:  # a nudge in a language the multilingual heads score (held-out rows)
        held = [case.text for case in held_out_cases(classifier.metadata) if case.lang in other]
        for text in held[:60]:
            t0 = time.perf_counter()
            classifier.score_batch([text])
            single_other.append(1000 * (time.perf_counter() - t0))
        # The same with emoji and hashtags after it: such a text is read twice, as written and
        # without its decoration (``score_texts(..., undecorated_too=True)``).
        for text in held[:60]:
            t0 = time.perf_counter()
            classifier.score_batch([text + DECORATION])
            decorated.append(1000 * (time.perf_counter() - t0))
        # The tail can tip a short text's detected language: count those still read by e5.
        still = sum(
            language is not None
            for language in classifier.other_languages([t + DECORATION for t in held[:60]])
        )
    return {
        "other_languages": other,
        "other_nudge_ms_median": round(statistics.median(single_other), 1)
        if single_other
        else None,
        "other_decorated_nudge_ms_median": round(statistics.median(decorated), 1)
        if decorated
        else None,
        "other_decorated_still_other": f"{still} of {len(decorated)}" if decorated else None,
        "comments_per_s": round(per_second, 1),
        "nudge_ms_median": round(statistics.median(single), 1),
        "nudge_ms_p95": round(sorted(single)[int(0.95 * len(single)) - 1], 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> int:
    """This process's peak resident memory. Linux's ``ru_maxrss`` would not do: a child started
    by fork and exec keeps the parent's peak from before the exec (so every generation measured
    from this bench reported the bench's own size); ``VmHWM`` belongs to the process's own
    memory map."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def cpu_summary(cpuinfo: str | None = None, cores: int | None = None) -> str:
    """The CPU the figures come from: its model, the cores this process may use and the widest
    vector instructions. Latency is hardware-bound: gen 2's single nudge took 6.0 ms (median) on
    a 2-core Zen 4 host with AVX-512 and 10.9 ms on a 2-core AVX2-only one, so compare figures
    from one run only. ``/proc/cpuinfo`` (Linux, x86) names the model and the instructions;
    elsewhere they read "unknown CPU" and "no AVX"."""
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            cpuinfo = ""
    if cores is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 0
    model, flags = "unknown CPU", set()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and model == "unknown CPU":
            model = value.strip()
        elif key == "flags" and not flags:
            flags = set(value.split())
    vector = next((name for name in ("avx512_vnni", "avx512f", "avx2", "avx") if name in flags),
                  "no AVX")  # fmt: skip
    count = "? cores" if not cores else f"{cores} core{'s' * (cores != 1)}"
    return f"{model}, {count}, {vector.upper().replace('_', ' ')}"


def throughput_table(gens: Sequence[Generation], folder: Path | None) -> None:
    print("\n## throughput (a fresh process each, 2 torch threads, 512 dev comments)")
    print(f"  on {cpu_summary()}")
    for g in gens:
        which = g.label if g.label in THIRD else "gen2"
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generations.py"), "--performance", which,
             *([str(folder)] if folder else [])],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        numbers = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {g.label:<20} {numbers['comments_per_s']:7.1f} comments/s batched; single "
              f"nudge {numbers['nudge_ms_median']:.1f} ms median, {numbers['nudge_ms_p95']:.1f} "
              f"ms p95; peak memory {numbers['peak_rss_mb']} MB per process")  # fmt: skip
        if numbers.get("other_nudge_ms_median") is not None:
            print(f"  {'':<20} single nudge in {', '.join(numbers['other_languages'])} "
                  f"(held-out rows): {numbers['other_nudge_ms_median']:.1f} ms median; with "
                  f"emoji and hashtags after it (read twice): "
                  f"{numbers['other_decorated_nudge_ms_median']:.1f} ms median, "
                  f"{numbers['other_decorated_still_other']} still read by the multilingual "
                  "scorer")  # fmt: skip


def run(
    families: Sequence[str] | None, folder: Path | None = None, limit: int | None = None,
    refit_note: str = "(dev in-sample)", variants: Sequence[str] = ("gen3",),
) -> None:  # fmt: skip
    """Print every table; ``limit``: every k-th row of each set so at most ``limit`` remain (a
    quick look, not a figure to report)."""
    from disguise import FAMILIES, disguise

    def cut(cases):
        return cases if not limit or len(cases) <= limit else cases[:: -(-len(cases) // limit)]

    gens = generations(refit_note, folder, variants)
    metadata = gens[1].classifier.metadata
    for g in gens:
        print(f"{g.label}: {g.classifier.description}")
        print(
            f"  policy: thresholds {dict((k, g.policy.thresholds[k]) for k in g.classifier.labels if k in g.policy.thresholds)}, "  # noqa: E501
            f"kindness >= {g.policy.kindness_threshold}; languages {sorted(g.languages)}"
        )
    started = time.perf_counter()
    dev = cut(dev_cases())
    table("moderation-dev, per source", dev, gens, lambda c: c.group)
    # The dev set's "kind" rows are every GoEmotions row with a positive emotion; many are not
    # kind toward anyone (optimism about an election, sarcasm): the review share per emotion.
    table("moderation-dev kind rows, per GoEmotions emotion", [c for c in dev if c.kind], gens,
          lambda c: c.category)  # fmt: skip
    table("moderation-dev GoEmotions rows relabelled blind (bench/dev_kind_relabel.jsonl): kind "
          "toward someone / harmless / unkind (unkind counts as toxic)", relabelled_cases(dev),
          gens, lambda c: c.group)  # fmt: skip
    held = cut(held_out_cases(metadata))
    table("moderation-train-v2 held-out folds, per source", held, gens, lambda c: c.group)
    table("moderation-train-v2 held-out folds, per language", held, gens, lambda c: c.lang)
    table("hand-written adversarial dev cases, per family", adversarial_cases(), gens,
          lambda c: c.group)  # fmt: skip
    table("comment-section dev cases written blind, for choosing (bench/comment_dev.jsonl), per "
          "family", adversarial_cases(COMMENT_DEV), gens, lambda c: c.group)  # fmt: skip
    table("comment-section cases written blind after the comment bank, for choosing "
          "(bench/comment_dev2.jsonl), per family", adversarial_cases(COMMENT_DEV2), gens,
          lambda c: c.group)  # fmt: skip
    table("hand-written adversarial cases written blind (bench/adversarial_fresh.jsonl), per "
          "family", adversarial_cases(FRESH), gens, lambda c: c.group)  # fmt: skip
    table("hand-written cases written blind after generation 3 first shipped; the social "
          "templates' brief drew on its failures (bench/adversarial_blind2.jsonl), per family",
          adversarial_cases(BLIND2), gens, lambda c: c.group)  # fmt: skip
    table("HELD OUT: hand-written cases written blind, never used to write a template or choose "
          "(bench/adversarial_blind3.jsonl), per family", adversarial_cases(BLIND3), gens,
          lambda c: c.group)  # fmt: skip
    table("counter-speech, hope and identity pride beside prejudice about the same groups, "
          "written blind (bench/adversarial_identity.jsonl), per family",
          adversarial_cases(IDENTITY), gens, lambda c: c.group)  # fmt: skip
    table("self-harm incitement beside caring replies, written blind; read while the self-harm "
          "guard was designed (bench/selfharm_dev.jsonl), per family",
          adversarial_cases(SELFHARM_DEV), gens, lambda c: c.group)  # fmt: skip
    table("HELD OUT: self-harm incitement beside caring replies, written blind, never used to "
          "choose (bench/selfharm_blind.jsonl), per family", adversarial_cases(SELFHARM_BLIND),
          gens, lambda c: c.group)  # fmt: skip
    chosen = families or list(FAMILIES)
    costs("disguise cost (scoring_text as in production)", dev, gens,
          [(f, lambda text, i, f=f: disguise(text, f, i)) for f in chosen])  # fmt: skip
    costs("padding cost", dev, gens,
          [(name, lambda text, i, b=before, a=after: b + text + a)
           for name, before, after in PADDINGS])  # fmt: skip
    print(f"\n(evaluation took {time.perf_counter() - started:.0f} s)")
    throughput_table(gens, folder)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--performance"]:
        print(json.dumps(performance(sys.argv[2], Path(sys.argv[3]) if sys.argv[3:] else None)))
