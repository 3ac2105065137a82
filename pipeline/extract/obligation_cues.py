"""The cue words of obligations (data/obligation_cues.json), compiled once and grouped by what they tell.

- ``SubjectCues``: who a clause names (its opener, the words that join its bodies, a generic actor);
- ``RoleCues``: what part a named body plays (lead, support, reported to, through a channel);
- ``UnitCues``: what makes a unit no task at all (closing formula, clause about the document, praise ...);
- ``LayoutCues``: how plans lay tasks out (task-table columns, labelled fields).

``cue_index`` runs the automaton prefilter (cue_index.py) over a document for the lists that are
searched in most of its blocks, so their regexes run only where a phrase can stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.extract.cue_index import CueAutomaton, CueIndex, cue_automaton
from pipeline.knowledge.patterns import ARTICLE_WORD, ARTICLE_WORDS, first_letters
from pipeline.knowledge.tables import column_cues


def fragments(phrases: list[str]) -> list[str]:
    """The cue phrases as regex fragments: their words separated by any white space."""
    return [p.replace(" ", r"\s+") for p in phrases]


def words(alternatives: list[str]) -> str:
    """The phrases as one alternation, longest first."""
    return "|".join(sorted(fragments(alternatives), key=len, reverse=True))


# "Để bảo đảm tiến độ ..., yêu cầu Bộ Y tế ...": an assignment that comes mid-sentence
INNER_OPENERS = ["yêu cầu", "đề nghị", "giao", "requests?", "requesting", "assigns?"]
INNER_OPENER = re.compile(first_letters(INNER_OPENERS) + rf"\b(?:{words(INNER_OPENERS)})\s+(?!của\b|of\b)", re.I)
# how far into a unit its closing formula or clause about the document may stand (a page may run on)
CLOSING_REACH = 400
DOCUMENT_CLAUSE_REACH = 200
NO_TASK_CUES = "no_task"  # the cue index's list of both: one lookup rules most units out of both


@dataclass(frozen=True)
class SubjectCues:
    opener: re.Pattern[str]  # "Giao", "Đề nghị", "To assign" before the subject
    connector_gap: re.Pattern[str]  # what may stand between two bodies of one subject
    generic_actor: re.Pattern[str]  # "các cơ quan, đơn vị": an actor that names no body
    modal_subject: re.Pattern[str]  # "<noun phrase> shall ..."
    connector_words: tuple[str, ...]


@dataclass(frozen=True)
class RoleCues:
    lead: re.Pattern[str]  # right after the subject
    lead_after_opener: re.Pattern[str]  # anywhere in a heading
    support: re.Pattern[str]
    report: re.Pattern[str]
    channel: re.Pattern[str]  # "(qua Sở Nội vụ)": through whom a report goes


@dataclass(frozen=True)
class PhraseCues:
    """A cue list kept phrase by phrase: each phrase's regex runs only where the automaton found its anchor.
    One long alternation (case-insensitive, with Vietnamese letters) is tried whole at every position of a unit
    that holds an anchor of any phrase; most such units hold the anchor of one phrase only."""

    name: str  # the whole list's key in the cue index
    fragments: tuple[str, ...]  # the phrases as regex fragments, as the automaton reads them for their anchors
    patterns: tuple[re.Pattern[str], ...]
    keys: tuple[str, ...]  # each phrase's list in the cue index

    @classmethod
    def build(cls, name: str, fragments: list[str], flags: re.RegexFlag) -> PhraseCues:
        patterns = tuple(re.compile(first_letters([f]) + f"(?:{f})", flags) for f in fragments)
        return cls(name, tuple(fragments), patterns, tuple(f"{name}:{i}" for i in range(len(fragments))))

    def lists(self) -> dict[str, list[str]]:
        """The fragments the cue index is built from: the whole list, and each phrase alone."""
        return {self.name: list(self.fragments), **{k: [f] for k, f in zip(self.keys, self.fragments, strict=True)}}

    def found(self, hits: CueIndex, unit: str, offset: int, reach: int) -> bool:
        """Whether a phrase occurs in unit[:reach], the unit standing at `offset` in the indexed text."""
        window = (offset, offset + min(reach, len(unit)))
        if not hits.may_match(self.name, *window):
            return False  # most units hold no anchor of the list: one lookup
        return any(pattern.search(unit, 0, reach) for key, pattern in zip(self.keys, self.patterns, strict=True)
                   if hits.may_match(key, *window))


@dataclass(frozen=True)
class UnitCues:
    closing: PhraseCues  # "X chịu trách nhiệm thi hành Quyết định này"
    document_clause: PhraseCues  # the document takes effect, promulgates, repeals
    praise: re.Pattern[str]
    entitlement: re.Pattern[str]
    non_task_heading: re.Pattern[str]  # "MỤC TIÊU", "Tình hình": no task below it
    describing_article: re.Pattern[str]  # "Điều 1. Vị trí và chức năng": an article that describes a body
    procedure_article: re.Pattern[str]  # "Điều 19. Trình tự, thủ tục ...": an article that sets out a procedure


@dataclass(frozen=True)
class LayoutCues:
    columns: dict[str, re.Pattern[str]]  # task-table header cells by column kind
    field_label: re.Pattern[str]  # "- Cơ quan chủ trì:"
    field_kinds: dict[str, str]  # a label's folded words -> its kind


@dataclass(frozen=True)
class Cues:
    subject: SubjectCues
    roles: RoleCues
    units: UnitCues
    layout: LayoutCues
    responsibility_article: re.Pattern[str]  # an article title whose clauses give work to state bodies
    generic: re.Pattern[str]  # "các cơ quan liên quan": a partner named by no body


_GAP = r"[\s,;:()\-–/]"  # what separates two bodies of a list, besides its connector words


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Compiled cue patterns. Those used with pattern.match(text, pos) carry no '^': it would only
    match at the start of the whole text, never at pos."""
    data = knowledge.load("obligation_cues")
    connectors = words(data["subject_connectors"])
    subject = SubjectCues(
        opener=re.compile(rf"\s*(?:{words(data['assign_openers'])})\b\s*:?\s*"),
        # after a name, its footnote's mark too ("phối hợp với Bộ Nội vụ[4], Bộ Tài chính"), not before the first
        connector_gap=re.compile(rf"^(?:\[\d{{1,3}}\])?{_GAP}*(?:(?:{connectors})\b{_GAP}*)*$"),
        generic_actor=re.compile(rf"\s*(?:(?:{words(data['assign_openers'])})\s+)?(?:{words(data['generic_actors'])})\b",
                                 re.I),
        modal_subject=re.compile(data["modal_subject"]),
        connector_words=tuple(data["subject_connectors"]),
    )
    roles = RoleCues(
        lead=re.compile(rf"[\s,;:(]*(?:{words(data['lead_cues'])})\b", re.I),
        lead_after_opener=re.compile(first_letters(data['lead_cues']) + rf"\b(?:{words(data['lead_cues'])})\b", re.I),
        support=re.compile(first_letters(data['support_cues']) + rf"\b(?:{words(data['support_cues'])})\b", re.I),
        report=re.compile(first_letters(data['report_cues']) + rf"\b(?:{words(data['report_cues'])})\b", re.I),
        channel=re.compile(rf"^\s*\(?\s*(?:{words(data['report_channel'])})\b", re.I),
    )
    article_number = rf"{ARTICLE_WORD}\s+\d+[a-z]?\s*[.:]?\s*"  # "Điều 1. ", "ĐIỀU 1. ", "Article 3 "
    describing = rf"(?i:{words(data['describing_headings'])})"
    units = UnitCues(
        closing=PhraseCues.build("closing", fragments(data["closing_formula"]), re.I),
        document_clause=PhraseCues.build("document_clause", data["document_clauses"], re.I | re.M),  # regexes as written
        praise=re.compile(rf"\s*(?:{words(data['praise_openers'])})\b"),
        entitlement=re.compile(rf"\s*(?:{words(data['entitlement_openers'])})\b"),
        non_task_heading=re.compile(rf"^(?:{article_number}|[IVX\d]+[.)/]\s*)?"  # "2. Quyền hạn", "2/ Quyền hạn"
                                    rf"(?:{words(data['non_task_headings'])}|{describing})\b"),
        describing_article=re.compile(rf"\s*{article_number}{describing}\b"),
        procedure_article=re.compile(rf"\s*{article_number}(?i:{words(data['procedure_articles'])})\b"),
    )
    layout = LayoutCues(
        columns=column_cues(),
        field_label=re.compile(rf"\s*({words([w for ws in data['field_labels'].values() for w in ws])})\s*:\s*",
                               re.I),
        field_kinds={" ".join(w.lower().split()): kind for kind, ws in data["field_labels"].items() for w in ws},
    )
    return Cues(subject, roles, units, layout,
                responsibility_article=re.compile("|".join(data["responsibility_articles"]), re.I),
                generic=re.compile(words(data["generic_partners"]), re.I))


def cue_index(text: str) -> CueIndex:
    """Where the document can hold a phrase of the cue lists that are searched in most of its blocks."""
    return _cue_automaton().index(text)


@lru_cache(maxsize=1)
def _cue_automaton() -> CueAutomaton:
    """The automaton of those lists, each given as the regex fragments its pattern is made of (anchors must be
    words the regex needs); built once, not per document."""
    data = knowledge.load("obligation_cues")
    units = cues().units
    return cue_automaton({
        **units.closing.lists(),
        **units.document_clause.lists(),
        NO_TASK_CUES: [*units.closing.fragments, *units.document_clause.fragments],
        "inner_opener": fragments(INNER_OPENERS),
        "article": list(ARTICLE_WORDS),
        "task_column": data["table_columns"]["task"],  # literal words
    })
