"""Build tiny detoxify-format checkpoints that load fully offline, for the classifier tests.

A detoxify checkpoint is a ``torch.save``d dict: ``config.arch.args`` names the transformers
model and tokenizer classes and ``model_type`` (normally a Hub id such as ``bert-base-uncased``),
``config.dataset.args.classes`` lists the labels, and ``state_dict`` holds the weights. Here
``model_type`` is a local folder with a small vocabulary, tokenizer and model config, and
``Detoxify(checkpoint=..., huggingface_config_path=<that folder>)`` loads it with no network.

One tiny model per detoxify family, shaped as the released checkpoints are (detoxify's
``configs/*.json``): ``original`` is BERT with the six Jigsaw "original" classes; ``unbiased`` is
RoBERTa with 16 outputs, of which the checkpoint lists the first 7 as its classes (the other 9 are
identity columns, which ``Detoxify.predict`` leaves out); ``multilingual`` is XLM-RoBERTa shaped
like ``unbiased``; the ``-small`` models are ALBERT. Each is 2 layers, 32 wide, 64 tokens long.

The head can be left random (scores differ from text to text) or pinned: zero weights and a fixed
bias per label make every text score ``sigmoid(bias)`` on that label, so tests choose the routing
outcome.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import torch
import transformers
from tokenizers import ByteLevelBPETokenizer

# Class names as the Jigsaw "original" checkpoint spells them, and as detoxify renames them.
CHECKPOINT_CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
LABELS = ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack")
# The "unbiased" checkpoints: 7 classes, then 9 identity outputs that are not listed as classes.
UNBIASED_CLASSES = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "identity_attack",
    "insult",
    "threat",
    "sexual_explicit",
)
IDENTITY_CLASSES = (
    "male",
    "female",
    "homosexual_gay_or_lesbian",
    "christian",
    "jewish",
    "muslim",
    "black",
    "white",
    "psychiatric_or_mental_illness",
)
MAX_LENGTH = 64

WORDS = (
    "a and are cheer day for friend good great hello help i kind love me much my neighbour "
    "nice on our smiled so team thank the to today we you"
).split()


@dataclass(frozen=True)
class Family:
    model_name: str
    tokenizer_name: str
    classes: tuple[str, ...]
    identity_classes: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """What ``Detoxify.predict`` returns for this family: the classes, renamed."""
        return LABELS if self.classes == CHECKPOINT_CLASSES else self.classes

    @property
    def num_outputs(self) -> int:
        return len(self.classes) + len(self.identity_classes)


FAMILIES = {
    "original": Family("BertForSequenceClassification", "BertTokenizer", CHECKPOINT_CLASSES),
    "unbiased": Family(
        "RobertaForSequenceClassification", "RobertaTokenizer", UNBIASED_CLASSES, IDENTITY_CLASSES
    ),
    "multilingual": Family(
        "XLMRobertaForSequenceClassification",
        "XLMRobertaTokenizer",
        UNBIASED_CLASSES,
        IDENTITY_CLASSES,
    ),
    "original-small": Family(
        "AlbertForSequenceClassification", "AlbertTokenizer", CHECKPOINT_CLASSES
    ),
    "unbiased-small": Family(
        "AlbertForSequenceClassification", "AlbertTokenizer", UNBIASED_CLASSES, IDENTITY_CLASSES
    ),
}


@dataclass(frozen=True)
class TinyDetoxify:
    checkpoint: Path  # the .ckpt file: Detoxify(checkpoint=...)
    config_dir: Path  # tokenizer + config folder: Detoxify(huggingface_config_path=...)
    family: Family


def build_tiny_detoxify(
    folder: Path,
    *,
    head_bias: float | Mapping[str, float] | None = None,
    seed: int = 0,
    initializer_range: float = 0.5,
    checkpoint_name: str = "tiny-detoxify.ckpt",
    model_type: str | None = None,
    family: str = "original",
) -> TinyDetoxify:
    """Write a tokenizer, config and checkpoint into ``folder`` (created if need be).

    ``head_bias``: ``None`` keeps the random classification head; a number gives every label
    ``sigmoid(head_bias)`` for every text (-4.0 -> 0.018, +4.0 -> 0.982); a mapping from each of
    the family's labels to a bias pins the labels one by one. ``initializer_range`` is the std of
    the random weights: BERT's usual 0.02 makes a random model score every text almost alike, 0.5
    spreads the scores so that tests can tell texts apart. ``model_type`` is what the checkpoint
    names as its base model: by default the local folder (loads offline with any detoxify); a Hub
    id such as ``"bert-base-uncased"`` is what released detoxify checkpoints name, and then only
    the ``huggingface_config_path`` folder can keep the load offline.
    """
    shape = FAMILIES[family]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = _tokenizer(shape.tokenizer_name)
    tokenizer.save_pretrained(folder)

    config = _config(shape.model_name, tokenizer, initializer_range, shape.num_outputs)
    config.save_pretrained(folder)

    torch.manual_seed(seed)
    model = getattr(transformers, shape.model_name)(config)
    if head_bias is not None:
        head = (
            model.classifier.out_proj if hasattr(model.classifier, "out_proj") else model.classifier
        )
        with torch.no_grad():
            head.weight.zero_()
            head.bias.copy_(_bias_vector(head_bias, shape))

    checkpoint = folder / checkpoint_name
    dataset_args = {"classes": list(shape.classes)}
    if shape.identity_classes:
        dataset_args["identity_classes"] = list(shape.identity_classes)
    torch.save(
        {
            "config": {
                "arch": {
                    "args": {
                        # A local folder instead of a Hub id keeps detoxify's loader offline.
                        "model_type": model_type or str(folder),
                        "model_name": shape.model_name,
                        "tokenizer_name": shape.tokenizer_name,
                        "num_classes": shape.num_outputs,
                    }
                },
                "dataset": {"args": dataset_args},
            },
            "state_dict": model.state_dict(),
        },
        checkpoint,
    )
    return TinyDetoxify(checkpoint=checkpoint, config_dir=folder, family=shape)


def _tokenizer(name: str):
    cls = getattr(transformers, name)
    if name == "BertTokenizer":
        specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        vocab = {token: i for i, token in enumerate([*specials, *WORDS])}
        return cls(vocab=vocab, model_max_length=MAX_LENGTH)
    if name == "RobertaTokenizer":
        # Byte-level BPE learnt from the words: whole words are tokens, anything else bytes.
        bpe = ByteLevelBPETokenizer()
        bpe.train_from_iterator(
            [" ".join(WORDS)] * 20,
            vocab_size=1000,
            min_frequency=1,
            special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
            show_progress=False,
        )
        learnt = json.loads(bpe.to_str())["model"]
        merges = [tuple(pair) for pair in learnt["merges"]]
        return cls(vocab=learnt["vocab"], merges=merges, model_max_length=MAX_LENGTH)
    # Unigram (sentencepiece-style) vocabularies: whole words, then letters for anything else.
    pieces = [("▁" + word, -1.0) for word in WORDS] + [("▁", -3.0)]
    pieces += [(letter, -5.0) for letter in "abcdefghijklmnopqrstuvwxyz"]
    if name == "AlbertTokenizer":
        specials = ["<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"]
    else:  # XLMRobertaTokenizer
        specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    vocab = [(token, 0.0) for token in specials] + pieces
    return cls(vocab=vocab, model_max_length=MAX_LENGTH)


def _config(model_name: str, tokenizer, initializer_range: float, num_labels: int):
    config_class = getattr(transformers, model_name).config_class
    common = dict(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        num_labels=num_labels,
        initializer_range=initializer_range,
        pad_token_id=tokenizer.pad_token_id,
    )
    if "Roberta" in model_name:
        # RoBERTa numbers positions from pad_token_id + 1.
        return config_class(
            max_position_embeddings=MAX_LENGTH + tokenizer.pad_token_id + 1,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            **common,
        )
    if "Albert" in model_name:
        return config_class(embedding_size=16, max_position_embeddings=MAX_LENGTH, **common)
    return config_class(max_position_embeddings=MAX_LENGTH, **common)


def _bias_vector(head_bias: float | Mapping[str, float], shape: Family) -> torch.Tensor:
    labels = shape.labels
    if isinstance(head_bias, Mapping):
        unknown = set(head_bias) - set(labels)
        missing = set(labels) - set(head_bias)
        if unknown or missing:
            raise ValueError(
                f"head_bias needs exactly {labels}; unknown {unknown}, missing {missing}"
            )
        values = [float(head_bias[label]) for label in labels]
    else:
        values = [float(head_bias)] * len(labels)
    return torch.tensor(values + [0.0] * len(shape.identity_classes))


def refuse_network(monkeypatch) -> None:
    """Hugging Face offline mode on, and any attempt to open a network connection fails."""
    import socket

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")

    def refuse(*args, **kwargs):
        raise OSError(f"network access attempted in an offline test: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
