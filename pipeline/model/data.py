"""Training examples from gold: every unit of every annotated document, labelled TASK when a gold
obligation's anchor starts in it (found as the scorer finds anchors, at every place the text holds it), else
OTHER."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate import gold_document
from pipeline.extract.document import extract_file, is_normative
from pipeline.model.fold import anchor_occurrences
from pipeline.model.tokenize import tokenizer_for
from pipeline.model.units import Unit, document_units, unit_at
from pipeline.records import DocumentRecord, Obligation
from pipeline.segment.segmenter import Segmentation, segment

TASK, OTHER = "TASK", "OTHER"


@dataclass
class GoldDocument:
    gold: dict
    record: DocumentRecord  # the rules' extraction: its text and its obligations
    seg: Segmentation

    @property
    def stem(self) -> str:
        return Path(self.gold["file"]).stem


@dataclass
class Labelled:
    units: list[Unit] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: int = 0
    anchors_not_found: int = 0


def gold_files(gold_dirs: list[str | Path]) -> list[Path]:
    return sorted((p for d in gold_dirs for p in Path(d).glob("*.json")), key=lambda p: (p.name, str(p)))


def load_documents(gold_dirs: list[str | Path], shared: str | Path) -> list[GoldDocument]:
    """Extract (with the rules) every document the gold files annotate; unreadable ones are said and skipped."""
    documents = []
    for path in gold_files(gold_dirs):
        gold = json.loads(path.read_text("utf-8"))
        if gold.get("complete") is False:  # a partly reviewed document (review-export): its unreviewed tasks
            print(f"train: {path.name}: review not complete, left out", file=sys.stderr)  # would read as OTHER
            continue
        try:
            record = extract_file(gold_document(gold["file"], shared))
        except Exception as error:  # noqa: BLE001 - a missing or broken document leaves training, loudly
            print(f"train: {gold['file']}: {error}", file=sys.stderr)
            continue
        documents.append(GoldDocument(gold, record, segment(record.text)))
    return documents


def doc_features(record: DocumentRecord) -> tuple[str, ...]:
    meta = record.metadata
    features = [f"__type_{meta.doc_type or 'none'}"]
    if is_normative(meta.symbol, meta.doc_type):
        features.append("__normative")
    return tuple(features)


def units_of(record: DocumentRecord, seg: Segmentation, tokenizer: str = "plain",
             with_rules: list[Obligation] | None = None, *, words: bool = True) -> list[Unit]:
    """The record's units; with ``with_rules``, a unit where a rule obligation starts carries ``__rule``
    (the model then learns where the rules err rather than relearning them); without ``words``, see
    units.document_units."""
    units = document_units(record.text, seg, record.language, tokenizer_for(tokenizer, record.language),
                           doc_features(record), words=words)
    if with_rules:
        starts = [u.span[0] for u in units]
        for obligation in with_rules:
            index = unit_at(units, starts, obligation.span[0])
            if index is not None and "__rule" not in units[index].features:
                units[index].features.insert(0, "__rule")
    return units


def label(documents: list[GoldDocument], tokenizer: str = "plain", rule_feature: bool = False) -> Labelled:
    out = Labelled()
    for doc in documents:
        units = units_of(doc.record, doc.seg, tokenizer, doc.record.obligations if rule_feature else None)
        starts = [u.span[0] for u in units]
        tasks: set[int] = set()
        anchors = [o.get("anchor") or "" for o in doc.gold.get("obligations", [])]
        for places in anchor_occurrences(doc.record.text, anchors):
            out.anchors += 1
            found = {i for i in (unit_at(units, starts, offset) for offset in places) if i is not None}
            if not found:
                out.anchors_not_found += 1
            tasks |= found  # a task written twice (body and appendix table) is a task at both places
        out.units.extend(units)
        out.labels.extend(TASK if i in tasks else OTHER for i in range(len(units)))
    return out
