"""Django-free import of a resolution's text into a registry (``nghiquyet.registry/1``).

``read_document`` turns a .txt, .docx or .pdf into text; ``parse_text`` reads
that text into a registry dict with structured warnings for the reviewer.
"""

from nghiquyet.textimport.diagnostics import ParseWarning
from nghiquyet.textimport.parser import REGISTRY_FORMAT, ParseResult, parse_text
from nghiquyet.textimport.readers import DEFAULT_LIMITS, ReadError, ReadLimits, read_document

__all__ = [
    "DEFAULT_LIMITS",
    "REGISTRY_FORMAT",
    "ParseResult",
    "ParseWarning",
    "ReadError",
    "ReadLimits",
    "parse_text",
    "read_document",
]
