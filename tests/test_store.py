"""Store: keys, resolution, placeholders, replacement, idempotence, kill -9 resume.

The records are small hand-written contract records quoting real strings from ../shared/corpus/dev
(the 217 <- 223 <- 0129 flood chain, the two 310/KH-UBND, 234/CĐ-TTg), DOMAIN.md §3 (18-NQ/TW is
two resolutions) and en_qd_2351_ttg_2010.txt; the other graph tests import them from here.
"""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.graph.store import Store
from pipeline.records import (
    Assignee,
    Deadline,
    DocumentRecord,
    Metadata,
    Obligation,
    Reference,
    Source,
    doc_id_for,
    obligation_id,
)

ROOT = Path(__file__).resolve().parents[1]


def make_record(path: str, text: str, *, symbol: str | None, issuer: str | None, issued_on: str | None,
                language: str = "vi", doc_type: str | None = None, refs=(), obligations=()) -> dict:
    """A contract record; spans are found in ``text`` so every mention quotes it."""
    sha = hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()
    doc_id = doc_id_for(sha)
    references = []
    for i, (mention, fields) in enumerate(refs, 1):
        start = text.index(mention)
        references.append(Reference(id=f"r{i}", span=(start, start + len(mention)), mention=mention, **fields))
    obls = []
    for i, o in enumerate(obligations):
        start = text.index(o["text"])
        end = start + len(o["text"])
        assignees = []
        for mention, name, role in o["assignees"]:
            a = text.index(mention)  # an addressee heading may precede the task
            assignees.append(Assignee(mention, (a, a + len(mention)), name, None, role))
        deadline = None
        if o.get("due"):
            mention, day = o["due"]
            d = text.index(mention, start)
            deadline = Deadline(mention, (d, d + len(mention)), "date", date=day)
        obls.append(Obligation(
            id=obligation_id(doc_id, o["path"], o["text"], i), path=o["path"], span=(start, end), text=o["text"],
            action=o.get("action", o["text"]), assignees=assignees, deadline=deadline,
            reports_to=o.get("reports_to", []), references=o.get("refs", []),
            deadlines=[deadline] if deadline else []))
    return DocumentRecord(doc_id, Source(path, "txt", sha), language, Metadata(symbol, doc_type, None, issuer, issued_on),
                          text, references, obls).to_dict()


def ref(symbol, doc_type, issuer_code, year=None, issued_on=None, relation="cites"):
    number = symbol.split("/")[0].split("-")[0]
    return {"symbol": symbol, "doc_type": doc_type, "number": number, "year": year, "issuer_code": issuer_code,
            "issued_on": issued_on, "relation": relation}


TTG = "Thủ tướng Chính phủ"
DAKLAK = "Ủy ban nhân dân tỉnh Đắk Lắk"
BNNMT = "Bộ Nông nghiệp và Môi trường"

T217 = """Số: 217/CĐ-TTg
Hà Nội, ngày 16 tháng 11 năm 2025
CÔNG ĐIỆN
V/V CHỦ ĐỘNG PHÒNG,
TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ
1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ
Hà Tĩnh đến Khánh Hòa:
b) Chỉ đạo rà soát, kiểm tra, kịp thời phát hiện
các khu vực có nguy cơ xảy ra sạt lở đất, lũ quét, ngập lụt sâu để kịp thời
cảnh báo không để người dân đi vào khu vực nguy hiểm, chủ động sơ tán, di dời
dân cư ra khỏi khu vực nguy hiểm.
"""
R217 = make_record(
    "corpus/dev/vi_cd_217_ttg_2025.txt", T217, symbol="217/CĐ-TTg", issuer=TTG, issued_on="2025-11-16",
    doc_type="CĐ",
    obligations=[{"path": "1.b", "text": T217[T217.index("Chỉ đạo rà soát"):T217.index("nguy hiểm.\n") + 10],
                  "action": "rà soát, kiểm tra, kịp thời phát hiện các khu vực có nguy cơ xảy ra sạt lở đất",
                  "assignees": [("Ủy ban nhân dân các tỉnh, thành phố", "Ủy ban nhân dân tỉnh Khánh Hòa", "responsible")]}],
)

