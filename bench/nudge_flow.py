"""What a participant's submission costs the web process, with and without kept nudge scores.

    .venv/bin/python bench/nudge_flow.py                 # 200 submissions per flow and setting
    .venv/bin/python bench/nudge_flow.py --count 400 --rounds 5

Runs the real app in this process (Flask test client, SQLite in a temporary folder, the
embedded classifier, its one torch thread) and times three ways a moment arrives:

* browser: the draft is checked while typed (``POST /share/nudge``, as share.js does after a
  pause), then the form is sent (``POST /share``): two nudges of one text;
* sent anyway: the nudge flags the text (``POST /share``, 200 with the nudge), and the
  participant sends it for review anyway (``nudge_ack=1``);
* no JavaScript: the form is sent once (one nudge: nothing to reuse, the control).

each with ``NUDGE_CACHE_SECONDS`` 0 (off) and 600 (on), interleaved in rounds, and prints the
CPU milliseconds per submission (this process: the web side only; the score worker is not run)
model inferences per submission, the share stored with their scores (which the score worker
routes on without an inference), and the ratio off/on measured in the same run. Every text
is unique, so nothing is shared between submissions: only a text's own repeat is kept.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import KIND, moment_tag  # noqa: E402

from kindness_challenge import create_app  # noqa: E402
from kindness_challenge.extensions import db  # noqa: E402

UNKIND = "you are a stupid idiot and everyone hates you"


def make_app(folder: Path, cache_seconds: float):
    from flask_migrate import upgrade

    folder.mkdir(parents=True, exist_ok=True)
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SCORING_MODE": "off",
            "CLASSIFIER": "embedded",
            "NUDGE_CACHE_SECONDS": cache_seconds,
            "DUPLICATE_WINDOW_SECONDS": 0,
            "NUDGE_TIMEOUT_SECONDS": 60,  # the first nudge loads the model
        }
    )
    with app.app_context():
        upgrade()
    return app


def texts_nudged(app, count: int, start: int, nudged: bool) -> list[str]:
    """``count`` unique texts that the nudge flags (unkind ones) or lets through (kind ones).
    A made-up ending moves some texts across the threshold; those are left out before
    anything is timed."""
    from kindness_challenge.core.text.scoring_form import scoring_text
    from kindness_challenge.services import get_scorer

    classifier = get_scorer(app).classifier
    texts, n = [], start
    while len(texts) < count:
        bases = [UNKIND] if nudged else KIND
        batch = [f"{bases[(n + i) % len(bases)]}, {moment_tag(n + i)}" for i in range(64)]
        n += 64
        with app.app_context():
            scores = classifier.score_batch([scoring_text(t) for t in batch])
        texts += [t for t, s in zip(batch, scores, strict=True) if (s["toxicity"] >= 0.5) == nudged]
    return texts[:count]


class Flow:
    def __init__(self, app, start: int) -> None:
        self.app = app
        self.counter = start

    def form(self, text: str, **extra) -> dict:
        return {"text": text, "display_name": "@bench", "consent": "y", **extra}

    def texts(self, name: str, count: int) -> list[str]:
        """Unique texts for ``count`` submissions by flow ``name`` (made before timing)."""
        self.counter += 100_000
        return texts_nudged(self.app, count, self.counter, nudged=name == "sent anyway")

    def run(self, name: str, texts: list[str]) -> int:
        """One submission per text by flow ``name``; returns how many were sent."""
        client = self.app.test_client(use_cookies=False)
        for text in texts:
            if name == "browser":
                assert client.post("/share/nudge", json={"text": text}).status_code == 200
                assert client.post("/share", data=self.form(text)).status_code == 302
            elif name == "sent anyway":
                assert client.post("/share", data=self.form(text)).status_code == 200  # nudged
                answer = client.post("/share", data=self.form(text, nudge_ack="1"))
                assert answer.status_code == 302
            else:
                assert client.post("/share", data=self.form(text)).status_code == 302
        return len(texts)


def with_stored_scores(app) -> int:
    """Submissions stored with their scores (the worker will not score them again)."""
    import sqlalchemy as sa

    from kindness_challenge.models import Submission

    with app.app_context():  # JSON null, not SQL NULL, where there are none: count in Python
        return sum(p is not None for p in db.session.scalars(sa.select(Submission.prescores)))


def inferences() -> float:
    from prometheus_client import REGISTRY

    return REGISTRY.get_sample_value("kindness_nudge_scores_total", {"source": "model"}) or 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="submissions per flow per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="kindness-nudge-bench-"))
    apps = {"off": make_app(folder / "off", 0), "on": make_app(folder / "on", 600)}
    flows = {"off": Flow(apps["off"], 0), "on": Flow(apps["on"], 10**8)}
    names = ["browser", "sent anyway", "no JavaScript"]
    for flow in flows.values():  # load the model and warm both apps up
        for name in names:
            flow.run(name, flow.texts(name, 5))
    cpu = {(name, setting): 0.0 for name in names for setting in apps}
    calls = dict.fromkeys(cpu, 0.0)
    stored = dict.fromkeys(cpu, 0)
    done = dict.fromkeys(cpu, 0)
    for round_ in range(args.rounds):
        for name in names:
            for setting in ("off", "on") if round_ % 2 == 0 else ("on", "off"):
                texts = flows[setting].texts(name, args.count)
                kept_before = with_stored_scores(apps[setting])
                before, started = inferences(), time.process_time()
                done[name, setting] += flows[setting].run(name, texts)
                cpu[name, setting] += time.process_time() - started
                calls[name, setting] += inferences() - before
                stored[name, setting] += with_stored_scores(apps[setting]) - kept_before

    import torch

    print(
        f"bench/nudge_flow.py  {args.count} submissions x {args.rounds} rounds per flow and "
        f"setting; embedded classifier, torch {torch.__version__}, "
        f"{torch.get_num_threads()} thread(s); web process CPU only (no score worker)\n"
    )
    print(
        "| flow | kept scores | web CPU ms per submission | inferences per submission "
        "| stored with scores (the worker skips them) | CPU off / on |"
    )
    print("|---|---|---|---|---|---|")
    for name in names:
        per = {s: cpu[name, s] / done[name, s] * 1000 for s in apps}
        for setting in ("off", "on"):
            ratio = f"{per['off'] / per['on']:.2f}x" if setting == "on" else ""
            print(
                f"| {name} | {setting} | {per[setting]:.2f} | "
                f"{calls[name, setting] / done[name, setting]:.2f} | "
                f"{stored[name, setting] / done[name, setting]:.0%} | {ratio} |"
            )
    for app in apps.values():
        with app.app_context():
            db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
