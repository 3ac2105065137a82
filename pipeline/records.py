"""Records that flow between stages and out of the pipeline (CONTRACT.md, schema obligraph/document/v1).

Every span is a half-open ``(start, end)`` pair of character offsets into ``DocumentRecord.text``.
``to_dict`` gives the contract JSON; field order is fixed so that output is byte-stable.

These dataclasses are the one definition of the contract: their annotations carry the constraints
(patterns, enumerations, bounds) and pipeline.schema generates the JSON Schema and the validator from
them. A field marked ``EXTRA`` is allowed by the contract but not required in a record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

import orjson

SCHEMA = "obligraph/document/v1"


class InvalidRecord(ValueError):
    """A record that breaks the contract; the message lists each failing field by its path. Here, with the
    contract, so that callers can catch it without importing the validator (pipeline.schema, pydantic)."""

if TYPE_CHECKING:
    from pydantic import Field

    EXTRA = Field(json_schema_extra={"x-extra": True})
    Offset = Annotated[int, Field(ge=0)]
    Span = tuple[Offset, Offset]
    IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    ReferenceId = Annotated[str, Field(pattern=r"^r\d+$")]
    Role = Literal["lead", "support", "responsible"]


def bind_constraints() -> None:
    """Define the constrained types the annotations below name, for pydantic to resolve them.

    The annotations are strings (``from __future__ import annotations``) read only by pipeline.schema,
    which calls this first: the extraction workers, which never validate, do not import pydantic
    (about 15 MB of memory per process)."""
    if "EXTRA" in globals():
        return
    from pydantic import Field

    offset = Annotated[int, Field(ge=0)]
    globals().update(
        Field=Field,
        EXTRA=Field(json_schema_extra={"x-extra": True}),  # pipeline.schema drops it from "required"
        Offset=offset,
        Span=tuple[offset, offset],
        IsoDate=Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")],
        ReferenceId=Annotated[str, Field(pattern=r"^r\d+$")],
        Role=Literal["lead", "support", "responsible"],
    )


OBLIGATION_ID = r"^o[0-9a-f]{16}$"  # a task's stable id: "o" and 16 hex digits (the API's paths use it too)


@dataclass
class Source:
    path: str
    format: Literal["txt", "md", "html", "pdf", "docx"]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    pages: Annotated[int, Field(ge=1)] | None = None
    ocr: bool = False


@dataclass
class Metadata:
    symbol: str | None = None
    doc_type: str | None = None
    doc_type_name: str | None = None
    issuer: str | None = None
    issued_on: IsoDate | None = None
    place: str | None = None
    title: str | None = None
    signer: str | None = None


@dataclass
class Reference:
    id: ReferenceId
    span: Span
    mention: Annotated[str, Field(min_length=1)]
    symbol: str | None
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    issuer_code: str | None = None
    issued_on: IsoDate | None = None
    # extra fields (allowed by the contract): how the citing text relates to the cited document
    relation: Annotated[Literal["cites", "based_on", "follows_up", "implements", "amends", "replaces"], EXTRA] = "cites"
    doc_type_name: Annotated[str | None, EXTRA] = None
    confidence: Annotated[float, EXTRA] = 1.0


@dataclass
class Assignee:
    mention: str
    span: Span
    name: Annotated[str, Field(min_length=1)]
    name_en: str | None
    role: Role


@dataclass
class Deadline:
    mention: str
    span: Span
    kind: Literal["date", "range", "relative", "recurring", "none"]
    date: IsoDate | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    rrule: str | None = None
    # extra fields
    # e.g. "before" (strictly before), "rolled_forward", "target"
    flags: Annotated[list[str], EXTRA] = field(default_factory=list)
    duration: Annotated[str | None, EXTRA] = None  # ISO-8601 duration for relative deadlines, e.g. "P30D"


@dataclass
class Obligation:
    id: Annotated[str, Field(pattern=OBLIGATION_ID)]
    path: str | None
    span: Span
    text: Annotated[str, Field(min_length=1)]
    action: str
    assignees: list[Assignee] = field(default_factory=list)
    deadline: Deadline | None = None
    reports_to: list[str] = field(default_factory=list)
    references: list[ReferenceId] = field(default_factory=list)
    # extra: every deadline found in the task (hard and target), the first being `deadline`
    deadlines: Annotated[list[Deadline], EXTRA] = field(default_factory=list)


@dataclass
class DocumentRecord:
    # the one spelling of the schema id; first, as a record writes it, and keyword-only, so the fields after it need no
    # defaults
    schema: Literal[SCHEMA] = field(default=SCHEMA, kw_only=True)  # type: ignore[valid-type]
    doc_id: Annotated[str, Field(pattern=r"^d[0-9a-f]{16}$")]
    source: Source
    language: Literal["vi", "en"]
    metadata: Metadata
    text: str
    references: list[Reference] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    # extra: the bodies the document as a whole is addressed to (Kính gửi / "... điện:" / closing formula)
    addressees: Annotated[list[Assignee], EXTRA] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self) -> str:
        """compact_json(self.to_dict()), the same text, written by orjson from the dataclasses themselves (in field
        order, spans as arrays) without building the dicts first: a seventh of the time."""
        try:
            return orjson.dumps(self).decode()
        except (orjson.JSONEncodeError, TypeError):
            return compact_json(self.to_dict())


def _plain(value: Any) -> Any:
    """Dataclasses as dicts in field order, spans as lists (JSON has no tuples, and a record must
    round-trip unchanged). dataclasses.asdict does the same through deepcopy, five times slower."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def compact_json(value: Any) -> str:
    """The compact JSON text of a record or a part of one (UTF-8 as written, no spaces): what the store keeps
    and the batch driver validates. orjson writes the same text as ``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))`` about five times faster (a float below 1e-4 or from 1e16 up is written in another
    form of the same number; a record's only float, a reference's confidence, lies between 0.4
    and 1); what orjson refuses (a lone surrogate, an integer past 64 bits) json writes as before."""
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(sha256: str) -> str:
    """A document is identified by its content, so the same input gets the same id on any machine."""
    return "d" + sha256[:16]


def obligation_id(doc_id: str, path: str | None, text: str, ordinal: int) -> str:
    """Stable across runs: derived from the document, the enumeration path and the task's own words."""
    key = f"{doc_id}|{path or ''}|{ordinal}|{' '.join(text.split())[:200]}"
    return "o" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
