"""Table rows whose cells are separated by tabs, as a word processor's table copied into a plain text file gives them.

"1<TAB>Rà soát ...<TAB>Sở Tư pháp<TAB>Quý I/2026" is a row of four cells; the character pass would turn its tabs into
spaces and run the cells together, so the row is framed as the rows of the other readers are ("| 1 | Rà soát ... |
Sở Tư pháp | Quý I/2026 |"). A line is a row when its tabs part at least MIN_CELLS cells with text; an empty cell
between two tabs stays a cell (it keeps its column), and a tab that only indents the line or aligns two parts (a
signature's "Nơi nhận:<TAB><TAB>KT. CHỦ TỊCH") frames nothing.
"""

from __future__ import annotations

MIN_CELLS = 3  # cells with text: two are a line's two aligned parts as often as a row


def frame_tab_rows(text: str) -> str:
    """`text` (line breaks already "\\n") with each tab-separated row framed in pipes; `text` itself when none is."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    framed = False
    for i, line in enumerate(lines):
        if line.count("\t") < MIN_CELLS - 1:
            continue
        cells = [cell.strip() for cell in line.strip("\t ").split("\t")]
        if sum(1 for cell in cells if cell) >= MIN_CELLS:
            lines[i] = "| " + " | ".join(cells) + " |"
            framed = True
    return "\n".join(lines) if framed else text
