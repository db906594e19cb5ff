"""The generations bench names the CPU its latency figures come from (they are hardware-bound)."""

from __future__ import annotations

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


def test_names_the_model_cores_and_widest_vector_unit(generations):
    avx512 = cpuinfo("fpu sse2 avx avx2 fma avx512f avx512bw avx512_vnni")
    assert generations.cpu_summary(avx512) == "AMD EPYC 9R14, 2 logical cores, AVX512 VNNI"
    avx2 = cpuinfo("fpu sse2 avx avx2 fma", processors=4)
    assert generations.cpu_summary(avx2) == "AMD EPYC 9R14, 4 logical cores, AVX2"


def test_an_unreadable_description_says_so_rather_than_guessing(generations):
    assert generations.cpu_summary("") == "unknown CPU, ? logical cores, NO AVX"
    assert generations.cpu_summary(cpuinfo("fpu sse2", 1)).endswith(", 1 logical core, NO AVX")


def test_reads_this_machines_cpu(generations):
    assert "logical cores" in generations.cpu_summary()
