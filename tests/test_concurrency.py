"""Many readers, one writer: searching processes never see a broken index during an add."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from reporttui.core.library.library import Library

MARKER = "麒麟鹿鸣"

SEARCHER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from reporttui.core.library.library import Library

    home, stop_file = Path(sys.argv[1]), Path(sys.argv[2])
    library = Library(home)
    runs, errors, seen, baseline = 0, [], set(), None
    print("READY", flush=True)
    while not stop_file.exists() or runs < 5:
        try:
            fresh = runs % 7 == 0
            lib = Library(home) if fresh else library  # new processes' view as well as a long-lived one
            base = lib.search("林麝", limit=100)
            marked = lib.search("MARKER", limit=100)
            for hit in base.hits + marked.hits:
                for s, e in hit.spans:
                    assert hit.text[s:e] in ("林麝", "MARKER"), (hit.text[s:e], s, e)
            if baseline is None:
                baseline = base.total
            assert base.total == baseline, (base.total, baseline)
            assert marked.total == len(marked.per_doc), "one marked paragraph per document"
            seen.add(marked.total)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        runs += 1
    print(json.dumps({"runs": runs, "errors": errors[:5], "seen": sorted(seen)}))
    """
).replace("MARKER", MARKER)


def test_two_searching_processes_during_an_add(tmp_path: Path) -> None:
    home, src, stop = tmp_path / "home", tmp_path / "src", tmp_path / "stop"
    Library(home).sync()
    src.mkdir()
    batches = []
    for b in range(3):
        folder = src / f"batch{b}"
        folder.mkdir()
        for i in range(4):
            text = f"第{b}批第{i}份试验报告\n\n今年推进{MARKER}工程建设，完成投资{b}{i}亿元。\n\n继续加强生态保护。\n"
            (folder / f"r{i}.txt").write_text(text, "utf-8")
        batches.append(folder)

    searchers = [
        subprocess.Popen(
            [sys.executable, "-c", SEARCHER, str(home), str(stop)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for proc in searchers:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        writer = Library(home)
        for folder in batches:  # three commits, each seen atomically by the readers
            writer.add([folder])
        writer.rebuild()  # a switch to a new index folder too
    finally:
        stop.touch()
    results = []
    for proc in searchers:
        out, _ = proc.communicate(timeout=120)
        results.append(json.loads(out.strip().splitlines()[-1]))
    for result in results:
        assert result["errors"] == [], result
        assert result["runs"] >= 5
        assert set(result["seen"]) <= {0, 4, 8, 12}, "a reader saw a half-committed add"
    assert Library(home).search(MARKER, limit=100).total == 12
