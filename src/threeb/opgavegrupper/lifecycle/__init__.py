"""Lifecycle rules the workflows cannot express, and the transparency switch."""
