"""Whether a clause can open with a body: a cheap test before the paragraph is scanned for bodies.

A clause's subject is a chain of bodies that starts at the clause's first word, or right after connector
words ("các", "Bộ trưởng", "trong đó"; data/obligation_cues.json). A body named by the registry starts with
the words of one of its names, aliases, titles or list phrases (data/agencies.json); an open-world body with a
head noun of the grammar of agency names (bodies.py). Most clauses open with a verb or an adverbial ("Trong
thời gian qua", "Tổ chức triển khai ..."), and a Vietnamese word is one syllable, so the first word alone
lets many through ("Trong", "Tổ", "Công" begin names too): the first three words are compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.extract.agencies import AgencyRegistry, fold_name
from pipeline.extract.bodies import ENTERPRISE_HEAD, BodyGrammar
from pipeline.extract.obligation_cues import cues
from pipeline.extract.obligation_cues import words as alternation

FIRST_WORD = re.compile(r"[\s,;:(\-–]*([^\W\d_]+|\d)")
# the registry's next token after a word: a word or a punctuation mark; dashes are no tokens
NEXT_TOKEN = re.compile(r"[\s\-\u2010-\u2015]*([^\W_]+|[^\w\s\-\u2010-\u2015])")
PREFIX_WORDS = 3  # "Tổ chức chính trị - xã hội" is a name, "Tổ chức thực hiện" is not
_REGEX_SYNTAX = re.compile(r"[\\\[\](){}?*+|^$]")  # a phrase written as a regex: its words are not literal

_folded = lru_cache(maxsize=8192)(fold_name)  # a clause's first words: a few hundred distinct ones recur


def _strings(value: object) -> Iterable[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@dataclass(frozen=True)
class SubjectOpeners:
    """The first words (folded) a name can start with: each name's first PREFIX_WORDS words."""

    first: frozenset[str]  # first words of every name and connector
    prefixes: frozenset[tuple[str, ...]]  # the first words of each name (all of a shorter one)
    connector: re.Pattern[str]  # a connector word at the clause's start: the body may come after it
    grammar: BodyGrammar  # held, not looked up: may_open is asked for nearly every clause

    @classmethod
    def build(cls, phrases: Iterable[str], connectors: Iterable[str]) -> SubjectOpeners:
        connectors = tuple(connectors)
        first = {fold_name(word.group(1)) for word in map(FIRST_WORD.match, (*phrases, *connectors)) if word}
        prefixes = set()
        for phrase in phrases:
            phrase = unicodedata.normalize("NFC", phrase)  # as the registry reads its aliases
            words = _words(phrase, 0, len(phrase))
            if words:  # a phrase written as a regex: only its first word is taken literally
                prefixes.add(words[:1] if _REGEX_SYNTAX.search(phrase) else words)
        connector = re.compile(rf"(?:{alternation(list(connectors))})\b")  # as SubjectCues.connector_gap joins them
        return cls(frozenset(first), frozenset(prefixes), connector, BodyGrammar.default())

    def may_open(self, text: str, pos: int, end: int, language: str) -> bool:
        """False only when no body can start the subject chain at `pos` (no scan for bodies is needed)."""
        word = FIRST_WORD.match(text, pos, end)
        if not word:
            return False
        if _folded(word.group(1)) in self.first:
            if self.connector.match(text, word.start(1), end):
                return True  # the bodies may come after the connector words
            words = _words(text, pos, end, _folded)
            if any(words[:n] in self.prefixes for n in range(1, len(words) + 1)):
                return True
        # a body the registry does not know: a head noun followed by a capitalised name ("Trung tâm Y tế")
        return self.grammar.opens_a_name(text, word.start(1), end, language)


def _words(text: str, pos: int, end: int, fold: Callable[[str], str] = fold_name) -> tuple[str, ...]:
    """The first PREFIX_WORDS tokens of text[pos:end], folded, split as the registry splits a name."""
    word = FIRST_WORD.match(text, pos, end)
    if not word:
        return ()
    words = [fold(word.group(1))]
    pos = word.end()
    while len(words) < PREFIX_WORDS:
        token = NEXT_TOKEN.match(text, pos, end)
        if token is None:
            break
        words.append(fold(token.group(1)))
        pos = token.end()
    return tuple(words)


@lru_cache(maxsize=4)
def subject_openers(registry: AgencyRegistry) -> SubjectOpeners:
    """The openers of every string of the registry data and of every alias the registry derives, and the head of a
    class of enterprises."""
    phrases = [*_strings(knowledge.load("agencies")), *(alias for alias, _, _ in registry.aliases()), ENTERPRISE_HEAD]
    return SubjectOpeners.build(phrases, cues().subject.connector_words)
