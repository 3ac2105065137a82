"""spaCy view of the agency registry: a registered component that marks every alias in doc.spans["agencies"].

It reads the same data as pipeline.extract.agencies (no second list of names) and does only what a
PhraseMatcher can: whole aliases, longest match wins. Distributive lists, provinces attached to
"Sở ..." and the like are left to AgencyRegistry.find_mentions. Works on spacy.blank("xx")
(spacy.blank("vi") needs pyvi, which is not shipped).

The factory carries its own default settings, so ``nlp.add_pipe("obligraph_agencies")`` or
``load_pipeline()`` works from an installed package with no config file; a spaCy config can still set
them (``[components.obligraph_agencies] span_key = ...``) and be loaded with ``load_pipeline(path)``.
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
    def __init__(self, nlp: Language, registry: AgencyRegistry, span_key: str = SPAN_KEY, attr: str = "LOWER"):
        self.registry = registry
        self.span_key = span_key
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
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
        doc.spans[self.span_key] = out
        return doc


# attr: the token attribute aliases are matched on (LOWER: case-insensitive, as AgencyRegistry is)
@Language.factory("obligraph_agencies", default_config={"span_key": SPAN_KEY, "attr": "LOWER"})
def make_agency_matcher(nlp: Language, name: str, span_key: str, attr: str) -> AgencyMatcher:
    return AgencyMatcher(nlp, AgencyRegistry.default(), span_key=span_key, attr=attr)


def load_pipeline(config_path: str | None = None) -> Language:
    """A blank multi-language pipeline with the agency component at its factory defaults (no downloads,
    no data files), or the pipeline a spaCy config file describes."""
    from spacy import blank, util

    if config_path:
        return util.load_model_from_config(util.load_config(config_path), auto_fill=True)
    nlp = blank("xx")  # spacy.blank("vi") would need pyvi
    nlp.add_pipe("obligraph_agencies")
    return nlp
