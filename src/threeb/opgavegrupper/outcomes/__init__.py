"""Outcomes (content/outcome.py) where they are shown: feed, cards, front page."""
