"""The agency registry's vocabulary: records (Agency, AgencyMention, Succession), the trie the aliases
are walked in, and the text folding every part of the registry matches with."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pipeline.cleanup.normalise import old_style_tones

# --- text folding (length-preserving, so offsets into the folded text are offsets into the text) -----

_TOKEN = re.compile(r"[^\W_]+|[^\w\s\-\u2010-\u2015]")  # words and punctuation; dashes are not tokens
_SEPARATORS = frozenset({",", "và", "and", "&"})
_TERM = ""  # trie key holding the entries that end at a node


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lower-cased; keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.replace("\u2019", "'").replace("\u2018", "'")
    return old_style_tones(low)  # names in the registry and in texts may use either tone placement


# public name for other stages that compare words the way the registry does (case, tone placement)
fold_name = _fold


def without_diacritics(text: str) -> str:
    """The text with no diacritic, "đ" as "d" ("Sở Giáo dục và Đảo tạo" -> "So Giao duc va Dao tao"): how names are
    compared where a scan may have misread a tone mark or a writer left the marks out."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(unicodedata.normalize("NFC", text)))


def _key(text: str) -> str:
    return " ".join(_tokens(text))


# --- records ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Succession:
    name: str
    date: str  # ISO date from which the successor acts
    share: str = "main"  # main | part (a body split between several successors)


@dataclass(frozen=True)
class Agency:
    name: str  # official Vietnamese name (old-style tone marks)
    name_en: str | None
    kind: str
    names_en: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    successors: tuple[Succession, ...] = ()
    province: str | None = None  # the province of a provincial body
    note: str | None = None

    def valid_on(self, date: str) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date <= self.valid_to)


@dataclass
class AgencyMention:
    span: tuple[int, int]
    mention: str
    name: str
    name_en: str | None
    kind: str
    # named by the head noun a text gives the body it regulates ("Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)"): what the
    # body does by those rules ("Quỹ mở sổ kế toán ...") is its way of working, not work given to it
    regulated: bool = False


@dataclass(frozen=True)
class _Entry:
    action: str  # body | template | list | none (a name that holds a body's name but is none)
    target: Any  # body: tuple of names; template: (key, unit); list: head dict; none: the phrase
    lang: str  # vi | en | any
    caps: tuple[int, ...] = ()  # token positions that must be upper case in the text (codes)
    first_cap: bool = True  # the first word must be capitalised (keeps "chính phủ điện tử" out)
    code: bool = False  # an abbreviation: never part of a symbol such as 68/2025/TT-BTC or 9837/UBND-KSTT


@dataclass(frozen=True)
class _Province:
    name: str
    unit: str  # tỉnh | thành phố
    name_en: str
    valid_from: str | None
    valid_to: str | None
    successor: Succession | None


@dataclass
class _Trie:
    root: dict = field(default_factory=dict)

    def add(self, tokens: list[str], entry: Any) -> None:
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node.setdefault(_TERM, []).append(entry)

    def walk(self, keys: list[str], i: int, n: int) -> list[tuple[int, list]]:
        """All (end, entries) matched from token i, longest last."""
        found = []
        node = self.root.get(keys[i]) if i < n else None
        j = i
        while node is not None:
            j += 1
            if _TERM in node:
                found.append((j, node[_TERM]))
            if j >= n:
                break
            node = node.get(keys[j])
        return found


def _caps(alias: str) -> tuple[int, ...]:
    return tuple(k for k, tok in enumerate(_TOKEN.findall(alias)) if len(tok) > 1 and tok.isupper())
