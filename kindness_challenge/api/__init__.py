"""The read-only JSON API for machine clients (``/api/v1/``), described by ``/api/openapi.json``.

Only published moments ever leave it, and only their public fields.
"""
