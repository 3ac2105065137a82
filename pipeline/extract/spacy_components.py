"""spaCy view of the agency registry: a registered component that marks every alias in doc.spans["agencies"].

It reads the same data as pipeline.extract.agencies (no second list of names) and does only what a
PhraseMatcher can: whole aliases, longest match wins. Distributive lists, provinces attached to
"Sở ..." and the like are left to AgencyRegistry.find_mentions. Works on spacy.blank("xx")
(spacy.blank("vi") needs pyvi, which is not shipped).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.agencies import AgencyRegistry

SPAN_KEY = "agencies"

# getters over kb_id, because span extension values are keyed by offsets and a standing formula gives
# several spans with the same offsets
if not Span.has_extension("agency"):
    Span.set_extension("agency", getter=lambda span: span.kb_id_ or None)  # canonical Vietnamese name
if not Span.has_extension("agency_en"):
    Span.set_extension("agency_en", getter=lambda span: AgencyRegistry.default().english_name(span.kb_id_) if span.kb_id_ else None)


class AgencyMatcher:
    def __init__(self, nlp: Language, registry: AgencyRegistry):
        self.registry = registry
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        names: dict[str, list[str]] = {}
        for alias, name, _lang in registry.aliases():
            names.setdefault(alias, []).append(name)
        self.targets: dict[int, tuple[str, ...]] = {}  # match id -> canonical names (a standing formula has several)
        for alias, group in names.items():
            key = f"{len(self.targets)}"
            self.targets[nlp.vocab.strings.add(key)] = tuple(dict.fromkeys(group))
            self.matcher.add(key, [nlp.make_doc(alias)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        out = []
        for span in filter_spans(spans):
            for name in self.targets[span.label]:
                agency = self.registry.lookup(name)
                out.append(Span(doc, span.start, span.end, label=agency.kind if agency else "body", kb_id=name))
        doc.spans[SPAN_KEY] = out
        return doc


@Language.factory("obligraph_agencies")
def make_agency_matcher(nlp: Language, name: str) -> AgencyMatcher:
    return AgencyMatcher(nlp, AgencyRegistry.default())


def load_pipeline(config_path: str | None = None) -> Language:
    """The spaCy pipeline described by models/obligraph.cfg (registered components, no downloads)."""
    from pathlib import Path

    from spacy import util

    path = Path(config_path) if config_path else Path(__file__).resolve().parents[2] / "models" / "obligraph.cfg"
    return util.load_model_from_config(util.load_config(path), auto_fill=True)
