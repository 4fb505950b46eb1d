"""How wide a chart's text is, so a chart can be laid out before it is drawn.

The charts are set in Arial (or Liberation Sans, metric-compatible with it, where the
static renders are drawn; see `font.family` in chart_design.yaml). Their advance widths
are Helvetica's (Adobe's Helvetica AFM, in thousandths of the font size), so a label's
width in pixels is known here, exactly enough to wrap labels, size margins and decide
whether a number fits inside its bar. A character not in the table counts as a wide one.
"""

from __future__ import annotations

import re

# Advance widths of Helvetica/Arial (regular), per character, in 1/1000 em.
_WIDTHS: dict[str, int] = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191,
    "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278,
    ":": 278, ";": 278, "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015,
    "[": 278, "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334, "|": 260,
    "}": 334, "~": 584,
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722,
    "I": 278, "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667,
    "Q": 778, "R": 722, "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667,
    "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556,
    "i": 222, "j": 222, "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "p": 556,
    "q": 556, "r": 333, "s": 500, "t": 278, "u": 556, "v": 500, "w": 722, "x": 500,
    "y": 500, "z": 500,
    "æ": 889, "ø": 611, "å": 556, "Æ": 1000, "Ø": 778, "Å": 667, "é": 556, "è": 556,
    "ä": 556, "ö": 556, "ü": 556, "É": 667, "Ö": 778, "Ü": 722, "Ä": 667,
    "\u00a0": 278, "–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333,
    "„": 333, "…": 1000, "•": 350, "§": 556, "°": 400, "×": 584, "«": 556, "»": 556,
    "¤": 556, "†": 556, "‡": 556, "½": 834,
}  # fmt: skip
_DIGIT = 556
_UNKNOWN = 722  # a character not in the table: assume a wide one
_BOLD = 1.1  # bold Helvetica is about a tenth wider on average
# Room for a reader's font that is not metric-compatible (Roboto on Android, say): every
# width is taken this much wider than Arial draws it.
SLACK = 1.04
_TAG = re.compile(r"<[^>]+>")


def width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of one line of text (tags such as <b> not counted)."""
    plain = _TAG.sub("", text)
    units = sum(_DIGIT if c.isdigit() else _WIDTHS.get(c, _UNKNOWN) for c in plain)
    return units * size / 1000 * (_BOLD if bold else 1) * SLACK


def lines(text: str) -> list[str]:
    return text.split("<br>")


def block_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a wrapped text (lines joined by <br>): its widest line."""
    return max(width(line, size, bold) for line in lines(text))


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> str:
    """Break text into lines no wider than max_width pixels (a longer word gets a line
    of its own), joined by <br> as Plotly wants them."""
    result: list[str] = []
    for word in text.split():
        if result and width(f"{result[-1]} {word}", size, bold) <= max_width:
            result[-1] += f" {word}"
        else:
            result.append(word)
    return "<br>".join(result)
