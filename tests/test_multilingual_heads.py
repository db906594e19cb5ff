"""The multilingual heads (Universal Sentence Encoder Multilingual + logistic heads): trained
deterministically on a tiny data folder, loaded with sockets refused, a changed heads file or
encoder file refused, an encoder that cannot load failing closed, each claimed language
calibrated onto the policy's thresholds, and the shipped heads claiming only what their held-out
figures support."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from kindness_challenge.scoring import multilingual_heads as ml
from kindness_challenge.scoring.detoxify_classifier import ModelLoadError
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier

from tiny_detoxify import refuse_network
from tiny_training_data import write_tiny_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_multilingual_heads  # noqa: E402

FRENCH_KIND = "Merci beaucoup pour ton aide hier soir, tu es vraiment une personne formidable !"
FRENCH_TOXIC = [
    "tu es un minable et tout le monde se moque de toi", "ferme-la, espèce de crétin",
    "personne ne veut de toi ici, dégage", "quelle idée stupide, tu es vraiment nul",
]  # fmt: skip
FRENCH_POSITIVE = [
    "quelle belle journée avec mes amis", "bravo pour ton travail, c'est magnifique",
    "merci pour ton soutien, tu es génial", "je suis tellement heureuse pour toi",
]  # fmt: skip
GERMAN_TOXIC = ["du bist ein erbärmlicher Versager", "halt die Klappe, du Idiot"]
GERMAN_NEGATIVE = ["der Zug war schon wieder zu spät, so ärgerlich"]


def write_multilingual_data(folder: Path) -> Path:
    write_tiny_data(folder)
    rows = [{"text": t, "label": "toxic", "kind": False, "lang": "fr", "category": "mlma:offensive"}
            for t in FRENCH_TOXIC]  # fmt: skip
    rows += [{"text": t, "label": "ok", "kind": None, "lang": "fr", "category": "xlmt:positive"}
             for t in FRENCH_POSITIVE]  # fmt: skip
    rows += [{"text": t, "label": "toxic", "kind": False, "lang": "de",
              "category": "germeval18:insult"} for t in GERMAN_TOXIC]  # fmt: skip
    rows += [{"text": t, "label": "ok", "kind": None, "lang": "de", "category": "xlmt:negative"}
             for t in GERMAN_NEGATIVE]  # fmt: skip
    path = folder / "moderation-train-v2" / "multilingual.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return folder


def train_tiny(data: Path, out: Path, *extra: str) -> str:
    code = train_multilingual_heads.main(
        [
            "--data",
            str(data),
            "--out",
            str(out),
            "--threads",
            "1",
            "--holdout",
            "0.3",
            "--augment",
            "60",
            # Probing and no comment-section templates unless a test asks (the defaults
            # fine-tune on 8000 templates: minutes, not seconds); later options win.
            "--fr-social",
            "0",
            "--finetune-epochs",
            "0",
            *extra,
        ]  # fmt: skip
    )
    assert code == 0
    return ml.sha256_hex((out / ml.HEADS_FILE).read_bytes())


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(folder, sha256, data) of heads trained on the tiny data, with their evaluation."""
    root = tmp_path_factory.mktemp("multilingual")
    data = write_multilingual_data(root / "data")
    digest = train_tiny(data, root / "heads")
    return root / "heads", digest, data


def claiming(folder: Path, tmp_path: Path, calibration: dict) -> tuple[Path, str]:
    """A copy of ``folder`` whose heads claim French with ``calibration``, and its SHA-256."""
    copy = tmp_path / "claims"
    shutil.copytree(folder, copy)
    heads = ml.Heads.from_bytes((copy / ml.HEADS_FILE).read_bytes())
    data = ml.Heads(heads.weight, heads.bias, ["fr"], {"fr": calibration}).to_bytes()
    (copy / ml.HEADS_FILE).write_bytes(data)
    digest = ml.sha256_hex(data)
    metadata = json.loads((copy / ml.METADATA_FILE).read_text())
    metadata.update(heads_sha256=digest, languages=["fr"], calibration={"fr": calibration})
    (copy / ml.METADATA_FILE).write_text(json.dumps(metadata))
    return copy, digest


def claiming_scorer(folder: Path, tmp_path: Path, calibration: dict, **options):
    copy, digest = claiming(folder, tmp_path, calibration)
    return ml.MultilingualScorer(copy, heads_sha256=digest, **options)


