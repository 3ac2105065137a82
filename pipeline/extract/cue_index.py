"""Cue prefilter: where a document can hold a cue phrase, found by one automaton pass over its text.

Python's regex engine tries every alternative of a long alternation at every position of a block; most
blocks hold none of the phrases. As eyecite's tokenizer does, a multi-pattern automaton (pyahocorasick)
finds in one pass over the lower-cased document every occurrence of an *anchor*: one literal word that
each phrase of a cue list cannot match without. A block whose window holds no anchor of a list cannot
match that list's regex, which then never runs there; a block that holds one runs the regex as before,
so the prefilter changes no result.

Anchors are derived from the phrase lists themselves (``anchor``): the longest plain word outside any
group, class or alternation of the phrase. A list with a phrase that has no such word gets no prefilter.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # words joined by single literal spaces
_OPTIONAL = "?*{"  # a quantifier after a character makes that character optional
_GAP = "\0"  # stands for a character no match needs


def anchor(fragment: str) -> str | None:
    """The longest run of words every match of the regex `fragment` contains, lower-cased; None if none.

    Words inside a group, a character class or after a backslash (``\\s``) are not required; nor is a
    character a quantifier makes optional ("requests?" requires "request"). An alternation at the top
    level makes no word required. A literal space is required as written (a fragment that allows any
    white space between its words says ``\\s+``, which splits the run)."""
    depth, escaped, in_class = 0, False, False
    top: list[str] = []  # the fragment with every character no match needs replaced by _GAP
    for ch in fragment:
        if escaped:
            escaped = False
            top.append(_GAP)
            continue
        if ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
        elif ch in _OPTIONAL and top:
            top[-1] = _GAP
        required = depth == 0 and not in_class and ch not in "()[]\\" + _OPTIONAL
        top.append(ch if required else _GAP)
    runs = [run.strip() for run in _WORDS.findall("".join(top))]
    return max(runs, key=len).lower() if runs else None


def anchors(phrases: Iterable[str]) -> frozenset[str] | None:
    """One anchor per phrase; None when some phrase has none (the list then always runs its regex)."""
    found = set()
    for phrase in phrases:
        word = anchor(phrase)
        if word is None:
            return None
        found.add(word)
    return frozenset(found)


@dataclass(frozen=True)
class CueAutomaton:
    """The anchors of several cue lists in one automaton, each word mapped to the lists it anchors."""

    automaton: ahocorasick.Automaton
    lists: dict[str, frozenset[str] | None]

    @classmethod
    def build(cls, phrase_lists: Mapping[str, Iterable[str]]) -> CueAutomaton:
        lists = {name: anchors(phrases) for name, phrases in phrase_lists.items()}
        owners: dict[str, list[str]] = {}
        for name, words in lists.items():
            for word in words or ():
                owners.setdefault(word, []).append(name)
        automaton = ahocorasick.Automaton()
        for word, names in owners.items():
            automaton.add_word(word, (len(word), tuple(names)))
        if owners:
            automaton.make_automaton()
        return cls(automaton, lists)

    def index(self, text: str) -> CueIndex:
        """Where each list's anchors occur in `text` (one pass)."""
        lowered = text.lower()
        if len(lowered) != len(text) or not len(self.automaton):  # a letter whose lower case is longer: no offsets
            return CueIndex({})
        hits: dict[str, tuple[list[int], list[int]]] = {name: ([], []) for name, w in self.lists.items() if w}
        for last, (length, names) in self.automaton.iter(lowered):
            for name in names:
                starts, ends = hits[name]
                starts.append(last + 1 - length)
                ends.append(last + 1)
        return CueIndex(hits)


class CueIndex:
    """The anchor occurrences of one document, per cue list, sorted by start."""

    def __init__(self, hits: dict[str, tuple[list[int], list[int]]]) -> None:
        self._hits = hits

    def may_match(self, name: str, start: int, end: int) -> bool:
        """False only when no phrase of list `name` can match inside text[start:end]."""
        hits = self._hits.get(name)
        if hits is None:
            return True  # the list has no anchors (or the text no offsets): the regex decides
        starts, ends = hits
        i = bisect_left(starts, start)  # asked for every block: a plain loop, not the generator of _within
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False

    def starts(self, name: str, start: int, end: int) -> list[int]:
        """Where an anchor of list `name` starts inside text[start:end] (a list without anchors: every position)."""
        if self._hits.get(name) is None:
            return list(range(start, end))
        return list(self._within(name, start, end))

    def _within(self, name: str, start: int, end: int) -> Iterator[int]:
        """The starts of the anchors of list `name` that lie wholly inside text[start:end]."""
        starts, ends = self._hits[name]
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                yield starts[i]
            i += 1


@lru_cache(maxsize=8)
def _cached(key: tuple[tuple[str, tuple[str, ...]], ...]) -> CueAutomaton:
    return CueAutomaton.build(dict(key))


def cue_automaton(phrase_lists: Mapping[str, Iterable[str]]) -> CueAutomaton:
    """The automaton of these lists, built once per distinct set of lists."""
    return _cached(tuple((name, tuple(phrases)) for name, phrases in phrase_lists.items()))
