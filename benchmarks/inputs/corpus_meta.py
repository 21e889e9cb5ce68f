"""Dump every corpus report's metadata (and the no-loss check) to compare two versions of the parser.

    .venv/bin/python benchmarks/inputs/corpus_meta.py CORPUS_DIR OUT.tsv
    .venv/bin/python benchmarks/inputs/corpus_meta.py --diff OLD.tsv NEW.tsv

One row per file: path, region, year, kind, title, text length, section count, no-loss problems.
Prints the parse CPU time (process time of parse_document alone) and the count of no-loss
failures; ``--diff`` lists the rows that differ. Run the old version from an export of its
``src`` (PYTHONPATH=<export>/src) to compare against main.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reporttui.core.errors import ReportError
from reporttui.core.text.decode import decode_bytes
from reporttui.core.text.ingest import check_no_loss, parse_document


def dump(root: Path, out: Path) -> None:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    cpu = 0.0
    chars = 0
    failures = 0
    rows: list[str] = []
    for f in files:
        data = f.read_bytes()
        t0 = time.process_time()
        try:
            doc = parse_document(data, str(f))
        except ReportError as exc:
            rows.append(f"{f.relative_to(root)}\terror: {exc}")
            continue
        cpu += time.process_time() - t0
        chars += len(doc.text)
        problems = check_no_loss(decode_bytes(data).text, doc)
        failures += bool(problems)
        sections = sum(1 for _ in doc.walk())
        rows.append(
            "\t".join(
                str(x)
                for x in (
                    f.relative_to(root),
                    doc.region,
                    doc.year,
                    doc.kind,
                    doc.title,
                    len(doc.text),
                    sections,
                    "; ".join(problems),
                )
            )
        )
    out.write_text("\n".join(rows) + "\n", "utf-8")
    print(
        f"{len(files)} files, parse CPU {cpu:.2f} s ({chars / cpu / 1e6:.2f} M chars/CPU-s), "
        f"{failures} no-loss failures"
    )


def diff(old: Path, new: Path) -> None:
    a = dict(r.split("\t", 1) for r in old.read_text("utf-8").splitlines())
    b = dict(r.split("\t", 1) for r in new.read_text("utf-8").splitlines())
    n = 0
    for k in sorted(a.keys() | b.keys()):
        if a.get(k) != b.get(k):
            n += 1
            print(k)
            print("  -", a.get(k))
            print("  +", b.get(k))
    print(f"{n} of {len(b)} rows differ")


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        diff(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        dump(Path(sys.argv[1]), Path(sys.argv[2]))
