"""Clean stage: drop the page furniture that web crawls and saved pages wrap around a document.

Banners, the site's metadata table, "Văn bản liên quan" lists, privacy notices, comment counters
and related-question lists must never yield obligations or references. The markers are data
(``data/furniture.json``); this module only decides where the document itself starts and ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.cleanup.blanks import squeeze_lines
from pipeline.knowledge.motto import HEADER_MOTTO as MOTTO
from pipeline.knowledge.motto import PARTY, REPUBLIC
from pipeline.knowledge.patterns import opened_by

# furniture lines are short (banners, captions, counters); a long line is document text
MAX_FURNITURE_LINE = 300


@dataclass(frozen=True)
class LineRule:
    """Some of the data's line patterns, tested on one plain line (``fits``) and found in a document's whole
    plain text (``scan``: the lines it hits are candidates, which ``fits`` then decides). A scan over the
    whole text in C replaces a Python loop over every line, which cost more than the regexes themselves.
    The scan hits every line that fits because the patterns use no lookaround at a line's end, \\A or \\Z:
    what fits a line alone also matches there in the whole text (MULTILINE, so "$" ends each line)."""

    fits: re.Pattern[str]  # anchored patterns are tried with match(), the others searched
    scan: re.Pattern[str]  # searched in "\n" + the plain text
    anchored: bool

    def test(self, line: str) -> bool:
        return bool(self.fits.match(line) if self.anchored else self.fits.search(line))


@dataclass(frozen=True)
class FurnitureRules:
    metadata_fields: tuple[str, ...]
    line_rules: tuple[LineRule, ...]  # furniture lines anywhere in the document
    tail_rules: tuple[LineRule, ...]  # the first line of the site's block after the document
    site_title: re.Pattern[str]
    tail_min_fraction: float


@lru_cache(maxsize=1)
def load_rules() -> FurnitureRules:
    data = knowledge.load("furniture")
    return FurnitureRules(
        metadata_fields=tuple(data["metadata_table_fields"]),
        line_rules=_line_rules(data["line_patterns"]),
        tail_rules=_line_rules(data["tail_start_patterns"]),
        site_title=re.compile(data["site_title_line"]),
        tail_min_fraction=float(data["tail_min_fraction"]),
    )


def _line_rules(patterns: list[str]) -> tuple[LineRule, ...]:
    """The anchored patterns ("^...") and the searched ones, each kind as one rule (if any)."""
    rules = []
    if anchored := [p[1:] for p in patterns if p.startswith("^")]:
        pattern = _alternation(anchored)  # the scan opens with the line break before the line
        rules.append(LineRule(fits=pattern, scan=re.compile("\n" + pattern.pattern, re.M), anchored=True))
    if searched := [p for p in patterns if not p.startswith("^")]:
        pattern = _alternation(searched, opener=True)
        rules.append(LineRule(fits=pattern, scan=re.compile(pattern.pattern, re.M), anchored=False))
    return tuple(rules)


def _alternation(patterns: list[str], opener: bool = False) -> re.Pattern[str]:
    """One regex for a list; a leading (?i) in the data scopes to its own alternative.
    Anchored patterns are kept apart and tried with match(): searched, an alternation of "^..." is still
    tried at every position of the line. With ``opener``, when each pattern opens with a literal character,
    the regex opens with the class of those characters and looks back to try the alternation where one
    stands: a pattern that opens with a class lets the regex engine skip to the next candidate in a tight
    loop (a lookahead on the class does not), twice as fast on our lines. Only whether it matches counts."""
    scoped = "(?:" + "|".join(f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in patterns) + ")"
    first = _first_characters(patterns) if opener else None
    return re.compile(opened_by(scoped, first) if first else scoped)


def _first_characters(patterns: list[str]) -> str | None:
    """The characters the patterns can start with (both cases), or None when one opens with regex syntax."""
    chars = set()
    for p in patterns:
        p = p.removeprefix("(?i)")
        if p[:1] == "\\" and p[1:2] and not p[1].isalnum():
            chars.add(p[1])  # an escaped punctuation mark: "\(Hình từ Internet\)"
        elif p[:1].isalpha():
            chars.update({p[0].lower(), p[0].upper()})
        else:
            return None
    return "".join(sorted(chars))


def _plain(text: str) -> str:
    """The text as the rules see it, line for line: markdown emphasis, table pipes and extra spaces removed
    (each line becomes ``" ".join(line.split())``). `text` has been through the character pass: its only
    blanks are spaces and line breaks."""
    if "*" in text or "|" in text or "#" in text:
        text = text.replace("*", " ").replace("|", " ").replace("#", " ")
    return squeeze_lines(text)


def strip_furniture(text: str) -> str:
    """`text` without the site's furniture; `text` comes from ``normalise_characters`` (blanks are spaces)."""
    rules = load_rules()
    for hint, inline in _inline_patterns():
        if hint in text:  # most texts have no PDF page heads or signature stamps: skip the scan
            text = inline.sub("", text)
    lines = text.split("\n")
    plain = _PlainLines(_plain(text))
    start = _document_start(plain, rules)
    end = _document_end(plain, start, rules)
    dropped = sorted({i for rule in rules.line_rules for i in plain.lines_fitting(rule, start, end)
                      if len(plain.lines[i]) < MAX_FURNITURE_LINE})
    if not dropped:
        return "\n".join(lines[start:end])
    kept: list[str] = []
    for begin, stop in zip([start] + [i + 1 for i in dropped], dropped + [end], strict=True):
        kept.extend(lines[begin:stop])
    return "\n".join(kept)


