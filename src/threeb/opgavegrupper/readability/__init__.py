"""Plain language, measured: the LIX readability of what residents read."""
