"""python -m pipeline.schema: rewrite document.schema.json from the record dataclasses."""

from pathlib import Path

from pipeline.schema import SCHEMA_FILE, schema_text

if __name__ == "__main__":
    Path(__file__).with_name(SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
