"""Agency registry: mentions in real strings (shared corpus and seeds), lookup, succession, spaCy view."""

from __future__ import annotations

import copy

import pytest
import spacy

from pipeline import knowledge
from pipeline.extract.agencies import AgencyRegistry, fold_name
from pipeline.extract.agency_mentions import _Scan
from pipeline.extract.agency_model import _TOKEN
from pipeline.extract.spacy_components import SPAN_KEY
from tests.conftest import DEV

B3 = ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ"]
B4 = B3 + ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


@pytest.fixture(scope="module")
def reg() -> AgencyRegistry:
    return AgencyRegistry.default()


def names(reg: AgencyRegistry, text: str, **kw) -> list[str]:
    return [m.name for m in reg.find_mentions(text, **kw)]


# --- mentions in real strings -----------------------------------------------------------------------------

VI_CASES = [
    # vi_cd_223_ttg_2025.txt, addressee block as crawled (line breaks, dash bullets)
    ("- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các\ntỉnh: Gia Lai,\n- Đắk Lắk và Khánh Hòa;\n"
     "- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công\n"
     "Thương, Giáo dục và Đào tạo, Y tế, Tài chính;",
     ["Tỉnh ủy Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", "Tỉnh ủy Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk",
      "Tỉnh ủy Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa", "Bộ Quốc phòng", "Bộ Công an",
      "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Công Thương", "Bộ Giáo dục và Đào tạo", "Bộ Y tế",
      "Bộ Tài chính"]),
    # vi_cd_nonum_mualu_trungbo_a_2025 1.b: the national civil defence committee's office, written in lower case
    ("b) Cập nhật tình hình, gửi Văn phòng Chính phủ, Bộ\nNông nghiệp và Môi trường, Văn phòng Ban chỉ đạo phòng thủ dân "
     "sự quốc gia trước 13 giờ hằng ngày",
     ["Văn phòng Chính phủ", "Bộ Nông nghiệp và Môi trường", "Văn phòng Ban Chỉ đạo Phòng thủ dân sự quốc gia"]),
    # vi_cd_223 item 2
    ("2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,\nĐắk Lắk, Gia Lai:",
     ["Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Gia Lai"]),
    # vi_cd_223 item 2, reporting line: office-holders stand for their bodies
    ("kịp\nthời báo cáo Thủ tướng Chính phủ, Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Nông\nnghiệp và Môi trường chỉ đạo",
     ["Thủ tướng Chính phủ", "Bộ Quốc phòng", "Bộ Nông nghiệp và Môi trường"]),
    # vi_cd_217_ttg_2025.txt: provinces and cities in one list, Huế and Đà Nẵng are cities
    ("- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh,\nQuảng Trị, Huế, Đà Nẵng, Quảng Ngãi, Gia Lai, Đắk Lắk, Khánh Hòa;",
     ["Ủy ban nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân thành phố Huế",
      "Ủy ban nhân dân thành phố Đà Nẵng", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Gia Lai",
      "Ủy ban nhân dân tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Khánh Hòa"]),
    # vi_tb_623_vpcp_2025.txt: "các Bộ, cơ quan:" list with a ministerial-level agency among ministries
    ("đại diện Lãnh đạo các Bộ, cơ quan: Quốc phòng, Ngoại giao, Nội vụ, Công\nThương, Tài chính, Xây dựng, Y tế, "
     "Công an, Khoa học và Công nghệ, Nông nghiệp\nvà Môi trường, Giáo dục và Đào tạo, Ngân hàng Nhà nước, Thanh tra Chính phủ.",
     ["Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Công Thương", "Bộ Tài chính", "Bộ Xây dựng", "Bộ Y tế",
      "Bộ Công an", "Bộ Khoa học và Công nghệ", "Bộ Nông nghiệp và Môi trường", "Bộ Giáo dục và Đào tạo",
      "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ"]),
    # Nơi nhận of a VPCP công văn: ministries by their symbol codes
    ("- Các Bộ: TC, XD, NV, GDĐT, NNMT, DTTG;",
     ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Nội vụ", "Bộ Giáo dục và Đào tạo", "Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo"]),
    # seed 001 (968/CĐ-TTg): the standing formula -> one class each
    ("Thủ tướng Chính phủ yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, nhất là "
     "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương và Thủ trưởng cơ quan hành chính nhà nước các cấp",
     ["Thủ tướng Chính phủ", *B4, "các cơ quan hành chính nhà nước các cấp"]),
    # vague group (ANNOTATION.md)
    ("Các bộ, ngành, địa phương chủ động thực hiện việc chuẩn hóa", B4),
    # crawl c22591f10eec1dab Điều 66 (a decree's duty article): the ministries and ministerial-level agencies without "các"
    ("Điều 66. Nhiệm vụ và quyền hạn của Bộ, cơ quan ngang Bộ", ["các bộ", "các cơ quan ngang bộ"]),
    ("lãnh đạo các Bộ, ngành theo chức\nnăng, nhiệm vụ", B3),
    ("Giao Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Văn phòng Chính phủ", ["Bộ Kế hoạch và Đầu tư", "Văn phòng Chính phủ"]),
    ("Bộ KH&CN chủ trì; NHNN phối hợp; VPCP theo dõi", ["Bộ Khoa học và Công nghệ", "Ngân hàng Nhà nước Việt Nam", "Văn phòng Chính phủ"]),
    ("Giám đốc Sở Y tế tham mưu", ["Sở Y tế"]),
    ("Bí thư Tỉnh ủy Điện Biên, Chủ tịch Ủy ban nhân dân tỉnh Điện Biên", ["Tỉnh ủy Điện Biên", "Ủy ban nhân dân tỉnh Điện Biên"]),
    ("Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW", ["Thành ủy Cần Thơ"]),
    ("Sở Giáo dục và Đào tạo Hà Nội", ["Sở Giáo dục và Đào tạo thành phố Hà Nội"]),
    ("Các sở, ngành có liên quan và UBND các xã, phường", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]),
    ("Ủy ban nhân dân các phường, xã, đặc khu", ["Ủy ban nhân dân các xã, phường"]),
    ("Chủ tịch các Tập đoàn, Tổng Công ty nhà nước", ["các tập đoàn, tổng công ty"]),
    ("Ủy ban nhân dân các tỉnh, thành phố: Hà Nội, Hải Phòng", ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hải Phòng"]),
    ("các Phó Thủ tướng Chính phủ", ["Phó Thủ tướng Chính phủ"]),
    ("Tập đoàn Điện lực Việt Nam (EVN)", ["Tập đoàn Điện lực Việt Nam", "Tập đoàn Điện lực Việt Nam"]),
    ("Uỷ ban nhân dân tỉnh Khánh Hoà", ["Ủy ban nhân dân tỉnh Khánh Hòa"]),  # new-style tone placement
    # generic partners and codes inside symbols are not bodies
    ("phối hợp với các cơ quan liên quan, cơ quan chức năng", []),
    ("Thông tư số 68/2025/TT-BTC và Công văn số 9837/UBND-KSTT", []),
    ("xây dựng chính phủ điện tử", []),
    ("Lũ trên các sông ở Khánh Hòa, Đắk Lắk và Gia Lai", []),
    ("các Bộ, cơ quan xây dựng kế hoạch", B3),
    # crawl 88be0fbbe795796d (1670/NQ-UBTVQH15): local bodies listed before a locality share it
    ("1.Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lai Châu, chính quyền địa phương",
     ["Chính phủ", "Hội đồng nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"]),
    # crawl e507ed3e72fc9f60 (1677/NQ-UBTVQH15) Điều 3.3: the National Assembly's bodies, the delegation and deputies of
    # a province sharing it
    ("3. Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Quảng Ngãi, trong",
     ["Hội đồng Dân tộc", "các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi",
      "các đại biểu Quốc hội tỉnh Quảng Ngãi"]),
    # dev vi_nq_380_cp_2025 II.4: "4. Các bộ, cơ\nquan trung ương, địa phương:" is the standing group of four classes
    ("4. Các bộ, cơ\nquan trung ương, địa phương:", B4),
    # dev vi_nq_380_cp_2025 II.1.1.d and crawl 646f0a00d4174382 Phụ lục II: the provinces listed after a local body's own
    # share its head
    ("Ủy ban nhân dân thành phố Hà\nNội, thành phố Hồ Chí Minh, thành phố Hải Phòng và tỉnh Quảng Ninh trực tiếp hỗ",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh", "Ủy ban nhân dân thành phố Hải Phòng",
      "Ủy ban nhân dân tỉnh Quảng Ninh"]),
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh và UBND các tỉnh, thành phố khác",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh", B4[3]]),
    # dev vi_kh_179_ubnd_dongnai_2025 VI.16, VI.18: a mass organisation followed by its province is that province's
    ("16. Khuyến khích Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng\nNai chỉ đạo hệ thống tổ chức đoàn cơ sở",
     ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai"]),
    ("18. Khuyến khích Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai và các\ntổ chức chính trị - xã hội phát huy vai trò",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai", "các tổ chức chính trị - xã hội"]),
    # dev vi_qd_2597_ttg_2025 III.3: a list of ministries that drops the head after the first
    ("với các bộ,\nngành liên quan như Bộ Tài chính, Nông nghiệp và Môi trường, Bộ Quốc phòng và\nchính quyền địa phương",
     ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ", "Bộ Tài chính", "Bộ Nông nghiệp và Môi trường",
      "Bộ Quốc phòng"]),
    # the same list's head kept for the work that follows a ministry's name ("xây dựng" builds)
    ("Giao Bộ Tài chính, Xây dựng kế hoạch rà soát", ["Bộ Tài chính"]),
]


