"""Participation figures, shared by the dashboard and GET @participation."""
