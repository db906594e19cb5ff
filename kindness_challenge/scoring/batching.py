"""Planning padded sub-batches: texts of similar token length share a batch.

A transformer pays for every position of a padded batch, so a batch padded to its longest text
wastes the difference on every shorter one. The plan sorts a batch by length and cuts the sorted
run where that costs least: each sub-batch costs its padded size plus a fixed overhead (one more
pass through the model's layers), and no sub-batch may pad to more than a token budget, which
keeps it small enough to stay in the CPU's caches. Pure Python, so the plan can be tested and
measured on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

# A forward pass costs about this many tokens' worth of work before any token is counted: the
# Python and kernel overhead of a dozen layers, and reading every weight once.
OVERHEAD_TOKENS = 32


def plan_sub_batches(
    lengths: Sequence[int], tokens_per_batch: int, overhead_tokens: int = OVERHEAD_TOKENS
) -> list[list[int]]:
    """Group the indices of ``lengths`` into sub-batches, longest first, at least total cost.

    A sub-batch's cost is its count times its longest length, plus ``overhead_tokens``; its
    padded size stays within ``tokens_per_batch`` (a text over the budget goes alone). Within a
    sub-batch, indices are longest first. Every index appears in exactly one sub-batch.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    # best[j]: the least cost of the first j texts of `order`; start[j]: where their last group
    # begins. Groups are runs of `order`, so a run's width is the length of its first text.
    best = [0] + [float("inf")] * len(order)
    start = [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        for first in range(end - 1, -1, -1):
            size = lengths[order[first]] * (end - first)
            if size > tokens_per_batch and end - first > 1:
                break
            cost = best[first] + size + overhead_tokens
            if cost < best[end]:
                best[end], start[end] = cost, first
    groups = []
    end = len(order)
    while end > 0:
        groups.append(order[start[end] : end])
        end = start[end]
    return groups[::-1]


def padding_waste(lengths: Sequence[int], groups: Sequence[Sequence[int]]) -> float:
    """The share of padded positions that are padding, for a plan of ``groups``."""
    padded = sum(max(lengths[i] for i in group) * len(group) for group in groups if group)
    real = sum(lengths[i] for group in groups for i in group)
    return 0.0 if padded == 0 else 1.0 - real / padded