@pytest.mark.parametrize("text,expected", VI_CASES)
def test_vietnamese_mentions(reg, text, expected):
    assert names(reg, text) == expected


@pytest.mark.parametrize(("text", "province", "expected"), [
    # crawl ad5aff6c13929815 (Bắc Ninh's plan) VI.14: "14. Tỉnh đoàn", the province's youth union, named as its party
    # committee is ("Tỉnh ủy Bắc Ninh"); a city's is its "Thành đoàn"
    ("14. Tỉnh đoàn", "Bắc Ninh", ["Tỉnh đoàn Bắc Ninh"]),
    ("14. Tỉnh đoàn", "Hà Nội", ["Thành đoàn Hà Nội"]),
])
def test_a_provinces_youth_union(reg, text, province, expected):
    assert names(reg, text, province=province) == expected


@pytest.mark.parametrize(("text", "province", "expected"), [
    # how provinces abbreviate their Front, procuracy, court and military command, as their recipients' lists write
    # them (crawl d5f01e57dbf5a890; dev vi_ct_012_ubnd_daklak_2025; crawl 02b9be7711f88c70, d71b3a48efad6d2c; dev
    # vi_kh_0129_ubnd_daklak_2025): the province's own bodies
    ("- Tỉnh ủy, HĐND,\nUBND, UBMTTQVN tỉnh;", "Vĩnh Long",
     ["Tỉnh ủy Vĩnh Long", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Long"]),
    ("- UB MTTQ Việt Nam tỉnh (b/c)", "Đắk Lắk", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk"]),
    ("- UBMTTQ Việt Nam Thành phố", "Hà Nội", ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"]),
    ("- TAND TP, VKSND TP", "Hà Nội", ["Tòa án nhân dân thành phố Hà Nội", "Viện kiểm sát nhân dân thành phố Hà Nội"]),
    ("- Công an tỉnh, BCHQS tỉnh", "Đắk Lắk", ["Công an tỉnh Đắk Lắk", "Bộ Chỉ huy quân sự tỉnh Đắk Lắk"]),
])
def test_a_provinces_bodies_by_their_abbreviations(reg, text, province, expected):
    assert names(reg, text, province=province) == expected


def test_the_communes_councils_are_a_class_as_their_committees_are(reg):
    # crawl f20b8af669b140e9 (a Hà Nội council resolution) Điều 12.2: "Hội đồng nhân dân cấp xã" is every commune's
    # council, the class "Hội đồng nhân dân các xã, phường" (as "Ủy ban nhân dân cấp xã" is "Ủy ban nhân dân các xã,
    # phường"), not the city's council
    text = ("2. Giao Thường trực Hội đồng nhân dân Thành phố,\ncác Ban của Hội đồng nhân dân Thành phố, các Tổ đại biểu và "
            "đại biểu Hội đồng\nnhân dân Thành phố, Hội đồng nhân dân cấp xã có trách nhiệm giám sát quá trình")
    assert names(reg, text, province="Hà Nội")[-1] == "Hội đồng nhân dân các xã, phường"


@pytest.mark.parametrize(("text", "expected"), [
    # crawl 6e205b75bcc588b5 (a table's partners cell) and corpora/crawl 001c610b2efdcf0c IV.5 (a heading): the class's
    # nouns coordinated without their commas
    ("- Sở Nông nghiệp và Môi trường,\ncác sở ngành liên quan;", ["Sở Nông nghiệp và Môi trường", "các sở, ban, ngành"]),
    ("5. Các sở\nngành liên quan, Viện Nghiên cứu phát triển Thành phố", ["các sở, ban, ngành"]),
])
def test_a_class_written_without_its_commas(reg, text, expected):
    assert names(reg, text)[:len(expected)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # crawl d2ab0055765c27e8 (a Hà Nội council resolution) Điều 7.4: a local body "các cấp" is the province's own, at
    # every level, with the province after it or in the document's header
    ("4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp\nthành phố Hà Nội tham gia giám sát thực hiện Nghị quyết.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"]),
    # crawl f20b8af669b140e9 Điều 12.3
    ("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố phối hợp tuyên truyền",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"]),
])
def test_a_local_body_at_every_level(reg, text, expected):
    assert names(reg, text, province="Hà Nội") == expected


def test_the_wards_communes_and_special_zones_are_one_mention(reg):
    # dev vi_kh_172_ubnd_hcm_2025: without "các", in that order; the mention takes "đặc khu" in, so a heading that
    # names them ("6. Ủy ban nhân dân phường, xã, đặc khu") names bodies only
    text = "ngành và Ủy ban nhân dân phường, xã, đặc khu chịu trách nhiệm triển khai"
    (found,) = reg.find_mentions(text)
    assert found.name == "Ủy ban nhân dân các xã, phường"
    assert text[found.span[0]:found.span[1]] == "Ủy ban nhân dân phường, xã, đặc khu"


EN_CASES = [
    # seed 000 item 1 (the English of 968/CĐ-TTg)
    ("1. Ministers, Heads of ministerial-level agencies, Heads of Government agencies, especially Chairmen of People's "
     "Committees of provinces and centrally-run cities and Heads of state administrative agencies at all levels:",
     [*B4, "các cơ quan hành chính nhà nước các cấp"]),
    # en_qd_* decisions
    ("5. The Ministry of Home Affairs shall assume the prime responsibility for, and coordinate with the Ministry of Foreign "
     "Affairs and the Ministry of Culture, Sports and Tourism in, determining payrolls",
     ["Bộ Nội vụ", "Bộ Ngoại giao", "Bộ Văn hóa, Thể thao và Du lịch"]),
    ("4. The Ministry of Finance shall assume the prime responsibility for, and coordinate with the Ministry of Foreign "
     "Affairs, the Ministry of Culture, Sports and Tourism and concerned ministries and branches in",
     ["Bộ Tài chính", "Bộ Ngoại giao", "Bộ Văn hóa, Thể thao và Du lịch", *B3]),
    ("Minister-Chairman of the Government Office", ["Văn phòng Chính phủ"]),
    ("in coordination with the Ministry of Finance", ["Bộ Tài chính"]),
    ("the Minister of Justice shall", ["Bộ Tư pháp"]),
    ("the Planning and Investment Ministry (in Document No. 7895/BKH-TD&GSDT)", ["Bộ Kế hoạch và Đầu tư"]),
    ("At the proposals of the People's Committee of Cao Bang province", ["Ủy ban nhân dân tỉnh Cao Bằng"]),
    ("chairpersons of provincial-level People’s Committees shall implement this Decision", [B4[3]]),
    ("Ministry of Labor, War Invalids and Social Affairs", ["Bộ Lao động - Thương binh và Xã hội"]),
    ("ministries, sectors and localities", B4),
    # dev en_qd_2281_ttg_2010: central agencies are the ministerial-level and government agencies
    ("Annually, based on their objectives and tasks, ministries, central agencies and localities which implement the "
     "Program shall make cost estimates", B4),
    ("To ensure central budget funds for activities under the Program tasked to ministries and central agencies", B3),
    ("People's Committees of provinces and centrally run cities", [B4[3]]),
    ("local government and e-government services", []),
    # dev en_qd_2351_ttg_2010: older renderings of Ủy ban Dân tộc and of the Women's Union (without "Vietnam")
    ("12. The Nationality Committee shall assume the prime responsibility for", ["Ủy ban Dân tộc"]),
    # dev en_qd_40_ttg_2016 V and en_nq_10_cp_2010: national steering committees, and a class of them
    ("1. The National Steering Committee for International Integration shall:", ["Ban Chỉ đạo quốc gia về hội nhập quốc tế"]),
    ("2. Inter-sectoral Steering Committees for International Integration shall:",
     ["các Ban Chỉ đạo liên ngành hội nhập quốc tế"]),
    ("3. The Steering Committee for Enterprise Renewal and Development shall monitor and urge ministries",
     ["Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp", "các bộ"]),
    ("the Ministry of Finance, concerned ministries and sectors, the Women’s Union Central Committee and",
     ["Bộ Tài chính", *B3, "Trung ương Hội Liên hiệp Phụ nữ Việt Nam"]),
    # dev en_nq_10_cp_2010: its English for "các tập đoàn, tổng công ty" and for the chairs of their boards
    ("chairmen of provincial/municipal People’s Committees and chairmen of the Boards of Directors of state-run groups or "
     "corporations shall immediately organize", [B4[3], "các tập đoàn, tổng công ty"]),
    ("The Steering Committee for Enterprise Renewal and Development shall monitor and urge ministries, sectors, "
     "localities, state-run groups and corporations in the implementation",
     ["Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp", *B4, "các tập đoàn, tổng công ty"]),
]


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_english_mentions(reg, text, expected):
    assert names(reg, text, language="en") == expected


def test_mentions_in_corpus_file_have_absolute_spans(reg):
    text = (DEV / "vi_cd_223_ttg_2025.txt").read_text(encoding="utf-8")
    start = text.index("2. Chủ tịch")
    end = text.index("- Tiếp tục huy động")
    found = reg.find_mentions(text, start, end)
    assert [m.name for m in found][:3] == ["Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Gia Lai"]
    for m in found:
        assert start <= m.span[0] < m.span[1] <= end
        assert text[m.span[0]:m.span[1]] == m.mention
    assert found[-1].mention == "Bộ trưởng Bộ Nông\nnghiệp và Môi trường"


# a scan of part of a text, its tokens parted by runs of white space, dashes and an underscore
OFFSET_TEXT = ("V/v phối hợp (số 12/BTC-NSNN)\nKính gửi:\n\n-  Bộ   Tài chính;\t- Ủy ban nhân dân\ntỉnh  Gia Lai;"
               " - Bộ Lao động -- Thương binh và Xã hội_x")


def test_mentions_after_odd_separators_have_absolute_spans(reg):
    start = OFFSET_TEXT.index("Kính")
    found = reg.find_mentions(OFFSET_TEXT, start)
    assert [(m.mention, m.name) for m in found] == [
        ("Bộ   Tài chính", "Bộ Tài chính"), ("Ủy ban nhân dân\ntỉnh  Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai"),
        ("Bộ Lao động -- Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội")]
    assert all(OFFSET_TEXT[m.span[0]:m.span[1]] == m.mention for m in found)


def test_token_offsets_asked_in_any_order():
    # the scan sums token offsets only for the tokens asked about, from the last one asked: forwards and back
    start = OFFSET_TEXT.index("Kính")
    seg = OFFSET_TEXT[start:]
    scan = _Scan.of(OFFSET_TEXT, seg, start, "vi", None, True)
    spans = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(fold_name(seg))]
    assert scan.keys == [fold_name(OFFSET_TEXT[s:e]) for s, e in spans]
    order = list(range(len(spans)))
    for k in order[::-1] + order[::3] + order[::-2] + order:
        assert scan.abs(k) == spans[k]
        assert scan.raw(k) == OFFSET_TEXT[spans[k][0]:spans[k][1]]


@pytest.mark.parametrize("text,province,expected", [
    ("UBND tỉnh, Chủ tịch UBND tỉnh xem xét, giải quyết.", "Nghệ An", ["Ủy ban nhân dân tỉnh Nghệ An"] * 2),
    ("Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau", "Hồ Chí Minh", ["Ủy ban nhân dân thành phố Hồ Chí Minh"]),
    ("Công an tỉnh chủ trì", "Ủy ban nhân dân tỉnh Đắk Lắk", ["Công an tỉnh Đắk Lắk"]),
    ("UBND tỉnh, Chủ tịch UBND tỉnh xem xét", None, ["Ủy ban nhân dân tỉnh"] * 2),
    # crawl 9124b25553a6c642 (59/2025/NQ-HĐND Hà Nội) Điều 4.2: the council's delegations named without the council
    ("2. Giao Thường trực Hội đồng nhân dân, các Ban của\nHội đồng nhân dân Thành phố, các Tổ đại biểu, đại biểu Hội đồng "
     "nhân dân Thành\nphố giám sát việc tổ chức thực hiện Nghị quyết.", "Hà Nội",
     ["Thường trực Hội đồng nhân dân thành phố Hà Nội", "các Ban của Hội đồng nhân dân thành phố Hà Nội",
      "các Tổ đại biểu Hội đồng nhân dân thành phố Hà Nội", "các đại biểu Hội đồng nhân dân thành phố Hà Nội"]),
])
def test_province_from_context(reg, text, province, expected):
    assert names(reg, text, province=province) == expected


def test_mention_fields(reg):
    (m,) = reg.find_mentions("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai")
    assert (m.span, m.mention, m.name, m.name_en, m.kind) == (
        (0, 37), "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai Provincial People's Committee", "province")


# --- lookup -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("alias,name", [
    ("BNV", "Bộ Nội vụ"),
    ("bkhđt", "Bộ Kế hoạch và Đầu tư"),
    ("BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ NN&MT", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ  GD&ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("TTCP", "Thanh tra Chính phủ"),
    ("UBDT", "Ủy ban Dân tộc"),
    ("Ministry of Home Affairs", "Bộ Nội vụ"),
    ("the Government Office", "Văn phòng Chính phủ"),
    ("State Bank of Vietnam", "Ngân hàng Nhà nước Việt Nam"),
    ("MOLISA", "Bộ Lao động - Thương binh và Xã hội"),
    ("Quốc phòng", "Bộ Quốc phòng"),
    ("EVN", "Tập đoàn Điện lực Việt Nam"),
    ("uỷ ban thường vụ quốc hội", "Ủy ban Thường vụ Quốc hội"),
    ("Ủy ban nhân dân tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa"),
    ("TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Sở Y tế tỉnh Gia Lai", "Sở Y tế tỉnh Gia Lai"),
    ("Tỉnh ủy Gia Lai", "Tỉnh ủy Gia Lai"),
    ("Hội đồng nhân dân tỉnh Nghệ An", "Hội đồng nhân dân tỉnh Nghệ An"),
    ("Hanoi People's Committee", "Ủy ban nhân dân thành phố Hà Nội"),
    ("commercial banks", "các ngân hàng thương mại"),
    # a name written without its commas and "và" (crawl 192068354fd1ffe5's task table, f004d93b21e7fc5f)
    ("Sở Văn hoá Thể thao du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Khoa học Công nghệ", "Sở Khoa học và Công nghệ"),
    # the legal name of a province's departments (crawl adda847abe350742 Điều 2.2, 0f98ee482389e59e 2.4.5.b)
    ("Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", "các sở, ban, ngành"),
    ("các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", "các sở, ban, ngành"),
])
def test_lookup(reg, alias, name):
    agency = reg.lookup(alias)
    assert agency is not None and agency.name == name


@pytest.mark.parametrize("alias", ["", "các cơ quan liên quan", "Bộ Ngoại thương", "Gotham",
                                   "Sở Giáo dục Công nghệ"])  # loosely written, and no body's name
def test_lookup_unknown(reg, alias):
    assert reg.lookup(alias) is None


def test_english_name(reg):
    assert reg.english_name("Bộ Nội vụ") == "Ministry of Home Affairs"
    assert reg.english_name("Văn phòng Chính phủ") == "Government Office"


# --- succession -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,as_of,expected", [
    ("Bộ Kế hoạch và Đầu tư", "2025-03-01", ["Bộ Tài chính"]),
    ("Bộ Kế hoạch và Đầu tư", "2025-02-28", []),
    ("Bộ Kế hoạch và Đầu tư", "2023-06-01", []),
    ("Bộ Tài nguyên và Môi trường", "2025-03-01", ["Bộ Nông nghiệp và Môi trường"]),
    ("Bộ Nông nghiệp và Phát triển nông thôn", None, ["Bộ Nông nghiệp và Môi trường"]),
    ("Bộ Giao thông vận tải", "2025-06-01", ["Bộ Xây dựng"]),
    ("Bộ Thông tin và Truyền thông", "2025-03-01", ["Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Ủy ban Dân tộc", "2025-03-01", ["Bộ Dân tộc và Tôn giáo"]),
    ("Bộ Nội vụ", "2025-03-01", []),
    ("Quảng Nam", "2025-07-01", ["Ủy ban nhân dân thành phố Đà Nẵng"]),
    ("Ủy ban nhân dân tỉnh Quảng Nam", "2025-06-30", []),
    ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "2025-07-01", ["Ủy ban nhân dân thành phố Hồ Chí Minh"]),
    ("Thừa Thiên Huế", "2025-01-01", ["Ủy ban nhân dân thành phố Huế"]),
    ("Tỉnh ủy Bình Định", "2025-07-01", ["Tỉnh ủy Gia Lai"]),
    # composed: a department merged on 2025-03-01, in a province merged on 2025-07-01
    ("Sở Kế hoạch và Đầu tư tỉnh Quảng Nam", "2025-03-01", ["Sở Tài chính tỉnh Quảng Nam"]),
    ("Sở Kế hoạch và Đầu tư tỉnh Quảng Nam", "2025-07-01", ["Sở Tài chính thành phố Đà Nẵng"]),
])
def test_successors(reg, name, as_of, expected):
    assert [a.name for a in reg.successors(name, as_of)] == expected


