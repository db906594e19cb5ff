"""Skip feed-forward work no score depends on: padding, and all but [CLS] in the last layer.

The feed-forward block of a transformer layer (two thirds of its work) treats every position on
its own, so it can run on just the positions that matter and leave the rest at zero:

* padding positions, in every layer: attention masks them out as keys, so nothing they hold
  reaches a real token (their own outputs are never read);
* in the last layer of a model whose head reads position 0 only (BERT's pooler, RoBERTa's and
  XLM-RoBERTa's heads take ``hidden[:, 0]``), every position but the first.

The positions that are computed get exactly the arithmetic they got before. ALBERT shares one
layer module across its layers, so it gets the padding rule but not the last-layer one.
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


class RealTokens:
    """The real (unpadded) rows of the batch in flight, flattened; set around each forward."""

    def __init__(self) -> None:
        self.rows = None  # a LongTensor of row indices into (batch * length), or None: all rows


def trim_feed_forward(model) -> RealTokens | None:
    """Patch ``model``'s feed-forward blocks as above; None if its layers are not recognised."""
    base = getattr(model, getattr(model, "base_model_prefix", ""), None)
    encoder = getattr(base, "encoder", None)
    layers = list(getattr(encoder, "layer", None) or ())  # BERT, RoBERTa, XLM-RoBERTa
    for group in getattr(encoder, "albert_layer_groups", None) or ():  # ALBERT
        layers += list(group.albert_layers)
    if not layers:
        return None
    names = [
        "feed_forward_chunk" if hasattr(layer, "feed_forward_chunk") else "ff_chunk"
        for layer in layers
    ]
    for layer, name in zip(layers, names, strict=True):
        if getattr(layer, "chunk_size_feed_forward", 0) != 0 or not hasattr(layer, name):
            return None  # a layout this module does not know: leave the model as it is
    real = RealTokens()
    first_token_only = type(model).__name__ in FIRST_TOKEN_MODELS
    for position, (layer, name) in enumerate(zip(layers, names, strict=True)):
        original = getattr(layer, name)
        if first_token_only and position == len(layers) - 1:
            setattr(layer, name, _first_position(original))
        else:
            setattr(layer, name, _real_rows(original, real))
    return real


def _first_position(feed_forward):
    def first_position_feed_forward(attention_output):
        return feed_forward(attention_output[:, :1])

    return first_position_feed_forward


def _real_rows(feed_forward, real: RealTokens):
    def real_rows_feed_forward(attention_output):
        rows = real.rows
        batch, length, hidden = attention_output.shape
        if rows is None or rows.numel() == batch * length:
            return feed_forward(attention_output)
        flat = attention_output.reshape(batch * length, hidden)
        out = feed_forward(flat.index_select(0, rows).unsqueeze(0)).squeeze(0)
        result = out.new_zeros(batch * length, out.shape[-1])
        result.index_copy_(0, rows, out)
        return result.view(batch, length, -1)

    return real_rows_feed_forward