class _PlainLines:
    """A document's plain text and its lines; finds the lines that fit a rule by scanning the whole text."""

    def __init__(self, text: str) -> None:
        self.framed = "\n" + text  # every line follows a line break: an anchored scan opens with one
        self.lines = text.split("\n")

    def lines_fitting(self, rule: LineRule, begin: int = 0, end: int | None = None) -> Iterator[int]:
        """Indices of the (non-empty) lines in [begin, end) that fit `rule`, in order."""
        end = len(self.lines) if end is None else end
        if begin >= end:
            return
        line = begin
        pos = sum(map(len, self.lines[:begin])) + begin  # the line break before line `begin`
        while (hit := rule.scan.search(self.framed, pos)) is not None:
            # the line the hit starts in (an anchored hit is the line break before its line)
            line += self.framed.count("\n", pos + 1, hit.start() + 1)
            if line >= end:
                return
            if self.lines[line] and rule.test(self.lines[line]):
                yield line
            # a hit that runs over line breaks must not hide a later line: go on from the next line
            pos = self.framed.find("\n", hit.start() + 1)
            if pos < 0:
                return
            line += 1


@lru_cache(maxsize=1)
def _inline_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(a literal every match contains, the pattern)."""
    data = knowledge.load("furniture")
    return tuple((hint, re.compile(pattern)) for hint, pattern in data.get("inline_patterns", []))


def _document_start(plain_lines: _PlainLines, rules: FurnitureRules) -> int:
    """Index of the first line after the site's metadata table, or 0 when there is none."""
    plain = plain_lines.lines
    limit = next(plain_lines.lines_fitting(_MOTTO_RULE), len(plain) * 2 // 5)
    fields = [i for i in range(min(limit, len(plain))) if plain[i].startswith(rules.metadata_fields)]
    if len(fields) < 3:
        return 0
    i = fields[-1]
    if plain[i].rstrip().endswith(":"):  # the value sits in the next non-empty line
        i += 1
        while i < len(plain) and not plain[i]:
            i += 1
    return min(i + 1, len(plain))


def _document_end(plain_lines: _PlainLines, start: int, rules: FurnitureRules) -> int:
    plain = plain_lines.lines
    floor = start + int((len(plain) - start) * rules.tail_min_fraction)
    i = min((next(plain_lines.lines_fitting(rule, floor), len(plain)) for rule in rules.tail_rules),
            default=len(plain))
    if i < len(plain):
        # the site repeats the document's title just before its related-documents block
        while i > start and (not plain[i - 1] or rules.site_title.search(plain[i - 1])):
            i -= 1
    return i


# the motto bounds the page header; it has no line anchors, and its phrases open with a letter in either case
_MOTTO_RULE = LineRule(fits=MOTTO, scan=re.compile(opened_by(f"(?i:{MOTTO.pattern})", _first_characters([
    f"(?i){p}" for p in (*REPUBLIC, PARTY)]))), anchored=False)
