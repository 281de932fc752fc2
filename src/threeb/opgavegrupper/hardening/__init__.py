"""Defences against forged requests, revoked tokens and lists of people."""
