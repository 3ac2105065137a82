"""The document types of data/doc_types.json, derived once for every stage: the code tables (state,
normative, Party), the types the legislature issues, and the type and number words before a symbol."""

from __future__ import annotations

from pipeline import knowledge

_TYPES = knowledge.load("doc_types")


STATE_TYPES: dict[str, str] = knowledge.code_table(_TYPES["state_types"])
NORMATIVE_TYPES: dict[str, str] = knowledge.code_table(_TYPES["normative_types"])
PARTY_TYPES: dict[str, str] = knowledge.code_table(_TYPES["party_types"])
LEGISLATURE = set(_TYPES["legislature_issuers"])
JOINT_TYPES = set(_TYPES["joint_types"])
CERTAIN_COMPLETIONS: dict[str, str] = _TYPES["certain_completions"]
PARTY_TYPE_WORD_CODES: dict[str, str] = _TYPES["party_type_word_codes"]
TYPE_WORDS_VI: dict[str, str] = _TYPES["type_words_vi"]  # a type word before a number -> its code
TYPE_WORDS_EN: dict[str, str] = _TYPES["type_words_en"]
NUMBER_WORDS: list[str] = _TYPES["number_words"]  # "số", "No." ...
