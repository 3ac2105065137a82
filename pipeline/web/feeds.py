"""Atom feed (RFC 4287) of an agency's newest tasks, for alerts; built with ElementTree (escaped)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from pipeline.web.db import now_utc

ATOM = "http://www.w3.org/2005/Atom"
# characters XML 1.0 cannot carry at all (escaping does not help): dropped from document text
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def agency_feed(name: str, tasks: list[dict], base_url: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = _NOT_XML.sub("", text)
        return el

    sub(feed, "id", f"urn:obligraph:agency:{name}")
    sub(feed, "title", f"obligraph: new tasks for {name}")
    sub(feed, "updated", max((t["changed_at"] or "" for t in tasks), default="") or now_utc())
    sub(feed, "link", rel="alternate", href=f"{base_url}agencies/{name}")
    author = sub(feed, "author")
    sub(author, "name", "obligraph")
    for t in tasks:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:obligraph:obligation:{t['id']}")
        sub(entry, "title", f"{t['document'] or t['doc_id']} {t['path'] or ''}: {(t['action'] or '')[:120]}")
        sub(entry, "updated", t["changed_at"] or now_utc())
        sub(entry, "published", t["first_seen"] or now_utc())
        sub(entry, "link", rel="alternate", href=f"{base_url}documents/{t['doc_id']}#o-{t['id']}")
        due = (t["deadline"] or {}).get("date") or "no fixed day"
        who = "; ".join(f"{a['name']} ({a['role']})" for a in t["assignees"])
        sub(entry, "summary", f"{t['text'] or t['action'] or ''}\nAssigned to: {who}\nDue: {due}\nStatus: {t['status']}")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")
