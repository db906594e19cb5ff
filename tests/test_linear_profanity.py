"""The array-algebra scorer gives alt-profanity-check's own probabilities, on real text."""

from __future__ import annotations

import itertools
import json
import threading

import numpy as np
import pytest
from profanity_check import predict_prob as reference_predict_prob

from kindness_challenge.moderate.explain import occlusion_weights, occlusion_weights_many
from kindness_challenge.scoring import linear_profanity
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier

from conftest import SHARED_DATA, require_data

DATA = SHARED_DATA
DEV = DATA / "moderation-dev"
BLNS = DATA / "blns" / "blns.json"


def dev_texts(per_file: int = 200) -> list[str]:
    texts = []
    for name in ("toxic.jsonl", "ok.jsonl"):
        with require_data(DEV / name).open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in itertools.islice(lines, per_file)]
    return texts


ODD = [
    "",
    " ",
    "\n\t",
    "the and of it",  # stop words only
    "a b c",  # no two-letter word
    "x" * 10_000,
    "damn " * 500,
    "Damn DAMN dAmN",
    "İSTANBUL ǅemal ﬁne",  # lower() changes the length or splits ligatures differently
    "\x00\x01\u200b\ufeff",
    "🙂🙂 kind 😡",
    "\ud800 lone surrogate",
    "你好 世界 مرحبا",
]


def assert_same(texts: list[str]) -> None:
    expected = reference_predict_prob(texts)
    got = linear_profanity.predict_prob(texts)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} is not on this machine")
def test_dev_set_matches_predict_prob_in_one_batch_and_one_by_one():
    texts = dev_texts()
    assert len(texts) == 400
    assert_same(texts)
    for text in texts[::20]:
        assert_same([text])


@pytest.mark.slow
@pytest.mark.skipif(not BLNS.is_file(), reason=f"{BLNS} is not on this machine")
def test_big_list_of_naughty_strings_matches_predict_prob():
    texts = json.loads(BLNS.read_text(encoding="utf-8"))
    assert len(texts) > 500
    assert_same(texts)


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_input_matches_predict_prob(text):
    assert_same([text])


def test_odd_inputs_together_and_bytes_as_the_vectorizer_reads_them():
    assert_same(ODD)
    assert_same([b"you are kind", "caf\u00e9 fuck off".encode()])


def test_empty_batch_and_wrong_types():
    assert linear_profanity.predict_prob([]).shape == (0,)
    with pytest.raises(TypeError):
        linear_profanity.predict_prob([None])
    with pytest.raises(UnicodeDecodeError):
        linear_profanity.predict_prob([b"\xff\xfe"])


def test_embedded_classifier_scores_with_it():
    texts = ["You made my day", "you stupid idiot", ""]
    scores = ProfanityCheckClassifier().score_batch(texts)
    expected = reference_predict_prob(texts)
    assert [set(s) for s in scores] == [{"toxicity"}] * 3
    assert [s["toxicity"] for s in scores] == pytest.approx(list(expected), abs=1e-9)
    assert scores[1]["toxicity"] > 0.5 > scores[0]["toxicity"]
    assert ProfanityCheckClassifier().score_batch([]) == []


def test_loads_once_and_scores_the_same_from_many_threads(monkeypatch):
    texts = dev_texts(40) + ODD
    expected = reference_predict_prob(texts)
    loads = []
    real = linear_profanity.LinearProfanityModel.from_estimators

    def counting(*args):
        loads.append(1)
        return real(*args)

    monkeypatch.setattr(linear_profanity, "_model", None)
    monkeypatch.setattr(
        linear_profanity.LinearProfanityModel, "from_estimators", staticmethod(counting)
    )
    start = threading.Barrier(8)
    results: dict[int, np.ndarray] = {}
    errors = []

    def score(i: int) -> None:
        try:
            start.wait()
            for _ in range(5):
                results[i] = linear_profanity.predict_prob(texts[i:] + texts[:i])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=score, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(loads) == 1
    for i, got in results.items():
        np.testing.assert_allclose(got, np.roll(expected, -i), rtol=0, atol=1e-9)


def test_refuses_settings_it_does_not_reproduce():
    import joblib

    data = linear_profanity._data_dir()
    vectorizer = joblib.load(data / "vectorizer.joblib")
    model = joblib.load(data / "model.joblib")
    vectorizer.set_params(sublinear_tf=True)
    with pytest.raises(linear_profanity.UnsupportedModel, match="sublinear_tf"):
        linear_profanity.LinearProfanityModel.from_estimators(vectorizer, model)


def leave_one_out_variants(text: str) -> list[str]:
    words = text.split()
    return [text] + [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]


