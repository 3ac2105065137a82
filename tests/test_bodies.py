"""Open-world bodies: agency names recognised by their grammar (strings from ../shared)."""

from __future__ import annotations

import pytest

from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.bodies import BodyGrammar

CASES = [
    # crawl a49ef8a0da1f62dd: a provincial centre the registry does not list; "và các" ends it
    ("vi", "máy móc, trang thiết bị tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm Y tế, Trạm y tế.",
     ["Trung tâm Kiểm soát bệnh tật tỉnh", "Trung tâm Y tế"]),
    # crawl a49ef8a0da1f62dd V.6: a list of mass organisations, each its own body; the verb ends the last
    ("vi", "Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ vệ sinh môi trường",
     ["Mặt trận Tổ quốc", "Đoàn Thanh niên", "Hội Phụ nữ"]),
    # dev vi_kh_0129: a comma inside a ministry-style name is not a list break
    ("vi", "Sở Văn hóa, Thể thao và Du lịch phối hợp với Sở Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]),
    # dev vi_kh_310_ubnd_hanoi_2025 III: a board over many zones; its "các" opens the name, not a class
    ("vi", "nhìn đến năm 2065; phối hợp Ban Quản lý các khu công nghệ cao và khu công nghiệp;",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]),
    # crawl 8d9779edcdd6c422: the twelfth word opens a place name, which is not cut in two
    ("vi", "chuyên ngành Thành phố, Ban Quản lý các khu công nghệ cao và khu công nghiệp\nthành phố Hà Nội và UBND cấp xã, "
           "bảo đảm việc quản lý",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"]),
    # crawl 32bf80ce6d1e997e: a union of many associations, one body
    ("vi", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh xác định nội dung, phạm vi tư vấn",
     ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]),
    # crawl adda847abe350742 Điều 2.4: "cấp xã" is every commune's centre (a tier), not the verb "cấp" (to grant)
    ("vi", "cấp dịch vụ công trực tuyến, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm\nPhục vụ hành chính công "
           "cấp xã thực hiện cung cấp thông tin",
     ["Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công cấp xã"]),
    # crawl a94e2ffb8c7ea677, d5015b24faef2597: once the name has said its place, a lower-case word opens the predicate
    ("vi", "Đề nghị Thuế thành phố Huế đối chiếu với quy định của", ["Thuế thành phố Huế"]),
    ("vi", "2.2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính", ["Trung tâm Chuyển đổi số Thành phố"]),
    # ... where a name before its place takes lower-case words, and a locality word after "Việt Nam" goes on
    ("vi", "Bảo hiểm xã hội Việt Nam thực hiện nhiệm vụ", ["Bảo hiểm xã hội Việt Nam"]),
    ("vi", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"]),
    # crawl e4ddc120fc14463c Điều 21.2: a province's own name is a place said, so the verb after it opens the predicate
    ("vi", "2. Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh ký quyết định ban hành hoặc trình cấp có thẩm quyền",
     ["Học viện Chính trị quốc gia Hồ Chí Minh"]),
    # crawl 32bf80ce6d1e997e Điều 7.3: a bare "tỉnh" is the issuing province's; the lower-case word after it is the verb
    ("vi", "đề nghị Liên hiệp các hội Khoa học và Kỹ thuật tỉnh tư vấn, phản biện và giám định",
     ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"]),
    # ... but "tỉnh ủy" is the province's party committee, part of the name
    ("vi", "Ban Tuyên giáo và Dân vận tỉnh ủy chủ trì", ["Ban Tuyên giáo và Dân vận tỉnh ủy"]),
    # crawl c5d930a5fc8373cd II.7 (a task table's partners cell): "và" before a kind of unit ends the body's name
    ("vi", "| Sở Xây dựng |\nVăn phòng Ban Chỉ\nhuy và cơ quan, địa phương liên quan\n|", ["Sở Xây dựng", "Văn phòng Ban Chỉ huy"]),
    # dev vi_kh_179_ubnd_dongnai_2025 Phụ lục A.8.1: a head typed twice is named once
    ("vi", "Sở Tài Chính; Sở Sở Công thương", ["Sở Tài Chính", "Sở Công thương"]),
    # dev vi_kh_0129_ubnd_daklak_2025 IV.12: a colon the page left without its space still ends the name
    ("vi", "Đề nghị Công ty Điện lực Đắk Lắk:Khẩn trương kiểm tra, khắc phục sự cố", ["Công ty Điện lực Đắk Lắk"]),
    # dev vi_kh_0129_ubnd_daklak_2025 IV.9, crawl de16a702fae1465d 17: a province's merged newspaper and broadcaster (2025)
    # written with a dash or in lower case
    ("vi", "Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch, Cổng Thông tin điện tử tỉnh",
     ["Báo và Phát thanh - Truyền hình Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("vi", "17. Báo và Phát thanh, truyền hình Bắc Ninh", ["Báo và Phát thanh, truyền hình Bắc Ninh"]),
    # crawl 548693349b18e8cf, its recipients: all in lower case after the head's first word
    ("vi", "- Báo và phát thanh, truyền hình Hải Phòng;", ["Báo và phát thanh, truyền hình Hải Phòng"]),
    # a head noun followed by lower case words is no name ("Báo cáo", "Trường hợp")
    ("vi", "Trường hợp có khó khăn, vướng mắc, Báo cáo kết quả về", []),
    # dev en_qd_2281_ttg_2010 IV.5: a confederation, a chamber and an alliance are bodies; "and" between two names that
    # each have their head parts them, not "and" inside one ("Science and Technology Union")
    ("en", "The Vietnam General Confederation of Labor, Vietnam Chamber of Commerce and Industry, Vietnam Cooperative "
           "Alliance, Vietnam Farmers Association and Vietnam Science and Technology Union for Labor Safety and Hygiene "
           "shall", ["Vietnam General Confederation of Labor", "Vietnam Chamber of Commerce and Industry",
                     "Vietnam Cooperative Alliance", "Vietnam Farmers Association",
                     "Vietnam Science and Technology Union for Labor Safety and Hygiene"]),
    # dev en_nq_10_cp_2010 II.3
    ("en", "The Steering Committee for Enterprise Renewal and Development shall monitor",
     ["Steering Committee for Enterprise Renewal and Development"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_bodies_by_the_grammar_of_their_names(language, text, expected):
    found = BodyGrammar.default().find(text, 0, len(text), language)
    assert [b.text for b in found] == expected
    for body in found:
        assert " ".join(text[body.span[0]:body.span[1]].split()) == body.text


@pytest.mark.parametrize(("text", "expected"), [
    # dev vi_cv_4085_ubnd-dt_2025 1.2 and 1.3: a body named at the communes ("phường, xã, đặc khu", "các xã, phường") is
    # every commune's, one class named as the communes' committees are, not the city's body of a ward
    ("nhưng chưa được cập nhật vào giấy chứng nhận; đồng thời, phối hợp với Công\nan phường, xã, đặc khu rà soát, "
     "đối chiếu", [("Công an các xã, phường", "Công\nan phường, xã, đặc khu")]),
    ("Chỉ đạo Công an các\nphường, xã, đặc khu phối hợp và hướng dẫn", [("Công an các xã, phường",
                                                                         "Công an các\nphường, xã, đặc khu")]),
    # the guard: a commune named after the word is that commune's body, no class
    ("phối hợp với Công an phường Bến Nghé rà soát", [("Công an phường Bến Nghé", "Công an phường Bến Nghé")]),
])
def test_a_body_named_at_the_communes_is_their_class(text, expected):
    found = BodyGrammar.default().find(text, 0, len(text), "vi")
    assert [(b.text, text[b.span[0]:b.span[1]]) for b in found] == expected


def test_a_shared_head_before_a_list_of_communes():
    # dev vi_kh_556_ubnd_dongthap_2025 IV.12: the communes' committees named one by one after a shared head (the first
    # item's span takes the shared head in)
    text = "12. Ủy\nban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông\n"
    found = BodyGrammar.default().find(text, 0, len(text), "vi")
    assert [b.text for b in found] == ["Ủy ban nhân dân xã Gia Thuận", "Ủy ban nhân dân xã Tân Điền",
                                       "Ủy ban nhân dân xã Gò Công Đông", "Ủy ban nhân dân xã Tân Phú Đông"]
    assert all(b.distributive for b in found) and text[found[1].span[0]:found[1].span[1]] == "Tân Điền"


def test_a_bare_locality_asks_for_the_province():
    text = "Trung tâm Kiểm soát bệnh tật tỉnh chủ trì"
    (body,) = BodyGrammar.default().find(text, 0, len(text), "vi")
    assert body.local


def test_a_cooperatives_alliance_is_no_communes_body():
    # crawl ad5aff6c13929815 VI.15: "Liên minh" heads a body; the "xã" of "Hợp tác xã" (cooperative) is no commune, so
    # the issuing province does not complete the name
    text = "15. Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã"
    found = BodyGrammar.default().find(text, 0, len(text), "vi")
    assert [(b.text, b.local) for b in found] == [
        ("Liên đoàn Lao động", False), ("Hội Nông dân", False), ("Liên minh Hợp tác xã", False)]


def test_a_capitalised_city_and_a_noun_made_of_a_verb():
    # dev vi_kh_172_ubnd_hcm_2025 II.2, partners: "Thành phố" in capitals is still the issuing city, "việc làm"
    # (employment) is a noun inside the name, and the closing parenthesis is no part of the last name
    text = ("Bảo hiểm xã hội Thành phố, Chi nhánh Ngân hàng Chính sách xã hội Thành phố, Trung tâm Dịch vụ việc "
            "làm Thành phố (Sở Nội vụ), Ủy ban nhân dân xã, phường, đặc khu")
    found = BodyGrammar.default().find(text, 0, len(text), "vi")
    assert [(b.text, b.local) for b in found] == [
        ("Bảo hiểm xã hội Thành phố", True), ("Ngân hàng Chính sách xã hội Thành phố", True),
        ("Trung tâm Dịch vụ việc làm Thành phố", True), ("Sở Nội vụ", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ban Quản lý dự án đầu tư", "Ban Quản lý"),  # the longer head wins, as in a sorted alternation
    ("Ban Chỉ đạo", "Ban"),
    ("Chi  cục Thuế", "Chi  cục"),  # any run of white space
    ("Bộ Chỉ huy Quân sự", "Bộ Chỉ huy"),
    ("Báo cáo", None),
])
def test_the_head_trie_matches_like_the_flat_alternation(text, expected):
    import re

    from pipeline.knowledge.patterns import trie

    heads = ["Cục", "Chi cục", "Công an", "Ban", "Ban Quản lý", "Bộ Chỉ huy", "Bộ Tư lệnh"]
    nested = re.match(trie(heads), text)
    flat = re.match("|".join(h.replace(" ", r"\s+") for h in sorted(heads, key=len, reverse=True)), text)
    assert (nested and nested.group()) == (flat and flat.group()) == expected


@pytest.mark.parametrize(("text", "heads"), [
    ("Giao Sở Y tế, Công an tỉnh và Ban Quản lý các khu công nghiệp", ["Sở", "Công an", "Ban Quản lý"]),
    # after "/" or inside a word no head starts; after a digit, a parenthesis or at a line's end it may
    ("Công văn số 15/Sở Y tế-KHTC; VSở Y tế, 2Ban Chỉ đạo, (Ban Chỉ đạo), Sở\nNội vụ", ["Ban", "Sở"]),
])
def test_a_head_starts_only_where_a_word_starts(text, heads):
    # the head pattern opens with the head's letter and looks behind it ("S(?<![\\w/]S)ở"), so the engine skips
    # in C to the next such letter: it must match where the plain pattern, lookbehind first, matches
    import re

    from pipeline import knowledge
    from pipeline.knowledge.patterns import trie

    grammar = BodyGrammar.default()
    plain = re.compile(rf"(?<![\w/])(?:{trie(knowledge.load('agency_grammar')['heads_vi'])})\s")
    found = [(pos, grammar.vietnamese.match(text, pos)) for pos in range(len(text))]
    assert [m.group().strip() for _, m in found if m] == heads
    assert [pos for pos, m in found if m] == [pos for pos in range(len(text)) if plain.match(text, pos)]


@pytest.mark.parametrize(("text", "expected"), [
    # crawl fc5e61d70df8c70c Điều 3, f75757b004ba80c7 Điều 4: a shared head over departments whose names hold "và" (and a
    # comma): the list splits at every "và" and comma, and the registry's names join the pieces back
    ("nhân dân tỉnh, Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ; Thủ trưởng các sở,",
     ["Sở Giáo dục và Đào tạo", "Sở Nội vụ"]),
    ("Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Khoa học và Công nghệ, Dân tộc\nvà Tôn giáo; Giám đốc Trung tâm",
     ["Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo"]),
    # dev vi_kh_0129's department whose name holds a comma, named in such a list; "Du lịch" alone is a department too
    ("Các Sở: Văn hóa, Thể thao và Du lịch, Y tế, Du lịch phối hợp", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế",
                                                                       "Sở Du lịch"]),
])
def test_a_list_s_items_whose_names_hold_and_or_a_comma(text, expected):
    registry = AgencyRegistry.default()
    found = BodyGrammar.default().find(text, 0, len(text), "vi", lambda name: registry.lookup(name) is not None)
    assert [b.text for b in found if b.distributive] == expected
