"""Operator endpoints: liveness, readiness and Prometheus metrics."""
