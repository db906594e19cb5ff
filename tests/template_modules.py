"""Drawing cases from the retrain's template modules (``tools/v3_*_templates.py``): each has
``FAMILIES``, ``SHARES`` and ``case(family, rng)``."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))


def draws(module: ModuleType, seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    """``per_family`` cases of every family of ``module``, in order, from one seeded stream."""
    rng = random.Random(seed)
    return [module.case(f, rng) for f in module.FAMILIES for _ in range(per_family)]
