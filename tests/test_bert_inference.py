"""``scoring/bert_inference.py``: BERT layers run in fewer operations give what ``transformers``
gives (padded batches and packed rows, through either fp32 library), refuse what they do not
support, and are what the English and French scorers run."""

from __future__ import annotations

import pytest
import torch
from transformers import BertConfig, BertModel

from kindness_challenge.scoring import bert_inference
from kindness_challenge.scoring.bert_inference import InferenceLayers, additive_mask, supports
from kindness_challenge.scoring.fp32_linear import OneDnnLinear, onednn_available


def tiny_bert(**changes) -> BertModel:
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=50, hidden_size=32, num_hidden_layers=3, num_attention_heads=4,
        intermediate_size=64, max_position_embeddings=64, **changes,
    )  # fmt: skip
    model = BertModel(config, add_pooling_layer=False)
    model.set_attn_implementation("eager")
    with torch.no_grad():  # biases and norms away from their initial zeros and ones
        for parameter in model.parameters():
            parameter.add_(0.05 * torch.randn_like(parameter))
    return model.eval()


ONEDNN = [False, pytest.param(True, marks=pytest.mark.skipif(
    not onednn_available(), reason="this torch build has no oneDNN"))]  # fmt: skip


@pytest.mark.parametrize("onednn", ONEDNN)
def test_a_padded_batch_reads_as_transformers_reads_it(onednn):
    model = tiny_bert()
    layers = InferenceLayers(model.encoder.layer, model.config, onednn=onednn)
    ids = torch.randint(1, 50, (3, 11))
    mask = torch.ones(3, 11, dtype=torch.long)
    mask[1, 7:] = 0  # padding
    mask[2, 3:] = 0

    with torch.inference_mode():
        expected = model(input_ids=ids, attention_mask=mask).last_hidden_state
        got = layers(model.embeddings(input_ids=ids), additive_mask(mask))

    real = mask.bool()
    assert (got[real] - expected[real]).abs().max().item() < 1e-5
    linears = {type(m) for m in layers.modules() if isinstance(m, torch.nn.Linear | OneDnnLinear)}
    assert linears == ({OneDnnLinear} if onednn else {torch.nn.Linear})
    assert len(layers.layers) == 3 and not any(p.requires_grad for p in layers.parameters())


def test_a_packed_row_reads_each_text_as_alone():
    """The English scorer's packed row: an additive (1, 1, n, n) mask and positions per text."""
    model = tiny_bert()
    layers = InferenceLayers(model.encoder.layer, model.config)
    texts = [torch.randint(1, 50, (n,)) for n in (5, 9, 3)]
    segment = torch.repeat_interleave(torch.arange(3), torch.tensor([5, 9, 3]))
    mask = torch.zeros(1, 1, 17, 17)
    mask.masked_fill_(segment[:, None] != segment[None, :], torch.finfo(torch.float32).min)
    positions = torch.cat([torch.arange(n) for n in (5, 9, 3)]).unsqueeze(0)

    with torch.inference_mode():
        hidden = model.embeddings(input_ids=torch.cat(texts).unsqueeze(0), position_ids=positions)
        packed = layers(hidden, mask)[0].split([5, 9, 3])
        alone = [model(input_ids=t.unsqueeze(0)).last_hidden_state[0] for t in texts]

    for one, other in zip(packed, alone, strict=True):
        assert (one - other).abs().max().item() < 1e-5


def test_the_weights_are_copied_not_shared():
    model = tiny_bert()
    ids = torch.randint(1, 50, (1, 6))
    layers = InferenceLayers(model.encoder.layer, model.config)
    with torch.inference_mode():
        before = layers(model.embeddings(input_ids=ids), additive_mask(torch.ones(1, 6)))
        for parameter in model.encoder.parameters():
            parameter.zero_()
        after = layers(model.embeddings(input_ids=ids), additive_mask(torch.ones(1, 6)))
    assert torch.equal(before, after)


@pytest.mark.parametrize(
    "changes",
    [{"hidden_act": "relu"}, {"position_embedding_type": "relative_key"}, {"is_decoder": True}],
)
def test_other_layers_are_refused_and_left_to_transformers(changes):
    model = tiny_bert(**changes)
    assert not supports(model.config)
    with pytest.raises(ValueError, match="only the plain BERT"):
        InferenceLayers(model.encoder.layer, model.config)


def test_layers_already_swapped_for_onednn_are_refused():
    model = tiny_bert()
    layer = model.encoder.layer[0]
    layer.attention.self.query = OneDnnLinear(layer.attention.self.query)
    with pytest.raises(ValueError, match="not a plain Linear"):
        InferenceLayers([layer], model.config)


def test_the_onednn_choice_follows_the_measured_backend(monkeypatch):
    model = tiny_bert()
    monkeypatch.setattr(bert_inference, "faster_fp32_backend", lambda: "default")
    layers = InferenceLayers(model.encoder.layer, model.config)
    assert not any(isinstance(m, OneDnnLinear) for m in layers.modules())


def test_released_source_layers_hold_no_weights_and_the_copy_still_reads():
    model = tiny_bert()
    ids = torch.randint(1, 50, (1, 6))
    with torch.inference_mode():
        expected = model(input_ids=ids).last_hidden_state
    layers = InferenceLayers(model.encoder.layer, model.config, release=True)
    assert all(p.numel() == 0 for p in model.encoder.layer.parameters())
    with torch.inference_mode():
        got = layers(model.embeddings(input_ids=ids), additive_mask(torch.ones(1, 6)))
    assert (got - expected).abs().max().item() < 1e-5
