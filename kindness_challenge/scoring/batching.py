"""Planning padded sub-batches: texts of similar token length share a batch.

A transformer pays for every position of a padded batch, so a batch padded to its longest text
wastes the difference on every shorter one. Sorting by length first and cutting the sorted run into
batches of a bounded padded size keeps the waste small and each batch small enough to stay in the
CPU's caches. Pure Python, so the plan can be tested and measured on its own.
"""

from __future__ import annotations

from collections.abc import Sequence


def plan_sub_batches(lengths: Sequence[int], tokens_per_batch: int) -> list[list[int]]:
    """Group the indices of ``lengths``, longest first, each group padded to ``tokens_per_batch``.

    A group's padded size is its count times its first (longest) length. A text longer than the
    budget gets a group of its own. Every index appears in exactly one group.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    groups: list[list[int]] = []
    for index in order:
        if groups:
            group = groups[-1]
            if lengths[group[0]] * (len(group) + 1) <= tokens_per_batch:
                group.append(index)
                continue
        groups.append([index])
    return groups


def padding_waste(lengths: Sequence[int], groups: Sequence[Sequence[int]]) -> float:
    """The share of padded positions that are padding, for a plan of ``groups``."""
    padded = sum(max(lengths[i] for i in group) * len(group) for group in groups if group)
    real = sum(lengths)
    return 0.0 if padded == 0 else 1.0 - real / padded
