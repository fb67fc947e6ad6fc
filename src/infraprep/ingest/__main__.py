"""Show what ingest extracts: ``python -m infraprep.ingest FILE_OR_URL [...]``.

One line per block (kind, page, relative size, bold flag, text), so a layout
problem in a real file can be seen without writing code.
"""

from __future__ import annotations

import sys
import time

from infraprep.errors import InfraprepError
from infraprep.ingest import fetch_url, read_path


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    status = 0
    for source in argv:
        start = time.perf_counter()
        try:
            is_url = source.startswith(("http://", "https://"))
            doc = fetch_url(source) if is_url else read_path(source)
        except InfraprepError as exc:
            print(f"{source}: {exc.message} ({exc.kind}, exit {exc.exit_code})", file=sys.stderr)
            status = exc.exit_code
            continue
        took = (time.perf_counter() - start) * 1000
        print(f"== {source}: {doc.source_type}, {doc.pages} page(s), title={doc.title!r}, "
              f"{len(doc.blocks)} blocks, {took:.0f} ms")
        for block in doc.blocks:
            flags = f"p{block.page} {block.size:4.2f}{' B' if block.bold else '  '}"
            print(f"{block.kind:<10} {flags} {block.text.replace(chr(10), ' / ')}")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
