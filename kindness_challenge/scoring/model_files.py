"""Where a detoxify model's files are, and fetching them into ``instance/models/`` once.

A fetched model is a folder per model name::

    instance/models/original/toxic_original-c1212f89.ckpt   the detoxify checkpoint
    instance/models/original/huggingface/                   config and tokenizer files

Once there, the service loads it with no network at all. An operator can instead point
``DETOXIFY_CHECKPOINT`` (and ``DETOXIFY_HF_CONFIG``) at files kept anywhere.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

DETOXIFY_MODELS = ("original", "unbiased", "multilingual", "original-small", "unbiased-small")
HUGGINGFACE_FOLDER = "huggingface"


class ModelFilesMissing(FileNotFoundError):
    """The configured detoxify model's files are not on this machine."""


class ModelFetchError(RuntimeError):
    """Downloading a model failed (usually: this machine is offline)."""


@dataclass(frozen=True)
class ModelFiles:
    checkpoint: Path
    huggingface_config: Path | None  # None: resolved by transformers (cache or Hub)

    def describe(self) -> str:
        config = self.huggingface_config or "the Hugging Face cache"
        return f"{self.checkpoint} (config and tokenizer: {config})"


def check_model_name(model_type: str) -> None:
    if model_type not in DETOXIFY_MODELS:
        raise ValueError(
            f"unknown detoxify model {model_type!r}; "
            f"choose one of {', '.join(DETOXIFY_MODELS)} or set a checkpoint"
        )


def fetch_command(model_type: str) -> str:
    return f"flask --app wsgi classifier fetch {model_type}"


def find_model_files(
    model_type: str,
    models_dir: Path,
    checkpoint: str | None = None,
    huggingface_config: str | None = None,
) -> ModelFiles:
    """The files to load: the configured checkpoint, else the fetched copy of ``model_type``.

    Raises ``ModelFilesMissing`` saying what is missing and how to get it.
    """
    if checkpoint is not None:
        path = Path(checkpoint)
        config = Path(huggingface_config) if huggingface_config else None
        if not path.is_file():
            raise ModelFilesMissing(f"detoxify checkpoint not found: {path}")
        if config is not None and not (config / "config.json").is_file():
            raise ModelFilesMissing(f"no config.json in the Hugging Face folder {config}")
        return ModelFiles(path, config)
    check_model_name(model_type)
    found = fetched_model_files(models_dir / model_type)
    if found is None:
        raise ModelFilesMissing(
            f"detoxify model {model_type!r} is not in {models_dir / model_type}; "
            f"fetch it with `{fetch_command(model_type)}` on a machine with internet access "
            "(copy the folder over to an offline server), or set KINDNESS_DETOXIFY_CHECKPOINT "
            "and KINDNESS_DETOXIFY_HF_CONFIG"
        )
    return found


def fetched_model_files(folder: Path) -> ModelFiles | None:
    checkpoints = sorted(folder.glob("*.ckpt"))
    config = folder / HUGGINGFACE_FOLDER
    if len(checkpoints) != 1 or not (config / "config.json").is_file():
        return None
    return ModelFiles(checkpoints[0], config)


def fetch_model(model_type: str, models_dir: Path, progress: bool = True) -> ModelFiles:
    """Download ``model_type``'s checkpoint and its config and tokenizer into ``models_dir``.

    Uses detoxify's release URL (through torch hub's downloader, with a progress bar) and the
    Hugging Face loaders. Files already there are kept. Raises ``ModelFetchError`` on failure.
    """
    check_model_name(model_type)
    from detoxify.detoxify import MODEL_URLS
    from torch.hub import download_url_to_file

    folder = models_dir / model_type
    folder.mkdir(parents=True, exist_ok=True)
    url = MODEL_URLS[model_type]
    checkpoint = folder / url.rsplit("/", 1)[-1]
    if not checkpoint.is_file():
        try:
            # Writes to a temporary file and renames it, so a broken download leaves nothing.
            download_url_to_file(url, str(checkpoint), progress=progress)
        except Exception as error:  # urllib's URLError, an HTTP error, a short read...
            if not any(folder.iterdir()):
                folder.rmdir()
            raise ModelFetchError(offline_message(model_type, url, error)) from error
    config = folder / HUGGINGFACE_FOLDER
    if not (config / "config.json").is_file():
        save_huggingface_files(model_type, checkpoint, config)
    return ModelFiles(checkpoint, config)


def save_huggingface_files(model_type: str, checkpoint: Path, target: Path) -> None:
    """Save the config (with the checkpoint's number of outputs) and tokenizer of its base model."""
    import torch
    import transformers

    args = torch.load(checkpoint, map_location="cpu", weights_only=False)["config"]["arch"]["args"]
    base = args["model_type"]
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    config_class = getattr(transformers, args["model_name"]).config_class
    tokenizer_class = getattr(transformers, args["tokenizer_name"])
    try:
        config_class.from_pretrained(base, num_labels=args["num_classes"]).save_pretrained(partial)
        tokenizer_class.from_pretrained(base).save_pretrained(partial)
    except Exception as error:  # transformers' OSError, huggingface_hub's HTTP errors...
        shutil.rmtree(partial, ignore_errors=True)
        raise ModelFetchError(
            offline_message(model_type, f"huggingface.co/{base}", error)
        ) from error
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)


def offline_message(model_type: str, source: str, error: Exception) -> str:
    return (
        f"could not download detoxify model {model_type!r} from {source}: {error}. "
        "This machine looks offline (or the server refused). Run "
        f"`{fetch_command(model_type)}` on a machine with internet access and copy its "
        f"instance/models/{model_type}/ folder here, or set KINDNESS_DETOXIFY_CHECKPOINT and "
        "KINDNESS_DETOXIFY_HF_CONFIG to a local checkpoint and Hugging Face config folder."
    )
