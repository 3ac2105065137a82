"""Deadline extraction: real strings from ../shared (corpus/dev, seeds, DOMAIN.md section 7 and 10)."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from pipeline.extract import deadlines
from pipeline.extract.deadlines import find_deadlines, parse_date, primary_deadline
from pipeline.records import Deadline
from tests.conftest import DEV

# (text, issued_on, language, expected list of (mention, kind, date, start, end, rrule, flags))
# flags are compared as sets; every deadline the function returns must be listed.
CASES = [
    # pages en_qd_175_ttg.html Điều 2.3 (issued 2010): the years of the reviews a task holds are dates it must meet, however
    # far off (a year after "in" is otherwise narrative in an English text)
    (
        "summarizing the implementation results of this strategy for annual reporting to the Prime Minister; and organize "
        "a preliminary review in 2015 and the final review in 2020.",
        "2010-02-03",
        "en",
        [("2015", "date", "2015-12-31", None, None, None, set()), ("2020", "date", "2020-12-31", None, None, None, set())],
    ),
    # dev vi_qd_2629_ttg_2025 Điều 1.IV.5: "of the following year" after a yearly report given in the sentence before is
    # every year's, not the one after the issue year
    (
        "5. Các bộ, ngành, địa phương định kỳ hằng năm gửi báo cáo Bộ Khoa học và Công nghệ tình hình triển khai "
        "Chương trình trước ngày 15 tháng 12 để tổng hợp, báo cáo Thủ tướng Chính phủ; cập nhật, theo dõi tiến trình của "
        "các mục tiêu, nhiệm vụ trên hệ thống công nghệ thông tin. Bộ Khoa học và Công nghệ tổng hợp tình hình triển khai "
        "Chương trình, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo.",
        "2025-11-29",
        "vi",
        [
            ("định kỳ hằng năm", "recurring", None, None, None, "FREQ=YEARLY", set()),
            ("trước ngày 15 tháng 12", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", set()),
            ("trước ngày 30 tháng 01 của năm tiếp theo", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30",
             set()),
        ],
    ),
    # crawl 1a434d0a7e14dc93 Quy định Điều 9.2.c: a quarter "of the adjacent year" (the year after each assessed year) is a
    # yearly cycle's, no date of its own
    (
        "c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Thành ủy và "
        "các cơ quan, đơn vị có liên quan tiến hành rà soát, đánh giá kết quả chấm điểm",
        "2025-11-20",
        "vi",
        [("Trong quý I của năm liền kề", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=3", set())],
    ),
    # crawl 646f0a00d4174382 Phụ lục II.IV.3: a month "of the following year" in a paragraph of periodic work recurs
    (
        "- Đầu tư bổ sung trang thiết bị (xe và thiết bị chuyên dụng) hút bụi, phun rửa đường định kỳ[3]; bổ sung hệ số "
        "lao động đặc biệt cho cán bộ làm công tác vệ sinh đường phố trong khung giờ cao điểm ô nhiễm không khí[4]; tăng "
        "tần suất vệ sinh đường từ tháng đến tháng 4 năm sau, tập trung thực hiện khu vực có mật độ giao thông cao",
        "2025-11-29",
        "vi",
        [
            ("định kỳ", "recurring", None, None, None, None, set()),
            ("đến tháng 4 năm sau", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=4", set()),
        ],
    ),
    # crawl 88be0fbbe795796d (1670/NQ-UBTVQH15): preparing so that the new communes "operate from" a day is due by it
    (
        "bảo đảm để chính quyền địa phương ở các đơn vị hành chính cấp xã hình thành sau sắp xếp quy định tại Điều 1 "
        "của Nghị quyết này chính thức hoạt động từ ngày 01 tháng 7 năm 2025.",
        "2025-06-16",
        "vi",
        [("hoạt động từ ngày 01 tháng 7 năm 2025", "date", "2025-07-01", None, None, None, set())],
    ),
    # crawl 646f0a00d4174382 IV.2: "before" a year or month is due the day before it starts; before a day, that day
    (
        "di dời các cơ sở sản xuất công nghiệp không đáp ứng yêu cầu về bảo vệ môi trường\ncủa phân vùng môi trường "
        "trước năm 2030.",
        "2025-11-20",
        "vi",
        [("trước năm 2030", "date", "2029-12-31", None, None, None, {"before"})],
    ),
    # --- plain dates with a cue (vi_cd_234_ttg_2025, vi_tb_624_vpcp_2025, vi_kh_556_ubnd_dongthap_2025)
    (
        "gửi Văn phòng Chính phủ và Bộ Tài chính trước ngày 03/12/2025 để tổng hợp",
        "2025-11-30",
        "vi",
        [("trước ngày 03/12/2025", "date", "2025-12-03", None, None, None, {"before"})],
    ),
    (
        "hoàn thành chậm nhất trước ngày 31/12/2025; xây dựng lại cả các gia đình",
        "2025-11-30",
        "vi",
        [("chậm nhất trước ngày 31/12/2025", "date", "2025-12-31", None, None, None, {"before"})],
    ),
    (
        "báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm nhất ngày 17 tháng 12.",
        "2025-11-19",
        "vi",
        [("chậm nhất ngày 17 tháng 12", "date", "2025-12-17", None, None, None, set())],
    ),
    (
        "báo cáo Thủ tướng Chính phủ trước ngày 10 tháng 12\nnăm 2025; (3) Khẩn trương",
        "2025-11-16",
        "vi",
        [
            ("trước ngày 10 tháng 12\nnăm 2025", "date", "2025-12-10", None, None, None, {"before"}),
            ("Khẩn trương", "none", None, None, None, None, set()),
        ],
    ),
    (  # glued words in the crawl: the cue is still found
        "di dời dân ra khỏi vùng nguy hiểm, hoàn thànhtrước ngày 05/12/2025.",
        "2025-11-30",
        "vi",
        [("trước ngày 05/12/2025", "date", "2025-12-05", None, None, None, {"before"})],
    ),
    (  # event date a task must meet (ANNOTATION.md)
        'phát động và triển khai ngay "Chiến dịch Quang Trung" vào\nngày 01/12/2025 để huy động',
        "2025-11-30",
        "vi",
        [
            ("ngay", "none", None, None, None, None, set()),
            ("vào\nngày 01/12/2025", "date", "2025-12-01", None, None, None, set()),
        ],
    ),
    (
        "tổ chức vào ngày 19 tháng 12 năm 2025 tại Hà Nội",
        "2025-11-24",
        "vi",
        [("vào ngày 19 tháng 12 năm 2025", "date", "2025-12-19", None, None, None, set())],
    ),
    (
        "hoàn thành ngay trong ngày 20 tháng 11 năm 2025. Giao Bộ Quốc phòng",
        "2025-11-20",
        "vi",
        [("ngay trong ngày 20 tháng 11 năm 2025", "date", "2025-11-20", None, None, None, set())],
    ),
    # --- other surface forms (DOMAIN.md section 7)
    (
        "trước ngày 05 tháng 3 năm 2020",
        None,
        "vi",
        [("trước ngày 05 tháng 3 năm 2020", "date", "2020-03-05", None, None, None, {"before"})],
    ),
    (
        "trước ngày 01-10-1997",
        None,
        "vi",
        [("trước ngày 01-10-1997", "date", "1997-10-01", None, None, None, {"before"})],
    ),
    (
        "report before 12.4.2025 to the Ministry",
        None,
        "en",
        [("before 12.4.2025", "date", "2025-04-12", None, None, None, {"before"})],
    ),
    (
        "submit it by October 16, 2023 to the Prime Minister",
        None,
        "en",
        [("by October 16, 2023", "date", "2023-10-16", None, None, None, set())],
    ),
    (
        "submit it no later than 16 October 2023.",
        None,
        "en",
        [("no later than 16 October 2023", "date", "2023-10-16", None, None, None, set())],
    ),
    # --- year targets
    (
        "Thực hiện đến hết năm 2023, 100% thủ tục hành chính",
        "2023-01-10",
        "vi",
        [("đến hết năm 2023", "date", "2023-12-31", None, None, None, set())],
    ),
    (
        "ensuring that by the end of 2023, 100% of internal administrative procedures",
        "2023-10-17",
        "en",
        [("by the end of 2023", "date", "2023-12-31", None, None, None, set())],
    ),
    (
        "yêu cầu phải có mặt tại nơi giải quyết để ký nhận kết quả,... hoàn thành trong năm 2025.",
        "2025-11-18",
        "vi",
        [("trong năm 2025", "date", "2025-12-31", None, None, None, set())],
    ),
    (
        "hoàn thành đưa dự án vào vận hành trong năm 2027, đảm bảo chất lượng",
        "2025-11-28",
        "vi",
        [("trong năm 2027", "date", "2027-12-31", None, None, None, set())],
    ),
    (
        "bảo đảm tiến độ hoàn thành Dự án vào năm 2026.",
        "2025-11-26",
        "vi",
        [("vào năm 2026", "date", "2026-12-31", None, None, None, set())],
    ),
    (
        "e) By 2015, to provide appropriate information on labor safety",
        "2010-12-10",
        "en",
        [("By 2015", "date", "2015-12-31", None, None, None, set())],
    ),
    (
        "Xây dựng lộ trình thực hiện đến năm 2030, đảm bảo ít nhất 70% xã",
        "2025-11-20",
        "vi",
        [("đến năm 2030", "date", "2030-12-31", None, None, None, set())],
    ),
    # --- months, quarters, half-years
    (
        "trình Thủ tướng Chính phủ phê duyệt trong tháng 11 năm\n2025.",
        "2025-11-18",
        "vi",
        [("trong tháng 11 năm\n2025", "range", "2025-11-30", "2025-11-01", "2025-11-30", None, set())],
    ),
    (
        "báo cáo Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.",
        "2025-11-20",
        "vi",
        [("trong tháng 11/2025", "range", "2025-11-30", "2025-11-01", "2025-11-30", None, set())],
    ),
    (
        "hoàn thành trong tháng 12",
        "2025-11-18",
        "vi",
        [("trong tháng 12", "range", "2025-12-31", "2025-12-01", "2025-12-31", None, set())],
    ),
    (
        "đến hết tháng 11/2025 phải hoàn thành",
        "2025-11-18",
        "vi",
        [("đến hết tháng 11/2025", "date", "2025-11-30", None, None, None, set())],
    ),
    (
        "báo cáo Thủ tướng Chính phủ trong quý I năm 2026.",
        "2025-11-18",
        "vi",
        [("trong quý I năm 2026", "range", "2026-03-31", "2026-01-01", "2026-03-31", None, set())],
    ),
    (
        "hoàn thành trong quý IV/2025",
        "2025-11-18",
        "vi",
        [("trong quý IV/2025", "range", "2025-12-31", "2025-10-01", "2025-12-31", None, set())],
    ),
    (
        "trình Chính phủ trong quý 4",
        "2025-03-02",
        "vi",
        [("trong quý 4", "range", "2025-12-31", "2025-10-01", "2025-12-31", None, set())],
    ),
    (
        "Sở Công Thương; UBND các phường, xã | Quý III Năm 2026 | | 2 |",
        "2025-11-17",
        "vi",
        [("Quý III Năm 2026", "range", "2026-09-30", "2026-07-01", "2026-09-30", None, set())],
    ),
    (
        "Các doanh nghiệp viễn thông | Quý IV/2025- Quý II/2026 | | 3 |",
        "2025-11-17",
        "vi",
        [("Quý IV/2025- Quý II/2026", "range", "2026-06-30", "2025-10-01", "2026-06-30", None, set())],
    ),
    (  # the older spelling of "quý" (vi_kh_617_ubnd_dongthap_2025's time column)
        "Sở KH&CN | Các sở, ban, ngành tỉnh | Quí IV-2025 |",
        "2025-12-01",
        "vi",
        [("Quí IV-2025", "range", "2025-12-31", "2025-10-01", "2025-12-31", None, set())],
    ),
    (  # the number again in words (legal drafting), and the signing of another act: a lower-case type word names it
        "Trong thời hạn 15 (mười lăm) ngày làm việc kể từ ngày ban hành quyết định cấp chứng chỉ nghiệp vụ chuyên môn "
        "về đấu thầu",  # crawl 43ce594e2a648040
        "2025-11-17",
        "vi",
        [("Trong thời hạn 15 (mười lăm) ngày làm việc kể từ ngày ban hành", "relative", None, None, None, None,
          {"working_days"})],
    ),
    (  # crawl 54c3026bc7bb5cb7: the decision that grants the certificate, not this law's
        "của cơ quan chuyên môn về văn hóa cấp tỉnh trong thời hạn 02 ngày làm việc, kể từ ngày ban hành quyết định cấp, "
        "cấp lại, thu hồi Giấy chứng nhận",
        "2025-11-28",
        "vi",
        [("trong thời hạn 02 ngày làm việc, kể từ ngày ban hành", "relative", None, None, None, None, {"working_days"})],
    ),
    (  # crawl 04e4130eb91f3242: "Quyết định" written as this decision's name is its own signing
        "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh chậm nhất 03 ngày kể từ ngày ban hành Quyết định.",
        "2025-11-18",
        "vi",
        [("chậm nhất 03 ngày kể từ ngày ban hành", "relative", "2025-11-21", None, None, None, set())],
    ),
    (
        "2.1.4. Formulate and submit in the first quarter of 2010 to a competent agency",
        "2010-02-11",
        "en",
        [("in the first quarter of 2010", "range", "2010-03-31", "2010-01-01", "2010-03-31", None, set())],
    ),
    (
        "complete it in the fourth quarter of 2023",
        None,
        "en",
        [("in the fourth quarter of 2023", "range", "2023-12-31", "2023-10-01", "2023-12-31", None, set())],
    ),
    (
        "hoàn thành trong 6 tháng đầu năm 2024",
        "2024-01-05",
        "vi",
        [("trong 6 tháng đầu năm 2024", "range", "2024-06-30", "2024-01-01", "2024-06-30", None, set())],
    ),
    # --- ranges
    (
        "tổ chức từ ngày 29/6 đến 09/7/2026 tại các điểm thi",
        "2026-01-05",
        "vi",
        [("từ ngày 29/6 đến 09/7/2026", "range", "2026-07-09", "2026-06-29", "2026-07-09", None, set())],
    ),
    (
        "ngân hàng, cảng dùng chung, thời gian trong tuần ngày 15 đến ngày 31 tháng 12 năm 2025.",
        "2025-11-28",
        "vi",
        [
            (
                "ngày 15 đến ngày 31 tháng 12 năm 2025",
                "range",
                "2025-12-31",
                "2025-12-15",
                "2025-12-31",
                None,
                set(),
            )
        ],
    ),
    (
        "giảm lãi suất cho vay từ ngày 01 tháng 10 năm 2025 đến hết ngày 31 tháng 12 năm 2025 và",
        "2025-11-25",
        "vi",
        [
            (
                "từ ngày 01 tháng 10 năm 2025 đến hết ngày 31 tháng 12 năm 2025",
                "range",
                "2025-12-31",
                "2025-10-01",
                "2025-12-31",
                None,
                set(),
            )
        ],
    ),
    (
        "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.",
        "2025-11-18",
        "vi",
        [("Năm 2025 và các năm tiếp theo", "range", None, "2025-01-01", None, None, {"open_ended"})],
    ),
    # --- relative durations
    (
        "trình trong thời hạn 30 ngày kể từ ngày ký.",
        "2025-11-18",
        "vi",
        [("trong thời hạn 30 ngày kể từ ngày ký", "relative", "2025-12-18", None, None, None, set())],
    ),
    (
        "phản hồi trong 05 ngày làm việc kể từ ngày ký ban hành",
        "2025-11-18",
        "vi",
        [
            (
                "trong 05 ngày làm việc kể từ ngày ký ban hành",
                "relative",
                "2025-11-25",
                None,
                None,
                None,
                {"working_days"},
            )
        ],
    ),
    (
        "gửi ý kiến trong 05 ngày làm việc kể từ ngày nhận được văn bản",
        "2025-11-18",
        "vi",
        [
            (
                "trong 05 ngày làm việc kể từ ngày nhận được",
                "relative",
                None,
                None,
                None,
                None,
                {"working_days"},
            )
        ],
    ),
    (
        "shall report within thirty (30) days from the date of signing.",
        "2016-01-07",
        "en",
        [
            (
                "within thirty (30) days from the date of signing",
                "relative",
                "2016-02-06",
                None,
                None,
                None,
                set(),
            )
        ],
    ),
    # --- recurring
    (
        "Văn phòng Chính phủ tổng hợp, báo cáo kết quả thực hiện nhiệm vụ của các bộ, ngành trước ngày 20\nhằng tháng.",
        "2025-11-18",
        "vi",
        [("trước ngày 20\nhằng tháng", "recurring", None, None, None, "FREQ=MONTHLY;BYMONTHDAY=20", set())],
    ),
    (
        "hằng tháng, trước ngày 20 báo cáo Thủ tướng Chính phủ",
        "2025-11-18",
        "vi",
        [("hằng tháng, trước ngày 20", "recurring", None, None, None, "FREQ=MONTHLY;BYMONTHDAY=20", set())],
    ),
    (
        "định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu) báo cáo",
        "2025-12-01",
        "vi",
        [
            (
                "định kỳ trước ngày 01/6",
                "recurring",
                None,
                None,
                None,
                "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1",
                set(),
            ),
            ("15/11 hằng năm", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15", set()),
        ],
    ),
    (
        "báo cáo về Văn phòng Chính phủ trước 15 giờ hằng ngày để tổng hợp",
        "2025-11-17",
        "vi",
        [("trước 15 giờ hằng ngày", "recurring", None, None, None, "FREQ=DAILY;BYHOUR=15;BYMINUTE=0", set())],
    ),
    (
        "- Định kỳ hằng quý, hằng năm công bố kết quả đánh giá",
        "2025-12-01",
        "vi",
        [
            ("Định kỳ hằng quý", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=3,6,9,12", set()),
            ("hằng năm", "recurring", None, None, None, "FREQ=YEARLY", set()),
        ],
    ),
    (
        "Định kỳ 06 tháng các cơ quan có liên quan báo cáo kết quả",
        "2025-11-18",
        "vi",
        [("Định kỳ 06 tháng", "recurring", None, None, None, "FREQ=YEARLY;BYMONTH=6,12", set())],
    ),
    (
        "b) Định kỳ tổng hợp báo cáo kết quả",
        "2025-12-01",
        "vi",
        [("Định kỳ", "recurring", None, None, None, None, set())],
    ),
    (
        "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo; định kỳ hằng năm gửi",
        "2025-12-01",
        "vi",
        [
            (
                "trước ngày 30 tháng 01 của năm tiếp theo",
                "recurring",
                None,
                None,
                None,
                "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30",
                set(),
            ),
            ("định kỳ hằng năm", "recurring", None, None, None, "FREQ=YEARLY", set()),
        ],
    ),
    (
        "annually review and report implementation results to the Ministry",
        "2011-03-03",
        "en",
        [("annually", "recurring", None, None, None, "FREQ=YEARLY", set())],
    ),
    # --- vague
    (
        "tổ chức sơ tán, di dời dân kịp thời; thường xuyên kiểm tra; khẩn trương khắc phục",
        "2025-11-16",
        "vi",
        [
            ("kịp thời", "none", None, None, None, None, set()),
            ("thường xuyên", "none", None, None, None, None, set()),
            ("khẩn trương", "none", None, None, None, None, set()),
        ],
    ),
    (
        "To regularly monitor and promptly refute incorrect tones",
        "2011-02-14",
        "en",
        [
            ("regularly", "none", None, None, None, None, set()),
            ("promptly", "none", None, None, None, None, set()),
        ],
    ),
    # --- year-less dates: year from issued_on, rolled forward when already past
    (
        "report to the PM by August 5.",
        "2023-08-01",
        "en",
        [("by August 5", "date", "2023-08-05", None, None, None, set())],
    ),
    (
        "báo cáo trước ngày 20/10 hằng",
        "2025-11-18",
        "vi",
        [("trước ngày 20/10", "date", "2026-10-20", None, None, None, {"before", "rolled_forward"})],
    ),
    (
        "report to the PM by August 5.",
        "2023-08-10",
        "en",
        [("by August 5", "date", "2024-08-05", None, None, None, {"rolled_forward"})],
    ),
    # --- hard and target (DOMAIN.md section 7, [W28])
    (
        "before June 20, 2025 (strive to complete before June 15, 2025)",
        "2025-05-01",
        "en",
        [
            ("before June 20, 2025", "date", "2025-06-20", None, None, None, {"before"}),
            ("before June 15, 2025", "date", "2025-06-15", None, None, None, {"before", "target"}),
        ],
    ),
    (
        "phấn đấu hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025 theo đúng chỉ đạo",
        "2025-11-24",
        "vi",
        [("trước ngày 30 tháng 11 năm 2025", "date", "2025-11-30", None, None, None, {"before", "target"})],
    ),
]

# Strings with no deadline at all: citations, programme periods, narrative and background dates.
NEGATIVES = [
    # crawl 03890575449f6e05 (a Tax department's letter): the date of the event a "khi" clause waits for is the condition's
    ("vi", "2025-11-20", "Cục Thuế ghi nhận vướng mắc của Thuế thành phố Hồ Chí Minh và sẽ bổ sung chỉ tiêu này khi xây "
     "dựng Thông tư hướng dẫn thi hành Luật Quản lý thuế (sửa đổi) khi Luật Quản lý thuế được thông qua vào tháng 12/2025."),
    # dev vi_tb_624_vpcp_2025: the review of a year is no date of one
    ("vi", "2025-11-20", "các cơ quan liên quan xây dựng video clip tổng kết năm 2025 bảo đảm sinh động,"),
    # crawl 6d0e277c7b88a914: a day of the programme's last year, which the text does not fix
    ("vi", "2025-11-24", "trình Bộ Quốc phòng (qua Cục Tài chính) chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ "
     "sau chiến tranh cấp quốc gia trước ngày 10 tháng 6 năm cuối của chương trình"),
    ("vi", "2025-11-20", "Thủ tướng Chính phủ đã ban hành Công điện số 217/CĐ-TTg ngày 19/11/2025 chỉ đạo"),
    ("en", "2023-10-17", "issued together with Decree No. 39/2022/ND-CP dated June 18, 2022, the working"),
    ("en", "2014-06-10", "Pursuant to Official Letter No. 1080 / SYT-TCCB dated 02/6/2014"),
    (
        "vi",
        "2025-11-18",
        "Thực hiện Nghị quyết số 66/NQ-CP ngày 26 tháng 3\nnăm 2025 của Chính phủ về Chương trình",
    ),
    ("vi", "2025-11-18", "theo Nghị quyết 36-NQ/TW ngày 22/10/2018, Hội nghị lần thứ 8"),
    ("vi", "2025-11-18", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"),
    ("en", "2011-02-22", "Pursuant to the June 15, 2004 Law on Child Protection, Care and Education;"),
    ("vi", "2023-10-17", "Ngày 16/10/2023, Thủ tướng Chính phủ đã ký ban hành Công điện 968/CĐ-TTg năm 2023"),
    (
        "vi",
        "2025-11-20",
        "Theo dự báo của Trung tâm dự báo khí tượng thủy văn quốc gia, ngày 20 và 21/11/2025, tại "
        "khu vực còn tiếp tục có mưa to đến rất to",
    ),
    ("vi", "2025-11-18", "Nghị định này có hiệu lực từ ngày 01/7/2025."),
    ("vi", "2025-11-18", "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký ban hành."),
    (
        "vi",
        "2025-11-18",
        "triển khai Chương trình giai đoạn 2022 - 2025 và giai đoạn từ năm 2026 đến năm 2030",
    ),
    ("en", "2011-02-22", "the national program on child protection in the 2011-2015 period"),
    ("vi", "2025-11-18", "phê duyệt Chiến lược dữ liệu quốc gia đến năm 2030; Quyết định"),
    ("vi", "2025-11-19", "bảo vệ môi trường biển và hải đảo đến năm 2030, tầm nhìn đến năm 2050"),
    (
        "en",
        "2009-12-01",
        "By September 2009, the Ministry of Justice had issued 2,461 judicial assessor cards",
    ),
    ("en", "2010-10-25", "This Decision takes effect on December 15, 2010, and replaces"),
    ("vi", "2025-11-18", "Hà Nội, ngày 18\ntháng 11 năm 2025"),
    ("vi", "2025-11-18", "3.071 TTHC/4.888 TTHC; 34/34 địa phương; Cắt giảm 2.269/6.974 ĐKKD"),
    ("vi", "2025-11-21", "tình hình kinh tế - xã hội 10 tháng đầu năm 2025, mặc dù đã có nhiều cố gắng"),
    ("vi", "2025-11-30", "Cuối tháng 10 và tháng 11 vừa qua, tại các địa phương khu vực từ Hà Tĩnh"),
    ("vi", "2025-11-18", "(từ ngày 01/7 đến nay) và ý kiến của các đồng chí"),
    ("vi", "2025-11-18", "chi thường xuyên; cảnh báo sớm rủi ro; dự toán ngân sách nhà nước hằng năm"),
    ("vi", "2025-11-21", "tăng trưởng GRDP 09 tháng đầu năm đạt 10,22%, vượt kịch bản"),
    ("en", "2010-01-18", "are needed within 5 or 10 years to come; within the scope of their functions"),
    ("vi", "2025-11-18", "Dữ liệu tính đến ngày 07/11/2025"),
    ("vi", "2025-11-15", "Chương trình xóa nhà tạm, nhà dột nát trong năm 2025 đã được hoàn thành"),
    # dev vi_kh_182_ubnd_dongnai_2025 III.2.3.d and gazette vi_qd_844_ttg_2026 II.5: the year an objective's indicator is
    # to be reached, not the day the task's work is due
    ("vi", "2025-10-20", "xây dựng, triển khai kế hoạch, lộ trình đạt mục tiêu ít nhất 50% xã, phường không có ma túy vào "
     "năm 2030 và các mục tiêu đã đề ra"),
    ("vi", "2026-05-20", "đẩy mạnh bao phủ bảo hiểm y tế theo hộ gia đình để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ bảo "
     "hiểm y tế đạt trên 95% dân số"),
]


def _found(text: str, issued: str | None, lang: str) -> list[tuple]:
    return [
        (d.mention, d.kind, d.date, d.start, d.end, d.rrule, set(d.flags))
        for d in find_deadlines(text, issued_on=issued, language=lang)
    ]


@pytest.mark.parametrize(("text", "issued", "lang", "expected"), CASES)
def test_find_deadlines(text: str, issued: str | None, lang: str, expected: list[tuple]) -> None:
    assert _found(text, issued, lang) == expected


@pytest.mark.parametrize(("lang", "issued", "text"), NEGATIVES)
def test_not_a_deadline(lang: str, issued: str, text: str) -> None:
    assert [d for d in find_deadlines(text, issued_on=issued, language=lang) if d.kind != "none"] == []


def test_spans_are_absolute_and_bounded() -> None:
    text = "1. Bộ Tài chính báo cáo trước ngày 15/12/2025. 2. Bộ Y tế hoàn thành trong tháng 11/2025."
    second = text.index("2.")
    found = find_deadlines(text, second, len(text), issued_on="2025-11-18")
    assert [(d.mention, d.span) for d in found] == [
        (
            "trong tháng 11/2025",
            (text.index("trong tháng"), text.index("trong tháng") + len("trong tháng 11/2025")),
        )
    ]
    assert all(text[d.span[0] : d.span[1]] == d.mention for d in found)


def test_unknown_issue_date_keeps_mention_without_date() -> None:
    (d,) = find_deadlines("báo cáo trước ngày 20/12", issued_on=None)
    assert (d.kind, d.date, d.flags) == ("date", None, ["year_unknown"])


def test_primary_prefers_hard_dated_over_target_and_vague() -> None:
    text = "khẩn trương hoàn thành (phấn đấu trước ngày 15/6/2025), chậm nhất trước ngày 20/6/2025"
    found = find_deadlines(text, issued_on="2025-05-01")
    assert [d.kind for d in found] == ["none", "date", "date"]
    assert primary_deadline(found).date == "2025-06-20"
    assert primary_deadline(found[:2]).date == "2025-06-15"  # a target beats a vague word
    assert primary_deadline(found[:1]).mention == "khẩn trương"
    assert primary_deadline([]) is None


def test_primary_prefers_dated_over_recurring() -> None:
    found = [
        Deadline("hằng tháng", (0, 10), "recurring", rrule="FREQ=MONTHLY"),
        Deadline("trong năm 2025", (20, 34), "date", "2025-12-31"),
    ]
    assert primary_deadline(found) is found[1]


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("Hà Nội, ngày 20 tháng 11 năm 2025", None, date(2025, 11, 20)),
        ("Hà Nội, ngày 18\ntháng 11 năm 2025", None, date(2025, 11, 18)),
        ("Resolution No. 10/NQ-CP of February 24, 2010", None, date(2010, 2, 24)),
        ("dated 02/6/2014", None, date(2014, 6, 2)),
        ("16 October 2023", None, date(2023, 10, 16)),
        ("12.4.2025", None, date(2025, 4, 12)),
        ("01-10-1997", None, date(1997, 10, 1)),
        ("Việt NamViệt Nam17/10/2023", None, date(2023, 10, 17)),
        ("ngày 20/12", 2025, date(2025, 12, 20)),
        ("ngày 20/12", None, None),
        ("ngày 31/02/2025", None, None),
        ("Số: 220/CĐ-TTg", None, None),
    ],
)
def test_parse_date(text: str, default_year: int | None, expected: date | None) -> None:
    assert parse_date(text, default_year=default_year) == expected


def test_rrules_are_valid_rfc5545() -> None:
    icalendar = pytest.importorskip("icalendar")
    rrules = {rr for *_, rr, _ in (e for case in CASES for e in case[3]) if rr}
    assert rrules
    for rr in rrules:
        parsed = icalendar.vRecur.from_ical(rr)  # raises on anything RFC 5545 does not allow
        assert set(parsed.to_ical().decode().split(";")) == set(rr.split(";"))


def _manifest() -> dict[str, dict[str, str]]:
    with (DEV / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


@pytest.mark.slow
def test_dev_corpus_runs_with_spans_inside_text() -> None:
    files = sorted(DEV.glob("*.txt"))
    assert files, f"no dev corpus under {DEV}"
    manifest = _manifest()
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        row = manifest.get(path.name, {})
        issued = row.get("issue_date", "")
        issued = issued if issued[:4].isdigit() and len(issued) == 10 else None
        found = find_deadlines(text, issued_on=issued, language=row.get("language", "vi"))
        for d in found:
            assert 0 <= d.span[0] < d.span[1] <= len(text), (path.name, d)
            assert text[d.span[0] : d.span[1]] == d.mention, (path.name, d)
            assert d.kind in {"date", "range", "relative", "recurring", "none"}
        assert [d.span for d in found] == sorted(d.span for d in found)
        total += len(found)
    assert total > 100  # the corpus is full of deadlines; a silent regex failure would show here


# The finders skip a paragraph whose hint is absent (the hints are searched in C, the finders are not): a hint
# must hold wherever its finder matches, on every line of the dev corpus, or a deadline would be lost.
@pytest.mark.slow
def test_hints_hold_wherever_a_finder_matches() -> None:
    pairs = {
        "atoms": (deadlines._ATOM_RE, deadlines._ATOM_HINT),
        "relative": (deadlines._REL_RE, {lang: (h,) for lang, h in deadlines._REL_HINT.items()}),
        "recurrence": (deadlines._REC_WORDS, deadlines._REC_HINT),
        "target years": (deadlines._TARGET_YEAR, {"vi": (deadlines._A_YEAR,), "en": (deadlines._A_YEAR,)}),
    }
    matched = dict.fromkeys(pairs, 0)
    for path in sorted(DEV.glob("*.txt")):
        lang = "en" if path.name.startswith("en_") else "vi"
        for line in path.read_text(encoding="utf-8").splitlines():
            for name, (finder, hints) in pairs.items():
                if finder[lang].search(line):
                    matched[name] += 1
                    assert any(h.search(line) for h in hints[lang]), (name, path.name, line)
    assert min(matched.values()) > 10, matched
