"""The JSON Schema of a document record and its validator, both generated from pipeline.records.

The dataclasses there are the one definition; ``document_schema()`` turns them into the JSON Schema
checked in as document.schema.json (a test keeps the two equal; ``python -m pipeline.schema`` rewrites
the file), and ``RecordValidator`` checks a record's JSON with pydantic-core at the CLI boundary.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator

from pipeline import records
from pipeline.records import SCHEMA, DocumentRecord, InvalidRecord

SCHEMA_FILE = "document.schema.json"
_EXTRA = "x-extra"


@cache
def _adapter() -> TypeAdapter[DocumentRecord]:
    records.bind_constraints()
    return TypeAdapter(DocumentRecord)


def document_schema() -> dict[str, Any]:
    """Every field a record always carries is required, except those the contract marks as extra."""
    generated = _adapter().json_schema(mode="serialization", ref_template="#/$defs/{model}")
    for schema in (generated, *generated.get("$defs", {}).values()):
        _require_all_but_extras(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA,
            "title": "obligraph document record", **{k: v for k, v in generated.items() if k != "title"}}


def _require_all_but_extras(schema: dict[str, Any]) -> None:
    properties = schema.get("properties", {})
    schema["required"] = [name for name, prop in properties.items() if not prop.pop(_EXTRA, False)]


def checked_in_schema() -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath(SCHEMA_FILE).read_text("utf-8"))


def schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"


@cache
def _contract_validator() -> SchemaValidator:
    """pydantic fills a missing field from its default, but the contract requires every field except the
    extras (as document_schema says): the other fields' defaults are taken out of the core schema."""
    core = copy.deepcopy(_adapter().core_schema)
    _drop_defaults(core)
    return SchemaValidator(core)


def _drop_defaults(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "dataclass-field" and node["schema"].get("type") == "default" \
                and _EXTRA not in node.get("metadata", {}).get("pydantic_js_extra", {}):
            node["schema"] = node["schema"]["schema"]
        for value in node.values():
            _drop_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _drop_defaults(value)


class RecordValidator:
    """Validates a record's JSON text (what the CLI writes or reads) against the contract."""

    def __init__(self) -> None:
        self._validator = _contract_validator()

    def check_json(self, line: str | bytes) -> None:
        try:
            self._validator.validate_json(line, strict=True)
        except ValidationError as err:
            raise InvalidRecord(_describe(err)) from None

    def check(self, record: dict[str, Any]) -> None:
        self.check_json(json.dumps(record, ensure_ascii=False))


def _describe(err: ValidationError) -> str:
    problems = [f"{'.'.join(str(part) for part in e['loc']) or '(record)'}: {e['msg']}" for e in err.errors()[:5]]
    more = f" (and {err.error_count() - 5} more)" if err.error_count() > 5 else ""
    return "invalid record: " + "; ".join(problems) + more