def test_training_is_deterministic_and_never_trains_on_held_out_rows(tiny, tmp_path):
    folder, digest, data = tiny

    assert train_tiny(data, tmp_path / "again") == digest

    metadata = json.loads((folder / ml.METADATA_FILE).read_text())
    assert metadata["heads_sha256"] == digest
    assert metadata["encoder"] == {
        "package": ml.ENCODER_PACKAGE, "version": ml.ENCODER_VERSION, "sha256": ml.ENCODER_SHA256,
    }  # fmt: skip
    assert metadata["rows"]["held_out"] > 0
    # Too few rows to claim anything: every language's figures are there, none is claimed.
    assert metadata["languages"] == [] and metadata["calibration"] == {}
    figures = metadata["figures"]
    assert "fr" in figures
    assert (
        sum(f["tune"]["n"] + f["test"]["n"] for f in figures.values())
        == metadata["rows"]["held_out"]
    )
    assert not any(entry["claimed"] for entry in metadata["figures"].values())


def test_evaluate_only_judges_the_same_heads_again_on_new_adversarial_cases(tiny, tmp_path):
    """``--evaluate-only`` rewrites claims and figures, never weights: with the seed and held-out
    share the heads recorded (not the defaults) it gives the same file; with new dev cases in a
    language their figures are added; other data, an option that contradicts the record or a
    heads file that is not the one its metadata describes is refused."""
    _, _, data = tiny
    folder = tmp_path / "heads"
    digest = train_tiny(data, folder, "--seed", "7", "--holdout", "0.5", "--tune-min", "1")
    before = json.loads((folder / ml.METADATA_FILE).read_text())
    again = tmp_path / "again"
    shutil.copytree(folder, again)
    adversarial = tmp_path / "adversarial.jsonl"
    shutil.copy(ROOT / "bench" / "adversarial_dev.jsonl", adversarial)
    args = ["--evaluate-only", "--out", str(again), "--threads", "1", "--adversarial",
            str(adversarial), "--data", str(data)]  # fmt: skip

    assert train_multilingual_heads.main(args) == 0
    after = json.loads((again / ml.METADATA_FILE).read_text())
    assert ml.sha256_hex((again / ml.HEADS_FILE).read_bytes()) == digest
    assert after["figures"] == before["figures"] and after["parameters"] == before["parameters"]
    assert after["seed"] == 7 and after["parameters"]["holdout"] == 0.5

    french = [
        {"text": "ta vidéo est aussi ratée que ta coupe", "family": "fr:insult", "toxic": True},
        {"text": "on sait tous que tu copies les autres", "family": "fr:insult", "toxic": True},
        {"text": "prends soin de toi, on pense fort à toi", "family": "fr:kind", "toxic": False,
         "kind": True},
    ]  # fmt: skip
    with open(adversarial, "a", encoding="utf-8") as lines:
        lines.writelines(json.dumps({**case, "lang": "fr"}) + "\n" for case in french)
    assert train_multilingual_heads.main(args) == 0
    after = json.loads((again / ml.METADATA_FILE).read_text())
    old = ml.Heads.from_bytes((folder / ml.HEADS_FILE).read_bytes())
    new = ml.Heads.from_bytes((again / ml.HEADS_FILE).read_bytes())
    assert (new.weight == old.weight).all() and (new.bias == old.bias).all()
    was, now = before["figures"]["fr"]["adversarial"], after["figures"]["fr"]["adversarial"]
    assert now["toxic_n"] == was["toxic_n"] + 2 and now["positive_n"] == was["positive_n"] + 1
    assert after["adversarial_sha256"] == ml.sha256_hex(adversarial.read_bytes())
    assert after["heads_sha256"] == ml.sha256_hex((again / ml.HEADS_FILE).read_bytes())
    assert after["trained"] == before["trained"] and "evaluated" in after

    # An option that contradicts the record is refused, not silently replaced.
    with pytest.raises(SystemExit, match="--holdout"):
        train_multilingual_heads.main([*args, "--holdout", "0.2"])
    # Other data than the heads were trained on (missing, or changed): their held-out rows
    # cannot be rebuilt.
    with pytest.raises(SystemExit, match="not the data"):
        train_multilingual_heads.main([*args[:-1], str(tmp_path)])
    changed = tmp_path / "changed"
    shutil.copytree(data, changed)
    with open(changed / "moderation-train-v2" / "multilingual.jsonl", "a") as lines:
        lines.write(json.dumps({"text": "bonjour", "label": "ok", "kind": None, "lang": "fr",
                                "category": "xlmt:neutral"}) + "\n")  # fmt: skip
    with pytest.raises(SystemExit, match="not the data"):
        train_multilingual_heads.main([*args[:-1], str(changed)])
    (again / ml.HEADS_FILE).write_bytes((again / ml.HEADS_FILE).read_bytes() + b" ")
    with pytest.raises(ml.MultilingualFileError):
        train_multilingual_heads.main(args)


