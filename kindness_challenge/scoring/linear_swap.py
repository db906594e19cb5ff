"""Swap the Linear layers of a model for faster equivalents (``int8``, ``fp32_linear``)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from torch import nn


def swap_linear_layers(
    module: nn.Module,
    convert: Callable[[nn.Linear], nn.Module],
    skip: Collection[str] = (),
    _done: dict | None = None,
) -> nn.Module:
    """Replace every Linear under ``module`` by ``convert(linear)``, in place, except under
    children named in ``skip``. A layer used in several places is converted once and stays
    shared (ALBERT shares one layer across its depth)."""
    done = {} if _done is None else _done
    for name, child in module.named_children():
        if name in skip:
            continue
        if isinstance(child, nn.Linear):
            if id(child) not in done:
                done[id(child)] = convert(child)
            setattr(module, name, done[id(child)])
        else:
            swap_linear_layers(child, convert, skip, done)
    return module
