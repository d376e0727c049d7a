"""The rule catalog, where the course's pages and graders have always imported it from."""

from agno_async_rules.catalog import FILE_CODES, READ_ERROR, RULES, SYNTAX_ERROR, TOO_DEEP, Rule, catalog

__all__ = ["FILE_CODES", "READ_ERROR", "RULES", "SYNTAX_ERROR", "TOO_DEEP", "Rule", "catalog"]