T223 = """Số: 223/CĐ-TTg
Hà Nội, ngày 20
tháng 11 năm 2025
Để tập trung ứng phó mưa lũ đặc biệt lớn, bảo đảm
an toàn tính mạng cho Nhân dân, tiếp theo các Công điện số 217/CĐ-TTg,
218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, Thủ tướng Chính phủ yêu
cầu:
2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,
Đắk Lắk, Gia Lai:
- Cung ứng, tiếp tế kịp thời lương thực, thực phẩm cho
người dân (trong đó ưu tiên tiếp tế các thực phẩm có thể sử dụng được ngay như
lương khô, bánh mì, bơ sữa,...), không được để người dân bị đói, bị rét, thiếu
nước uống,..
5. Bộ Nông nghiệp và Môi trường chỉ đạo cơ quan
chức năng tiếp tục theo dõi, dự báo kịp thời, chính xác tình hình mưa lũ; thông
tin kịp thời đến các cấp chính quyền và người dân để chủ động phòng, tránh ở
mức độ cao nhất có thể.
"""
_T223_2 = T223[T223.index("Cung ứng"):T223.index("nước uống,..") + 12]
_T223_5 = T223[T223.index("Bộ Nông nghiệp và Môi trường chỉ đạo"):T223.index("cao nhất có thể.") + 16]
R223 = make_record(
    "corpus/dev/vi_cd_223_ttg_2025.txt", T223, symbol="223/CĐ-TTg", issuer=TTG, issued_on="2025-11-20",
    doc_type="CĐ",
    refs=[("Công điện số 217/CĐ-TTg", ref("217/CĐ-TTg", "CĐ", "TTg", relation="follows_up")),
          ("218/CĐ-TTg", ref("218/CĐ-TTg", "CĐ", "TTg", relation="follows_up")),
          ("222/CĐ-TTg ngày 19/11/2025", ref("222/CĐ-TTg", "CĐ", "TTg", 2025, "2025-11-19", "follows_up"))],
    obligations=[
        {"path": "2", "text": _T223_2, "action": "Cung ứng, tiếp tế kịp thời lương thực, thực phẩm cho người dân",
         "assignees": [("Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa", "responsible"),
                       ("Đắk Lắk", DAKLAK, "responsible")]},
        {"path": "5", "text": _T223_5, "action": "theo dõi, dự báo kịp thời, chính xác tình hình mưa lũ",
         "assignees": [("Bộ Nông nghiệp và Môi trường", BNNMT, "responsible")], "refs": []},
    ],
)

