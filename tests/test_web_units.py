"""Small pieces of the web app on their own: highlighting runs, the lag chart, parameters, folding."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from pipeline.graph.link import fold
from pipeline.web import params
from pipeline.web.cascade_view import Cascade, Implementer, lag_chart
from pipeline.web.highlight import runs


def test_runs_cover_the_text_once_with_nested_and_crossing_spans():
    text = "Bộ Y tế báo cáo trước ngày 15/12/2025 theo Công điện 217/CĐ-TTg."
    ref = [text.index("Công điện"), len(text)]          # ends one character after the obligation
    dl = [text.index("trước"), text.index(" theo")]
    crossing = [text.index("15/12"), text.index("điện")]  # a second deadline running into the reference
    record = {"text": text, "references": [{"id": "r1", "span": ref}],
              "obligations": [{"id": "o1", "span": [0, len(text) - 1], "assignees": [{"span": [0, 7]}],
                               "deadline": {"span": dl}, "deadlines": [{"span": dl}, {"span": crossing}]}]}
    out = runs(record)
    assert "".join(r.text for r in out) == text
    by_text = {r.text: r for r in out}
    assert by_text["Bộ Y tế"].kinds == ("obligation", "assignee") and by_text["Bộ Y tế"].starts == ["o1"]
    assert by_text["Công "].kinds == ("obligation", "deadline", "reference") and by_text["Công "].reference == "r1"
    assert by_text["."].kinds == ("reference",)
    assert [r.starts for r in out if r.starts] == [["o1"]]


def test_runs_ignore_broken_spans():
    record = {"text": "abc", "obligations": [{"id": "o", "span": [2, 99], "assignees": [{"span": None},
                                                                                         {"span": [3, 1]}]}]}
    out = runs(record)
    assert [(r.text, r.kinds) for r in out] == [("ab", ()), ("c", ("obligation",))]


def test_lag_chart_escapes_labels():
    doc = {"symbol": '<script>alert(1)</script>', "key": "k"}
    chart = lag_chart(Cascade([], [Implementer(doc, 1, None, "<b>x</b>", 12)], 0.5))
    assert "<script>" not in chart and "&lt;script&gt;" in chart and "<b>" not in chart
    assert chart.startswith("<svg") and "12 d" in chart


@pytest.mark.parametrize(("name", "value", "call"), [
    ("as_of", "2025-02-29", lambda q: params.iso_date(q, "as_of")),
    ("limit", "1e3", lambda q: params.integer(q, "limit", 1, 500)),
    ("min_score", "inf", lambda q: params.number(q, "min_score", 0, 1)),
    ("transitive", "maybe", lambda q: params.boolean(q, "transitive")),
    ("q", "a\x00b", lambda q: params.text(q, "q")),
])
def test_bad_parameters_raise_400(name, value, call):
    with pytest.raises(params.BadParameter) as err:
        call(QueryParams({name: value}))
    assert err.value.status_code == 400 and name in err.value.detail


def test_cursor_round_trip():
    token = params.encode_cursor("o123")
    assert params.cursor(QueryParams({"cursor": token})) == "o123"


def test_fold():
    assert fold("Công điện ĐẮK LẮK") == "cong dien dak lak"
