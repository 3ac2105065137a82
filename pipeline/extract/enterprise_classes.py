"""Classes of enterprises a document makes act, named by their trade or owner ("Doanh nghiệp công nghệ số chủ động tham
gia triển khai Kế hoạch": the class "các doanh nghiệp công nghệ số"), as BodyMentions adds them to a paragraph's bodies."""

from __future__ import annotations

import re

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.bodies import ENTERPRISE_CLASS, ENTERPRISES, BodyGrammar
from pipeline.extract.mention_positions import in_place_of, starts_clause

# after bodies.ENTERPRISES opens a class: the next "doanh nghiệp" of a list; a trade's syllable; a passive or copula after
# the class
NEXT_ENTERPRISE = re.compile(r",\s*(?P<head>(?:các\s+)?doanh\s+nghiệp)(?=\s)")
TRADE_WORD = re.compile(r"(?<!\S)[^\W\d_]+(?=[\s,]|$)")
PREDICATE_AFTER = re.compile(r"\s+[^\W\d_]")  # the class, then words of the clause (not its end, nor a colon)
NOT_ACTING = re.compile(r"\s+(?:được|bị|là|gồm)(?!\w)")
MAX_TRADE_WORDS = 5  # "doanh nghiệp cung cấp dịch vụ bưu chính"
TRADE_REACH = 80  # characters


class EnterpriseClasses:
    """The classes of enterprises one document's paragraphs name as their subjects."""

    def __init__(self, text: str, grammar: BodyGrammar) -> None:
        self.text = text
        self._grammar = grammar

    def with_classes(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A class of enterprises named by its trade or owner where it opens a clause as the subject ("Doanh nghiệp công
        nghệ số chủ động tham gia triển khai Kế hoạch"): the class, named as written ("các doanh nghiệp công nghệ số"),
        one to each "doanh nghiệp" of a list ("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên ..."); a
        heading names such a class with "Các" ("18. Các doanh nghiệp công nghệ số" over the points it addresses), while
        "9. Doanh nghiệp số" alone is a plan's topic. Bare "Doanh nghiệp" names nobody (a generic actor), nor does a class
        that is acted on ("Doanh nghiệp nhỏ và vừa được hỗ trợ ...")."""
        added: list[AgencyMention] = []
        for m in ENTERPRISES.finditer(self.text, span[0], span[1]):
            before = self.text[span[0]:m.start()]
            if not starts_clause(before) or "|" in before:
                continue  # (in a task table's cell a class of enterprises is a partner the annotators leave unnamed)
            listed = self._listed(m, span[1])
            # "9. Doanh nghiệp số" alone is a plan's topic; a heading that addresses the class writes "Các doanh nghiệp ..."
            if listed and (m.group()[0] == "C" or PREDICATE_AFTER.match(self.text, listed[-1].span[1], span[1])):
                added.extend(listed)
        return in_place_of(found, added)

    def _listed(self, head: re.Match[str], end: int) -> list[AgencyMention]:
        """The classes of enterprises a subject lists from `head` on, one to each "doanh nghiệp" ("Các doanh nghiệp viễn
        thông, doanh nghiệp bưu chính"), each named as written."""
        listed: list[AgencyMention] = []
        start, head_end = head.start(), head.end()
        while (trade_end := self._trade_end(head_end, end)) is not None:
            words = " ".join(self.text[head_end:trade_end].split())
            listed.append(AgencyMention(span=(start, trade_end), mention=self.text[start:trade_end],
                                        name=f"{ENTERPRISE_CLASS} {words}", name_en=None, kind="group"))
            following = NEXT_ENTERPRISE.match(self.text, trade_end, end)
            if following is None:
                break
            start, head_end = following.start("head"), following.end()
        return listed

    def _trade_end(self, pos: int, end: int) -> int | None:
        """Where the trade that names a class of enterprises ends: its lower-case words up to the verb that opens the
        predicate, a comma going on with more trades ("viễn thông, bưu chính"); None when no trade is read, the words
        run on too long, or the class is acted on or joined by "và" (its reach is unsure)."""
        last = None
        words = 0
        for word in TRADE_WORD.finditer(self.text, pos, min(end, pos + TRADE_REACH)):
            if self.text[last or pos:word.start()].strip() not in ("", ","):
                break  # other punctuation ends the subject
            if not word.group().islower():
                return None  # "Doanh nghiệp công nghệ số Việt Nam ...": a name goes on the class
            if self._grammar.stops.match(self.text, word.start()) or word.group() == "doanh":
                break
            if word.group() == "và" or words == MAX_TRADE_WORDS:
                return None
            words += 1
            last = word.end()
        if last is None or NOT_ACTING.match(self.text, last):
            return None
        return last
