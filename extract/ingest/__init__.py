"""Reading articles from files, folders and stdin."""

from extract.ingest.fields import FieldMap
from extract.ingest.formats import Format, detect_format
from extract.ingest.readers import STDIN, read_articles

__all__ = ["STDIN", "FieldMap", "Format", "detect_format", "read_articles"]
