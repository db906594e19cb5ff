"""alt-profanity-check's shipped model, scored with plain array algebra.

The package's model is a ``TfidfVectorizer`` (word unigrams, English stop words, l2 norm) and a
``CalibratedClassifierCV``: five ``LinearSVC`` folds, each with a sigmoid calibrator, averaged.
Its ``predict_prob`` pays scikit-learn's per-call overhead (about 4 ms for one text on an idle
core, 30 ms under load); the same arithmetic done here costs about 25 microseconds for one text
(6 per text in a batch) and gives the same probabilities (within 1e-12). The pickles load
lazily, once per process, from the installed package; settings this module cannot reproduce
exactly are refused at load rather than scored differently.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from scipy.special import expit


class UnsupportedModel(RuntimeError):
    """The installed alt-profanity-check ships a model this module does not reproduce."""


@dataclass(frozen=True)
class LinearProfanityModel:
    """Term -> column, the idf per column, one weight column and intercept per fold, and each
    fold's sigmoid calibrator ``p = expit(-(a * decision + b))``."""

    vocabulary: dict[str, int]
    token_pattern: re.Pattern[str]
    lowercase: bool
    idf: np.ndarray  # (n_terms,)
    weights: np.ndarray  # (n_terms, n_folds): fold coefficients times idf
    intercepts: np.ndarray  # (n_folds,)
    calibration_a: np.ndarray  # (n_folds,)
    calibration_b: np.ndarray  # (n_folds,)

    @classmethod
    def from_estimators(cls, vectorizer, model) -> LinearProfanityModel:
        _check_supported(vectorizer, model)
        folds = model.calibrated_classifiers_
        coef = np.stack([np.asarray(f.estimator.coef_, dtype=np.float64)[0] for f in folds])
        idf = np.asarray(vectorizer.idf_, dtype=np.float64)
        n_terms = len(vectorizer.vocabulary_)
        if coef.shape[1] != n_terms or idf.shape != (n_terms,):
            raise UnsupportedModel("vocabulary, idf and coefficients disagree in size")
        stop_words = vectorizer.get_stop_words() or frozenset()
        return cls(
            # the vectorizer drops stop words before the vocabulary lookup
            vocabulary={
                term: int(col)
                for term, col in vectorizer.vocabulary_.items()
                if term not in stop_words
            },
            token_pattern=re.compile(vectorizer.token_pattern),
            lowercase=bool(vectorizer.lowercase),
            idf=idf,
            weights=np.ascontiguousarray((coef * idf).T),
            intercepts=np.array([float(f.estimator.intercept_[0]) for f in folds]),
            calibration_a=np.array([float(f.calibrators[0].a_) for f in folds]),
            calibration_b=np.array([float(f.calibrators[0].b_) for f in folds]),
        )

    def term_counts(self, text: str) -> Counter[int]:
        """Column -> count of the text's in-vocabulary words (stop words are not in it)."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")  # the vectorizer's encoding, errors strict
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, not {type(text).__name__}")
        if self.lowercase:
            text = text.lower()
        vocabulary = self.vocabulary
        return Counter(
            vocabulary[word] for word in self.token_pattern.findall(text) if word in vocabulary
        )

    def predict_prob(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of the profane class per text, as ``profanity_check.predict_prob``."""
        n = len(texts)
        if n == 0:
            return np.zeros(0)
        rows = [self.term_counts(text) for text in texts]
        lengths = np.fromiter((len(r) for r in rows), dtype=np.intp, count=n)
        columns = np.fromiter((c for r in rows for c in r), dtype=np.intp, count=lengths.sum())
        counts = np.fromiter(
            (k for r in rows for k in r.values()), dtype=np.float64, count=len(columns)
        )
        row_of = np.repeat(np.arange(n), lengths)
        tfidf = counts * self.idf[columns]
        # l2 norm per row; a text with no known word keeps a zero vector (the intercepts alone)
        norms = np.sqrt(np.bincount(row_of, weights=tfidf * tfidf, minlength=n))
        norms[norms == 0.0] = 1.0
        scaled = counts / norms[row_of]
        decisions = np.zeros((n, self.weights.shape[1]))
        np.add.at(decisions, row_of, scaled[:, None] * self.weights[columns])
        return self._calibrated(decisions)

    def leave_one_out_prob(self, text: str, words: Sequence[str]) -> np.ndarray:
        """``predict_prob([text] + [text with word i left out, for each i])`` where the variant
        is the other words joined by one space and ``words`` are the text's whitespace-separated
        words (``text.split()``), computed from one pass over the text.

        Exact because a token never spans whitespace and lowercasing never looks across it:
        the variant's term counts are the text's less that word's."""
        if list(words) != text.split():
            raise ValueError("words must be the text's whitespace-separated words")
        per_word = [self.term_counts(word) for word in words]
        columns = sorted(set().union(*per_word))
        local = {column: i for i, column in enumerate(columns)}
        word_counts = np.zeros((len(words), len(columns)))
        for row, counts in enumerate(per_word):
            for column, count in counts.items():
                word_counts[row, local[column]] = count
        total = word_counts.sum(axis=0)
        counts = np.vstack([total, total - word_counts])
        columns = np.array(columns, dtype=np.intp)
        tfidf = counts * self.idf[columns]
        norms = np.sqrt((tfidf * tfidf).sum(axis=1))
        norms[norms == 0.0] = 1.0
        return self._calibrated((counts / norms[:, None]) @ self.weights[columns])

    def _calibrated(self, decisions: np.ndarray) -> np.ndarray:
        """Each fold's sigmoid of its decision (before intercepts), averaged over the folds."""
        decisions = decisions + self.intercepts
        fold_probs = expit(-(self.calibration_a * decisions + self.calibration_b))
        return fold_probs.sum(axis=1) / fold_probs.shape[1]