def test_without_share_alike_sources_the_held_out_rows_stay_the_same(tiny, tmp_path):
    _, _, data = tiny
    caps = ("--english-cap", "3", "--english-kind-cap", "4")  # so the English rows are sampled

    digest = train_tiny(data, tmp_path / "all", *caps)
    assert train_tiny(data, tmp_path / "no-sa", *caps, "--exclude-share-alike") != digest

    before = json.loads((tmp_path / "all" / ml.METADATA_FILE).read_text())
    after = json.loads((tmp_path / "no-sa" / ml.METADATA_FILE).read_text())
    assert after["parameters"]["exclude_share_alike"] is True
    assert after["rows"]["held_out"] == before["rows"]["held_out"]
    assert after["rows"]["train"] < before["rows"]["train"]  # Positive Frames' kind rows left out
    assert {lang: f["test"]["n"] for lang, f in after["figures"].items()} == {
        lang: f["test"]["n"] for lang, f in before["figures"].items()
    }


def test_french_comment_templates_are_trained_on_when_asked(tiny, tmp_path):
    _, digest, data = tiny

    assert train_tiny(data, tmp_path / "fr", "--fr-social", "24", "--no-eval") != digest

    metadata = json.loads((tmp_path / "fr" / ml.METADATA_FILE).read_text())
    shipped = json.loads((ml.HEADS_DIR / ml.METADATA_FILE).read_text())
    assert metadata["parameters"]["fr_social"] == 24
    assert set(metadata["templates_sha256"]) == {
        "tools/multilingual_augment.py",
        "tools/fr_comment_templates.py",
    }
    # The shipped heads were fine-tuned with 8000 of them (the trainer's default), templates
    # hashed as they are now.
    assert shipped["parameters"]["fr_social"] == train_multilingual_heads.parse_args([]).fr_social
    assert shipped["templates_sha256"] == metadata["templates_sha256"]
    rows = train_multilingual_heads.fr_social(24, 1)
    assert {row.lang for row in rows} == {"fr"} and len(rows) == 24
    assert all(row.source.startswith("augment:fr-") and not row.held_out for row in rows)


def test_the_shipped_heads_were_trained_with_the_trainers_defaults():
    """So ``tools/train_multilingual_heads.py`` with no option retrains them (same bytes on the
    same thread count and CPU)."""
    shipped = json.loads((ml.HEADS_DIR / ml.METADATA_FILE).read_text())["parameters"]
    defaults = vars(train_multilingual_heads.parse_args([]))
    assert shipped["finetune_epochs"] > 0  # the encoder is fine-tuned, not only probed
    assert {key: defaults[key] for key in shipped if key != "threat_threshold"} == {
        key: value for key, value in shipped.items() if key != "threat_threshold"
    }
    heads = ml.Heads.from_bytes((ml.HEADS_DIR / ml.HEADS_FILE).read_bytes())
    assert len(heads.adapters) == 2 * len(ml.DENSE)
    assert heads.adapters["lora.d0.a"].shape == (512, shipped["rank"])
    assert heads.lora_scale == shipped["alpha"] / shipped["rank"]


def test_another_seed_trains_other_heads(tiny, tmp_path):
    _, digest, data = tiny
    assert train_tiny(data, tmp_path / "seed7", "--seed", "7", "--no-eval") != digest


def test_labels_follow_the_data(tiny):
    _, _, data = tiny
    rows = train_multilingual_heads.v3.read_rows(data, 1, 0.0)
    by_text = dict(zip([r.text for r in rows], train_multilingual_heads.targets(rows), strict=True))
    assert list(by_text[FRENCH_POSITIVE[0]]) == [0, -1, 1]  # XLM-T positive: kind, no threat
    assert list(by_text[GERMAN_NEGATIVE[0]]) == [0, -1, 0]  # XLM-T negative: not kind
    assert list(by_text[FRENCH_TOXIC[0]]) == [1, -1, 0]  # threat is labelled in English only
    assert list(by_text["you are a pathetic little troll!"]) == [1, 1, 0]


