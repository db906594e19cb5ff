"""Visitors: the wall, permalinks, hearts, reports, the event display and the feed."""
