"""Turn a result (a role, a listing, a comparison) into output, one renderer per format.

The format switch is written here once: every command hands its result to :func:`render`.
``table`` returns a Rich renderable for the CLI to print; the other formats return text:
JSON, CSV, Markdown (documents and tables a person reads), or a standalone HTML page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rolecmp.render.base import Renderable

FORMATS = ("table", "json", "csv", "markdown", "html")


def render(result: Renderable, fmt: str) -> Any:
    """The output of ``result`` in format ``fmt`` (one of :data:`FORMATS`): the one place the
    formats are told apart (each renderer then dispatches on the result's type)."""
    if fmt == "table":
        from rolecmp.render.table import TableRenderer

        return result.render_with(TableRenderer())
    from rolecmp.render import text

    if fmt == "json":
        return text.render_json(result)
    if fmt == "csv":
        return text.render_csv(result)
    if fmt == "markdown":
        from rolecmp.render.markdown import render_markdown

        return render_markdown(result)
    if fmt == "html":
        from rolecmp.render.html import render_html

        return render_html(result)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