def test_current_name_and_predecessors(reg):
    assert reg.current_name("Bộ Kế hoạch và Đầu tư", "2025-03-01") == "Bộ Tài chính"
    assert reg.current_name("Ministry of Planning and Investment", "2024-01-01") == "Bộ Kế hoạch và Đầu tư"
    assert reg.current_name("Bộ Lao động - Thương binh và Xã hội", "2025-03-01") == "Bộ Nội vụ"
    assert {a.name for a in reg.predecessors("Bộ Tài chính")} >= {"Bộ Kế hoạch và Đầu tư"}
    assert {a.name for a in reg.predecessors("Bộ Nông nghiệp và Môi trường")} >= {
        "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn"}
    assert {a.name for a in reg.predecessors("Ủy ban nhân dân thành phố Cần Thơ")} == {
        "Ủy ban nhân dân tỉnh Sóc Trăng", "Ủy ban nhân dân tỉnh Hậu Giang"}
    assert {a.name for a in reg.predecessors("Sở Tài chính thành phố Đà Nẵng")} >= {
        "Sở Tài chính tỉnh Quảng Nam", "Sở Kế hoạch và Đầu tư thành phố Đà Nẵng", "Sở Kế hoạch và Đầu tư tỉnh Quảng Nam"}


# --- the data ---------------------------------------------------------------------------------------------


