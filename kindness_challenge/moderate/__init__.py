"""The moderators' blueprint: queue and decisions (views), policy and accounts (admin)."""

from . import admin, insights, views  # noqa: F401 - they register their routes on views.bp