def _check_supported(vectorizer, model) -> None:
    """Refuse anything whose arithmetic differs from ``predict_prob`` below."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer

    expected = {
        "analyzer": "word",
        "ngram_range": (1, 1),
        "norm": "l2",
        "use_idf": True,
        "sublinear_tf": False,
        "binary": False,
        "strip_accents": None,
        "preprocessor": None,
        "tokenizer": None,
        "input": "content",
        "encoding": "utf-8",
        "decode_error": "strict",
        "dtype": np.float64,
    }
    if type(vectorizer) is not TfidfVectorizer:
        raise UnsupportedModel(f"vectorizer is {type(vectorizer).__name__}")
    params = vectorizer.get_params()
    differing = {k: params.get(k) for k, v in expected.items() if params.get(k) != v}
    if differing:
        raise UnsupportedModel(f"vectorizer settings not reproduced: {differing}")
    if type(model) is not CalibratedClassifierCV or model.method != "sigmoid":
        raise UnsupportedModel("model is not a sigmoid CalibratedClassifierCV")
    if len(model.classes_) != 2:
        raise UnsupportedModel("model is not binary")
    for fold in model.calibrated_classifiers_:
        estimator = fold.estimator
        if not hasattr(estimator, "coef_") or np.asarray(estimator.coef_).shape[0] != 1:
            raise UnsupportedModel(f"fold estimator {type(estimator).__name__} is not linear")
        if list(estimator.classes_) != list(model.classes_) or len(fold.calibrators) != 1:
            raise UnsupportedModel("fold classes or calibrators differ from the model's")


def _data_dir() -> Path:
    """The package's data folder, found without importing it (its import loads both pickles)."""
    spec = find_spec("profanity_check")
    if spec is None or not spec.submodule_search_locations:
        raise UnsupportedModel("alt-profanity-check is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


_lock = threading.Lock()
_model: LinearProfanityModel | None = None


def get_model() -> LinearProfanityModel:
    """The shipped model, loaded on first use (once, whichever thread asks first)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import joblib

                data = _data_dir()
                _model = LinearProfanityModel.from_estimators(
                    joblib.load(data / "vectorizer.joblib"), joblib.load(data / "model.joblib")
                )
    return _model


def predict_prob(texts: Sequence[str]) -> np.ndarray:
    """``profanity_check.predict_prob(texts)``, without scikit-learn's per-call overhead."""
    return get_model().predict_prob(texts)
