"""Succession between bodies: who carries on a body's work as of a date, and whose work passed to it
(the mergers of 2025 included, composed for provincial bodies)."""

from __future__ import annotations

from pipeline.extract.agency_model import Agency


class AgencySuccession:
    """Walks the successors recorded on each Agency and the registry's predecessor index."""

    def successors(self, name: str, as_of: str | None = None) -> list[Agency]:
        """The bodies that carry on `name`'s work as of a date (transitively; all known ones when no date)."""
        start = self.lookup(name)
        if start is None:
            return []
        out: list[Agency] = []

        def walk(agency: Agency, seen: frozenset[str]) -> None:
            steps = [s for s in agency.successors if as_of is None or s.date <= as_of]
            if not steps:
                if agency is not start and all(a.name != agency.name for a in out):
                    out.append(agency)
                return
            for s in sorted(steps, key=lambda s: s.share != "main"):
                nxt = self.lookup(s.name)
                if nxt is not None and nxt.name not in seen:
                    walk(nxt, seen | {nxt.name})

        walk(start, frozenset({start.name}))
        return out

    def predecessors(self, name: str) -> list[Agency]:
        """Every body whose work passed (directly or not) to `name`."""
        agency = self.lookup(name)
        if agency is None:
            return []
        if agency.province:  # make sure the composed predecessors of a provincial body exist
            self._derive_predecessors(agency)
        out: list[Agency] = []
        stack = list(self._predecessors.get(agency.name, []))
        while stack:
            prev = self._by_name[stack.pop(0)]
            if all(a.name != prev.name for a in out):
                out.append(prev)
                if prev.province:
                    self._derive_predecessors(prev)
                stack.extend(self._predecessors.get(prev.name, []))
        return out

    def _derive_predecessors(self, agency: Agency) -> None:
        key = next((k for k in self._templates if agency.name == self._derived_name(k, self._provinces[agency.province])), None)
        if key is None:
            return
        for other in self._provinces.values():  # provinces merged into this one
            if other.successor and other.successor.name == agency.province:
                self._derive(key, other.name)
        for t in self._templates.values():  # departments merged into this one
            for s in t.get("successors", []):
                if s["name"] == self._templates[key]["name"]:
                    self._derive(t["key"], agency.province)

    def current_name(self, name: str, as_of: str | None = None) -> str:
        succ = self.successors(name, as_of)
        if succ:
            return succ[0].name
        agency = self.lookup(name)
        return agency.name if agency else name
