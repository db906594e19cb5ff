"""Every flask command, one module per group: accounts, the score worker, the classifier's
files, calibration against labelled data, and campaign operations (import, rescore, purge)."""

from __future__ import annotations

from flask import Flask

from .accounts import create_moderator_command, set_password_command
from .calibrate import calibrate_command
from .classifier import classifier_group
from .importing import import_command
from .purge import purge_command
from .rescore import rescore_command
from .worker import score_worker_command


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_moderator_command)
    app.cli.add_command(set_password_command)
    app.cli.add_command(score_worker_command)
    app.cli.add_command(classifier_group)
    app.cli.add_command(calibrate_command)
    app.cli.add_command(import_command)
    app.cli.add_command(rescore_command)
    app.cli.add_command(purge_command)