def test_loads_offline_and_scores_a_claimed_language(tiny, tmp_path, monkeypatch):
    folder, digest, _ = tiny
    refuse_network(monkeypatch)
    scorer = claiming_scorer(folder, tmp_path, {}, threads=1)
    classifier = FinetunedClassifier(multilingual=scorer, threads=1)

    texts = [FRENCH_KIND, "Thank you so much for helping me today!", "du bist ein Idiot, echt"]
    assert classifier.other_languages(texts) == ["fr", None, None]
    rows = classifier.score_batch(texts)

    assert classifier.languages == {"en", "fr"}
    assert [set(row) for row in rows] == [{"toxicity", "threat", "kindness"}] * 3
    assert rows[0] == pytest.approx(scorer.score([FRENCH_KIND], ["fr"])[0], abs=1e-5)  # heads
    english = FinetunedClassifier(multilingual=False, threads=1).score_batch([texts[1]])[0]
    assert rows[1] == pytest.approx(english, abs=1e-5)  # English: the fine-tuned model
    assert scorer.version[-8:] in classifier.version and "fr scored by" in classifier.description


def test_calibration_puts_each_languages_operating_point_on_the_policy_threshold(tiny, tmp_path):
    folder, digest, _ = tiny
    shift = ml.logit(0.4) - ml.logit(0.25)  # this language's toxicity point is 0.25
    scorer = claiming_scorer(folder, tmp_path, {"toxicity": shift})

    assert ml.shifted(0.25, shift) == pytest.approx(0.4)
    assert ml.shifted(0.2, shift) < 0.4 < ml.shifted(0.3, shift)
    raw = ml.MultilingualScorer(folder, heads_sha256=digest).score([FRENCH_KIND], ["fr"])[0]
    calibrated = scorer.score([FRENCH_KIND], ["fr"])[0]
    assert calibrated["toxicity"] == pytest.approx(ml.shifted(raw["toxicity"], shift))
    assert calibrated["kindness"] == raw["kindness"]  # no shift given for it


def test_a_changed_heads_file_is_refused(tiny, tmp_path):
    folder, digest, _ = tiny
    copy = tmp_path / "changed"
    shutil.copytree(folder, copy)
    data = bytearray((copy / ml.HEADS_FILE).read_bytes())
    data[-1] ^= 1
    (copy / ml.HEADS_FILE).write_bytes(bytes(data))

    with pytest.raises(ml.MultilingualFileError, match="SHA-256"):
        ml.MultilingualScorer(copy, heads_sha256=digest)
    with pytest.raises(ml.MultilingualFileError, match="not the pinned"):
        ml.MultilingualScorer(folder, heads_sha256="0" * 64)


def test_a_changed_encoder_fails_closed(tiny, tmp_path, monkeypatch):
    folder, digest, _ = tiny
    encoder = tmp_path / "resources"
    encoder.mkdir()
    (encoder / "weights.npz").symlink_to(ml.encoder_dir() / "weights.npz")
    (encoder / "sp.model").write_bytes((ml.encoder_dir() / "sp.model").read_bytes() + b"\0")
    monkeypatch.setattr(ml, "encoder_dir", lambda: encoder)
    scorer = claiming_scorer(folder, tmp_path, {})
    classifier = FinetunedClassifier(multilingual=scorer, threads=1)

    with pytest.raises(ml.MultilingualFileError, match="sp.model"):
        ml.Encoder(folder=encoder)
    # The worker sends a batch it cannot score to review (test_finetuned_classifier).
    with pytest.raises(ModelLoadError):
        classifier.score_batch([FRENCH_KIND])


def test_only_the_hash_pinned_file_can_claim_a_language(tiny, tmp_path):
    folder, digest, _ = tiny
    copy = tmp_path / "edited"
    shutil.copytree(folder, copy)
    metadata = json.loads((copy / ml.METADATA_FILE).read_text())
    metadata.update(languages=["fr", "de"], calibration={"fr": {}, "de": {}})
    (copy / ml.METADATA_FILE).write_text(json.dumps(metadata))

    assert ml.MultilingualScorer(copy, heads_sha256=digest).languages == frozenset()


