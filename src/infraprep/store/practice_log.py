"""Your practice history: one JSON line per attempt, in a file on your machine.

Appending a line never rewrites what is there, so an interrupted write can cost
at most the attempt being written; a line that cannot be read (a crash mid-write,
a hand edit) is skipped and counted, and the rest of the history stands.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from infraprep.errors import StorageError
from infraprep.practice.history import Attempt
from infraprep.store.paths import default_data_dir

FILE_NAME = "practice.jsonl"


@dataclass(frozen=True)
class PracticeLog:
    path: Path

    @classmethod
    def default(cls) -> PracticeLog:
        return cls(default_data_dir() / FILE_NAME)

    def append(self, attempt: Attempt) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a+b") as out:  # appends: what is there is never rewritten
                size = out.seek(0, os.SEEK_END)
                if size:
                    out.seek(size - 1)
                    if out.read(1) != b"\n":
                        out.write(b"\n")  # a line cut short by a crash keeps to itself
                out.write(attempt.to_json().encode("utf-8") + b"\n")
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise StorageError(
                f"Could not record this attempt in {self.path}: {exc.strerror or exc}.",
                "Check that the folder is writable, or practise with --no-record.",
            ) from exc

    def read(self) -> tuple[list[Attempt], int]:
        """The attempts recorded, and how many lines could not be read."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return [], 0
        except OSError as exc:
            raise StorageError(
                f"Could not read your practice history {self.path}: {exc.strerror or exc}."
            ) from exc
        attempts, skipped = [], 0
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                attempts.append(Attempt.from_json(line))
            except (ValueError, KeyError, TypeError):
                skipped += 1
        return attempts, skipped
