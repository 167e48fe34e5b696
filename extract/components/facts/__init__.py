"""news_facts: links quantities and person events to predicates, places and dates (see
component.py)."""

from extract.components.facts.component import FactLinker, link_facts, make_fact_linker

__all__ = ["FactLinker", "link_facts", "make_fact_linker"]
