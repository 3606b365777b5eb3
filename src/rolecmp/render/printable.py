"""Make text from data files safe to show: control characters become visible escapes."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, the C1 controls (U+0080-U+009F, which include CSI and
# OSC on some terminals), the bidirectional controls that reorder what is displayed (U+061C,
# U+200E/F, U+202A-202E, U+2066-2069: "Trojan Source"), and lone surrogates (from file names that
# are not UTF-8), which no output encoding can write.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: str, *, newlines: bool = True) -> str:
    """``value`` with every terminal control character shown as ``\\xNN`` (or ``\\uNNNN``)
    text.

    Rich markup needs no escaping here: renderers pass data as :class:`rich.text.Text`, which
    never interprets markup.
    """
    out = _CONTROL.sub(_escape, value)
    if not newlines:
        out = out.replace("\n", " ")
    return out


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, for one-line summaries."""
    text = " ".join(text.split())
    for end in (". ", "; "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text