@pytest.mark.parametrize(
    ("languages", "calibration"),
    [
        (["fr"], {}),  # a claim without its calibration
        ([], {"fr": {"toxicity": 0.1}}),  # a calibration without its claim
        (["fr"], {"fr": {"toxicity": float("nan")}}),
        (["fr"], {"fr": {"kindness": 40.0}}),  # far past any calibration
        (["fr"], {"fr": {"threat": 0.5}}),  # threat is the policy's, never shifted
    ],
)
def test_unusable_claims_are_refused(tiny, languages, calibration):
    folder, _, _ = tiny
    heads = ml.Heads.from_bytes((folder / ml.HEADS_FILE).read_bytes())
    with pytest.raises(ml.MultilingualFileError):
        ml.Heads(heads.weight, heads.bias, languages, calibration)


def test_held_out_rows_are_never_embedded_for_training(tiny, tmp_path, monkeypatch):
    _, _, data = tiny
    embedded = []
    embed = train_multilingual_heads.embed
    monkeypatch.setattr(
        train_multilingual_heads,
        "embed",
        lambda enc, texts: embedded.extend(texts) or embed(enc, texts),
    )

    train_tiny(data, tmp_path / "watched", "--no-eval")

    rows = train_multilingual_heads.v3.read_rows(
        data, train_multilingual_heads.v3.DEFAULT_SEED, 0.3
    )
    held = {row.text for row in rows if row.held_out}
    assert held and embedded
    assert not held & set(embedded)


def test_metadata_for_another_encoder_is_refused(tiny, tmp_path):
    folder, digest, _ = tiny
    copy = tmp_path / "other"
    shutil.copytree(folder, copy)
    metadata = json.loads((copy / ml.METADATA_FILE).read_text())
    metadata["encoder"]["sha256"] = {"weights.npz": "0" * 64, "sp.model": "0" * 64}
    (copy / ml.METADATA_FILE).write_text(json.dumps(metadata))

    with pytest.raises(ml.MultilingualFileError, match="another encoder"):
        ml.MultilingualScorer(copy, heads_sha256=digest)


def test_the_bench_measures_a_language_only_on_rows_the_heads_never_used(tiny):
    _, _, data = tiny
    sys.path.insert(0, str(ROOT / "bench"))
    import generations

    seed, holdout = generations.multilingual_split()
    # The adapter's folds from another seed and share than the heads': most of its held-out
    # rows were training or tuning rows for the heads.
    metadata = {"seed": 1, "parameters": {"holdout": 0.9, "eval_cap": 120}}
    held = [row for row in train_multilingual_heads.v3.read_rows(data, 1, 0.9) if row.held_out]

    cases = {case.text for case in generations.held_out_cases(metadata, data)}

    shipped = json.loads((ml.HEADS_DIR / ml.METADATA_FILE).read_text())
    assert (seed, holdout) == (shipped["seed"], shipped["parameters"]["holdout"])
    used = [
        r for r in held
        if not train_multilingual_heads.v3.held_out(r.text, seed, holdout)
        or train_multilingual_heads.tune_half(r.text, seed)
    ]  # fmt: skip
    assert any(r.lang != "en" for r in used)  # the tiny data has some to leave out
    assert any(r.lang == "en" for r in used)  # ... and English rows that must stay
    assert cases == {r.text for r in held if r.lang == "en" or r not in used}


