"""List numbering of a DOCX: the numbers and bullets Word draws before a paragraph, which its text does not hold.

A Word author may type "1.", "a)" and "-" before each item, or let Word's list numbering draw them. python-docx's
``Paragraph.text`` gives only what was typed, so a plan numbered by Word would reach segmentation as a run of
unnumbered paragraphs: no items, points or bullets, no paths, and headings no longer over their points. The label
is rebuilt from the numbering part (ECMA-376 §17.9): a paragraph's ``w:numPr`` (its own, or its style's, through
``w:basedOn``) names a numbering instance and a level; the instance's abstract definition gives each level a
format ("decimal", "lowerLetter", "upperRoman", "bullet"...), a start and a label template ("%1.", "%1.%2.", "%2)");
counters run per instance, and a level's counter starts again below a higher level that moves on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9  # ilvl 0..8
_PLACEHOLDER = re.compile(r"%([1-9])")
BULLETS = "-–—•+*"  # the bullet marks segmentation reads; Word's other glyphs (Symbol-font dots, "o", squares) are "-"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a .. z, then aa .. zz, aaa ... (the letter repeated, not a base-26 count)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


NUMBER_FORMATS: dict[str, Callable[[int], str]] = {  # Word's numFmt values
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


@dataclass(frozen=True)
class Level:
    number_format: str  # "decimal", "lowerLetter", "bullet", "none", ...
    template: str  # "%1.", "%1.%2.", "%2)", or a bullet's glyph
    start: int = 1
    legal: bool = False  # w:isLgl: every level's number in the label is drawn in decimal ("1.1.", not "I.1.")


@dataclass
class ListNumbering:
    """The labels of a document's numbered paragraphs, drawn in reading order (``label`` keeps the counters)."""

    instances: dict[str, dict[int, Level]]  # numId -> its levels (the abstract definition, starts overridden)
    style_numbering: Callable[[str], tuple[str, int] | None]  # a paragraph style's (numId, ilvl), through basedOn
    counters: dict[str, list[int]] = field(default_factory=dict)  # numId -> the last number drawn at each level

    @classmethod
    def of(cls, document) -> ListNumbering:
        """Read the numbering part and styles of a python-docx Document (either may be missing)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        try:
            instances = _instances(numbering) if numbering is not None else {}
        except ValueError:  # a damaged numbering part ("w:ilvl" not a number): the labels are a refinement, the text stays
            instances = {}
        return cls(instances, _style_lookup(document))

    def label(self, paragraph_element) -> str:
        """The label Word draws before this paragraph ("1.", "a)", "-"), or "" when it draws none."""
        found = _own_numbering(paragraph_element)
        if found is None:
            style = _style_id(paragraph_element)
            found = self.style_numbering(style) if style else None
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.instances.get(num_id)
        if not levels or ilvl not in levels:
            return ""  # numId "0" (numbering switched off) or a dangling reference
        level = levels[ilvl]
        if level.number_format == "bullet":
            glyph = level.template.strip()[:1]
            return glyph if glyph in BULLETS else "-"
        counts = self.counters.setdefault(num_id, [0] * LEVELS)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, LEVELS):
            counts[deeper] = 0  # a level starts again under a higher one that moved on
        if level.number_format == "none":
            return level.template if not _PLACEHOLDER.search(level.template) else ""

        def drawn(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            shown = levels.get(k)
            value = counts[k] or (shown.start if shown else 1)
            return NUMBER_FORMATS.get("decimal" if level.legal or not shown else shown.number_format, str)(value)

        return _PLACEHOLDER.sub(drawn, level.template).strip()


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _levels(abstract) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(W + "lvl"):
        start = _val(lvl, "start")
        levels[int(lvl.get(W + "ilvl", "0"))] = Level(_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                                                     int(start) if start and start.isdigit() else 1,
                                                     lvl.find(W + "isLgl") is not None)
    return levels


def _instances(numbering) -> dict[str, dict[int, Level]]:
    abstracts = {a.get(W + "abstractNumId"): _levels(a) for a in numbering.findall(W + "abstractNum")}
    instances = {}
    for num in numbering.findall(W + "num"):
        levels = dict(abstracts.get(_val(num, "abstractNumId"), {}))
        for override in num.findall(W + "lvlOverride"):
            ilvl = int(override.get(W + "ilvl", "0"))
            start = _val(override, "startOverride")
            if ilvl in levels and start and start.isdigit():
                base = levels[ilvl]
                levels[ilvl] = Level(base.number_format, base.template, int(start), base.legal)
        instances[num.get(W + "numId")] = levels
    return instances


def _numbering_of(properties) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:pPr, None when it sets no numbering."""
    num_pr = properties.find(W + "numPr") if properties is not None else None
    if num_pr is None:
        return None
    num_id = _val(num_pr, "numId")
    ilvl = _val(num_pr, "ilvl")
    return (num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0) if num_id else None


def _own_numbering(paragraph) -> tuple[str, int] | None:
    return _numbering_of(paragraph.find(W + "pPr"))


def _style_id(paragraph) -> str | None:
    return _val(paragraph.find(W + "pPr"), "pStyle")


def _style_lookup(document) -> Callable[[str], tuple[str, int] | None]:
    """A paragraph style's numbering, its own or inherited through w:basedOn (looked up once per style)."""
    try:
        styles = {s.get(W + "styleId"): s for s in document.styles.element.findall(W + "style")}
    except (KeyError, NotImplementedError, AttributeError):
        styles = {}
    known: dict[str, tuple[str, int] | None] = {}

    def lookup(style_id: str) -> tuple[str, int] | None:
        if style_id not in known:
            found, seen, current = None, set(), style_id
            while current and current not in seen and current in styles and found is None:
                seen.add(current)  # a loop of basedOn links ends here
                found = _numbering_of(styles[current].find(W + "pPr"))
                current = _val(styles[current], "basedOn")
            known[style_id] = found
        return known[style_id]

    return lookup
