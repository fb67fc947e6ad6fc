"""Ingest: a CV or job description as bytes, a path or a URL -> ``Document``.

The first pipeline stage. It decides what a file is from its content
(``detect``), reads it with the one reader for that format (``pdf``, ``docx``,
``text``, ``html``, ``json_resume``) and hands on text blocks in reading order.
Every failure is an ``InputError`` subclass from ``infraprep.errors``.

Importing this package is cheap: pdfminer, python-docx, trafilatura and httpx
are imported only when a file of their kind is read.

>>> from infraprep.ingest import read_document
>>> read_document(b"Jo Bloggs\\nSRE").text
'Jo Bloggs\\nSRE'
"""

from __future__ import annotations

from infraprep.ingest.address import is_public_address
from infraprep.ingest.fetch import fetch_url
from infraprep.ingest.read import read_document, read_path

__all__ = ["fetch_url", "is_public_address", "read_document", "read_path"]

for _name in __all__:
    globals()[_name].__module__ = __name__
del _name
