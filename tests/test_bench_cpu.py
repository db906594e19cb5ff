"""The generations bench names the CPU its latency figures come from (they are hardware-bound)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generations():
    sys.path.insert(0, str(ROOT / "bench"))
    import generations

    return generations


def cpuinfo(flags: str, processors: int = 2) -> str:
    block = "processor\t: {n}\nmodel name\t: AMD EPYC 9R14\nflags\t\t: {flags}\n\n"
    return "".join(block.format(n=n, flags=flags) for n in range(processors))


def test_names_the_model_usable_cores_and_widest_vector_unit(generations):
    avx512 = cpuinfo("fpu sse2 avx avx2 fma avx512f avx512bw avx512_vnni", processors=8)
    assert generations.cpu_summary(avx512, cores=2) == "AMD EPYC 9R14, 2 cores, AVX512 VNNI"
    avx2 = cpuinfo("fpu sse2 avx avx2 fma", processors=4)
    assert generations.cpu_summary(avx2, cores=1) == "AMD EPYC 9R14, 1 core, AVX2"


def test_an_unreadable_description_says_so_rather_than_guessing(generations):
    assert generations.cpu_summary("", cores=0) == "unknown CPU, ? cores, NO AVX"
    assert generations.cpu_summary(cpuinfo("fpu sse2", 1), cores=3).endswith(", 3 cores, NO AVX")


def test_counts_the_cores_this_process_may_use(generations):
    usable = len(os.sched_getaffinity(0))
    assert f", {usable} core" in generations.cpu_summary()
