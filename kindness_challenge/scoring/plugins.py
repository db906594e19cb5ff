"""Classifiers from outside this package, named ``package.module:attribute``.

The attribute is a class or a factory (called with no arguments) or a ready instance. What it
gives must have ``name``, ``version``, ``description`` and ``score_batch(texts)`` returning one
``{label: probability}`` dict per text, like the built-in classifiers.
"""

from __future__ import annotations

import importlib

from .classifiers import Classifier

REQUIRED = ("name", "version", "description", "score_batch")


def load_classifier(spec: str) -> Classifier:
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"expected 'package.module:attribute', got {spec!r}")
    found = importlib.import_module(module_name)
    for part in attribute.split("."):
        found = getattr(found, part)
    classifier = found() if isinstance(found, type) or not hasattr(found, "score_batch") else found
    missing = [name for name in REQUIRED if not hasattr(classifier, name)]
    if missing:
        raise TypeError(f"{spec} is not a classifier: it has no {', '.join(missing)}")
    return classifier
