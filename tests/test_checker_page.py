"""The checker appendix (book/checker.ipynb) describes each rule in prose: the prose must be the catalog's."""

import json
import re
from pathlib import Path

import pytest

from agno_async_rules import RULES, catalog, parse_version
from agno_async_rules.variants import VARIANTS

PAGE = Path(__file__).resolve().parents[1] / "book" / "checker.ipynb"


def rule_heading(code: str) -> str:
    rule = RULES[code]
    return (
        f"## {code}: {rule.title}\n\n*{rule.severity}*, from *{rule.section}*; applies to {rule.versions}. "
        f"Fix: {rule.fix}."
    )


def later_heading(code: str) -> str | None:
    """The heading of a rule's own agno 3.x form, or of its absence there; None when 3.x keeps the 1.5 form."""
    rule = catalog(parse_version("3.1")).get(code)
    if rule is None:
        return (
            f"On agno 3.x the rule does not apply ({RULES[code].versions}): {code} is not among the codes the "
            "checker reports for the same bad example there."
        )
    if "3.x" not in VARIANTS.get(code, {}):
        return None
    return f"### {code} on agno 3.x: {rule.title}\n\nFrom *{rule.section}*. Fix: {rule.fix}."


def markdown_cells() -> list[str]:
    notebook = json.loads(PAGE.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"]


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_is_described_in_the_catalog_s_words(code: str) -> None:
    cells = markdown_cells()
    assert rule_heading(code) in cells, f"{code}: its heading differs from the catalog"
    later = later_heading(code)
    assert later is None or later in cells, f"{code}: its agno 3.x heading differs from the catalog"


def test_no_other_rule_prose_on_the_page() -> None:
    expected = {rule_heading(code) for code in RULES} | {later_heading(code) for code in RULES}
    described = [cell for cell in markdown_cells() if re.match(r"(#+ AGN\d+|On agno 3\.x the rule)", cell)]
    assert set(described) <= expected
