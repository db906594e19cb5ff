#!/usr/bin/env python3
"""What would happen if the multilingual heads claimed a language: the hand-written cases routed
as the worker routes them.

    .venv/bin/python bench/multilingual_claims.py          # the service as shipped (e5 scorer)
    .venv/bin/python bench/multilingual_claims.py --e5 /tmp/e5   # a candidate e5 scorer
    .venv/bin/python bench/multilingual_claims.py --heads /tmp/ml --languages fr,pt
    .venv/bin/python bench/multilingual_claims.py --languages de,pt,ar

With no ``--languages``, the shipped classifier routes as the service does: the e5 scorer
(``scoring/e5_heads.py``) scores the languages it claims, every other language goes to review.
``--e5`` puts a candidate trained by ``tools/train_e5_heads.py --out`` in its place (trusted by
the hash its own metadata records), with the claims and calibration its trainer wrote.
With ``--languages``, the USE heads (``--heads``, default the shipped ``scoring/multilingual/``; a
candidate is trusted by the hash its own metadata records) are made to claim them at the
operating points their trainer picked for them on the tuning half (``metadata.json``'s
``figures``), calibrated onto the shipped adapter's default thresholds exactly as a claim would
be. Then every non-English case of these sets is routed by ``routing.route_submission`` with the
shipped adapter's policy, the language detected on the text as the worker detects it:

* ``bench/adversarial_dev.jsonl``'s ``fr:*``, ``de:*``, ``pt:*`` and ``ar:*`` families: the
  development cases the trainer's claim rule reads (at most 10% of the toxic ones published, no
  threat);
* ``bench/adversarial_dev_fr2.jsonl``: 106 more French development cases in the same families
  (and harmless ones), written by a helper that read nothing in this repository; the claim rule
  reads them too;
* ``bench/adversarial_blind_fr.jsonl``: 177 cases written by a helper that read nothing in this
  repository (147 French comment-section cases: calm threats, self-harm incitement, sarcastic
  thanks, cheerful hate, quiet bullying, insults, kind replies, caring messages worded like
  threats, harmless remarks; and 30 mixing French and English: an English insult or threat in
  French padding, the reverse, and kind mixed replies). Of the 180 written, 3 that shared seven
  words in a row with an earlier French template (``tools/fr_comment_templates.py``) were
  dropped. Never trained on and never used to write a template: the held-out check before a
  language is claimed. Its 30 mixed cases were looked at while the mixed-language check of
  ``core/text/language`` was written, so for that check they are development cases;
* ``bench/adversarial_blind_de.jsonl``, ``_pt`` and ``_ar``: 147 German, Portuguese and Arabic
  comment-section cases each, in the French set's families, written by three helpers that read
  nothing in this repository (each also wrote the 29 dev cases of its language). No template
  was written from them and nothing was tuned on them.

It prints, per family, how many cases were published, held for review or rejected and which
language the detector gave them, then toxic, threats and kind published per set. With
``--costs``, for each claimed language: its toxic cases (development and blind) padded with a
harmless tail or wrap in that language (``PADDINGS``, worded apart from every template) and
disguised by each family of ``bench/disguise.py``, published minus published as written. English is
scored by the fine-tuned model as always (a case detected as English never reaches the heads).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generations import PADDINGS as PADDINGS_EN  # noqa: E402

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.scoring import e5_heads as eh  # noqa: E402
from kindness_challenge.scoring import multilingual_heads as ml  # noqa: E402
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier  # noqa: E402
from kindness_challenge.scoring.prepare import detect_languages, scoring_texts  # noqa: E402

# The development cases (the claim rule's), then every blind set of another language
# (``adversarial_blind_<lang>.jsonl``).
SETS = (
    ROOT / "bench" / "adversarial_dev.jsonl",
    ROOT / "bench" / "adversarial_dev_fr2.jsonl",
    *sorted((ROOT / "bench").glob("adversarial_blind_[a-z][a-z].jsonl")),
)


def claiming(folder: Path, languages: list[str], policy: dict[str, float]) -> ml.MultilingualScorer:
    """The heads in ``folder``, claiming ``languages`` at their tuned operating points."""
    metadata = json.loads((folder / ml.METADATA_FILE).read_text(encoding="utf-8"))
    scorer = ml.MultilingualScorer(folder, heads_sha256=metadata["heads_sha256"], threads=2)
    calibration = {}
    for language in languages:
        point = metadata["figures"][language]["thresholds"]
        calibration[language] = {
            label: round(ml.logit(policy[label]) - ml.logit(point[label]), 6)
            for label in ml.CALIBRATED
        }
    old = scorer.heads
    scorer.heads = ml.Heads(
        old.weight, old.bias, languages, calibration, old.adapters, old.lora_scale
    )
    scorer.languages = frozenset(languages)
    scorer.calibration = scorer.heads.calibration
    return scorer


# Harmless padding in each language: (name, before, after). Numbers, hashtags and emoji are the
# English bench's; emoji in front, emoticons, symbols, the filler and the kind wraps are written
# for this bench, apart from the templates (the French kind wrap with emoji after a review found
# that a decorated clause escaped the undecorated reading).
_SHARED_PADDINGS = (
    *(padding for padding in PADDINGS_EN if padding[0] in ("number", "hashtags", "emoji")),
    ("lead-emoji", "\U0001f60d\U0001f60d\U0001f60d ", ""),
    ("emoticons", "^^ :) ", " :D <3"),
    ("symbols", "", " \u2661\u2661\u2661 \u2605"),
)
PADDINGS = {
    "fr": (
        ("kind-emoji", "Trop belle vidéo \U0001f60d\U0001f60d, merci ! ",
         " \U0001f970\U0001f970\U0001f970 #love"),
        ("filler", "", " bon, c'est tout ce que je voulais dire pour l'instant, à plus tard"),
        ("kind-wrap", "Quelle belle matinée, j'espère que vous avez tous bien dormi. ",
         " Bref, plein de bonnes ondes à tous ceux qui lisent ceci."),
    ),
    "de": (
        ("filler", "", " naja, das war alles, was ich gerade sagen wollte, bis später"),
        ("kind-wrap", "Was für ein herrlicher Morgen, ich hoffe, ihr habt alle gut geschlafen. ",
         " Wie auch immer, liebe Grüße an alle, die das hier lesen."),
    ),
    "pt": (
        ("filler", "", " bom, era só isso que eu queria dizer por agora, até mais"),
        ("kind-wrap", "Que manhã linda, espero que todo mundo tenha dormido bem. ",
         " Enfim, um abraço carinhoso pra todo mundo que está lendo."),
    ),
    "ar": (
        ("filler", "", " طيب، هذا كل ما أردت قوله الآن، أراكم لاحقاً"),
        ("kind-wrap", "يا له من صباح جميل، أتمنى أنكم نمتم جيداً. ",
         " على كل حال، تحياتي الحارة لكل من يقرأ هذا."),
    ),
}  # fmt: skip


def read_cases(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines]
    return [case for case in cases if case.get("lang", "en") != "en"]


def share(states: list[str]) -> str:
    published = sum(state == "published" for state in states)
    return f"{published}/{len(states)}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--heads", type=Path, default=ml.HEADS_DIR)
    parser.add_argument(
        "--languages",
        help="comma-separated: make the USE heads (--heads) claim these; default: the service "
        "as shipped (the e5 scorer and what it claims)",
    )  # fmt: skip
    parser.add_argument("--e5", type=Path, help="a candidate e5 scorer's folder")
    parser.add_argument(
        "--costs", action="store_true",
        help="also padding and disguise costs on each claimed language's toxic cases",
    )  # fmt: skip
    args = parser.parse_args(argv)

    if args.e5:
        metadata = eh.read_metadata(args.e5)
        scorer = eh.E5Scorer(args.e5, top_sha256=metadata["top_sha256"], threads=2)
        classifier = FinetunedClassifier(multilingual=scorer, threads=2)
    elif args.languages:
        adapter = FinetunedClassifier(multilingual=False, threads=2)
        policy = {"toxicity": adapter.recommended_thresholds["toxicity"],
                  "kindness": adapter.kindness_threshold}  # fmt: skip
        scorer = claiming(args.heads, args.languages.split(","), policy)
        classifier = FinetunedClassifier(multilingual=scorer, threads=2)
    else:
        classifier = FinetunedClassifier(threads=2)
        scorer = classifier.multilingual
        if scorer is None:
            print("the shipped multilingual scorer is not usable here (see the log)")
            return 1
    routing_policy = routing.Policy(
        thresholds={**routing.DEFAULT_THRESHOLDS, **classifier.recommended_thresholds},
        kindness_threshold=classifier.kindness_threshold,
    )
    print(f"heads {scorer.version}, claiming {', '.join(sorted(scorer.languages))}")

    def route(texts: list[str]) -> tuple[list[str], list[str | None]]:
        forms = scoring_texts(texts)
        languages = detect_languages(forms)
        scores = classifier.score_batch(forms)
        states = [
            routing.route_submission(
                text, score, routing_policy, language=language,
                covered_languages=classifier.languages,
            ).state.value
            for text, score, language in zip(texts, scores, languages, strict=True)
        ]  # fmt: skip
        return states, languages

    for path in SETS:
        cases = read_cases(path)
        states, languages = route([case["text"] for case in cases])
        families: dict[str, Counter] = defaultdict(Counter)
        for case, state, language in zip(cases, states, languages, strict=True):
            families[case["family"]][state] += 1
            families[case["family"]][f"detected {language}"] += 1
        print(f"\n{path.name} ({len(cases)} non-English cases)")
        for family in sorted(families):
            print(f"  {family:28s} {dict(sorted(families[family].items()))}")
        for group in sorted({case["family"].split(":", 1)[0] + ":" for case in cases}):
            chosen = [(c, s) for c, s in zip(cases, states, strict=True)
                      if c["family"].startswith(group)]  # fmt: skip
            toxic = [s for c, s in chosen if c["toxic"]]
            threats = [s for c, s in chosen if c.get("threat")]
            kind = [s for c, s in chosen if c.get("kind")]
            print(f"  {group:8s} toxic published {share(toxic)}, threats published "
                  f"{share(threats)}, kind published {share(kind)}")  # fmt: skip
    if args.costs:
        costs(route, sorted(scorer.languages))
    return 0


def costs(route, languages: list[str]) -> None:
    """Padding and disguise: points of each language's toxic cases published, variant minus
    as written."""
    from disguise import FAMILIES, disguise

    for language in languages:
        toxic = [
            case["text"]
            for path in SETS
            for case in read_cases(path)
            if case.get("lang") == language and case["toxic"]
        ]
        if not toxic:
            continue
        clean = route(toxic)[0].count("published")
        print(
            f"\n{language}: {len(toxic)} toxic cases (development and blind), {clean} published "
            "as written; variant: published (points minus as written)"
        )
        variants = [
            (name, lambda text, i, b=before, a=after: b + text + a)
            for name, before, after in (*_SHARED_PADDINGS, *PADDINGS.get(language, ()))
        ]
        variants += [(f, lambda text, i, f=f: disguise(text, f, i)) for f in FAMILIES]
        for name, change in variants:
            published = route([change(text, i) for i, text in enumerate(toxic)])[0]
            k = published.count("published")
            print(f"  {name:<12} {k:3d}/{len(toxic)} ({100 * (k - clean) / len(toxic):+5.1f})")


if __name__ == "__main__":
    sys.exit(main())
