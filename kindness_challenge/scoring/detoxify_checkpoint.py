"""Reading a detoxify-format checkpoint into a model, its tokenizer and its labels.

A detoxify checkpoint is a ``torch.save``d dict: ``config.arch.args`` names the transformers model
and tokenizer classes, the number of outputs and ``model_type`` (the Hugging Face model it was
trained from, such as ``bert-base-uncased``); ``config.dataset.args.classes`` lists the labels and
``state_dict`` holds the weights. The ``unbiased`` models have 16 outputs (7 labels, then 9 identity
columns) and list only the 7 labels; like ``Detoxify.predict``, only the listed labels are scored.

With a local Hugging Face folder (config and tokenizer files) nothing is read from the network;
detoxify 0.5 itself still asks the Hub for ``model_type``'s config (unitaryai/detoxify#126).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# detoxify standardises the "original" checkpoints' class names to the "unbiased" spelling.
CLASS_NAME_CHANGES = {
    "toxic": "toxicity",
    "identity_hate": "identity_attack",
    "severe_toxic": "severe_toxicity",
}


class CheckpointError(ValueError):
    """The file is not a detoxify checkpoint."""


@dataclass
class LoadedModel:
    model: object  # a transformers PreTrainedModel
    tokenizer: object  # a transformers tokenizer
    labels: tuple[str, ...]


def standard_labels(classes) -> tuple[str, ...]:
    return tuple(CLASS_NAME_CHANGES.get(name, name) for name in classes)


def load_detoxify_checkpoint(checkpoint: Path, huggingface_config: Path | None) -> LoadedModel:
    """Load ``checkpoint`` on the CPU; config and tokenizer from ``huggingface_config`` if given.

    Without a folder, the checkpoint's ``model_type`` is resolved as detoxify does (the Hugging
    Face cache, or the Hub when online).
    """
    import torch
    import transformers

    # Checkpoints hold a pickled config dict as well as tensors, as detoxify's own loader expects.
    loaded = torch.load(checkpoint, map_location="cpu", weights_only=False)
    try:
        args = loaded["config"]["arch"]["args"]
        classes = loaded["config"]["dataset"]["args"]["classes"]
        state_dict = loaded["state_dict"]
        model_class = getattr(transformers, args["model_name"])
        tokenizer_class = getattr(transformers, args["tokenizer_name"])
        num_classes = int(args["num_classes"])
    except (KeyError, TypeError, AttributeError) as error:
        raise CheckpointError(
            f"{checkpoint} is not a detoxify checkpoint (needs config.arch.args, "
            f"config.dataset.args.classes and state_dict): {type(error).__name__}: {error}"
        ) from error
    local = huggingface_config is not None
    source = str(huggingface_config) if local else args["model_type"]
    config = model_class.config_class.from_pretrained(
        source, num_labels=num_classes, local_files_only=local
    )
    model = model_class.from_pretrained(
        pretrained_model_name_or_path=None,
        config=config,
        state_dict=state_dict,
        local_files_only=local,
    )
    tokenizer = tokenizer_class.from_pretrained(source, local_files_only=local)
    labels = standard_labels(classes)
    if len(labels) > num_classes:
        raise CheckpointError(f"{checkpoint} lists {len(labels)} labels for {num_classes} outputs")
    return LoadedModel(model=model, tokenizer=tokenizer, labels=labels)
