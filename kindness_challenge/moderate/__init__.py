"""The moderators' workbench: queue, decisions, settings, accounts and insight pages."""
