"""A document's text into regions (header, body, signature, attachments) and blocks (numbered items,
paragraphs, table rows)."""