def test_leave_one_out_equals_scoring_each_variant():
    texts = ["ΟΔΟΣ ΟΔΟΣ. ΣΑΣ Σ ΑΣ'Σ xΣy", "a\u3000b\u2028c\x1cd\x85e \ufb01ne damn", *ODD[:-1]]
    if DEV.is_dir():
        texts += dev_texts(100)
    if BLNS.is_file():
        texts += json.loads(BLNS.read_text(encoding="utf-8"))
    model = linear_profanity.get_model()
    for text in texts:
        expected = model.predict_prob(leave_one_out_variants(text))
        got = model.leave_one_out_prob(text, text.split())
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12, err_msg=repr(text))
    with pytest.raises(ValueError, match="whitespace-separated"):
        model.leave_one_out_prob("you are kind", ["you", "kind"])


class OnlyScoreBatch:
    """The embedded model seen through score_batch alone, counting calls."""

    def __init__(self):
        self.embedded, self.calls = ProfanityCheckClassifier(), []

    def score_batch(self, texts):
        self.calls.append(len(texts))
        return self.embedded.score_batch(texts)


def test_queue_explanations_in_one_batch_equal_one_by_one():
    requests = [(text, "toxicity") for text in ["you stupid idiot", "", "x " * 81, "Thanks!"]]
    requests += [("you  stupid\tidiot ", "toxicity"), ("you stupid idiot", "no_such_label")]
    requests += [(text, "toxicity") for text in dev_texts(20)] if DEV.is_dir() else []
    generic = OnlyScoreBatch()
    together = occlusion_weights_many(generic, requests)
    distinct = {
        v for t, _ in requests if 0 < len(t.split()) <= 80 for v in leave_one_out_variants(t)
    }
    assert generic.calls == [len(distinct)]  # one batch, each distinct variant once
    fast = occlusion_weights_many(ProfanityCheckClassifier(), requests)
    alone = [occlusion_weights(generic, text, label) for text, label in requests]
    for got in (together, fast):
        assert [w is None for w in got] == [w is None for w in alone]
        for row, expected in zip(got, alone, strict=True):
            if expected is not None:
                assert [w for w, _ in row] == [w for w, _ in expected]
                assert [x for _, x in row] == pytest.approx([x for _, x in expected], abs=1e-12)
    assert together[1] is None and together[2] is None and together[5] is None
    words, weights = zip(*fast[0], strict=True)
    assert words == ("you", "stupid", "idiot")
    assert weights[0] == 0.0 < min(weights[1:])  # "you" is a stop word: the model never sees it
    assert occlusion_weights_many(generic, []) == []


def test_a_subclass_scoring_its_own_way_explains_with_its_own_scores():
    class Doubting(ProfanityCheckClassifier):
        def score_batch(self, texts):
            return [{"toxicity": 0.5 if "kind" in t else 0.9} for t in texts]

    (weights,) = occlusion_weights_many(Doubting(), [("so kind of you", "toxicity")])
    assert weights == [("so", 0.0), ("kind", pytest.approx(-0.4)), ("of", 0.0), ("you", 0.0)]


def test_an_explanation_that_fails_leaves_the_card_plain():
    class Broken(ProfanityCheckClassifier):
        def score_occlusions(self, text, words):
            raise RuntimeError("no")

    assert occlusion_weights_many(Broken(), [("a b", "toxicity"), ("", "toxicity")]) == [None] * 2


class FixedKindness:
    """A stand-in kindness head: 0.9 for texts with "thanks", else 0.2."""

    version = "test:kindness"

    def __init__(self):
        self.calls = []

    def score_batch(self, texts):
        self.calls.append(len(texts))
        return [{"kindness": 0.9 if "thanks" in t else 0.2} for t in texts]


def test_a_wrapped_embedded_model_explains_its_own_label_fast_and_others_on_request():
    from kindness_challenge.scoring.kindness import WithKindness

    kindness = FixedKindness()
    classifier = WithKindness(ProfanityCheckClassifier(), kindness)
    requests = [("you stupid idiot", "toxicity"), ("thanks so much", "kindness")]

    queue = occlusion_weights_many(classifier, requests, fast_only=True)
    assert kindness.calls == []  # the queue page never runs the slower model
    assert [w for w, _ in queue[0]] == ["you", "stupid", "idiot"] and queue[1] is None

    item_page = occlusion_weights_many(classifier, requests)
    assert kindness.calls == [4]  # only the kindness text's variants, in one batch
    assert item_page[0] == queue[0]
    assert item_page[1] == [("thanks", pytest.approx(0.7)), ("so", 0.0), ("much", 0.0)]
