"""Pure normalisers: text in, typed values out. Nothing here imports spaCy."""
