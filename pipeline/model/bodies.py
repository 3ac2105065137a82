"""The body recogniser: a spaCy NER that marks, in a task's text and the lead-in above it, the spans that
name the bodies the task is given to: an agency (AGENCY), a class of agencies (CLASS, "các bộ, ngành") or
a person's office (OFFICE, "Chủ tịch Ủy ban nhân dân tỉnh").

It is learnt from the hand gold: every gold assignee is looked for in its task's window as the registry
finds it, as the name grammar finds it (pipeline.extract.bodies), or written out; bodies the window names
that are not assignees (the body reported to, a cited issuer) stay unmarked, so the model learns the
positions that assign as well as the shapes of names. The registry still canonicalises what it knows;
a name it does not know is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate import NameFolder, fold_text, without_province
from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.bodies import BodyGrammar
from pipeline.model.classifier import fit, single_thread
from pipeline.model.fold import anchor_starts
from pipeline.model.units import lead_in_above
from pipeline.segment.segmenter import Segmentation

AGENCY, CLASS, OFFICE = "AGENCY", "CLASS", "OFFICE"
LABELS = (AGENCY, CLASS, OFFICE)
FOLDER = "bodies"  # inside a model folder, beside the block classifier's pipeline
SEED = 0
WINDOW = 400  # characters of a task read: its assignees are named in its opening
LEAD_IN = 240  # characters of the heading or lead-in above it
# the office a person holds, not a body ("Chủ tịch Ủy ban nhân dân tỉnh", "Bộ trưởng Bộ Y tế", "the Minister of ...")
_OFFICES = ("chủ tịch", "phó chủ tịch", "bộ trưởng", "thứ trưởng", "thủ trưởng", "giám đốc", "phó giám đốc",
            "tổng giám đốc", "thủ tướng", "phó thủ tướng", "chánh văn phòng", "chánh án", "viện trưởng",
            "tổng kiểm toán", "trưởng ban", "bí thư", "người đứng đầu", "minister", "chairman", "chairperson",
            "director", "head of", "prime minister", "deputy prime minister", "governor")
_CLASS = re.compile(r"(?:^|\s)các\s+(?:bộ|sở|ban|ngành|cơ quan|đơn vị|tỉnh|thành phố|xã|phường|địa phương|tổ chức|"
                    r"cơ sở|doanh nghiệp|trường|viện|ministries|agencies|provinces)\b")
_LOCALITY = re.compile(r"\s+(?:tỉnh|thành phố|xã|phường)\b")
# spaCy's NER architecture, kept small: hashed embeddings of 4 attributes, a 3-layer CNN (about 3 MB)
NER_CONFIG = {"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                        "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
                        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                                    "width": 96, "depth": 3, "embed_size": 2000, "window_size": 1,
                                    "maxout_pieces": 3, "subword_features": True}}}


def label_of(name: str) -> str:
    """OFFICE for a person's office, CLASS for a class of bodies (the registry's groups, or "các" before a
    generic head noun), AGENCY otherwise ("Liên hiệp các Hội ..." is one body)."""
    folded = fold_text(name)
    if folded.startswith(_OFFICES):
        return OFFICE
    agency = AgencyRegistry.default().lookup(name)
    if agency is not None:
        return CLASS if agency.kind == "group" else AGENCY
    return CLASS if _CLASS.search(folded) else AGENCY


@dataclass
class BodyExample:
    """One window: its text (pieces of the document joined by a line break) and the marked spans in it."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class BodyData:
    examples: list[BodyExample] = field(default_factory=list)
    names: int = 0  # gold assignees of the tasks whose anchor was found
    names_marked: int = 0  # of those, found in the window


