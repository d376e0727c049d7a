"""A Sphinx extension for the book's pages (loaded by `_config.yml`, `sphinx.extra_extensions`).

sphinx-thebe and sphinx-togglebutton register their inline configuration scripts twice in the Jupyter
Book 1 stack (Sphinx 7.4 keeps one copy with the file name None and one with "", so it does not see them
as the same), and every page declared `const THEBE_JS_URL` twice: a SyntaxError in the browser console on
every page. This keeps the first copy of each script a page loads.
"""

from __future__ import annotations

from typing import Any


def unique_scripts(scripts: list[Any]) -> list[Any]:
    """The scripts in order, each (same file, same inline body) kept once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for script in scripts:
        # Sphinx records the same inline script once with filename None and once with "": the same script.
        key = (str(getattr(script, "filename", script) or ""), str(getattr(script, "attributes", {}).get("body", "")))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    return unique


def _dedupe_page_scripts(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "script_files" in context:
        context["script_files"][:] = unique_scripts(context["script_files"])


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _dedupe_page_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
