"""A tiny stand-in for the shared training data (``../shared/data``), in its format, for the
trainers' tests: texts written for the tests, never taken from the shared files."""

from __future__ import annotations

import json
from pathlib import Path

TOXIC = [
    "you are a pathetic little troll", "shut your mouth, idiot", "nobody likes you, loser",
    "go away you ugly clown", "I will find you and hurt you", "what a stupid worthless take",
]  # fmt: skip
KIND = [
    "thank you for helping me today", "you did a wonderful job on that", "so proud of you",
    "I appreciate your patience with me", "you are a great friend", "welcome aboard, friend",
]  # fmt: skip
NEUTRAL = ["the train was late again", "it rained all afternoon", "lunch is at noon",
           "the meeting moved to Tuesday"]  # fmt: skip


def write_tiny_data(folder: Path) -> Path:
    def jsonl(path: Path, records: list[dict]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    train = [{"text": t, "label": "toxic", "category": "davidson:offensive", "emotions": []}
             for t in TOXIC]  # fmt: skip
    train += [{"text": t, "label": "ok", "category": "goemotions:gratitude",
               "emotions": ["gratitude"]} for t in KIND]  # fmt: skip
    jsonl(folder / "moderation-train" / "train.jsonl", train)
    jsonl(folder / "moderation-train" / "goemotions_negative.jsonl",
          [{"text": "this is annoying", "label": "unlabelled", "category": "goemotions:annoyance",
            "emotions": ["annoyance"]}])  # fmt: skip
    english = [{"text": f"{t}!", "label": "toxic", "kind": False, "lang": "en",
                "category": "toxic_spans:threat+insult"} for t in TOXIC]  # fmt: skip
    english += [{"text": f"{t}.", "label": "ok", "kind": None, "lang": "en",
                 "category": "ken20:not_hate"} for t in NEUTRAL]  # fmt: skip
    english += [{"text": f"{t}!", "label": "ok", "kind": True, "lang": "en",
                 "category": "positive_frames:reframe"} for t in KIND]  # fmt: skip
    jsonl(folder / "moderation-train-v2" / "english.jsonl", english)
    jsonl(folder / "moderation-train-v2" / "multilingual.jsonl",
          [{"text": "du bist so dumm", "label": "toxic", "kind": False, "lang": "de",
            "category": "germeval18:insult"}])  # fmt: skip
    jsonl(
        folder / "moderation-dev" / "toxic.jsonl",
        [{"text": "you are a clown", "label": "toxic", "category": "hatecheck:x"}],
    )
    jsonl(
        folder / "moderation-dev" / "ok.jsonl",
        [{"text": "thanks friend", "label": "ok", "category": "goemotions:gratitude"}],
    )
    return folder
