"""The staged pipeline for one file: ingest -> normalise -> segment -> language -> metadata ->
references -> obligations, giving one contract record (``DocumentRecord``)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from pipeline.cleanup.language import DEFAULT_BACKEND, detect_document
from pipeline.cleanup.normalise import normalise, straight_quotes
from pipeline.extract.metadata import LEADERS_CONCLUSION, read_header
from pipeline.extract.obligations import extract_obligations
from pipeline.extract.page_kind import is_encyclopedia_article
from pipeline.extract.references import find_references
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.readers import DEFAULT_MAX_BYTES, read_document
from pipeline.knowledge.patterns import PROVINCIAL_BODY
from pipeline.records import DocumentRecord, Source, doc_id_for
from pipeline.segment.segmenter import paragraphs, segment

STAGES = ("ingest", "normalise", "segment", "language", "metadata", "references", "obligations")
# the province of a provincial issuer: its People's Committee or its People's Council


@dataclass
class StageTimer:
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    current: str = "ingest"  # the stage running now: a file stopped by its time limit is reported there

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self.current = name
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start


class StageError(Exception):
    """An extractor crashed on a file; carries the stage so failures.jsonl can say where."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{stage} stage failed: {type(cause).__name__}: {cause}")
        self.stage = stage


def extract_file(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 language_backend: str = DEFAULT_BACKEND, timer: StageTimer | None = None,
                 limits: Limits = DEFAULT_LIMITS, components: str = "rules") -> DocumentRecord:
    timer = timer or StageTimer()
    with timer.stage("ingest"):
        raw = read_document(path, max_bytes, limits)  # IngestError propagates as a bad-input failure
    return extract_text(raw.text, source=Source(path=str(path), format=raw.format, sha256=raw.sha256,
                                                 pages=raw.pages, ocr=raw.ocr),
                        language_backend=language_backend, timer=timer, components=components)


def extract_text(raw_text: str, *, source: Source, language_backend: str = DEFAULT_BACKEND,
                 timer: StageTimer | None = None, components: str = "rules") -> DocumentRecord:
    timer = timer or StageTimer()
    stage = "normalise"
    try:
        with timer.stage(stage):
            as_written = normalise(raw_text)
            text = straight_quotes(as_written)  # what the rules read; the record keeps the quotes as written
        stage = "segment"
        with timer.stage(stage):
            seg = segment(text)
        stage = "language"
        with timer.stage(stage):
            language = detect_document([text[s:e] for s, e in paragraphs(text)], language_backend)
        stage = "metadata"
        with timer.stage(stage):
            header = read_header(text, seg, language)
            meta, authority = header.metadata, header.authority
            # an encyclopedia article a crawl picked up tells what bodies do, and asks nothing of them; its dates and
            # places are its subject's ("sinh ngày 10 tháng 12 năm 1958"), none its own
            encyclopedia = is_encyclopedia_article(text, meta)
            if encyclopedia:
                meta = replace(meta, issued_on=None, place=None)
        doc_id = doc_id_for(source.sha256)
        stage = "references"
        with timer.stage(stage):
            refs = find_references(text, language=language, own_symbol=meta.symbol, issued_on=meta.issued_on)
        stage = "obligations"
        with timer.stage(stage):
            obligations, addressees = ([], []) if encyclopedia else extract_obligations(
                text, seg, doc_id=doc_id, language=language, issued_on=meta.issued_on, references=refs,
                province=province_of(authority), normative=is_normative(meta.symbol, meta.doc_type),
                central=is_central(authority, meta.title), articles_only=publishes_procedures(meta.doc_type, meta.title),
                issuer=authority)
    except Exception as err:  # report which extractor broke; the batch goes on
        raise StageError(stage, err) from err
    record = DocumentRecord(doc_id=doc_id, source=source, language=language, metadata=meta, text=text,
                            references=refs, obligations=obligations, addressees=addressees)
    if components != "rules":  # the trained block classifier filters/extends the rules' obligations
        try:
            with timer.stage("obligations"):
                from pipeline.model.components import apply_components

                apply_components(record, seg, components, province=province_of(authority))
        except Exception as err:
            raise StageError("obligations", err) from err
    if as_written is not text:
        _quote_as_written(record, as_written)
    return record


