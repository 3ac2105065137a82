"""Schemathesis against /openapi.json: generated requests never get a 5xx, and every response
conforms to the document (status codes, content types, bodies)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import copy_store  # noqa: E402
from webutil import TOKEN  # noqa: E402

from pipeline.web import create_app  # noqa: E402

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def app(web_store_master, tmp_path_factory):
    return create_app(copy_store(web_store_master, tmp_path_factory.mktemp("schema") / "store.sqlite"), TOKEN)


def test_api_conforms(app):
    """Every operation of the document, 30 generated cases each (schemathesis' pytest plugin does not
    run under this pytest, so the operations' strategies are driven by Hypothesis directly)."""
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    statuses: list[int] = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def conforms(case):
            headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
            response = case.call(headers=headers)
            statuses.append(response.status_code)
            case.validate_response(response, checks=CHECKS)

        conforms()
    assert len(statuses) >= 10 * len(operations)
    assert 200 in statuses and 400 in statuses and 404 in statuses
