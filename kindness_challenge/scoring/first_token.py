"""Skip work no score depends on: the last layer's feed-forward for every token but the first.

A BERT-style classifier reads one position of the last layer, the first ([CLS] or <s>): the
pooler (BERT) or the classification head (RoBERTa, XLM-RoBERTa) takes ``hidden[:, 0]``. In the
last layer every token's attention still matters to the first, but the feed-forward block (two
thirds of the layer's work) only matters for the first position, so it runs for that one alone:
about 5% of the model's work on a short comment, with the same scores (the first position's
numbers are computed exactly as before). ALBERT shares one layer module across all its layers,
so it is left alone.
"""

from __future__ import annotations

# Models whose head reads only position 0 of the last layer, and whose layers are BertLayer-like.
FIRST_TOKEN_MODELS = frozenset(
    {
        "BertForSequenceClassification",
        "RobertaForSequenceClassification",
        "XLMRobertaForSequenceClassification",
    }
)


def feed_forward_first_token_only(model) -> bool:
    """Make the last layer's feed-forward run for position 0 only; True if it applies."""
    if type(model).__name__ not in FIRST_TOKEN_MODELS:
        return False
    base = getattr(model, model.base_model_prefix, None)
    layers = getattr(getattr(base, "encoder", None), "layer", None)
    if not layers:
        return False
    last = layers[-1]
    if getattr(last, "chunk_size_feed_forward", 0) != 0 or not hasattr(last, "feed_forward_chunk"):
        return False
    feed_forward = last.feed_forward_chunk

    def first_token_feed_forward(attention_output):
        return feed_forward(attention_output[:, :1])

    last.feed_forward_chunk = first_token_feed_forward
    return True
