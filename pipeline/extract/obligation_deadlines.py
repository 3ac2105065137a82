"""Deadline attachment: the deadlines of a task, from its own words, its table cell or a dated heading above it.

Each paragraph is read by deadlines.find_deadlines once, when a task first asks about it; the result is
reused by every task and heading that spans it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from pipeline.extract.deadlines import (
    FINAL_REVIEW,
    PRELIMINARY_REVIEW,
    bare_year,
    entry_into_force,
    find_deadlines,
    period_heading,
    period_in_slot,
)
from pipeline.extract.obligation_cues import INNER_OPENERS, words
from pipeline.extract.obligation_drafts import Draft
from pipeline.knowledge.patterns import UPPER_VI
from pipeline.records import Deadline
from pipeline.segment.segmenter import Block

# "Đối với các nhiệm vụ triển khai trong năm 2025, các bộ ... chủ động bố trí ...": the case a task is for, before its
# subject (obligations.TOPIC reads past it to the subject); a date inside it says which tasks, not when this one is due.
# It ends at a comma before a request ("Đối với chi phí ... năm 2023, 2024, yêu cầu Bộ Tài chính, Bảo hiểm xã hội Việt Nam
# ...": the request names both bodies, not a case up to the first)
_REQUEST = rf"(?:{words(INNER_OPENERS)})\s"
CASE_CLAUSE = rf"Đối\s+với\s(?:(?!,\s*{_REQUEST})[^.;:]){{0,300}}?,\s*(?=[{UPPER_VI}]|các\s|{_REQUEST})"
CASE_LEAD = re.compile(rf"\s*{CASE_CLAUSE}")
RECURRENCE_REACH = 10  # characters: a task that opens with how often it recurs ("Hàng năm ...", "Định kỳ ...")
# "tổ chức sơ kết ... vào cuối năm 2027 và tổng kết vào cuối năm 2030", "a preliminary review in 2015 and the final
# review in 2020": a task reviewed midway and at its end is done at its final review (deadlines.FINAL_REVIEW)
REVIEW_REACH = 80  # characters after the final review's words in which its date stands


class Paragraphs:
    """The spans of a document's blocks, looked up by position."""

    def __init__(self, blocks: list[Block]) -> None:
        self._spans = [b.span for b in blocks]
        self._ends = [b.span[1] for b in blocks]

    def between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The blocks that overlap text[start:end]."""
        i = bisect_left(self._ends, start)
        spans = []
        while i < len(self._spans) and self._spans[i][0] < end:
            spans.append(self._spans[i])
            i += 1
        return spans


class DeadlineReader:
    def __init__(self, text: str, paragraphs: Paragraphs, *, issued_on: str | None, language: str) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.issued_on = issued_on
        self.language = language
        # a paragraph -> its deadlines in text order, and where each starts (one paragraph may hold thousands of
        # tasks, each asking for its own few: a bisection, not a scan of them all)
        self._found: dict[tuple[int, int], tuple[list[Deadline], list[int]]] = {}

    def within(self, start: int, end: int) -> list[Deadline]:
        """Deadlines written inside text[start:end], each paragraph read once and the result reused."""
        out: list[Deadline] = []
        for p_start, p_end in self.paragraphs.between(start, end):
            if (p_start, p_end) not in self._found:
                # the document's entry into force is looked up only for a paragraph that counts from it
                effective = self._entry_into_force if self.text.find("hiệu lực", p_start, p_end) >= 0 else None
                found = find_deadlines(self.text, p_start, p_end, issued_on=self.issued_on, language=self.language,
                                       effective_on=effective)  # in text order: sorted by span
                self._found[(p_start, p_end)] = found, [d.span[0] for d in found]
            found, starts = self._found[(p_start, p_end)]
            i = bisect_left(starts, start)
            while i < len(found) and starts[i] < end:
                if found[i].span[1] <= end:
                    out.append(found[i])
                i += 1
        return out

    @cached_property
    def _entry_into_force(self) -> str | None:
        return entry_into_force(self.text, self.issued_on)

    def dated_heading(self, span: tuple[int, int]) -> bool:
        """Whether a heading dates the points below it ("b) Hoàn thành trong tháng 11 năm 2025, cụ thể:",
        "Giai đoạn 2025-2027")."""
        return any(d.date and "target" not in d.flags for d in self._heading_dates(span))

    def _heading_dates(self, span: tuple[int, int]) -> list[Deadline]:
        return self.within(*span) or period_heading(self.text, *span)

    def of(self, draft: Draft) -> list[Deadline]:
        """A task's deadlines; the innermost dated heading above it dates it when its own words give no date.
        The headings are read here, not as the walk passes them: most head no task, or only dated tasks."""
        found = self._own(draft)
        if any(d.kind == "recurring" and d.span[0] - draft.content_start < RECURRENCE_REACH for d in found) \
                and all(d.kind == "range" for d in found if d.date):
            # "Hàng năm thực hiện sát hạch ..." with "2026 - 2030" in its time cell: done every year of the period, due
            # at no one date (ANNOTATION.md: recurring -> null)
            return [d for d in found if not d.date]
        if sum(1 for d in found if d.date) > 1 and (final := self._at_final_review(draft, found)):
            return final
        if draft.headings and not any(d.date for d in found):
            dated = next((span for span in draft.headings if self.dated_heading(span)), None)
            if dated:
                found = found + [d for d in self._heading_dates(dated) if d.date]
        return found

    def _at_final_review(self, draft: Draft, found: list[Deadline]) -> list[Deadline]:
        """The dates of a task's final review when it holds a preliminary one before it; none otherwise."""
        start, end = draft.span
        preliminary = PRELIMINARY_REVIEW.search(self.text, start, end)
        final = FINAL_REVIEW.search(self.text, preliminary.end(), end) if preliminary else None
        if final is None:
            return []
        return [d for d in found if d.date and final.end() <= d.span[0] <= final.end() + REVIEW_REACH]

    def _own(self, draft: Draft) -> list[Deadline]:
        start, end = draft.deadline_text or draft.span
        found = self.within(start, end)
        if not found and draft.deadline_text:
            found = bare_year(self.text, start, end)
        if draft.deadline_text and not any(d.date for d in found):
            found = found + period_in_slot(self.text, start, end)
        if draft.deadline_text:
            s, e = draft.span
            found = found + [d for d in self.within(s, e) if d.span[0] < start]
        if found and (case := CASE_LEAD.match(self.text, draft.content_start)):
            found = [d for d in found if d.span[0] >= case.end()]
        return found
