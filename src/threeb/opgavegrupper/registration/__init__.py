"""Residents register themselves; staff confirm them before they get a role."""
