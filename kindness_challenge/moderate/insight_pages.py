"""Read-only insight pages of the moderators' blueprint: statistics, calibration, CSV exports."""

from __future__ import annotations

from itertools import chain

from flask import Response, current_app, render_template, request, stream_with_context
from flask_login import login_required

from ..core.policy_store import load_policy
from ..core.routing import KINDNESS_LABEL
from ..extensions import db
from ..insights import charts
from ..insights.calibration import decided_samples, sweep, threshold_grid
from ..insights.export import DECISION_COLUMNS, WALL_COLUMNS, csv_lines, decision_rows, wall_rows
from ..insights.stats import DEFAULT_PERIOD, OUTCOMES, PERIODS, collect, format_duration
from ..models import utcnow
from ..services import get_scorer
from .admin import admin_required
from .views import bp

UTF8_BOM = "\ufeff"


@bp.route("/stats")
@login_required
def stats():
    days = request.args.get("days", DEFAULT_PERIOD, type=int)
    if days not in PERIODS:
        days = DEFAULT_PERIOD
    figures = collect(db.session, days)
    return render_template(
        "moderate/stats.html",
        stats=figures,
        periods=PERIODS,
        outcomes=OUTCOMES,
        outcome_chart=charts.outcome_columns(figures),
        queue_chart=charts.queue_line(figures),
        moderator_chart=charts.moderator_bars(figures),
        agreement_chart=charts.agreement_bars(figures),
        duration=format_duration,
    )


@bp.route("/calibration")
@admin_required
def calibration():
    scorer = get_scorer(current_app)
    classifier = scorer.classifier
    samples = decided_samples(db.session, classifier.name, classifier.version)
    labels = sorted(samples.by_label)
    label = request.args.get("label")
    if label not in labels:
        label = "toxicity" if "toxicity" in labels else next(iter(labels), None)
    policy = load_policy(db.session, scorer.thresholds, scorer.kindness_threshold)
    kindness = label == KINDNESS_LABEL
    if kindness:
        current = policy.kindness_threshold if policy.require_kindness else None
    else:
        current = policy.thresholds.get(label) if label else None
    rows = (
        sweep(
            samples.by_label[label], threshold_grid(current), current, publish_at_or_above=kindness
        )
        if label
        else []
    )
    return render_template(
        "moderate/calibration.html",
        classifier=classifier.description,
        samples=samples,
        labels=labels,
        label=label,
        kindness=kindness,
        current=current,
        rows=rows,
        chart=charts.calibration_lines(rows, current) if rows else None,
    )


def _csv_download(name: str, header, rows) -> Response:
    """A streamed CSV download. It starts with a UTF-8 byte order mark, without which Excel
    reads the file as the local code page and garbles every accent, script and emoji;
    ``?bom=0`` leaves it out for scripts that do not skip one."""
    lines = csv_lines(header, rows)
    if request.args.get("bom") != "0":
        lines = chain([UTF8_BOM], lines)
    response = Response(stream_with_context(lines), mimetype="text/csv")
    filename = f"kindness-{name}-{utcnow():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/export/decisions.csv")
@login_required
def export_decisions():
    return _csv_download("decisions", DECISION_COLUMNS, decision_rows(db.session))


@bp.route("/export/wall.csv")
@login_required
def export_wall():
    return _csv_download("wall", WALL_COLUMNS, wall_rows(db.session))
