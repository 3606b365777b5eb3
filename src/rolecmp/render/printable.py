"""Make text from data files safe to show: control characters become visible escapes."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F, which include
# CSI and OSC on some terminals).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: str, *, newlines: bool = True) -> str:
    """``value`` with every terminal control character shown as ``\\xNN`` text.

    Rich markup needs no escaping here: renderers pass data as :class:`rich.text.Text`, which
    never interprets markup.
    """
    out = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
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