def test_data_covers_provinces_and_2025_ministries(reg):
    data = copy.deepcopy(knowledge.load("agencies"))
    units = data["provinces"]
    before = [p for p in units if p.get("valid_from") is None]
    after = [p for p in units if p.get("valid_to") is None]
    assert (len(before), len(after)) == (63, 34)
    assert sum(1 for p in units if p.get("successor", {}).get("date") == "2025-07-01") == 29
    ministries = [a for a in reg.bodies if a.kind == "ministry"]
    assert sum(a.valid_on("2024-12-31") for a in ministries) == 18
    assert sum(a.valid_on("2025-03-01") for a in ministries) == 14
    for agency in reg.bodies:  # every successor named in the data is a known body
        for s in agency.successors:
            assert reg.lookup(s.name) is not None, (agency.name, s.name)


def test_group_class_names_are_exact(reg):
    for cls in ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "các tập đoàn, tổng công ty",
                "Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân các xã, phường",
                "các sở, ban, ngành", "các ngân hàng thương mại", "Phó Thủ tướng Chính phủ",
                "các cơ quan hành chính nhà nước các cấp", "Ủy ban nhân dân các huyện, thị xã, thành phố"]:
        agency = reg.lookup(cls)
        assert agency is not None and agency.name == cls and agency.kind == "group"


