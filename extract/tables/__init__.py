"""Declared tables, the builder that fills them from Docs, and the writers."""
