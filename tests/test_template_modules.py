"""What every training-template module of the third-generation retrain promises: the same seed
gives the same cases, another seed others; every family has a share; an unknown family is
refused. (Each module's own file tests its labels, wording and variety.)"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from template_modules import draws

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import v3_everyday_templates  # noqa: E402
import v3_identity_templates  # noqa: E402
import v3_semantic_templates  # noqa: E402
import v3_social_templates  # noqa: E402

MODULES = [v3_semantic_templates, v3_social_templates, v3_everyday_templates, v3_identity_templates]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_the_same_seed_gives_the_same_cases_and_another_seed_others(module):
    assert draws(module, 7, 20) == draws(module, 7, 20)
    assert draws(module, 7, 20) != draws(module, 8, 20)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_family_has_a_share(module):
    assert set(module.SHARES) == set(module.FAMILIES)
    assert all(share > 0 for share in module.SHARES.values())


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_an_unknown_family_is_refused(module):
    with pytest.raises(ValueError):
        module.case("no such family", random.Random(0))


def test_no_two_modules_share_a_family_name():
    # The trainer records a module's hash when it drew a row of one of its families, matched by
    # name (``train_classifier_v3.template_hashes``): a shared name would credit the wrong file.
    import v3_augment

    names = [f for module in (v3_augment, *MODULES) for f in module.FAMILIES]
    assert len(names) == len(set(names))
