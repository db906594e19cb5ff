"""Build a tiny detoxify-format checkpoint that loads fully offline, for the classifier tests.

A detoxify checkpoint is a ``torch.save``d dict: ``config.arch.args`` names the transformers
model and tokenizer classes and ``model_type`` (normally a Hub id such as ``bert-base-uncased``),
``config.dataset.args.classes`` lists the labels, and ``state_dict`` holds the weights. Here
``model_type`` is a local folder with a small vocabulary, tokenizer and ``BertConfig``, and
``Detoxify(checkpoint=..., huggingface_config_path=<that folder>)`` loads it with no network.

The model is a 2-layer, 32-wide BERT with six outputs in the Jigsaw "original" order. Its head can
be left random (scores differ from text to text) or pinned: zero weights and a fixed bias per
label make every text score ``sigmoid(bias)`` on that label, so tests choose the routing outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

# Class names as the Jigsaw "original" checkpoint spells them, and as detoxify renames them.
CHECKPOINT_CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
LABELS = ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack")

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
WORDS = (
    "a and are cheer day for friend good great hello help i kind love me much my neighbour "
    "nice on our smiled so team thank the to today we you"
).split()


@dataclass(frozen=True)
class TinyDetoxify:
    checkpoint: Path  # the .ckpt file: Detoxify(checkpoint=...)
    config_dir: Path  # tokenizer + config folder: Detoxify(huggingface_config_path=...)


def build_tiny_detoxify(
    folder: Path,
    *,
    head_bias: float | Mapping[str, float] | None = None,
    seed: int = 0,
    initializer_range: float = 0.5,
    checkpoint_name: str = "tiny-detoxify.ckpt",
    model_type: str | None = None,
) -> TinyDetoxify:
    """Write a tokenizer, config and checkpoint into ``folder`` (created if need be).

    ``head_bias``: ``None`` keeps the random classification head; a number gives every label
    ``sigmoid(head_bias)`` for every text (-4.0 -> 0.018, +4.0 -> 0.982); a mapping from each of
    ``LABELS`` to a bias pins the labels one by one. ``initializer_range`` is the std of the random
    weights: BERT's usual 0.02 makes a random model score every text almost alike, 0.5 spreads
    the scores so that tests can tell texts apart. ``model_type`` is what the checkpoint names as
    its base model: by default the local folder (loads offline with any detoxify); a Hub id such
    as ``"bert-base-uncased"`` is what released detoxify checkpoints name, and then only the
    ``huggingface_config_path`` folder can keep the load offline.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab_file = folder / "vocab.txt"
    vocab_file.write_text("\n".join((*SPECIAL_TOKENS, *WORDS)) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(vocab_file), model_max_length=64)
    tokenizer.save_pretrained(folder)

    config = BertConfig(
        vocab_size=len(SPECIAL_TOKENS) + len(WORDS),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        num_labels=len(CHECKPOINT_CLASSES),
        initializer_range=initializer_range,
    )
    config.save_pretrained(folder)

    torch.manual_seed(seed)
    model = BertForSequenceClassification(config)
    if head_bias is not None:
        bias = _bias_vector(head_bias)
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.copy_(bias)

    checkpoint = folder / checkpoint_name
    torch.save(
        {
            "config": {
                "arch": {
                    "args": {
                        # A local folder instead of a Hub id keeps detoxify's loader offline.
                        "model_type": model_type or str(folder),
                        "model_name": "BertForSequenceClassification",
                        "tokenizer_name": "BertTokenizer",
                        "num_classes": len(CHECKPOINT_CLASSES),
                    }
                },
                "dataset": {"args": {"classes": list(CHECKPOINT_CLASSES)}},
            },
            "state_dict": model.state_dict(),
        },
        checkpoint,
    )
    return TinyDetoxify(checkpoint=checkpoint, config_dir=folder)


def _bias_vector(head_bias: float | Mapping[str, float]) -> torch.Tensor:
    if isinstance(head_bias, Mapping):
        unknown = set(head_bias) - set(LABELS)
        missing = set(LABELS) - set(head_bias)
        if unknown or missing:
            raise ValueError(
                f"head_bias needs exactly {LABELS}; unknown {unknown}, missing {missing}"
            )
        values = [float(head_bias[label]) for label in LABELS]
    else:
        values = [float(head_bias)] * len(LABELS)
    return torch.tensor(values)
