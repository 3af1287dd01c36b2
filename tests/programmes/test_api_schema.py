"""schemathesis on the programme's API operations (as in tests/security), on the demo:
no server error and no answer outside the OpenAPI document, as an admin and a reporter."""

from __future__ import annotations

from typing import Any

import pytest

# transaction=True, as in tests/security/test_api_schemathesis.py: each request commits or
# fails on its own, as in production. Inside one wrapping transaction, PostgreSQL refuses
# every query after the first database error, and later requests would answer 500.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
MINE = ("programme", "notifications")


@pytest.fixture
def demo(transactional_db: Any) -> Any:
    from nghiquyet.demo.services import load_demo

    return load_demo()


@pytest.mark.parametrize("username", ["quantri", "truongban"])
def test_programme_operations_keep_to_the_schema(demo: Any, username: str) -> None:
    import schemathesis
    from django.core.handlers.wsgi import WSGIHandler
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    from nghiquyet.api.main import api
    from tests.security.test_api_schemathesis import _token

    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_schema_conformance]
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
    schema.app = WSGIHandler()
    headers = {"Authorization": f"Bearer {_token(username)}", "Accept-Encoding": "identity"}
    failures: list[str] = []
    operations = [r.ok() for r in schema.get_all_operations()]
    operations = [op for op in operations if any(word in op.path for word in MINE)]
    assert len(operations) >= 10
    for operation in operations:
        try:
            _drive(operation, headers, checks)
        except BaseException as exc:  # FailureGroup is a BaseExceptionGroup
            if isinstance(exc, KeyboardInterrupt):
                raise
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    assert not failures, "\n\n".join(failures)


def _drive(operation: Any, headers: dict[str, str], checks: list[Any]) -> None:
    from hypothesis import HealthCheck, given, settings

    @given(case=operation.as_strategy())
    @settings(max_examples=20, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=checks)

    check()