def windows(text: str, seg: Segmentation, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of text read for a task at [start, end): the nearest lead-in above its block (an
    addressee heading carries its body down to the points under it), then the task's opening."""
    block_index = _block_at(seg, start)
    lead_in = lead_in_above(text, seg, block_index) if block_index is not None else None
    pieces = []
    if lead_in is not None:
        s = max(lead_in.content_start, lead_in.span[0])
        pieces.append((s, min(lead_in.span[1], s + LEAD_IN)))
    pieces.append((start, min(end, start + WINDOW)))
    return pieces


def _block_at(seg: Segmentation, offset: int) -> int | None:
    for index, block in enumerate(seg.blocks):  # blocks are few; a task is looked up once
        if block.span[0] <= offset < block.span[1]:
            return index
    return None


def _joined(text: str, pieces: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The pieces joined by "\n", and for each piece (its start in the document, its start in the joined
    text, its length)."""
    out, where, pos = [], [], 0
    for s, e in pieces:
        out.append(text[s:e])
        where.append((s, pos, e - s))
        pos += e - s + 1
    return "\n".join(out), where


def gold_spans(text: str, pieces: list[tuple[int, int]], names: Sequence[str], language: str,
               province: str | None, fold_name: NameFolder) -> tuple[list[tuple[int, int, str]], int]:
    """Where in the pieces (document offsets) the gold ``names`` are written; and how many were found."""
    registry = AgencyRegistry.default()
    grammar = BodyGrammar.default()
    wanted = {fold_name(n): n for n in names}
    found: dict[str, tuple[int, int]] = {}
    candidates: list[tuple[int, int, str]] = []  # (start, end, canonical-or-written name)
    for s, e in pieces:
        candidates += [(*m.span, m.name) for m in registry.find_mentions(text, s, e, language=language,
                                                                         province=province)]
        candidates += [(*b.span, b.text) for b in grammar.find(text, s, e, language)]
    for s, e, name in candidates:
        key = fold_name(name)
        target = wanted.get(key) or next((n for k, n in wanted.items() if k.startswith(key + " ")), None)
        if target and target not in found:
            found[target] = (s, e)
    for target in names:  # a name written out as the gold writes it, or without its province
        if target not in found:
            written = _written(text, pieces, target)
            if written:
                found[target] = written
    spans = sorted({(s, e, label_of(name)) for name, (s, e) in found.items()})
    kept: list[tuple[int, int, str]] = []
    for s, e, lab in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):  # longest first, no overlaps
        if not kept or s >= kept[-1][1]:
            kept.append((s, e, lab))
    return kept, len(found)


def _written(text: str, pieces: list[tuple[int, int]], name: str) -> tuple[int, int] | None:
    """Where ``name`` is written in the pieces, whole, or without the province the gold added to a local
    body ("Liên hiệp các hội ... tỉnh Bắc Ninh" written "Liên hiệp các Hội ... tỉnh"): then with the bare
    locality word that follows it."""
    bare = without_province(name.casefold())  # the scorer strips it from folded names
    for needle in dict.fromkeys((name, bare)):
        for s, e in pieces:
            at = text[s:e].casefold().find(needle.casefold())
            if at >= 0 and len(needle) > 4:
                end = s + at + len(needle)
                locality = _LOCALITY.match(text, end, e)
                return s + at, locality.end() if needle == bare and locality else end
    return None


def body_data(documents, fold_name: NameFolder | None = None) -> BodyData:
    """Examples from gold documents (pipeline.model.data.GoldDocument): one window per gold task whose
    anchor is found in the text."""
    from pipeline.extract.document import province_of

    fold_name = fold_name or NameFolder()
    out = BodyData()
    for doc in documents:
        text = doc.record.text
        province = province_of(doc.record.metadata.issuer)
        obligations = doc.gold.get("obligations", [])
        for gold, start in zip(obligations, anchor_starts(text, [o.get("anchor") or "" for o in obligations]),
                               strict=True):
            if start is None:
                continue
            names = [n for n in gold.get("assignees", []) if n]
            pieces = windows(text, doc.seg, start, _task_end(text, start))
            spans, marked = gold_spans(text, pieces, names, doc.record.language, province, fold_name)
            out.names += len(names)
            out.names_marked += marked
            joined, where = _joined(text, pieces)
            out.examples.append(BodyExample(joined, [(_to_joined(where, s), _to_joined(where, e - 1) + 1, lab)
                                                     for s, e, lab in spans]))
    return out


def _task_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _to_joined(where: list[tuple[int, int, int]], offset: int) -> int:
    for doc_start, joined_start, length in where:
        if doc_start <= offset < doc_start + length:
            return joined_start + offset - doc_start
    raise ValueError(f"offset {offset} outside the window")


class BodyRecogniser:
    def __init__(self, nlp) -> None:
        self.nlp = nlp

    @classmethod
    def train(cls, examples: Sequence[BodyExample], epochs: int = 12, log=None) -> BodyRecogniser:
        single_thread()
        import spacy
        from spacy.training import Example
        from spacy.util import fix_random_seed

        fix_random_seed(SEED)
        nlp = spacy.blank("xx")
        ner = nlp.add_pipe("ner", config=NER_CONFIG)
        for name in LABELS:
            ner.add_label(name)
        data = []
        for example in examples:
            doc = nlp.make_doc(example.text)
            ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in example.spans]
            data.append(Example.from_dict(doc, {"entities": [(sp.start_char, sp.end_char, sp.label_)
                                                             for sp in ents if sp is not None]}))
        fit(nlp, data, "ner", epochs, SEED, batch_size=16, dropout=0.2, log=log)
        return cls(nlp)

    def spans(self, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The bodies recognised in ``pieces`` of ``text``, as (start, end, label) in document offsets."""
        joined, where = _joined(text, pieces)
        doc = self.nlp(joined)
        out = []
        for ent in doc.ents:
            for doc_start, joined_start, length in where:
                if joined_start <= ent.start_char and ent.end_char <= joined_start + length:
                    out.append((doc_start + ent.start_char - joined_start, doc_start + ent.end_char - joined_start,
                                ent.label_))
        return out

    def predict(self, examples: Sequence[BodyExample]) -> Iterator[list[tuple[int, int, str]]]:
        for doc in self.nlp.pipe(e.text for e in examples):
            yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]

    def save(self, out: str | Path) -> None:
        Path(out).mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(Path(out) / FOLDER)

    @classmethod
    def load(cls, model_dir: str | Path) -> BodyRecogniser | None:
        """The recogniser saved in a model folder, or None when the folder has none (an older model)."""
        import spacy

        path = Path(model_dir) / FOLDER
        return cls(spacy.load(path)) if (path / "config.cfg").exists() else None


def span_scores(gold: Sequence[BodyExample], predicted: Sequence[list[tuple[int, int, str]]]) -> dict[str, float]:
    """Exact-span precision, recall and F1 over labelled spans (a span with the wrong label is wrong)."""
    tp = n_pred = n_gold = 0
    for example, spans in zip(gold, predicted, strict=True):
        truth = set(example.spans)
        n_gold += len(truth)
        n_pred += len(spans)
        tp += len(truth & set(spans))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
