"""Files to text: readers for text, HTML, PDF (text layer and OCR) and DOCX, legacy encodings, and the
limits that keep hostile input bounded."""
