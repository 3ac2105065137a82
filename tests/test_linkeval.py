"""The cascade-link scorer (pipeline/graph/linkeval.py) and the link gold in corpora/links."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline.graph.linkeval import (
    DEFAULT_THRESHOLD,
    Pair,
    Side,
    StoredLink,
    evaluate,
    fold_with_map,
    norm,
    score,
)

ROOT = Path(__file__).resolve().parents[1]
LINKS = ROOT / "corpora" / "links"
SHARED = ROOT.parent / "shared"


def test_fold_with_map_points_back_into_the_text():
    text = "1. Bộ Y tế  chỉ đạo\n lực lượng|y tế"
    folded, where = fold_with_map(text)
    assert folded == norm(text) == "1. bộ y tế chỉ đạo lực lượng y tế"
    i = folded.index("chỉ đạo")
    assert text[where[i]:where[i + len("chỉ đạo") - 1] + 1] == "chỉ đạo"


def test_an_anchor_starting_at_the_addressee_matches_the_task_after_it():
    text = "2. Bộ Y tế chỉ đạo lực lượng y tế cơ sở bảo đảm các dịch vụ y tế khẩn cấp. 3. Bộ Công an chỉ đạo"
    start = text.index("chỉ đạo lực lượng")
    end = text.index(" 3.")
    side = Side(norm(text[start:end]), fold_with_map(text), (start, end))
    anchor = norm("Bộ Y tế chỉ đạo lực lượng y tế cơ sở bảo đảm")
    assert side.matches(anchor, strict=False)
    assert not side.matches(anchor, strict=True)
    other = text.index("Bộ Công an")
    assert not Side(norm(text[other:]), fold_with_map(text), (other, len(text))).matches(anchor, strict=False)


def _side(text: str) -> Side:
    return Side(norm(text), None, None)


def test_precision_and_recall_per_threshold():
    gold = [(norm("sơ tán dân"), norm("di dời dân")), (norm("cấp thuốc"), norm("bảo đảm y tế"))]
    stored = [StoredLink(_side("Tổ chức sơ tán dân khỏi vùng lũ"), _side("Khẩn trương di dời dân ra khỏi"), 0.9),
              StoredLink(_side("Tổ chức sơ tán dân khỏi vùng lũ"), _side("bảo đảm y tế cho dân"), 0.5),
              StoredLink(_side("trực ban 24/24"), _side("di dời dân"), 0.6)]
    pair = Pair("p.json", gold, stored)
    low, high = score([pair], 0.5), score([pair], 0.8)
    assert (low["stored"], low["correct"], low["precision"], low["found"], low["recall"]) == (3, 1, 0.333, 1, 0.5)
    assert (high["stored"], high["correct"], high["precision"], high["recall"]) == (1, 1, 1.0, 0.5)


def test_link_gold_is_well_formed():
    files = sorted(LINKS.glob("*.json"))
    assert len(files) >= 20
    for path in files:
        g = json.loads(path.read_text(encoding="utf-8"))
        assert {"child", "parent", "complete", "links"} <= set(g), path.name
        texts = {side: norm((SHARED / g[side]).read_text(encoding="utf-8", errors="replace"))
                 for side in ("child", "parent")}
        for link in g["links"]:
            for side in ("child", "parent"):
                anchor = norm(link[f"{side}_anchor"])
                assert anchor in texts[side], (path.name, side, anchor)


def test_eval_links_on_the_dev_store(web_store_master):
    report = evaluate(LINKS, web_store_master)
    in_dev = [g for g in (json.loads(p.read_text(encoding="utf-8")) for p in LINKS.glob("*.json"))
              if g["complete"] and g["child"].startswith("corpus/dev/") and g["parent"].startswith("corpus/dev/")]
    assert report["pairs"] == len(in_dev) > 0  # the store holds the dev corpus only: crawl pairs are skipped
    assert len(report["skipped"]) == len(list(LINKS.glob("*.json"))) - len(in_dev)
    rows = report["rows"]
    assert all(a["stored"] >= b["stored"] and a["found"] >= b["found"] for a, b in zip(rows, rows[1:], strict=False))
    assert all(r["correct"] <= r["stored"] and r["found"] <= r["gold"] for r in rows)
    if report["chosen"] is None:
        assert all(r["precision"] is None or r["precision"] < 0.9 for r in rows)
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "eval-links", str(LINKS), "--store",
                          str(web_store_master)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "threshold  stored  correct  precision" in out.stdout


def test_default_threshold_is_the_measured_one():
    """DEFAULT_THRESHOLD is what `obligraph eval-links corpora/links` chose on the dev + crawl store (see
    corpora/links/README.md): None while no threshold reaches precision 0.90."""
    readme = (LINKS / "README.md").read_text(encoding="utf-8").lower()
    if DEFAULT_THRESHOLD is None:
        assert "no threshold reaches precision 0.90" in readme
    else:
        assert f"default threshold {DEFAULT_THRESHOLD}" in readme


def test_eval_links_needs_a_store(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "eval-links", str(LINKS), "--store",
                          str(tmp_path / "missing.sqlite")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "no store" in out.stderr
