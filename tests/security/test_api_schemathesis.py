"""schemathesis against the API's OpenAPI document, on the demo data, as a system admin and
as a village reporter: no server error and no answer outside the document (issue 10,
item 4). Every operation is driven with generated input, valid and not."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# transaction=True: each request commits or fails on its own, as in production (a database
# error in one request must not poison the next through the test's wrapping transaction)
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

EXAMPLES = 25
# Building a Word/PDF report takes seconds: a few examples say enough there.
FEW = {"/api/v1/resolutions/{resolution_id}/report", "/api/v1/resolutions/read"}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture
def demo(transactional_db: Any) -> Any:
    from nghiquyet.demo.services import load_demo

    return load_demo()


def _token(username: str) -> str:
    from django.contrib.auth import get_user_model

    from nghiquyet.accounts.services import api_token_create

    user = get_user_model().objects.get(username=username)
    return api_token_create(user=user, name="schemathesis")[1]


def _run(username: str) -> list[str]:
    from nghiquyet.api.main import api

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
    schema.app = WSGIHandler()
    # identity: the WSGI test client does not inflate the gzip the product sends browsers
    headers = {"Authorization": f"Bearer {_token(username)}", "Accept-Encoding": "identity"}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=3 if operation.path in FEW else EXAMPLES, deadline=None,
                  database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            check()
        except BaseException as exc:  # FailureGroup is a BaseExceptionGroup; report them all
            if isinstance(exc, KeyboardInterrupt):
                raise
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    return failures


@pytest.mark.parametrize("username", ["quantri", "truongban"])
def test_no_server_error_and_no_schema_violation(demo: Any, username: str) -> None:
    failures = _run(username)
    assert not failures, "\n\n".join(failures)
