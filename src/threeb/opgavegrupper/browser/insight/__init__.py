"""Insight pages: participation dashboard, årshjul, board desk, memo, calendar."""
