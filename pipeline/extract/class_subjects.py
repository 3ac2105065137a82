"""Subjects that name a class of bodies, not one body: "Cơ quan hải quan chấp nhận ...", "Các khoa phối hợp ...",
"Ban tuyên giáo và dân vận tỉnh ủy, thành ủy thực hiện ...", "Trưởng các đơn vị có liên quan căn cứ ...", and the
English heading "4. Professional societies and associations:" over its points.

Such a subject is a head noun of the grammar of agency names (data/agency_grammar.json) or the noun of a kind of unit,
followed by lower-case words, so the grammar of names (bodies.py, which wants a capitalised name) does not read it.
It is an actor that names no body, as "các cơ quan, đơn vị" is (ANNOTATION.md). A Vietnamese word may be several
syllables, and a head's syllable opens many words that are no bodies ("Ban hành", "Hội nghị", "Trường hợp", "Khoa
học", "Phòng chống"): the head counts only where it and the syllables after it are no word of underthesea's
Vietnamese word list (knowledge/words.py), which no list of our own could cover. A passive or a copula right after
the subject makes it a thing, not an actor ("Cơ sở dữ liệu quốc gia được chia sẻ ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline import knowledge
from pipeline.knowledge.patterns import alternation
from pipeline.knowledge.words import dictionary_words

CLAUSE_REACH = 80  # characters of a clause read for its subject and the words after it
SUBJECT_WORDS = 8  # words after the head in which a passive or copula makes the subject a thing
MIN_WORK = 30  # characters after the head: fewer are a heading's or label's words
LABEL_WORDS = 3  # words after the head before a colon: a field's label
_CLAUSE_END = re.compile(r"[.;:(]")
_WORD = re.compile(r"[^\W\d_]+")  # a syllable
CLASS_HEADING = 80  # characters: a heading that names a class is short
_NOT_A_NAME = re.compile(r"[.;(]|:\s*\S")  # a sentence's stop, or a value after a colon
LONGEST_WORD = 3  # syllables after the head that may join it in one word ("cơ sở" + "dữ liệu")


@dataclass(frozen=True)
class ClassSubjects:
    """Reads whether a clause or a heading names a class of bodies (the grammar in data/agency_grammar.json)."""

    vietnamese: re.Pattern[str]  # quantifier? leader? head, then a lower-case word
    not_acting: frozenset[str]  # a passive or copula after the subject (one syllable each)
    english_heading: re.Pattern[str]  # a heading that is only a noun phrase ending in a plural of units
    heads: tuple[str, ...]  # in lower case
    topic_heads: frozenset[str]  # heads that also name an activity or field: no heading's class

    @classmethod
    @cache
    def default(cls) -> ClassSubjects:
        data = knowledge.load("agency_grammar")
        heads = sorted({*data["heads_vi"], *data["class_heads_vi"]}, key=len, reverse=True)
        # after a leader the head is in lower case: "Thủ trưởng đơn vị ...", not "Giám đốc Trung tâm ...", which names
        # the body a text defines by its short name
        lower_heads = alternation(head[0].lower() + head[1:] for head in heads)
        vietnamese = re.compile(
            rf"\s*(?i:(?:{alternation(data['class_quantifiers_vi'])})\s+)?"
            rf"(?:(?i:{alternation(data['body_leaders_vi'])})\s+(?:các\s+)?(?P<led>{lower_heads})"
            rf"|(?P<head>(?i:{alternation(heads)})))[\s,]+(?=[^\W\d_])")
        not_acting = frozenset(data["not_acting_after_subject_vi"])
        nouns = alternation(data["class_nouns_en"])
        # the words before the noun qualify it ("Professional societies"); a verb or preposition makes the heading a
        # task's or a topic's ("To form joint training centers:", "Funds from economic sectors:")
        modifier = r"(?!(?:[Tt]o|from|of|for|in|on|by|with|under)\s)[A-Za-z][\w-]*\s+"
        english_heading = re.compile(
            rf"\s*(?:{modifier}){{0,4}}?(?i:{nouns})(?:,?\s+and\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{nouns}))?\s*:\s*$")
        return cls(vietnamese, not_acting, english_heading, tuple(head.lower() for head in heads),
                   frozenset(data["topic_heads_vi"]))

    @cached_property
    def _longer_words(self) -> frozenset[str]:
        """The dictionary's words that open with a head's syllables ("ban hành", "hội nghị"), read when a clause first
        asks (0.04 s): a longer head is no other word ("hội đồng" is a head, not "hội" opening another word)."""
        openings = tuple(f"{head} " for head in self.heads)
        return frozenset(w for w in dictionary_words() if w.startswith(openings) and w not in self.heads)

    def opens(self, text: str, pos: int, end: int) -> bool:
        """Whether a Vietnamese clause at `pos` opens with a class of bodies named in lower case."""
        found = self._class(text, pos, end)
        if found is None:
            return False
        m, words = found
        if len(text[m.end():end].strip()) < MIN_WORK:
            return False  # "6. Các ngành, lĩnh vực khác": a heading's few words, the work below it
        stop = _CLAUSE_END.search(text, m.end(), min(end, m.end() + CLAUSE_REACH))
        if stop and stop.group() == ":" and len(_WORD.findall(text, m.end(), stop.start())) <= LABEL_WORDS:
            return False  # "Cơ quan chủ trì:", "Đơn vị tính:": a label, its value after the colon
        return self._acts(words[:SUBJECT_WORDS])

    def heads_vietnamese(self, text: str, pos: int, end: int) -> bool:
        """Whether a heading is only a class of bodies named in lower case ("19. Các cơ sở đào tạo đại học, sau đại
        học" over the points it gives work): a short line, no sentence, no value after a colon."""
        if end - pos > CLASS_HEADING:
            return False  # most enumerated blocks: no match, no word list is asked
        found = self._class(text, pos, end)
        if found is None:
            return False
        m, words = found  # the whole heading: it is shorter than CLAUSE_REACH
        return not _NOT_A_NAME.search(text, m.end(), end) and _head(m) not in self.topic_heads and self._acts(words)

    def _acts(self, words: list[str]) -> bool:
        """No passive or copula among the words after the head: the class acts, it is not acted on or described."""
        return self.not_acting.isdisjoint(words)

    def _class(self, text: str, pos: int, end: int) -> tuple[re.Match[str], list[str]] | None:
        """The class's opening words at `pos` (a head in lower case, or capitalised by the clause, that opens no longer
        word of the dictionary) and the syllables of the clause after it, up to CLAUSE_REACH characters."""
        m = self.vietnamese.match(text, pos, end)
        if m is None or not text[m.end()].islower():
            return None  # a capitalised name is the grammar of names' to read
        head = _head(m)
        words = _WORD.findall(text, m.end(), min(end, m.end() + CLAUSE_REACH))
        following = [word.lower() for word in words[:LONGEST_WORD]]
        if any(" ".join((head, *following[:n])) in self._longer_words for n in range(1, len(following) + 1)):
            return None  # "Ban hành ...", "Hội nghị ...", "Trường hợp ...": the head's syllable opens another word
        return m, words

    def heads_english(self, text: str, pos: int, end: int) -> bool:
        """Whether an English heading names only a class of units ("Professional societies and associations:")."""
        return bool(self.english_heading.match(text, pos, end))


def _head(m: re.Match[str]) -> str:
    """The head noun a class match read, in lower case and single-spaced ("cơ quan", "ban")."""
    return " ".join((m.group("head") or m.group("led")).lower().split())
