"""obligraph: obligations, deadlines and cross-references from official directives.

The public API, the verbs a user imports (the rest is the pipeline's inside)::

    from pipeline import extract_file, extract_text, find_references, find_deadlines
    from pipeline import AgencyRegistry, Store, load_graph

The package is laid out by what each part is for:

- one document's stages: ``ingest`` (files to text), ``cleanup`` (normalise, page furniture, language),
  ``segment`` (regions and blocks), ``extract`` (metadata, references, deadlines, bodies, obligations);
- ``knowledge``: the shared patterns and the versioned data files every stage reads;
- the graph: ``graph`` (store, linking, queries, exports);
- running at scale: ``scale`` (batch runner, engines, benchmarks);
- ``model`` (trained components), ``web`` (the browser app and API), ``cli`` and ``evaluate``.

Names are imported on first use, so ``import pipeline`` stays cheap for a command that needs one part.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.extract.agencies import AgencyRegistry
    from pipeline.extract.deadlines import find_deadlines
    from pipeline.extract.document import extract_file, extract_text
    from pipeline.extract.references import find_references
    from pipeline.graph.build import load_graph
    from pipeline.graph.store import Store

_HOMES = {
    "extract_file": "pipeline.extract.document",
    "extract_text": "pipeline.extract.document",
    "find_references": "pipeline.extract.references",
    "find_deadlines": "pipeline.extract.deadlines",
    "AgencyRegistry": "pipeline.extract.agencies",
    "Store": "pipeline.graph.store",
    "load_graph": "pipeline.graph.build",
}
__all__ = ["AgencyRegistry", "Store", "extract_file", "extract_text", "find_deadlines", "find_references",
           "load_graph"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
