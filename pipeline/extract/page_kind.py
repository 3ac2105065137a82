"""Which pages are not directives at all: encyclopedia articles a crawl picks up along with the documents.

An encyclopedia article prints no number or type of its own, and shows its kind by its layout: the
MediaWiki edit links of its sections ("[sửa | sửa mã nguồn]"), or a first sentence that defines its title
("Phạm Minh Chính (sinh ngày 10 tháng 12 năm 1958) là một chính trị gia ...", "Tiền Giang là một tỉnh ...", a
biography's apposition before its verb: "Hồ Chí Minh (chữ Nho: ...; 1890 – 1969), tên khai sinh là ..."), or
its title's last words ("Tập đoàn Vingroup": "Vingroup (tên đầy đủ: ...) là một tập đoàn ...").
Its text tells what bodies do, never what this page asks them to do: it yields no obligations (its citations
are still references).
"""

from __future__ import annotations

import re

from pipeline.records import Metadata

EDIT_LINK = re.compile(r"\[\s*sửa\s*(?:\|\s*)?sửa\s+mã\s+nguồn\s*\]")
EDIT_LINK_REACH = 20_000  # characters: an article's first sections carry them
DEFINITION_REACH = 8_000  # characters: the defining sentence follows the title and the infobox
MAX_TITLE = 120
MIN_NAME = 4  # characters: a shorter tail of the title ("Bộ") names nothing by itself
APPOSITION_REACH = 80  # characters: ", tên khai sinh là ...", ", còn gọi là ...": a clause between the name and its "là"


def is_encyclopedia_article(text: str, metadata: Metadata) -> bool:
    if metadata.symbol or metadata.doc_type:
        return False  # a directive, or a page that prints one (a date alone proves nothing: articles are full of them)
    if EDIT_LINK.search(text, 0, EDIT_LINK_REACH):
        return True
    first_line = text.lstrip().split("\n", 1)[0].strip()
    # a text that lost the page's line breaks runs the title into the infobox, which repeats it first ("Chủ tịch nước Cộng
    # hòa xã hội chủ nghĩa Việt Nam Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Kính ngữ ...")
    run_on = len(first_line) > MAX_TITLE
    title = repeated_opening(first_line[:2 * MAX_TITLE + 1]) if run_on else first_line
    if not title or len(title) < 2:
        return False
    # the article may define its subject by the title's last words ("Tập đoàn Vingroup": "Vingroup (tên đầy đủ: ...) là")
    words = title.split()
    names = "|".join(re.escape(" ".join(words[k:])) for k in range(len(words)) if len(" ".join(words[k:])) >= MIN_NAME)
    if not names:
        return False
    definition = rf"(?:\s*\([^()\n]*\))?(?:,[^.;\n]{{0,{APPOSITION_REACH}}}?)?\s+là\s"
    if re.compile(rf"(?m)^(?:{names}){definition}").search(text, 0, DEFINITION_REACH):
        return True
    # where the lines ran on, the defining sentence runs on after the infobox too: the whole title, then its "là"
    return run_on and bool(re.compile(rf"(?<!\S){re.escape(title)}{definition}").search(text, 0, DEFINITION_REACH))


def repeated_opening(line: str) -> str | None:
    """The words a line opens with twice in a row ("Hồ Chí Minh Hồ Chí Minh Chủ tịch ..." -> "Hồ Chí Minh"), if any."""
    words = line.split()
    for k in range(1, len(words) // 2 + 1):
        if words[:k] == words[k:2 * k] and len(" ".join(words[:k])) >= MIN_NAME:
            return " ".join(words[:k])
    return None