# --- spaCy view -------------------------------------------------------------------------------------------


def test_spacy_component():
    nlp = spacy.blank("xx")
    nlp.add_pipe("obligraph_agencies")
    doc = nlp("Giao Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Văn phòng Chính phủ và các bộ, ngành, địa phương.")
    got = [(s.text, s.kb_id_, s._.agency, s.label_) for s in doc.spans[SPAN_KEY]]
    assert got[:2] == [("Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", "ministry"),
                       ("Văn phòng Chính phủ", "Văn phòng Chính phủ", "Văn phòng Chính phủ", "ministerial_agency")]
    assert [s.kb_id_ for s in list(doc.spans[SPAN_KEY])[2:]] == B4
    assert doc.spans[SPAN_KEY][2]._.agency_en == "ministries"
    doc = nlp("The Ministry of Home Affairs shall assume the prime responsibility")
    assert [(s.text, s.kb_id_) for s in doc.spans[SPAN_KEY]] == [("Ministry of Home Affairs", "Bộ Nội vụ")]


def test_spacy_pipeline_from_factory_defaults():
    from pipeline.extract.spacy_components import load_pipeline

    nlp = load_pipeline()
    assert nlp.pipe_names == ["obligraph_agencies"] and nlp.lang == "xx"
    doc = nlp("Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Tài chính.")
    assert {span.kb_id_ for span in doc.spans["agencies"]} >= {"Bộ Nông nghiệp và Môi trường", "Bộ Tài chính"}