T0129 = """Số: 0129/KH-UBND
Đắk Lắk, ngày 21
tháng 11 năm 2025
KẾ HOẠCH
V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN BỊ ẢNH HƯỞNG
MƯA LŨ TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK
Căn cứ Công điện số
223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ về tập trung ứng phó lũ đặc
biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai; Các Công điện: số 007/CĐ-UBND ngày
17/11/2025 của UBND tỉnh về khẩn trương tập trung ứng phó;
IV.
PHÂN CÔNG NHIỆM VỤ
1.
Sở Công Thương:
- Phối hợp Bộ Chỉ huy
Quân sự tỉnh, Công an tỉnh và UBND các xã, phường tổ chức vận chuyển hàng đến
các cụm dân cư, thôn, buôn bị chia cắt; tổng hợp nhu cầu từ cơ sở, báo cáo UBND
tỉnh trước 19h00’ hằng ngày và đột xuất khi cần thiết.
2.Sở Nông nghiệp và Môi trường:
- Phối hợp UBND các xã,
phường cập nhật thiệt hại nông nghiệp, thủy sản; xác định nhu cầu hỗ trợ lương
thực, thực phẩm, vật tư thiết yếu tại các khu vực sản xuất bị hư hỏng nặng.
"""
_T0129_1 = T0129[T0129.index("Phối hợp Bộ Chỉ huy"):T0129.index("khi cần thiết.") + 14]
_T0129_2 = T0129[T0129.index("Phối hợp UBND các xã"):T0129.index("hư hỏng nặng.") + 13]
R0129 = make_record(
    "corpus/dev/vi_kh_0129_ubnd_daklak_2025.txt", T0129, symbol="0129/KH-UBND", issuer=DAKLAK,
    issued_on="2025-11-21", doc_type="KH",
    refs=[("Công điện số\n223/CĐ-TTg ngày 20/11/2025", ref("223/CĐ-TTg", "CĐ", "TTg", 2025, "2025-11-20", "based_on")),
          ("số 007/CĐ-UBND ngày\n17/11/2025", ref("007/CĐ-UBND", "CĐ", "UBND", 2025, "2025-11-17", "based_on"))],
    obligations=[
        {"path": "IV.1", "text": _T0129_1, "action": "tổ chức vận chuyển hàng đến các cụm dân cư",
         "assignees": [("Sở Công Thương", "Sở Công Thương", "responsible")], "reports_to": [DAKLAK]},
        {"path": "IV.2", "text": _T0129_2,
         "action": "xác định nhu cầu hỗ trợ lương thực, thực phẩm, vật tư thiết yếu",
         "assignees": [("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", "responsible")]},
    ],
)

T234 = """Số: 234/CĐ-TTg
Hà Nội, ngày 30 tháng 11 năm 2025
4. Bộ trưởng Bộ Nông nghiệp
và Môi trường hướng dẫn các địa phương bố trí đất đai khu tái định cư, nếu như
phải bố trí đất để di dời các hộ dân ra khỏi vùng bị sạt lở, lũ cuốn trôi, vùng
nguy hiểm, hoàn thànhtrước ngày 05/12/2025.
"""
R234 = make_record(
    "corpus/dev/vi_cd_234_ttg_2025.txt", T234, symbol="234/CĐ-TTg", issuer=TTG, issued_on="2025-11-30",
    doc_type="CĐ",
    obligations=[{"path": "4", "text": T234[T234.index("Bộ trưởng Bộ Nông nghiệp"):],
                  "action": "hướng dẫn các địa phương bố trí đất đai khu tái định cư",
                  "assignees": [("Bộ trưởng Bộ Nông nghiệp\nvà Môi trường", BNNMT, "responsible")],
                  "due": ("trước ngày 05/12/2025", "2025-12-05")}],
)

T310_HN = """Số: 310/KH-UBND
Hà Nội, ngày
24 tháng 11 năm 2025
KẾ HOẠCH
PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO,
KHU CÔNG NGHIỆP, CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030
"""
R310_HN = make_record("corpus/dev/vi_kh_310_ubnd_hanoi_2025.txt", T310_HN, symbol="310/KH-UBND",
                      issuer="Ủy ban nhân dân Thành phố Hà Nội", issued_on="2025-11-24", doc_type="KH")

T556 = """Số: 556/KH-UBND
Đồng Tháp, ngày 19 tháng 11 năm 2025
- Tiếp tục triển khai thực
hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân tỉnh về phát triển
nuôi trồng thủy sản trên biển tỉnh đến năm 2030;
"""
R556 = make_record(
    "corpus/dev/vi_kh_556_ubnd_dongthap_2025.txt", T556, symbol="556/KH-UBND",
    issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issued_on="2025-11-19", doc_type="KH",
    refs=[("Kế hoạch 310/KH-UBND ngày 21/8/2024", ref("310/KH-UBND", "KH", "UBND", 2024, "2024-08-21", "implements"))],
)

