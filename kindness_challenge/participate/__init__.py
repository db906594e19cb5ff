"""Participants: share a moment (with a kindness nudge), follow it, withdraw or appeal it."""
