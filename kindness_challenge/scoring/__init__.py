"""Scoring: classifiers behind one small interface, and the claim-and-score worker loop.

Nothing in this package imports Flask, so it can be used from tests and benchmarks alone.
"""