T310_DT = """Số: 310/KH-UBND
Đồng Tháp, ngày 21 tháng 8 năm 2024
KẾ HOẠCH
Phát triển nuôi trồng thủy sản trên biển tỉnh đến năm 2030
"""
R310_DT = make_record("archive/dongthap/kh_310_2024.txt", T310_DT, symbol="310/KH-UBND",
                      issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issued_on="2024-08-21", doc_type="KH")

BCH = "Ban Chấp hành Trung ương"
R18_2017 = make_record("party/nq_18_2017.txt", "Số 18-NQ/TW\nHà Nội, ngày 25 tháng 10 năm 2017\nNGHỊ QUYẾT\n"
                       "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
                       "hoạt động hiệu lực, hiệu quả\n", symbol="18-NQ/TW", issuer=BCH, issued_on="2017-10-25",
                       doc_type="NQ")
R18_2022 = make_record("party/nq_18_2022.txt", "Số 18-NQ/TW\nHà Nội, ngày 16 tháng 6 năm 2022\nNGHỊ QUYẾT\n"
                       "Về tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và "
                       "sử dụng đất\n", symbol="18-NQ/TW", issuer=BCH, issued_on="2022-06-16", doc_type="NQ")
T_CITES18 = """Số: 12/KH-UBND
Nghệ An, ngày 10 tháng 01 năm 2025
Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương; Nghị quyết số 18-NQ/TW
ngày 16/6/2022 của Ban Chấp hành Trung ương; tiếp tục quán triệt Nghị quyết số 18-NQ/TW.
"""
R_CITES18 = make_record(
    "local/kh_12_nghean.txt", T_CITES18, symbol="12/KH-UBND", issuer="Ủy ban nhân dân tỉnh Nghệ An",
    issued_on="2025-01-10", doc_type="KH",
    refs=[("Nghị quyết số 18-NQ/TW ngày 25/10/2017", ref("18-NQ/TW", "NQ", "TW", 2017, "2017-10-25", "implements")),
          ("Nghị quyết số 18-NQ/TW\nngày 16/6/2022", ref("18-NQ/TW", "NQ", "TW", 2022, "2022-06-16", "implements")),
          ("Nghị quyết số 18-NQ/TW.", ref("18-NQ/TW", "NQ", "TW"))],
)

T2351_EN = """Decision No. 2351/QD-TTg of December 24, 2010, approving the 2011-2020 national strategy for gender equality
THE PRIME MINISTER
The Ministry of Justice shall assume the prime responsibility for, and coordinate with the Ministry of Labor, War Invalids and Social Affairs as well as concerned ministries and sectors in, assessing the inclusion of gender equality issues in the drafting of legal documents related to gender equality or gender inequality or discrimination within the scope of regulation of such documents.
"""
R2351_EN = make_record(
    "corpus/dev/en_qd_2351_ttg_2010.txt", T2351_EN, symbol="2351/QĐ-TTg", issuer="Prime Minister",
    issued_on="2010-12-24", language="en", doc_type="QĐ",
    obligations=[{"path": "3", "text": T2351_EN[T2351_EN.index("The Ministry of Justice"):].strip(),
                  "action": "assessing the inclusion of gender equality issues in the drafting of legal documents",
                  "assignees": [("The Ministry of Justice", "Bộ Tư pháp", "lead"),
                                ("the Ministry of Labor, War Invalids and Social Affairs",
                                 "Bộ Lao động - Thương binh và Xã hội", "support")]}],
)
T2351_VI = """Số: 2351/QĐ-TTg
Hà Nội, ngày 24 tháng 12 năm 2010
QUYẾT ĐỊNH
Phê duyệt Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 - 2020
Bộ Tư pháp chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội và các Bộ, ngành liên quan thẩm định việc lồng ghép vấn đề bình đẳng giới trong xây dựng văn bản quy phạm pháp luật.
"""
R2351_VI = make_record(
    "vi/qd_2351_ttg_2010.txt", T2351_VI, symbol="2351/QĐ-TTg", issuer=TTG, issued_on="2010-12-24", doc_type="QĐ",
    obligations=[{"path": "3", "text": T2351_VI[T2351_VI.index("Bộ Tư pháp chủ trì"):].strip(),
                  "action": "thẩm định việc lồng ghép vấn đề bình đẳng giới trong xây dựng văn bản quy phạm pháp luật",
                  "assignees": [("Bộ Tư pháp", "Bộ Tư pháp", "lead"),
                                ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội",
                                 "support")]}],
)

