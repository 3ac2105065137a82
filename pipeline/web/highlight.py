"""The document text cut into runs, each with the annotations that cover it (displaCy-style marks).

Spans nest or overlap freely (an assignee inside an obligation, a deadline crossing a reference), so
the text is cut at every span boundary and each run carries the set of kinds over it; the template
escapes each run's text and wraps it in one element per run (no markup from the document survives).
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = {
    "obligation": "obligation (task)",
    "assignee": "assignee mention",
    "deadline": "deadline",
    "reference": "reference to another document",
}


@dataclass
class Run:
    text: str
    kinds: tuple[str, ...] = ()
    obligation: str | None = None     # id of the obligation covering the run
    reference: str | None = None      # ref_id of the reference covering the run
    starts: list[str] = field(default_factory=list)  # obligation ids starting here (anchors)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    ident: str | None = None


def _spans(record: dict) -> list[_Span]:
    n = len(record.get("text") or "")
    out: list[_Span] = []

    def add(span, kind: str, ident: str | None = None) -> None:
        if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
            start, end = max(0, span[0]), min(n, span[1])
            if start < end:
                out.append(_Span(start, end, kind, ident))

    for ref in record.get("references") or []:
        add(ref.get("span"), "reference", ref.get("id"))
    for obl in record.get("obligations") or []:
        add(obl.get("span"), "obligation", obl.get("id"))
        for a in obl.get("assignees") or []:
            add(a.get("span"), "assignee")
        deadlines = obl.get("deadlines") or ([obl["deadline"]] if obl.get("deadline") else [])
        for d in deadlines:
            add((d or {}).get("span"), "deadline")
    return out


def runs(record: dict) -> list[Run]:
    text = record.get("text") or ""
    spans = _spans(record)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[_Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    active: list[_Span] = []
    out: list[Run] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a] + starting.get(a, [])
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in active))
        obligation = next((s.ident for s in active if s.kind == "obligation"), None)
        reference = next((s.ident for s in active if s.kind == "reference"), None)
        starts = [s.ident for s in starting.get(a, []) if s.kind == "obligation" and s.ident]
        out.append(Run(text[a:b], kinds, obligation, reference, starts))
    return out
