"""Read-only insight into moderation: statistics, calibration and exports.

Plain modules over a SQLAlchemy ``Session`` (no Flask imports, except ``cli``), so the figures
can be tested against known fixtures and computed from a shell or a benchmark.
"""