ALL = [R217, R223, R0129, R234, R310_HN, R556, R18_2017, R18_2022, R_CITES18, R2351_EN, R2351_VI]


def build(path: Path, records=ALL) -> Store:
    store = Store(path)
    for r in records:
        store.put_document(r)
    return store


def targets(store: Store, doc_id: str) -> dict[str, str | None]:
    return {r["ref_id"]: r["target"] for r in store.conn.execute(
        "SELECT ref_id, target FROM refs WHERE doc_id = ? ORDER BY ref_id", (doc_id,))}


def node_of(store: Store, doc_id: str) -> str:
    return store.conn.execute("SELECT node FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]


@pytest.fixture
def store(tmp_path):
    with build(tmp_path / "s.sqlite") as s:
        yield s


# ---------------------------------------------------------------- linking


def test_chain_223_to_217_and_0129_to_223(store):
    assert targets(store, R223["doc_id"])["r1"] == node_of(store, R217["doc_id"]) == "217/CĐ-TTg|2025|" + TTG
    assert targets(store, R0129["doc_id"])["r1"] == node_of(store, R223["doc_id"]) == "223/CĐ-TTg|2025|" + TTG


def test_two_310_kh_ubnd_kept_apart(store):
    hanoi = node_of(store, R310_HN["doc_id"])
    cited = targets(store, R556["doc_id"])["r1"]
    assert cited != hanoi
    assert cited == "310/KH-UBND|2024|Ủy ban nhân dân tỉnh Đồng Tháp"
    placeholder = store.conn.execute("SELECT placeholder FROM doc_keys WHERE key = ?", (cited,)).fetchone()[0]
    assert placeholder == 1


def test_placeholder_upgraded_in_place(store):
    cited = targets(store, R556["doc_id"])["r1"]
    store.put_document(R310_DT)
    assert node_of(store, R310_DT["doc_id"]) == cited
    row = store.conn.execute("SELECT placeholder, doc_id FROM doc_keys WHERE key = ?", (cited,)).fetchone()
    assert tuple(row) == (0, R310_DT["doc_id"])
    assert targets(store, R556["doc_id"])["r1"] == cited  # still apart from Hà Nội's
    assert cited != node_of(store, R310_HN["doc_id"])


def test_placeholder_replaced_when_citation_was_incomplete(tmp_path):
    # 223 cites 217 without a date: the placeholder has no year, the real 217 re-points the reference
    with build(tmp_path / "s.sqlite", [R223]) as s:
        before = targets(s, R223["doc_id"])["r1"]
        assert before == "217/CĐ-TTg||" + TTG
        s.put_document(R217)
        assert targets(s, R223["doc_id"])["r1"] == node_of(s, R217["doc_id"])
        assert s.conn.execute("SELECT COUNT(*) FROM doc_keys WHERE key = ?", (before,)).fetchone()[0] == 0


def test_an_unchanged_placeholder_row_is_not_rewritten(tmp_path):
    # a second plan citing the same Kế hoạch 310/KH-UBND refreshes its placeholder: the row stays as stored (a rewrite
    # would delete and re-insert it, a new rowid), which is what keeps a much-cited law cheap to store citers of
    second = make_record("corpus/dev/vi_kh_556_copy.txt", T556 + "\n", symbol="557/KH-UBND",
                         issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issued_on="2025-11-20", doc_type="KH",
                         refs=[("Kế hoạch 310/KH-UBND ngày 21/8/2024",
                                ref("310/KH-UBND", "KH", "UBND", 2024, "2024-08-21", "implements"))])
    with build(tmp_path / "s.sqlite", [R556]) as s:
        cited = targets(s, R556["doc_id"])["r1"]
        before = s.conn.execute("SELECT rowid, * FROM doc_keys WHERE key = ?", (cited,)).fetchone()
        s.put_document(second)
        assert targets(s, second["doc_id"])["r1"] == cited
        assert tuple(s.conn.execute("SELECT rowid, * FROM doc_keys WHERE key = ?", (cited,)).fetchone()) == tuple(before)


def test_party_18_nq_tw_two_terms(store):
    t = targets(store, R_CITES18["doc_id"])
    assert t["r1"] == node_of(store, R18_2017["doc_id"]) == "18-NQ/TW|2017|" + BCH
    assert t["r2"] == node_of(store, R18_2022["doc_id"]) == "18-NQ/TW|2022|" + BCH
    # an undated Party citation is not resolved by the number: it stays a placeholder of its own
    assert t["r3"] not in (t["r1"], t["r2"])


def test_english_translation_and_original_are_one_document(store):
    assert node_of(store, R2351_EN["doc_id"]) == node_of(store, R2351_VI["doc_id"]) == "2351/QĐ-TTg|2010|" + TTG
    row = store.conn.execute("SELECT doc_id, placeholder FROM doc_keys WHERE key = ?",
                             ("2351/QĐ-TTg|2010|" + TTG,)).fetchone()
    assert tuple(row) == (R2351_VI["doc_id"], 0)  # the Vietnamese record stands for the node


def test_cascade_links_plan_to_cong_dien(store):
    rows = store.conn.execute("SELECT child, parent, score, evidence FROM cascades").fetchall()
    links = {(r["child"], r["parent"]): r for r in rows}
    food = (R0129["obligations"][1]["id"], R223["obligations"][0]["id"])
    assert food in links
    ev = json.loads(links[food]["evidence"])
    assert ev["parent_assignee"] == DAKLAK and ev["assignee_match"] == 1.0
    assert "lương thực" in ev["shared_terms"] and "thực phẩm" in ev["shared_terms"]
    assert 0 < links[food]["score"] <= 1
    # nothing in the plan carries out the ministry's forecasting task
    assert all(parent != R223["obligations"][1]["id"] for _, parent in links)


def _copy_of_223_chosen_first() -> dict:
    """R223 saved under another path, with a doc_id that sorts first: it becomes its node's record."""
    for k in range(1000):
        rec = make_record(
            f"crawl/copy{k}_223.md", T223, symbol="223/CĐ-TTg", issuer=TTG, issued_on="2025-11-20", doc_type="CĐ",
            obligations=[{"path": "2", "text": _T223_2, "action": "Cung ứng lương thực, thực phẩm",
                          "assignees": [("Đắk Lắk", DAKLAK, "responsible")]}])
        if rec["doc_id"] < R223["doc_id"]:
            return rec
    raise AssertionError("no copy sorts first")


@pytest.mark.parametrize("order", ["cited, citer, copy", "copy, cited, citer"])
def test_cascades_follow_the_record_chosen_for_a_node_whatever_the_order(tmp_path, order):
    copy = _copy_of_223_chosen_first()
    records = {"cited": R223, "citer": R0129, "copy": copy}
    with build(tmp_path / "s.sqlite", [records[name] for name in order.split(", ")]) as store:
        chosen = store.conn.execute("SELECT doc_id FROM doc_keys WHERE symbol = '223/CĐ-TTg'").fetchone()[0]
        parents = {r[0] for r in store.conn.execute("SELECT parent_doc FROM cascades")}
        assert chosen == copy["doc_id"] and parents == {copy["doc_id"]}


def test_same_content_stored_again_under_a_second_path_keeps_its_references_resolved(tmp_path):
    """The batch keeps the smaller of two paths holding the same content, so the copy that finished first
    is replaced by a record with the same doc_id; its references must still be resolved and its cascades
    drawn (they were left unresolved, so the store depended on which worker finished first)."""
    later = dict(R0129, source=dict(R0129["source"], path="a/" + R0129["source"]["path"]))
    with build(tmp_path / "s.sqlite", [R217, R223, R0129, later]) as store:
        assert targets(store, R0129["doc_id"])["r1"] == node_of(store, R223["doc_id"])
        assert R0129["doc_id"] in {r[0] for r in store.conn.execute("SELECT child_doc FROM cascades")}
        replaced = store.dump()
    with build(tmp_path / "t.sqlite", [R217, R223, later]) as alone:
        assert replaced == alone.dump()  # the same content as if the copy had never been stored


def test_agencies_canonical_and_aliases(store):
    names = {r[0] for r in store.conn.execute("SELECT name FROM agencies")}
    assert {TTG, DAKLAK, BNNMT, "Bộ Tư pháp"} <= names
    assert "Prime Minister" not in names
    assert store.canonical("MAE") == BNNMT


# ---------------------------------------------------------------- writing


def test_idempotent_put(tmp_path):
    with build(tmp_path / "a.sqlite") as a:
        first = a.dump()
        for r in ALL:
            a.put_document(r)
        assert a.dump() == first
    with build(tmp_path / "b.sqlite", list(reversed(ALL))) as b:
        assert b.dump() == first  # the order documents arrive in does not matter


def test_changed_file_replaces_old_records(store):
    changed = make_record(R234["source"]["path"], T234.replace("05/12/2025", "10/12/2025"), symbol="234/CĐ-TTg",
                          issuer=TTG, issued_on="2025-11-30", doc_type="CĐ",
                          obligations=[{"path": "4", "text": T234.replace("05/12/2025", "10/12/2025")[
                              T234.index("Bộ trưởng Bộ Nông nghiệp"):], "action": "hướng dẫn",
                              "assignees": [("Bộ trưởng Bộ Nông nghiệp\nvà Môi trường", BNNMT, "responsible")],
                              "due": ("trước ngày 10/12/2025", "2025-12-10")}])
    store.put_document(changed)
    rows = store.conn.execute("SELECT doc_id FROM documents WHERE path = ?", (R234["source"]["path"],)).fetchall()
    assert [r[0] for r in rows] == [changed["doc_id"]]
    assert not store.has_source(R234["source"]["sha256"]) and store.has_source(changed["source"]["sha256"])
    dues = [r[0] for r in store.conn.execute(
        "SELECT due FROM obligations o JOIN documents d ON d.doc_id = o.doc_id WHERE d.symbol = '234/CĐ-TTg'")]
    assert dues == ["2025-12-10"]
    assert store.conn.execute("SELECT COUNT(*) FROM obligations WHERE id = ?",
                              (R234["obligations"][0]["id"],)).fetchone()[0] == 0


def test_records_round_trip_in_path_order(store):
    recs = list(store.records())
    assert [r["source"]["path"] for r in recs] == sorted(r["source"]["path"] for r in ALL)
    assert {r["doc_id"]: r for r in recs}[R223["doc_id"]] == R223
    assert [d["doc_id"] for d in store.documents()] == [r["doc_id"] for r in recs]


def test_remove_path_turns_cited_document_back_into_placeholder(store):
    key = node_of(store, R223["doc_id"])
    store.remove_path(R223["source"]["path"])
    assert store.conn.execute("SELECT placeholder FROM doc_keys WHERE key = ?", (key,)).fetchone()[0] == 1
    assert store.conn.execute("SELECT COUNT(*) FROM cascades").fetchone()[0] == 0


def test_grouped_commits_keep_every_document_but_a_failing_one(tmp_path):
    broken = json.loads(json.dumps(R217))
    broken["source"]["path"], broken["source"]["sha256"], broken["doc_id"] = "broken.txt", "0" * 64, "broken"
    del broken["obligations"][0]["id"]  # fails after its document row is written
    with build(tmp_path / "one.sqlite") as one:
        expected = one.dump()
    with Store(tmp_path / "grouped.sqlite") as store:
        with store.grouped(documents=3, seconds=3600):
            for rec in ALL[:3]:
                store.put_document(rec)
            assert not store.conn.in_transaction  # the third document closed the group
            with pytest.raises(KeyError):
                store.put_document(broken)
            for rec in ALL[3:]:
                store.put_document(rec)
            assert store.group_due_in() is not None or not store.conn.in_transaction
        assert not store.conn.in_transaction  # the block's end commits the rest
        assert not store.has_source(broken["source"]["sha256"])
        assert store.dump() == expected


def test_commit_of_an_open_group_when_due(tmp_path):
    with Store(tmp_path / "s.sqlite") as store, store.grouped(documents=100, seconds=3600):
        assert store.group_due_in() is None  # nothing waits
        store.put_document(ALL[0])
        assert 3500 < store.group_due_in() <= 3600
        store.commit()
        assert store.group_due_in() is None
        other = sqlite3.connect(tmp_path / "s.sqlite")
        assert other.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        other.close()


# ---------------------------------------------------------------- kill -9


WRITER = textwrap.dedent("""
    import json, sys
    from pipeline.graph.store import Store
    records = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
    group = int(sys.argv[3])
    with Store(sys.argv[1]) as store, store.grouped(group, seconds=3600):
        for rec in records:
            if store.has_source(rec["source"]["sha256"]):
                continue
            store.put_document(rec)
            print(rec["doc_id"], flush=True)
""")


def _many(n: int) -> list[dict]:
    """Distinct copies of the fixture records (new paths and hashes), enough to kill mid-way."""
    from pipeline.scale.storebench import replicate

    return [replicate(r, k) for k in range(n) for r in ALL]


def _run_writer(db: Path, records_file: Path, group: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(records_file), str(group)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("group", [1, 5], ids=["commit-each", "commit-groups-of-5"])
def test_kill_9_leaves_whole_documents_and_resumes(tmp_path, group):
    records = _many(12)
    rec_file = tmp_path / "records.jsonl"
    rec_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "killed.sqlite"
    proc = _run_writer(db, rec_file, group)
    put = len(records) // 3 + 2  # not a multiple of the group: the kill falls inside an open group
    for _ in range(put):
        assert proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {doc_id: json.loads(rec) for doc_id, rec in conn.execute("SELECT doc_id, record FROM documents")}
    conn.close()
    assert put - put % group <= len(stored) < len(records)
    assert len(stored) % group == 0  # whole groups only
    with Store(db) as s:
        for rec in records:
            n_obl = s.conn.execute("SELECT COUNT(*) FROM obligations WHERE doc_id = ?", (rec["doc_id"],)).fetchone()[0]
            n_ref = s.conn.execute("SELECT COUNT(*) FROM refs WHERE doc_id = ?", (rec["doc_id"],)).fetchone()[0]
            if rec["doc_id"] in stored:
                assert stored[rec["doc_id"]] == rec
                assert (n_obl, n_ref) == (len(rec["obligations"]), len(rec["references"]))
            else:
                assert (n_obl, n_ref) == (0, 0)

    proc = _run_writer(db, rec_file, group)  # the next run resumes
    resumed = proc.stdout.read().split()
    assert proc.wait() == 0
    assert len(resumed) == len(records) - len(stored)
    with Store(db) as killed, build(tmp_path / "clean.sqlite", records) as clean:
        assert killed.dump() == clean.dump()