def _quote_as_written(record: DocumentRecord, text: str) -> None:
    """The record's text, and every mention and task cut from it, with the document's own quotes (the spans
    are the same: the rules' view only straightened them)."""
    record.text = text
    for mentioned in (*record.references, *record.addressees):
        mentioned.mention = text[mentioned.span[0]:mentioned.span[1]]
    for obligation in record.obligations:
        obligation.text = text[obligation.span[0]:obligation.span[1]]
        for mentioned in (*obligation.assignees, *obligation.deadlines,
                          *((obligation.deadline,) if obligation.deadline else ())):
            mentioned.mention = text[mentioned.span[0]:mentioned.span[1]]


# Legal normative documents carry the year in their symbol ("16/2025/NĐ-CP", "32/2025/QĐ-TTg"); laws,
# decrees, circulars and consolidated texts are normative whatever their symbol says.
NORMATIVE_TYPES = frozenset({"L", "LUẬT", "PL", "NĐ", "TT", "TTLT", "VBHN"})
_YEAR_IN_SYMBOL = re.compile(r"^\d+/(?:19|20)\d\d/[^/]+$")


def is_normative(symbol: str | None, doc_type: str | None) -> bool:
    """Whether the rules regime applies: only work given to state bodies is an obligation (ANNOTATION.md)."""
    if doc_type and doc_type.upper() in NORMATIVE_TYPES:
        return True
    return bool(symbol and (_YEAR_IN_SYMBOL.match(symbol) or "VBHN" in symbol))


# "Công bố danh mục thủ tục hành chính ...", "Phê duyệt quy trình nội bộ giải quyết thủ tục hành chính ...", "Chuẩn hóa
# danh mục thủ tục hành chính đặc thù ..."
_PUBLISHES_PROCEDURES = re.compile(
    r"^(?:sửa\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+(?:của\s+)?)?quyết\s+định\s+số\s+[^.]{0,120}?)?"  # an amendment of one
    r"(?:về\s+việc\s+)?(?:công\s+b[ốồ]|(?:ban\s+hành|phê\s+duyệt|chuẩn\s+hóa)\s+danh\s+mục|phê\s+duyệt\s+(?:phương\s+án\s+tái\s+cấu\s+trúc[^.]{0,40}?)?"
    r"quy\s+trình)\b[^.]{0,120}?thủ\s+tục\s+hành\s+chính", re.I)


def publishes_procedures(doc_type: str | None, title: str | None) -> bool:
    """A decision that publishes administrative procedures: the procedures it carries are rules, not tasks."""
    return doc_type == "QĐ" and bool(title and _PUBLISHES_PROCEDURES.match(" ".join(title.split())))


_CENTRAL_ISSUER = re.compile(r"^(?:Chính phủ|Thủ tướng Chính phủ|Văn phòng Chính phủ|Bộ\s|Ngân hàng Nhà nước)")


def is_central(issuer: str | None, title: str | None = None) -> bool:
    """A document of the Government, the Prime Minister or a ministry speaks to every province at once; so does one
    whose header is lost but whose title conveys the Prime Minister's conclusions ("KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ
    ...", the Government Office's notice)."""
    if issuer:
        return bool(_CENTRAL_ISSUER.match(issuer))
    return bool(title and LEADERS_CONCLUSION.match(title))


def province_of(issuer: str | None) -> str | None:
    """'Ủy ban nhân dân tỉnh Đắk Lắk' (or its council) -> 'Đắk Lắk', so 'UBND tỉnh' in its text resolves to it."""
    if not issuer:
        return None
    m = PROVINCIAL_BODY.match(issuer)
    return m.group("province") if m else None
