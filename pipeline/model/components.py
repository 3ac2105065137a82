"""The post-step of extraction for ``--components``: which units are tasks, decided with the block
classifier, applied to the rule obligations of one record.

- ``rules``: nothing here runs; the record is the rules' own.
- ``model``: the classifier decides. A rule obligation stays when its unit is a task (P >= decide); a task
  unit no rule obligation starts in becomes a new obligation, its bodies and deadline found by the rule
  machinery (the agency registry, the deadline parser) in the unit or the heading above it.
- ``rules+model``: the rules decide, the model vetoes what it is confident is no task (P < veto) and
  proposes the units it is confident are tasks (P >= propose).

In both model settings a task left with no assignee (by the rules or the registry) is read by the body
recogniser (pipeline.model.bodies), when the model folder holds one: the named bodies it marks as the task's
subject become its assignees, named as the registry knows them or as written.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.deadlines import find_deadlines, primary_deadline
from pipeline.model import COMPONENTS, MODEL_ENV
from pipeline.model.bodies import CLASS, BodyRecogniser, windows
from pipeline.model.classifier import BlockClassifier
from pipeline.model.data import units_of
from pipeline.model.tokenize import tokenizer_for
from pipeline.model.units import Unit, add_words, lead_in_above, unit_at
from pipeline.records import Assignee, DocumentRecord, Obligation, obligation_id
from pipeline.segment.segmenter import Segmentation

MODEL_NAME = "blocks"
PROPOSED_ORDINAL = 1000  # ids of proposed obligations never collide with the rules' ordinals
SUBJECT_REACH = 40  # characters from a task's start within which the body it is given to is named
_TRAILING = " \t\n|;,:.-"  # a table bar or list mark the recogniser took in at a name's end
_CELL = "|"  # the bar between the cells of a table row
_BARE_LOCALITY = re.compile(r"\s(?:tỉnh|thành phố)$", re.IGNORECASE)  # "Ban Chỉ huy Phòng thủ dân sự tỉnh"


def default_model_path() -> Path:
    """The shipped model: models/blocks in a checkout, the installed ``obligraph_models`` package otherwise."""
    checkout = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
    if (checkout / "settings.json").exists():
        return checkout
    from importlib.resources import files

    return Path(str(files("obligraph_models") / MODEL_NAME))


def load_classifier(path: str | None = None) -> BlockClassifier:
    return _load(path or os.environ.get(MODEL_ENV) or str(default_model_path()))


@cache
def _load(path: str) -> BlockClassifier:
    if not (Path(path) / "settings.json").exists():
        raise FileNotFoundError(f"no trained model in {path} (train one: obligraph train corpora/gold)")
    classifier = BlockClassifier.load(path)
    classifier.bodies = BodyRecogniser.load(path)
    return classifier


def apply_components(record: DocumentRecord, seg: Segmentation, setting: str,
                     classifier: BlockClassifier | None = None, province: str | None = None) -> None:
    """Filter and extend ``record.obligations`` in place for ``setting`` (see the module's doc)."""
    if setting == "rules":
        return
    if setting not in COMPONENTS:
        raise ValueError(f"unknown components setting {setting!r} (one of {', '.join(COMPONENTS)})")
    classifier = classifier or load_classifier()
    s = classifier.settings
    keep_below, propose_at = (s.decide, s.decide) if setting == "model" else (s.veto, s.propose)
    every_unit = propose_at <= 1.0  # a unit may be proposed; else only the units of the rules' tasks are scored
    units = units_of(record, seg, s.tokenizer, with_rules=record.obligations if s.rule_feature else None,
                     words=every_unit)
    if not units:
        return
    starts = [u.span[0] for u in units]
    # the units each rule task runs over, in the order of record.obligations (None: it falls after every unit)
    spans = [None if (index := unit_at(units, starts, o.span[0])) is None else _units_within(units, index, o.span)
             for o in record.obligations]
    if every_unit:
        asked: range | list[int] = range(len(units))
    else:
        asked = sorted({i for r in spans if r is not None for i in r})
        add_words(record.text, units, asked, tokenizer_for(s.tokenizer, record.language))
    scores = classifier.task_probabilities([units[i] for i in asked]) if asked else []
    probabilities = dict(zip(asked, scores, strict=True))
    covered = {r[0] for r in spans if r is not None}  # the units a rule task starts in are never proposed again
    kept = [o for o, r in zip(record.obligations, spans, strict=True)
            if r is None or max(probabilities[i] for i in r) >= keep_below]
    proposed = [_obligation(record, seg, units, i, province, n)
                for n, i in enumerate(i for i, p in probabilities.items() if p >= propose_at and i not in covered)]
    record.obligations = sorted(kept + proposed, key=lambda o: o.span[0])
    recogniser = classifier.bodies
    if recogniser is not None:
        for obligation in record.obligations:
            if not obligation.assignees:
                obligation.assignees = recognised_assignees(record, seg, recogniser, obligation.span, province)


def _units_within(units: list[Unit], first: int, span: tuple[int, int]) -> range:
    """The units a rule task runs over, from the one it starts in: a task the rules open at its point's title or
    lead-in ("a) Tham mưu, giúp Ủy ban nhân dân tỉnh:" then its work) is a task wherever its own words stand."""
    last = first
    while last + 1 < len(units) and units[last + 1].span[0] < span[1]:
        last += 1
    return range(first, last + 1)


def recognised_assignees(record: DocumentRecord, seg: Segmentation, recogniser: BodyRecogniser,
                         span: tuple[int, int], province: str | None) -> list[Assignee]:
    """The named bodies the recogniser marks as the ones the task at ``span`` is given to: in its opening (a
    task names its body first; one named later in the sentence is the body it reports to or works with), or
    in a later cell of its table row (the "responsible" column). Classes of bodies are left to the rules'
    lead-ins: measured on the tune half, a recognised class was wrong three times in four."""
    text = record.text
    registry = AgencyRegistry.default()
    assignees: list[Assignee] = []
    # read as the recogniser was trained (the lead-in above is context too), though only the task's own marks count
    for start, end, label in recogniser.spans(text, windows(text, seg, *span)):
        if label == CLASS or not (span[0] <= start < span[0] + SUBJECT_REACH or _CELL in text[span[0]:start]):
            continue
        mentions = [m for m in registry.find_mentions(text, start, end, language=record.language, province=province)
                    if m.kind != "group"]
        if mentions:
            found = [(m.mention, m.span, m.name, m.name_en) for m in mentions]
        else:  # a body the registry does not know: kept as written, a bare "tỉnh" completed with the province
            end = start + len(text[start:end].rstrip(_TRAILING))
            written = " ".join(text[start:end].split())
            if not written:
                continue
            name = f"{written} {province}" if province and _BARE_LOCALITY.search(written) else written
            found = [(written, (start, end), name, None)]
        for mention, at, name, name_en in found:
            if all(a.name != name for a in assignees):
                assignees.append(Assignee(mention=mention, span=at, name=name, name_en=name_en, role="responsible"))
    return assignees


def _obligation(record: DocumentRecord, seg: Segmentation, units: list[Unit], index: int, province: str | None,
                ordinal: int) -> Obligation:
    unit = units[index]
    start, end = unit.span
    text = record.text
    block = seg.blocks[unit.block]
    registry = AgencyRegistry.default()
    assignees: list[Assignee] = []
    lead_in = lead_in_above(text, seg, unit.block)
    for s, e in [(start, end), *([(lead_in.content_start, lead_in.span[1])] if lead_in else [])]:
        for m in registry.find_mentions(text, s, e, language=record.language, province=province):
            if all(a.name != m.name for a in assignees):
                assignees.append(Assignee(mention=m.mention, span=m.span, name=m.name, name_en=m.name_en,
                                          role="responsible"))
        if assignees:
            break
    deadlines = find_deadlines(text, start, end, issued_on=record.metadata.issued_on, language=record.language)
    words = " ".join(text[start:end].split())
    return Obligation(id=obligation_id(record.doc_id, block.path, words, PROPOSED_ORDINAL + ordinal),
                      path=block.path, span=(start, end), text=text[start:end], action=words[:300],
                      assignees=assignees, deadline=primary_deadline(deadlines), deadlines=deadlines)
