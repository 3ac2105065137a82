"""An obligation being built: the unit of text and what the walk over the blocks learnt about it.

The walk (obligations.py) and the task-table reader (task_tables.py) make drafts; ``ObligationBuilder.build`` (obligation_build.py)
turns each into an ``Obligation`` once its partners, reports and deadlines are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.agencies import AgencyMention
from pipeline.records import Assignee


@dataclass
class Draft:
    path: str | None
    span: tuple[int, int]
    content_start: int
    assignees: list[Assignee] = field(default_factory=list)
    reports_to: list[str] = field(default_factory=list)
    deadline_text: tuple[int, int] | None = None  # a table cell holding the deadline
    headings: tuple[tuple[int, int], ...] = ()  # the headings above the unit, innermost first: one may date it
    explicit: bool = False  # the unit names its own body (not inherited from a heading or the addressees)
    responsibility: bool = False  # inside an article on responsibilities or implementation
    descriptive: bool = False  # inside an article that describes a body (its position and functions, its structure)
    procedure: bool = False  # inside an article that sets out a procedure (its steps), not one on responsibilities
    needs_named_actor: bool = False  # made from a labelled field: a task only once a field names its body
    generic_actor: bool = False  # its actor is generic ("các cơ quan, đơn vị"): a task that names nobody
    regulated: bool = False  # its actors are only the body the text regulates, by its short name (AgencyMention)


def add_assignee(assignees: list[Assignee], mention: AgencyMention, role: str) -> None:
    """Add the body in `role` unless it is named already (its first role stands)."""
    for existing in assignees:
        if existing.name == mention.name:
            return
    assignees.append(Assignee(mention=mention.mention, span=tuple(mention.span), name=mention.name,
                              name_en=mention.name_en, role=role))