CASED_CONFIG = """
[nlp]
lang = "xx"
pipeline = ["obligraph_agencies"]

[components]

[components.obligraph_agencies]
factory = "obligraph_agencies"
span_key = "bodies"
attr = "ORTH"
"""


def test_spacy_component_settings_from_a_config_file(tmp_path):
    from pipeline.extract.spacy_components import load_pipeline

    path = tmp_path / "cased.cfg"
    path.write_text(CASED_CONFIG, encoding="utf-8")
    nlp = load_pipeline(str(path))
    doc = nlp("Bộ Tài chính và BỘ TƯ PHÁP")  # ORTH: case-sensitive, so the upper-case name is not matched
    assert [span.kb_id_ for span in doc.spans["bodies"]] == ["Bộ Tài chính"] and "agencies" not in doc.spans
    lowered = load_pipeline()("Bộ Tài chính và BỘ TƯ PHÁP")  # the factory default matches on LOWER
    assert [span.kb_id_ for span in lowered.spans["agencies"]] == ["Bộ Tài chính", "Bộ Tư pháp"]


@pytest.mark.parametrize("name", [
    "Ủy ban nhân dân tỉnh Nghệ An", "UBND tỉnh Đắk Lắk", "Sở Y tế", "Bộ Nông nghiệp và Môi trường",
    "the Ministry of Finance", "Sở Xây dựng tỉnh Hà Tĩnh", "Công ty TNHH Một thành viên", "",
])
def test_lookup_answers_are_remembered_within_a_bound(monkeypatch, name):
    """The store asks lookup about the same phrases again and again; its answers are kept, up to a bound,
    and equal what a fresh registry answers."""
    import pipeline.extract.agency_index as agency_index

    fresh = AgencyRegistry(knowledge.load("agencies"))
    expected = fresh._lookup(name)
    monkeypatch.setattr(agency_index, "LOOKUP_MEMO", 3)
    registry = AgencyRegistry(knowledge.load("agencies"))
    answers = [registry.lookup(name), registry.lookup(name)]
    for other in ("Bộ Tài chính", "Bộ Tư pháp", "Bộ Công Thương", "Bộ Nội vụ"):
        registry.lookup(other)
    assert answers == [expected, expected] and len(registry._looked_up) <= 3
