"""Tasks spelled out as labelled fields, as plans write them: "- Nội dung: ..." or "a) Nhiệm vụ:" over task bullets,
then "- Cơ quan chủ trì: ...", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: ...", which apply to every task of
the group. One ``FieldReader`` per document, asked by the walk (obligations.py), which keeps the group.
"""

from __future__ import annotations

import re

from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.obligation_walk import TaskReader
from pipeline.segment.segmenter import Block

# a field that names the lead body, not any body that acts: "Cơ quan chủ trì:", "Lead agency:", "Agency in charge:"
LEAD_LABEL = re.compile(r"chủ\s+trì|\blead\b|in\s+charge", re.I)


class FieldReader(TaskReader):
    """Reads one labelled field into the group of tasks it spells out (the walk keeps the group)."""

    def read(self, block: Block, label: re.Match[str], drafts: list[Draft], bare_bullet: Block | None) -> None:
        """The field `label` opens, read into the walk's group (the tasks its fields apply to, under the enumerated item
        above); the walk then knows the group and whether the bullets that follow are its tasks. `bare_bullet`: the
        bullet read right before, if it named no actor."""
        walk = self.walk
        walk.group, walk.collecting = self._group(block, label, walk.group, walk.parent, drafts, bare_bullet)

    def _group(self, block: Block, label: re.Match[str], group: list[Draft], parent: Block | None,
               drafts: list[Draft], bare_bullet: Block | None) -> tuple[list[Draft], bool]:
        """A task field opens a group, a lead, partners or time field completes it: the group, and whether the bullets
        that follow are its tasks."""
        kind = self.cues.layout.field_kinds.get(" ".join(label.group(1).lower().split()), "other")
        start, end = label.end(), block.span[1]
        empty = not self.text[start:end].strip(" .;:")
        if kind == "task":
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                drafts.pop()  # the numbered item is only the title of the task spelled out below
            if empty:
                return [], True
            if block.enum == "bullet" and parent is not None and parent.enum not in (None, "bullet") \
                    and self.doc.touches(parent.span[1], block) and self.doc.last_mark(parent.content_start, parent.span[1]) != ":":
                # "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân" then "- Nội dung: Cổng thông tin ...":
                # the title names the task, its content field spells it out; the task reads from its title (not a
                # lead-in's "...:" over points, each with its own "a) Nhiệm vụ: ...")
                start = parent.content_start
            if bare_bullet is not None and block.enum == "bullet":
                # "- Nghị định quy định chi tiết ..." then "+ Nội dung: ...", "+ Cơ quan chủ trì: ...": the bullet right
                # above, which names no actor, names the task its fields spell out (and they name who acts)
                start = bare_bullet.content_start
            draft = Draft(path=block.path, span=(start, end), content_start=start)
            drafts.append(draft)
            return [draft], False
        if not group:
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                group = [drafts[-1]]  # the numbered item itself was taken as the task
                if kind in ("lead", "support"):
                    group[0].assignees = []  # the fields name who acts; a time field leaves the item's own subject
            elif parent is not None:
                # "- Thời gian thực hiện: 05 ngày ..." under an item nobody is named for is a time, not a task,
                # unless a later field names who acts ("- Cơ quan chủ trì: ...")
                group = [Draft(path=parent.path, span=(parent.content_start, parent.span[1]),
                                content_start=parent.content_start,
                                needs_named_actor=kind not in ("lead", "support") and not self._actor_above()
                                and self.units.actor_of(parent) is None)]
                drafts.append(group[0])
            else:
                return group, False
        if len(group) == 1:
            group[0].span = (group[0].span[0], max(group[0].span[1], end))
        if kind in ("lead", "support") and not empty:
            for mention in self.mentions(start, end):
                if kind == "support" and self.subjects.related_only(mention, generic_nouns=False):
                    continue
                role = "support" if kind == "support" else (
                    "lead" if LEAD_LABEL.search(label.group(1)) or self.cues.roles.lead.match(self.text, mention.span[1], end)
                    else "responsible")
                if kind == "lead" and self.cues.roles.support.search(self.text, start, mention.span[0]):
                    role = "support"  # "Sở A chủ trì, phối hợp với Sở B": B supports
                for draft in group:
                    add_assignee(draft.assignees, mention, role)
        elif kind == "deadline" and not empty:
            for draft in group:
                draft.deadline_text = (start, end)
        return group, False

    def _actor_above(self) -> bool:
        """Whether a heading above names who acts (a body, or a class that names none)."""
        return any(c.assignees or c.generic for c in self.walk.contexts)
