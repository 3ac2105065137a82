"""Small helpers for building the stages' regexes from the phrase lists in ``data/``."""

from __future__ import annotations

import re
from collections.abc import Iterable

# the capital letters of Vietnamese, for a character class: a range such as "À-Ỹ" would take in the small
# letters between (à, đ, ấ ...)
UPPER_VI = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"


def first_letters(phrases: Iterable[str], extra: str = "") -> str:
    """A lookahead on the first letters of the phrases, in both cases, e.g. ``(?=[GgYy])``.

    Python's regex engine tries every alternative of an alternation at every position of the text; a
    pattern opened by this one-character test skips most positions cheaply (3-4x faster scans). A phrase
    that opens with regex syntax rather than a letter gives no lookahead (an empty string): never wrong.
    ``extra`` is added to the class as is (e.g. ``\\d``).
    """
    first = set()
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase or not phrase[0].isalnum():
            return ""
        first.update({phrase[0].lower(), phrase[0].upper()})
    return f"(?=[{re.escape(''.join(sorted(first)))}{extra}])"


def phrase(text: str) -> str:
    """A phrase as a regex: literal words joined by any whitespace (text may be hard-wrapped)."""
    return r"\s+".join(re.escape(word) for word in text.split())


def alternation(phrases: Iterable[str], plural: bool = False) -> str:
    """Phrases as one alternation, longest first (so "chậm nhất trước" wins over "trước"); with
    ``plural`` each may take an English plural ending ("Decision" / "Decisions")."""
    ending = r"(?:e?s)?" if plural else ""
    return "|".join(phrase(p) + ending for p in sorted(phrases, key=len, reverse=True))


def trie(phrases: Iterable[str]) -> str:
    """A regex matching any of the literal phrases, nested by shared prefix ("Cục|Chi cục|Công an" ->
    "C(?:ục|hi\\ cục|ông\\ an)"). Python tries the alternatives of a flat alternation one by one at every
    position; nested by first letters it tests a handful. Longer phrases come first at each branch point, so
    the longest phrase wins as in a sorted flat alternation. Spaces match any run of white space."""
    tree: dict = {}
    for text in phrases:
        node = tree
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a phrase

    def emit(node: dict) -> str:
        branches = []
        for ch, child in node.items():
            if ch == "":
                continue
            atom = r"\s+" if ch == " " else re.escape(ch)
            branches.append((_depth(child), atom + emit(child)))
        branches.sort(key=lambda b: -b[0])
        parts = [b for _, b in branches]
        if "" in node:
            parts.append("")  # the phrase may end here: tried after the longer ones
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    return emit(tree)


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for ch, child in node.items() if ch), default=0)