def test_the_shipped_heads_match_their_pin_and_claim_only_what_they_measured():
    scorer = ml.MultilingualScorer()
    metadata = scorer.metadata

    assert ml.sha256_hex((ml.HEADS_DIR / ml.HEADS_FILE).read_bytes()) == ml.HEADS_SHA256
    assert "en" not in scorer.languages  # English stays the fine-tuned model's
    assert set(scorer.calibration) == set(scorer.languages)
    for language in scorer.languages:
        test = metadata["figures"][language]["test"]
        assert test["toxic_published"] <= metadata["parameters"]["claim_toxic"] <= 0.05
        assert test["kind_or_positive_published"] >= 0.70
        assert min(test["toxic_n"], test["positive_n"]) >= metadata["parameters"]["claim_min"]
    # Spanish and Italian have no toxic rows to measure: never claimed.
    assert not {"es", "it"} & scorer.languages
    # A language left out fails a condition: French meets its held-out targets but publishes
    # threats among its hand-written adversarial cases.
    for language, entry in metadata["figures"].items():
        if language in scorer.languages or language == "en":
            continue
        hard = entry.get("adversarial", {})
        assert (
            not hard
            or hard["threat_published"] > 0
            or hard["toxic_published"] > metadata["parameters"]["claim_adversarial"]
            or entry["test"].get("toxic_published", 1.0) > metadata["parameters"]["claim_toxic"]
            or entry["test"].get("kind_or_positive_published", 0.0) < 0.70
        )
    assert metadata["figures"]["fr"]["adversarial"]["toxic_n"] >= 15
    # A claimed language's calibration moves its operating point onto the policy's defaults: the
    # defaults of the adapter the heads ship with, or the shift lands somewhere else.
    if scorer.languages:
        adapter = FinetunedClassifier(multilingual=False)
        assert metadata["policy_thresholds"] == {
            "toxicity": adapter.recommended_thresholds["toxicity"],
            "kindness": adapter.kindness_threshold,
        }


def test_the_french_templates_are_deterministic_and_labelled():
    import multilingual_augment

    cases = multilingual_augment.generate(400, 3)

    assert cases == multilingual_augment.generate(400, 3) != multilingual_augment.generate(400, 4)
    assert len({text for text, *_ in cases}) == len(cases)
    by_family = {family: (toxic, threat, kind) for _, toxic, threat, kind, family in cases}
    assert by_family["threat"] == (1, 1, 0) and by_family["near_threat"] == (0, 0, 0)
    assert by_family["kind"] == (0, 0, 1) and by_family["sarcastic"] == (1, 0, 0)
    adversarial = {r.text for r in train_multilingual_heads.read_adversarial(
        ROOT / "bench" / "adversarial_dev.jsonl")}  # fmt: skip
    assert not adversarial & {text for text, *_ in multilingual_augment.generate(5000, 1)}


def test_the_claims_bench_claims_a_language_at_its_tuned_point(tiny):
    sys.path.insert(0, str(ROOT / "bench"))
    import multilingual_claims

    folder, _, _ = tiny
    policy = {"toxicity": 0.4, "kindness": 0.8}
    scorer = multilingual_claims.claiming(folder, ["fr"], policy)
    point = json.loads((folder / ml.METADATA_FILE).read_text())["figures"]["fr"]["thresholds"]

    assert scorer.languages == {"fr"} and scorer.heads.languages == ("fr",)
    for label in ("toxicity", "kindness"):
        shift = scorer.calibration["fr"][label]
        assert ml.shifted(point[label], shift) == pytest.approx(policy[label], abs=1e-4)


@pytest.mark.parametrize(
    ("language", "count"), [("fr", 177), ("de", 147), ("pt", 147), ("ar", 147)]
)
def test_the_blind_sets_of_other_languages_are_read_and_labelled(language, count):
    """The blind sets the claims bench reads: all there, every line labelled in its language's
    families (and mixed ones), threats toxic, kind never toxic; and the dev cases the trainer's
    claim rule reads exist for the language too."""
    sys.path.insert(0, str(ROOT / "bench"))
    import multilingual_claims

    path = ROOT / "bench" / f"adversarial_blind_{language}.jsonl"
    assert path in multilingual_claims.SETS
    cases = multilingual_claims.read_cases(path)
    assert len(cases) == count
    assert {case["family"].split(":")[0] for case in cases} <= {language, "mixed"}
    assert all(case["lang"] == language for case in cases if not case["family"].startswith("mix"))
    assert all(case["toxic"] for case in cases if case["threat"])
    assert not any(case["toxic"] for case in cases if case["kind"])
    assert sum(case["threat"] for case in cases) >= 30
    dev = train_multilingual_heads.read_adversarial(ROOT / "bench" / "adversarial_dev.jsonl")
    assert sum(row.lang == language and row.threat == 1 for row in dev) >= 6


def test_the_french_templates_copy_no_bench_case():
    import fr_comment_templates
    import multilingual_augment
    from bench_overlap import assert_no_overlap

    assert_no_overlap(case[0] for case in fr_comment_templates.generate(4000, 0))
    assert_no_overlap(case[0] for case in multilingual_augment.generate(4000, 0))
