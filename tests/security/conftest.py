"""Fixtures for the security tests: the figures fixtures (series, assigned) reused."""

from tests.figures.conftest import assigned, series  # noqa: F401
