"""`obligraph eval` is strict and agrees with the team's scorer (../shared/eval/score.py) to the digit."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from pipeline.evaluate import (
    CHECK_MARKER,
    NameFolder,
    fold_symbol,
    fold_text,
    format_summary,
    gold_document,
    match_obligations,
    score_records,
)
from tests.conftest import ROOT, SHARED, extracted

GOLD = ROOT / "corpora" / "gold"
SCORER = SHARED / "eval" / "score.py"


def _gold_records() -> list[dict]:
    records = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        records.append(extracted(str(gold_document(gold["file"], SHARED))))
    return records


def _damaged(records: list[dict]) -> list[dict]:
    """Records with errors of every kind, so agreement is tested beyond the happy path."""
    out = copy.deepcopy(records)
    for n, record in enumerate(out):
        obligations = record["obligations"]
        if n % 3 == 0 and obligations:
            del obligations[0]
        for k, obligation in enumerate(obligations):
            if k % 4 == 1:
                obligation["deadline"] = {"date": "2025-12-31", "kind": "date"}
            if k % 5 == 2:
                obligation["assignees"] = obligation["assignees"][1:]
        if n % 4 == 1:
            record["metadata"]["symbol"] = None
        if n % 7 == 3:
            record["references"] = record["references"][1:]
    return out[1:]  # one record missing altogether


def _scorer_line(records: list[dict], tmp_path) -> str:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(path)], capture_output=True, text=True,
                            check=True)
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("damage", [False, True], ids=["as-extracted", "damaged"])
def test_eval_equals_the_strict_scorer(tmp_path, damage):
    records = _gold_records()
    if damage:
        records = _damaged(records)
    ours = format_summary(score_records(GOLD, records).summary()).splitlines()[0]
    assert ours == _scorer_line(records, tmp_path)


@pytest.mark.parametrize(("anchor", "texts", "expected"), [
    # the anchor must be a substring; word overlap is not enough
    ("Chủ trì, phối hợp với các cơ quan liên quan", ["Phối hợp với các cơ quan liên quan, chủ trì"], [None]),
    # tone placement and markdown are folded
    ("Ủy ban nhân dân tỉnh Khánh Hoà", ["**Uỷ ban nhân dân** tỉnh Khánh Hòa chỉ đạo"], [0]),
    # an enumerator in the anchor may be missing from the text
    ("a) Tổ chức theo dõi chặt chẽ", ["Tổ chức theo dõi chặt chẽ, cập nhật"], [0]),
])
def test_anchor_matching_is_strict(anchor, texts, expected):
    assert match_obligations([{"anchor": anchor}], [{"text": t} for t in texts]) == expected


def test_one_system_obligation_answers_one_gold_obligation():
    gold = [{"anchor": "Tổ chức theo dõi"}, {"anchor": "Tổ chức theo dõi"}]
    assert match_obligations(gold, [{"text": "Tổ chức theo dõi chặt chẽ"}]) == [0, None]


@pytest.mark.parametrize(("raw", "folded"), [
    ("0129/KH-UBND", "129/kh-ubnd"), ("223/CĐ-TTg", "223/cd-ttg"), ("223/CD-TTg", "223/cd-ttg"), (None, None)])
def test_symbols_fold_like_the_scorer(raw, folded):
    assert fold_symbol(raw) == folded


def test_names_fold_articles_and_tones():
    assert NameFolder()("Các Bộ") == NameFolder()("bộ") == "bộ"
    assert fold_text("Thanh  Hoá | *x*") == "thanh hóa x"


def test_check_half_hides_its_errors(tmp_path):
    (tmp_path / CHECK_MARKER).write_text("check half\n")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "obligraph"), "eval", str(tmp_path), "--misses",
                             "--records", "/dev/null"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "check half" in result.stderr


@pytest.mark.parametrize("half", ["gold", "gold-check"])
def test_every_gold_file_names_a_document_that_exists(half):
    """A gold file names its document under ../shared, or under corpora/ for texts the team keeps."""
    for path in sorted((ROOT / "corpora" / half).glob("*.json")):
        file = json.loads(path.read_text("utf-8"))["file"]
        document = gold_document(file, SHARED)
        assert document.is_file(), (path.name, file)
        assert document.is_relative_to(ROOT / "corpora") == file.startswith("corpora/")


def _spread_case(tmp_path):
    """Three gold documents and their records: the first holds every error, the second one missed assignee, the
    third none."""
    def gold(stem: str, obligations: list[dict]) -> dict:
        return {"file": f"corpus/crawl/{stem}.md", "symbol": None, "issued_on": None, "references": [],
                "obligations": obligations}

    def task(anchor: str, assignees: list[str], deadline: str | None = None) -> dict:
        return {"anchor": anchor, "assignees": assignees, "deadline": deadline}

    def record(stem: str, obligations: list[dict]) -> dict:
        return {"source": {"path": f"corpus/crawl/{stem}.md"}, "metadata": {}, "references": [],
                "obligations": obligations}

    golds = [gold("first", [task("Tổ chức tập huấn", ["Sở Nội vụ"], "2025-12-31"),
                            task("Rà soát văn bản", ["Sở Tư pháp", "Sở Tài chính"], "2025-11-30")]),
             gold("second", [task("Báo cáo kết quả", ["Bộ Công an", "Bộ Quốc phòng"])]),
             gold("third", [task("Kiểm tra việc thi hành", ["Bộ Y tế"], "2026-03-31")])]
    for g in golds:
        (tmp_path / f"{g['file'].split('/')[-1][:-3]}.json").write_text(json.dumps(g, ensure_ascii=False), "utf-8")
    records = [record("first", [{"text": "Rà soát văn bản", "assignees": [{"name": "Sở Tư pháp"}]},
                                {"text": "Lập danh sách", "assignees": []}]),
               record("second", [{"text": "Báo cáo kết quả", "assignees": [{"name": "Bộ Công an"}]}]),
               record("third", [{"text": "Kiểm tra việc thi hành", "assignees": [{"name": "Bộ Y tế"}],
                                 "deadline": {"kind": "date", "date": "2026-03-31"}}])]
    return records


def test_spread_counts_each_documents_errors(tmp_path):
    spread = score_records(tmp_path, _spread_case(tmp_path)).spread()
    # first: one task missed (its one assignee and its date with it), one false, one partner and one date missed
    assert spread["missed"] == {"total": 1, "documents": 1, "of": 3, "top5_share": 1.0, "top10_share": 1.0}
    assert spread["false"]["total"] == 1 and spread["false"]["documents"] == 1
    assert spread["assignees_missed"] == {"total": 3, "documents": 2, "of": 3, "top5_share": 1.0, "top10_share": 1.0}
    assert spread["deadlines_wrong"] == {"total": 2, "documents": 1, "of": 3, "top5_share": 1.0, "top10_share": 1.0}


# three tune documents with errors of every kind on their own records (a plan with a task table, a decree, a letter)
SPREAD_DOCUMENTS = ("vi_kh_179_ubnd_dongnai_2025", "c22591f10eec1dab", "vi_tb_624_vpcp_2025")


def test_spread_is_shown_for_a_check_half_without_names(tmp_path):
    (tmp_path / CHECK_MARKER).write_text("check half\n")
    records = []
    for stem in SPREAD_DOCUMENTS:
        gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))
        (tmp_path / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
        records.append(extracted(str(gold_document(gold["file"], SHARED))))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "obligraph"), "eval", str(tmp_path), "--spread",
                             "--records", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    spread = score_records(tmp_path, records).spread()
    assert all(row["total"] and row["of"] == 3 for row in spread.values())  # the case holds errors of each kind
    lines = [line for line in result.stdout.splitlines() if line.startswith("spread: ")]
    missed = spread["missed"]
    assert lines[0] == (f"spread: gold obligations missed {missed['total']} in {missed['documents']} of 3 documents; "
                        f"the 5 with most hold 100%, the 10 with most hold 100%")
    assert len(lines) == 4 and not any(stem in result.stdout + result.stderr for stem in SPREAD_DOCUMENTS)
