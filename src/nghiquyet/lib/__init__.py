"""Helpers that know nothing of Django (number formats, translation shim)."""
