"""news_persons: PERSON mentions → name span, title, canonical name and key (see component.py)."""

from extract.components.persons.component import PersonNormalizer, make_person_normalizer

__all__ = ["PersonNormalizer", "make_person_normalizer"]
