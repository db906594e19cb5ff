"""The moderators' workbench: queue, decisions, settings, accounts and insight pages."""

from . import admin, insight_pages, views  # noqa: F401 - they register their routes on views.bp
