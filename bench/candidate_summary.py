"""One line per set: a third-generation adapter's routing, for judging a retrain against a rule.

    .venv/bin/python bench/candidate_summary.py                          # the shipped adapter
    .venv/bin/python bench/candidate_summary.py --v3-dir /tmp/v3         # a retrain, unpinned
    .venv/bin/python bench/candidate_summary.py --v3-dir /tmp/v3 --grid  # at other thresholds too

Each set is routed as the worker routes it (``generations.Generation``: the adapter's recommended
thresholds and kindness threshold, the language detected on each text, the multilingual scorer
as shipped), and the line says how many toxic cases and threats were published and how many
kind cases held (any state but published): the dev set (with its toxic rows per source), the
dev GoEmotions rows relabelled blind, the comment-section choosing sets, the hand-written blind
sets, the self-harm held-out set, the English held-out rows of v2 and, last and marked, the
held-out ``adversarial_blind3``. ``--grid`` repeats the toxic-published / kind-held pairs of the
dev and choosing sets and the English held-out rows of v2 (never blind3) at toxicity 0.3-0.5 by
kindness 0.6-0.9, to tell a better model from the same model at another operating point.
Deterministic: the figures do not depend on the machine's speed.
``bench/routing_quality.py --generations`` prints the full tables with intervals.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

import generations  # noqa: E402

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.core.text.language import detect_languages  # noqa: E402

BENCH = ROOT / "bench"
GRID_SETS = ("dev", "relabelled", "comment_dev2", "blind2", "identity", "v2 held-out en")


def named_sets(metadata: dict) -> dict[str, list]:
    dev = generations.dev_cases()
    held = [case for case in generations.held_out_cases(metadata) if case.lang == "en"]
    english = [case for case in generations.adversarial_cases() if case.lang == "en"]
    return {
        "dev": dev,
        "relabelled": generations.relabelled_cases(dev),
        "comment_dev2": generations.adversarial_cases(generations.COMMENT_DEV2),
        "comment_dev": generations.adversarial_cases(generations.COMMENT_DEV),
        "fresh": generations.adversarial_cases(generations.FRESH),
        "blind2": generations.adversarial_cases(generations.BLIND2),
        "identity": generations.adversarial_cases(generations.IDENTITY),
        "adversarial dev en": english,
        "selfharm_blind": generations.adversarial_cases(generations.SELFHARM_BLIND),
        "v2 held-out en": held,
        "HELD OUT blind3": generations.adversarial_cases(generations.BLIND3),
    }


def counts(cases, states) -> dict[str, int]:
    out = dict.fromkeys(("toxic", "toxic_published", "threats", "threats_published"), 0)
    out |= {"kind": 0, "kind_held": 0}
    for case, state in zip(cases, states, strict=True):
        published = state == "published"
        out["toxic"] += case.toxic
        out["toxic_published"] += case.toxic and published
        out["threats"] += case.threat
        out["threats_published"] += case.threat and published
        out["kind"] += case.kind
        out["kind_held"] += case.kind and not published
    return out


def line(name: str, n: dict[str, int]) -> str:
    def share(k: int, total: int) -> str:
        return f"{k}/{total} ({100 * k / total:.1f}%)" if total else "-"

    return (
        f"{name:<20} toxic published {share(n['toxic_published'], n['toxic']):<16} "
        f"threats published {n['threats_published']}/{n['threats']:<4} "
        f"kind held {share(n['kind_held'], n['kind'])}"
    )


def per_source(cases, states) -> str:
    sources: dict[str, list[int]] = {}
    for case, state in zip(cases, states, strict=True):
        if case.toxic:
            tally = sources.setdefault(case.group, [0, 0])
            tally[0] += state == "published"
            tally[1] += 1
    return ", ".join(f"{name} {k}/{n}" for name, (k, n) in sources.items())


def policy_for(classifier, toxicity: float | None = None, kindness: float | None = None):
    thresholds = {**routing.DEFAULT_THRESHOLDS, **classifier.recommended_thresholds}
    if toxicity is not None:
        thresholds["toxicity"] = toxicity
    return routing.Policy(
        thresholds=thresholds,
        kindness_threshold=classifier.kindness_threshold if kindness is None else kindness,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--v3-dir", type=Path, help="an unpinned adapter (default: the shipped)")
    parser.add_argument("--grid", action="store_true", help="other thresholds too")
    args = parser.parse_args(argv)

    classifier = generations.third_generation(args.v3_dir)
    policy = policy_for(classifier)
    generation = generations.Generation("gen3", classifier, policy)
    thresholds = dict(classifier.recommended_thresholds)
    print(f"adapter {classifier.metadata['adapter_sha256'][:8]}: thresholds {thresholds}, "
          f"kindness >= {policy.kindness_threshold}")  # fmt: skip
    scored = {}
    for name, cases in named_sets(classifier.metadata).items():
        texts = [case.text for case in cases]
        languages = detect_languages(texts)
        scored[name] = (cases, generation.scores(texts), languages)
        states = generation.states(texts, languages)
        print(line(name, counts(cases, states)))
        if name == "dev":
            print(f"{'':<20} toxic published per source: {per_source(cases, states)}")
    if args.grid:
        print("\ntoxic published / kind held at other points (never the held-out blind3)")
        for toxicity in (0.3, 0.4, 0.5):
            for kindness in (0.6, 0.7, 0.8, 0.9):
                other = policy_for(classifier, toxicity, kindness)
                cells = []
                for name in GRID_SETS:
                    cases, scores, languages = scored[name]
                    states = [
                        routing.route_submission(
                            case.text, score, other, language=language,
                            covered_languages=generation.languages,
                        ).state.value
                        for case, score, language in zip(cases, scores, languages, strict=True)
                    ]  # fmt: skip
                    n = counts(cases, states)
                    threats = f" T{n['threats_published']}" if n["threats_published"] else ""
                    cells.append(f"{name} {n['toxic_published']}/{n['kind_held']}{threats}")
                print(f"{toxicity} {kindness}  " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
