"""Plone's own page furniture as the add-on's site shows it."""
