"""Segmentation into regions: the run of regions of real documents of ../shared, one per region handler.

Each case lists the regions a document walks through (consecutive blocks of one kind as one run), so
a handler that keeps a line or hands it on wrongly changes the list.
"""

from __future__ import annotations

import pytest

from pipeline.cleanup.normalise import normalise
from pipeline.segment.segmenter import segment
from tests.conftest import CRAWL, DEV


def region_runs(text: str) -> list[str]:
    runs: list[str] = []
    for block in segment(text).blocks:
        if not runs or runs[-1] != block.kind:
            runs.append(block.kind)
    return runs


REGIONS = [
    # a Công điện: addressees after the header, Nơi nhận and the signature at the end
    (DEV / "vi_cd_223_ttg_2025.txt", ["header", "addressees", "body", "recipients", "signature"]),
    # "Căn cứ ..." recitals between the header and the decision's title, a plan attached after the signature
    (DEV / "vi_qd_2623_ttg_2025.txt",
     ["header", "recital", "header", "body", "recipients", "signature", "attached_title", "body"]),
    # a crawled page: the site's summary before the document is its preamble
    (CRAWL / "0326977b5d611b9a.md", ["preamble", "header", "recital", "body", "recipients", "signature"]),
    # the notes "[1] ..." at the foot of a plan, after its signature
    (DEV / "vi_kh_0129_ubnd_daklak_2025.txt",
     ["header", "recital", "body", "recital", "body", "recipients", "signature", "footnote"]),
]


@pytest.mark.parametrize(("path", "expected"), REGIONS, ids=lambda v: getattr(v, "name", ""))
def test_regions(path, expected):
    assert region_runs(normalise(path.read_text("utf-8"))) == expected


def test_appendix_tables_and_footnotes():
    """vi_tb_624_vpcp_2025: after the signature, PHỤ LỤC I opens the appendix (tables of tasks, numbered
    afresh), and its "[1]" note at the end is a footnote."""
    text = normalise((DEV / "vi_tb_624_vpcp_2025.txt").read_text("utf-8"))
    seg = segment(text)
    runs = region_runs(text)
    assert runs[:5] == ["header", "body", "recipients", "signature", "appendix"]
    assert runs[-1] == "footnote" and set(runs[4:-1]) == {"appendix", "table_row"}
    assert text[slice(*seg.blocks[seg.closing_start].span)] == "Nơi nhận:"
    assert seg.blocks[seg.header_end].kind == "body"


CLOSINGS = [
    # "Nơi nhận:" and the signer's authority close the body; the lines between are recipients
    ("Số: 1/CĐ-TTg\n\nCÔNG ĐIỆN\n\nBộ Y tế chủ trì thực hiện.\n\nNơi nhận:\n- Như trên;\n\nKT. THỦ TƯỚNG\n\n"
     "PHÓ THỦ TƯỚNG", ["header", "body", "recipients", "signature"]),
    # a second document after the signature, opened by the national motto
    ("Số: 1/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nĐiều 1. Bộ Y tế chủ trì.\n\nNơi nhận:\n\nTHỦ TƯỚNG\n\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKẾ HOẠCH\n\n1. Bộ Tài chính bố trí kinh phí.",
     ["header", "body", "recipients", "signature", "attached_title", "body"]),
    # PHỤ LỤC after the signature: an appendix, whose numbered rows are not the body's items
    ("Số: 1/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nĐiều 1. Bộ Y tế chủ trì.\n\nNơi nhận:\n\nTHỦ TƯỚNG\n\n"
     "PHỤ LỤC\n\n1. Rà soát toàn diện các luật.", ["header", "body", "recipients", "signature", "appendix"]),
]


@pytest.mark.parametrize(("text", "expected"), CLOSINGS)
def test_closing_regions(text, expected):
    assert region_runs(normalise(text)) == expected
