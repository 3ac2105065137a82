"""Agency registry: canonical names, aliases, succession, and a fast mention finder (data: data/agencies.json).

One node per body, the same for a Vietnamese text and its English translation (CONTRACT.md "Canonical
agency names"). Bodies that exist in every province (Ủy ban nhân dân, Tỉnh ủy, Sở ...) are not listed
per province: a "provincial body" template plus a province gives the name ("Sở Y tế" + "Gia Lai" ->
"Sở Y tế tỉnh Gia Lai"), and its succession is composed from the two (mergers of 2025-03-01 for
departments, 2025-07-01 for provinces).

Matching runs on tokens (words and punctuation; dashes ignored) of the lower-cased, tone-folded text,
walking one trie of every alias, so any run of whitespace or a line break may sit between two words
and a match never starts or ends inside a word. Leftmost-longest wins.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline import knowledge
from pipeline.extract.agency_index import AgencyIndex
from pipeline.extract.agency_mentions import MentionFinder
from pipeline.extract.agency_model import (
    Agency,
    AgencyMention,
    Succession,
    _Province,
    _Trie,
    fold_name,
)
from pipeline.extract.agency_succession import AgencySuccession

__all__ = ["Agency", "AgencyMention", "AgencyRegistry", "Succession", "fold_name"]


class AgencyRegistry(AgencyIndex, AgencySuccession, MentionFinder):
    """The registry of bodies: loading and lookup (AgencyIndex), succession (AgencySuccession), mentions
    in text (MentionFinder), over the indexes declared here."""

    def __init__(self, data: dict[str, Any]):
        self._by_name: dict[str, Agency] = {}
        self._index: dict[str, str] = {}  # folded alias -> canonical name
        self._trie = _Trie()
        self._provinces: dict[str, _Province] = {}
        self._province_trie = {"vi": _Trie(), "en": _Trie()}
        self._unit_trie = _Trie()
        self._item_trie = {"central": _Trie(), "central_en": _Trie()}
        self._templates: dict[str, dict[str, Any]] = {t["key"]: t for t in data["provincial_bodies"]}
        self._template_of: dict[str, str] = {t["name"]: t["key"] for t in data["provincial_bodies"]}
        self._aliases: list[tuple[str, str, str]] = []  # (alias, name, lang) for the spaCy view
        self._looked_up: dict[str, Agency | None] = {}  # lookup's answers: the store asks the same names often
        self._predecessors: dict[str, list[str]] = {}
        self._province_src: dict[str, tuple[list[str], list[str]]] = {}  # name -> (vi aliases, en aliases)
        self._titles = {lang: self._title_re(titles, lang) for lang, titles in data["office_titles"].items()}
        self._load_bodies(data["bodies"])
        self._load_provinces(data["provinces"], data["unit_words"])
        self._load_templates(data["provincial_bodies"])
        self._load_groups(data["groups"], data["group_phrases"])
        self._load_lists(data["list_heads"])
        self._load_not_bodies(data.get("not_bodies", {}))

    @classmethod
    def default(cls) -> AgencyRegistry:
        return _default_registry()


@lru_cache(maxsize=1)
def _default_registry() -> AgencyRegistry:
    return AgencyRegistry(knowledge.load("agencies"))
