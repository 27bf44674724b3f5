"""Every test here runs on each backend in tests/backends.py (SQLite, and PostgreSQL when configured)."""

import pytest

from tests.backends import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param
