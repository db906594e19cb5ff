"""The README's set-up and examples work from a fresh clone: commands name only files the
repository has, the Makefile takes the overrides it documents, and the calibrate example runs."""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CODE_BLOCKS = re.findall(r"^```[a-z]*\n(.*?)^```", README, re.S | re.M)


def commands(prefix: str) -> list[list[str]]:
    return [
        shlex.split(line.split("#")[0])
        for block in CODE_BLOCKS
        for line in block.splitlines()
        if line.startswith(prefix)
    ]


def test_no_example_reaches_outside_the_clone():
    assert CODE_BLOCKS
    for block in CODE_BLOCKS:
        assert "../" not in block, block


def test_the_calibrate_example_names_a_file_the_repository_has_and_runs(app, runner):
    (example, *_) = commands(".venv/bin/flask --app wsgi calibrate")
    files = [word for word in example[4:] if word.endswith(".jsonl")]
    assert files and all((ROOT / name).is_file() for name in files)
    result = runner.invoke(args=["calibrate", *(str(ROOT / name) for name in files)])
    assert result.exit_code == 0, result.output
    assert "toxic recall (held back)" in result.output


def test_the_documented_overrides_are_the_makefiles():
    assert "make run PORT=8080" in README and "HOST=0.0.0.0" in README
    assert re.search(r"^HOST \?= 127\.0\.0\.1$", MAKEFILE, re.M)
    assert re.search(r"^PORT \?= 5000$", MAKEFILE, re.M)
    assert "--host $(HOST) --port $(PORT)" in MAKEFILE


def test_the_first_install_shows_its_progress():
    install = MAKEFILE[MAKEFILE.index("$(STAMP): pyproject.toml") :]
    install = install[: install.index("touch $(STAMP)")]
    big = [
        line
        for line in install.splitlines()
        if "pip install" in line and "--upgrade pip" not in line  # pip itself: a second
    ]
    assert len(big) == 2 and "TORCH_SPEC" in big[0] and "-e '.[dev]'" in big[1]
    for line in big:
        assert "--quiet" not in line and "--progress-bar on" in line, line


def test_the_readme_says_the_first_account_is_an_admin():
    assert "The first account is an **admin**" in README
    assert "KINDNESS_DETOXIFY_CHECKPOINT" in README and "KINDNESS_CLASSIFIER=embedded" in README
