"""Clean stage: drop the page furniture that web crawls and saved pages wrap around a document.

Banners, the site's metadata table, "Văn bản liên quan" lists, privacy notices, comment counters
and related-question lists must never yield obligations or references. The markers are data
(``data/furniture.json``); this module only decides where the document itself starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.knowledge.motto import HEADER_MOTTO as MOTTO

# furniture lines are short (banners, captions, counters); a long line is document text
MAX_FURNITURE_LINE = 300


@dataclass(frozen=True)
class FurnitureRules:
    metadata_fields: tuple[str, ...]
    line_start_patterns: re.Pattern[str]  # the patterns anchored with "^": tried with match()
    line_patterns: re.Pattern[str]  # the others: searched
    tail_start_patterns: re.Pattern[str] | None  # the tail markers anchored with "^": tried with match()
    tail_patterns: re.Pattern[str] | None  # the others: searched
    site_title: re.Pattern[str]
    tail_min_fraction: float


@lru_cache(maxsize=1)
def load_rules() -> FurnitureRules:
    data = knowledge.load("furniture")
    return FurnitureRules(
        metadata_fields=tuple(data["metadata_table_fields"]),
        line_start_patterns=_alternation([p[1:] for p in data["line_patterns"] if p.startswith("^")]),
        line_patterns=_alternation([p for p in data["line_patterns"] if not p.startswith("^")], lookahead=True),
        tail_start_patterns=_alternation([p[1:] for p in data["tail_start_patterns"] if p.startswith("^")]),
        tail_patterns=_alternation([p for p in data["tail_start_patterns"] if not p.startswith("^")]),
        site_title=re.compile(data["site_title_line"]),
        tail_min_fraction=float(data["tail_min_fraction"]),
    )


def _alternation(patterns: list[str], lookahead: bool = False) -> re.Pattern[str] | None:
    """One regex for a list (None for none); a leading (?i) in the data scopes to its own alternative.
    Anchored patterns are kept apart and tried with match(): searched, an alternation of "^..." is still
    tried at every position of the line. A searched alternation opens with a lookahead on the patterns'
    first characters when each pattern opens with a literal one (skipping most positions cheaply)."""
    if not patterns:
        return None
    scoped = [f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in patterns]
    first = _first_characters(patterns) if lookahead else None
    head = f"(?=[{re.escape(first)}])" if first else ""
    return re.compile(head + "(?:" + "|".join(scoped) + ")")


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


# the blanks besides the space and the line break (tabs, the ideographic space ...); one class alone is
# scanned fast
_OTHER_BLANK = re.compile("[" + re.escape("".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n"))
                          + "]")
_SPACE_RUN = re.compile("  [ ]*")  # opens with a two-space literal, which the regex engine looks for fast


def _plain(text: str) -> str:
    """The text as the rules see it, line for line: markdown emphasis, table pipes and extra spaces removed
    (each line becomes ``" ".join(line.split())``, in a few passes over the whole text)."""
    if "*" in text or "|" in text or "#" in text:
        text = text.replace("*", " ").replace("|", " ").replace("#", " ")
    if _OTHER_BLANK.search(text):
        text = _OTHER_BLANK.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def strip_furniture(text: str) -> str:
    rules = load_rules()
    for hint, inline in _inline_patterns():
        if hint in text:  # most texts have no PDF page heads or signature stamps: skip the scan
            text = inline.sub("", text)
    lines = text.split("\n")
    plain = _plain(text).split("\n")
    start = _document_start(plain, rules)
    end = _document_end(plain, start, rules)
    match = rules.line_start_patterns.match if rules.line_start_patterns else _never
    search = rules.line_patterns.search if rules.line_patterns else _never
    kept = [lines[i] for i in range(start, end) if not (plain[i] and len(plain[i]) < MAX_FURNITURE_LINE
                                                         and (match(plain[i]) or search(plain[i])))]
    return "\n".join(kept)


@lru_cache(maxsize=1)
def _inline_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(a literal every match contains, the pattern)."""
    data = knowledge.load("furniture")
    return tuple((hint, re.compile(pattern)) for hint, pattern in data.get("inline_patterns", []))


def _document_start(plain: list[str], rules: FurnitureRules) -> int:
    """Index of the first line after the site's metadata table, or 0 when there is none."""
    limit = next((i for i, line in enumerate(plain) if MOTTO.search(line)), len(plain) * 2 // 5)
    fields = [i for i in range(min(limit, len(plain))) if plain[i].startswith(rules.metadata_fields)]
    if len(fields) < 3:
        return 0
    i = fields[-1]
    if plain[i].rstrip().endswith(":"):  # the value sits in the next non-empty line
        i += 1
        while i < len(plain) and not plain[i]:
            i += 1
    return min(i + 1, len(plain))


def _document_end(plain: list[str], start: int, rules: FurnitureRules) -> int:
    floor = start + int((len(plain) - start) * rules.tail_min_fraction)
    match = rules.tail_start_patterns.match if rules.tail_start_patterns else _never
    search = rules.tail_patterns.search if rules.tail_patterns else _never
    for i in range(floor, len(plain)):
        if plain[i] and (match(plain[i]) or search(plain[i])):
            # the site repeats the document's title just before its related-documents block
            while i > start and (not plain[i - 1] or rules.site_title.search(plain[i - 1])):
                i -= 1
            return i
    return len(plain)


def _never(_line: str) -> None:
    return None
