"""Main-content extractors measured on the judged sample's real saved pages.

    .venv/bin/python benchmarks/inputs/html_extractors.py

For each extractor: must-keep sentences kept, junk (page chrome) strings removed, judged headings
still on a line of their own, the title, and milliseconds per page. Extractors that are not
installed are skipped: none of them is a dependency. reporttui's own density pass
(core/text/article.py) is what the project uses; gne, the first pick, is GPL-3.0 and may only be
measured here as a peer when it happens to be installed. Asserts nothing.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "inputs_judged", ROOT / "benchmarks" / "inputs" / "judged.py"
)
assert _spec and _spec.loader
judged = importlib.util.module_from_spec(_spec)
sys.modules["inputs_judged"] = judged
_spec.loader.exec_module(judged)


def _html_to_text(fragment: str) -> str:
    import lxml.html

    root = lxml.html.fromstring(fragment)
    for br in root.iter("br", "p", "div", "h1", "h2", "h3", "h4", "li", "tr"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content()


def ex_trafilatura(html: str) -> tuple[str, str]:
    import trafilatura

    text = trafilatura.extract(html, favor_recall=True, include_tables=True) or ""
    meta = trafilatura.extract_metadata(html)
    return text, (meta.title if meta and meta.title else "")


def ex_trafilatura_precision(html: str) -> tuple[str, str]:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True) or "", ""


def ex_readability(html: str) -> tuple[str, str]:
    from readability import Document

    d = Document(html)
    return _html_to_text(d.summary()), d.short_title()


def ex_justext(html: str) -> tuple[str, str]:
    import justext

    paras = justext.justext(html.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paras if not p.is_boilerplate), ""


def ex_gne(html: str) -> tuple[str, str]:
    """GPL-3.0: measured only when it happens to be installed, never a dependency."""
    from gne import GeneralNewsExtractor

    r = GeneralNewsExtractor().extract(html)
    return r.get("content", ""), r.get("title", "")


def ex_project(html: str) -> tuple[str, str]:
    from reporttui.core.text.ingest import parse_document

    d = parse_document(html.encode("utf-8"), "page.html")
    return d.text, d.title


def ex_project_whole(html: str) -> tuple[str, str]:
    """The project's pipeline with the extractor switched off (the whole visible text, then cleaning)."""
    from reporttui.core.text import html as html_mod
    from reporttui.core.text.ingest import parse_document

    saved = html_mod._main_content
    html_mod._main_content = lambda source: None
    try:
        d = parse_document(html.encode("utf-8"), "page.html")
    finally:
        html_mod._main_content = saved
    return d.text, d.title


EXTRACTORS: dict[str, Callable[[str], tuple[str, str]]] = {
    "trafilatura(recall)": ex_trafilatura,
    "trafilatura(precision)": ex_trafilatura_precision,
    "readability-lxml": ex_readability,
    "jusText": ex_justext,
    "gne": ex_gne,
    "reporttui (density+clean)": ex_project,
    "reporttui (no extractor)": ex_project_whole,
}


def main() -> None:
    items = [i for i in judged.load_judged()["items"] if i["path"].endswith(".html.gz")]
    pages = [
        (i, gzip.decompress((judged.DATA / i["path"]).read_bytes()).decode("utf-8", "replace"))
        for i in items
    ]
    print(f"{len(pages)} real pages")
    print(
        f"{'extractor':27} {'kept':>7} {'chrome removed':>15} {'headings':>9} {'title':>6} {'ms/page':>8}"
    )
    for name, fn in EXTRACTORS.items():
        kept = keep = junk = removed = heads = found = titles = 0
        spent = 0.0
        try:
            fn(pages[0][1])
        except ImportError:
            print(f"{name:27} (not installed)")
            continue
        for item, html in pages:
            t0 = time.perf_counter()
            try:
                text, title = fn(html)
            except Exception as exc:
                text, title = "", ""
                print(f"  {name} failed on {item['id']}: {type(exc).__name__}")
            spent += time.perf_counter() - t0
            t = judged.norm(text)
            lines = {judged.norm(ln) for ln in text.split("\n")}
            for k in item["keep"]:
                keep += 1
                kept += judged.norm(k) in t
            for j in item["junk"]:
                junk += 1
                removed += judged.norm(j) not in t
            for h in item["headings"]:
                heads += 1
                found += judged.norm(h) in lines
            want = item["expect"].get("title")
            titles += bool(want) and judged.norm(re.sub(r"\s+", "", title or "")) == judged.norm(
                want
            )
        print(
            f"{name:27} {kept:3}/{keep:<3} {removed:7}/{junk:<7} {found:4}/{heads:<4} "
            f"{titles:3}/{len(pages):<2} {1000 * spent / len(pages):8.1f}"
        )


if __name__ == "__main__":
    main()
