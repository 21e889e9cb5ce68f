"""Load a report file into a :class:`Document`: decode, clean, rejoin, structure, metadata.

The public entry points are :func:`load_document` (a path) and :func:`parse_document` (bytes or
text already in memory). :func:`check_no_loss` proves the central promise: every Chinese
character and digit of the source is either in ``Document.text`` (in order) or on
``Document.dropped``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

from reporttui.core.errors import ReportFileError
from reporttui.core.model import Document, Dropped
from reporttui.core.text.boilerplate import boilerplate_lines
from reporttui.core.text.clean import clean, drop_controls, has_controls
from reporttui.core.text.decode import decode_bytes
from reporttui.core.text.html import extract_page, looks_like_html
from reporttui.core.text.metadata import Metadata, extract
from reporttui.core.text.normalize import significant
from reporttui.core.text.rejoin import rejoin
from reporttui.core.text.structure import build
from reporttui.core.text.title_votes import (
    glued_headline,
    kicker_over_copied_headline,
    record_title,
    tidy_headline,
    title_run_into_line,
    vote_title,
)
from reporttui.core.text.variants import to_simplified

_DATED = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}")
_PUBLISHED_CHROME = re.compile(r"(?:发布|时间|日期)\s*[:：]?\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}")

INGEST_VERSION = "31"
"""Bumped whenever parsing changes what a Document holds (indexes built earlier are stale)."""


def load_document(path: str | Path, boilerplate: frozenset[str] = frozenset()) -> Document:
    """Read and parse the report at ``path``; :class:`ReportFileError` names the file on failure.

    ``boilerplate``: keys of lines repeated across the library (:mod:`.boilerplate`), dropped.
    """
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ReportFileError(f"{name}: no such file")
    if p.is_dir():
        raise ReportFileError(f"{name} is a directory, not a report file")
    if not p.is_file():  # safety: a FIFO or device would block read_bytes() for ever
        raise ReportFileError(f"{name} is not a regular file (a FIFO, socket or device)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReportFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    return parse_document(data, name, boilerplate)


_IFRAME = re.compile(r"<iframe\b", re.IGNORECASE)
_BARE_DATE = re.compile(
    r"\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"\s*(?:(?:星期|周)[一二三四五六日天])?\s*"
)


def _other_bare_date(line: str, published: str) -> bool:
    """``line`` is only a date (a weekday may follow) and not the ``published`` day (YYYY-MM-DD)."""
    m = _BARE_DATE.fullmatch(line)
    if m is None:
        return False
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" != published[:10]


# Text of an article rather than of menus, labels, footers and dialogs (…是否继续？): a full stop.
_SENTENCE_LINE = re.compile(r"[^\n。]{4,}。")


def parse_document(
    data: bytes | str, path: str = "<text>", boilerplate: frozenset[str] = frozenset()
) -> Document:
    """Parse a report given as bytes (encoding detected) or as text.

    Lines whose key is in ``boilerplate`` (found across a library by
    :func:`~reporttui.core.text.boilerplate.find_boilerplate`) go to the dropped view.
    """
    if isinstance(data, str):
        raw = data.encode("utf-8")
        if not data.strip():
            raise ReportFileError(f"{path} is empty")
        text, encoding = data.lstrip("\ufeff"), "utf-8"
    else:
        raw = data
        decoded = decode_bytes(data, path)
        text, encoding = decoded.text, decoded.encoding
    sha1 = hashlib.sha1(raw).hexdigest()

    page = None
    pre_dropped: list[Dropped] = []
    if looks_like_html(text, path):
        if has_controls(text):
            text = drop_controls(text, pre_dropped)
        framed = _IFRAME.search(text) is not None
        page = extract_page(text)
        page.dropped[:0] = pre_dropped
        text = page.text
        if not text.strip():
            raise ReportFileError(f"{path}: the web page holds no text")
        if page.extractor == "none" and not _SENTENCE_LINE.search(text):
            # (pages9) No article found and not one sentence on the page: what is left is the
            # site's menus and labels. The article is a picture, a framed page or a body the
            # page's scripts fetch, so it is not in the saved HTML; a document made of the chrome
            # would mislead.
            where = "a picture, in an <iframe> or" if framed else "a picture or"
            raise ReportFileError(
                f"{path}: the article is not in the saved web page (only the site's menus are;"
                f" it may be {where} loaded by a script)"
            )
    cleaned = clean(text)
    dropped = list(cleaned.dropped)
    if page is not None:
        dropped.extend(page.dropped)
        # Only dated chrome lines (发布时间…) may inform metadata: a nav bar or footer naming the
        # site's owner is not evidence of the article's region.
        # (pages10) A bare date in the chrome (the site's clock in its top bar, 2023年9月9日) is
        # no evidence beside the article's own timestamp when it names another day.
        published = page.published or ""
        cleaned.chrome_text[:0] = [
            c
            for c in page.chrome
            if _DATED.search(c) and not (published and _other_bare_date(c, published))
        ]
        written = page.info.get("成文日期", "")
        if _DATED.match(written):
            # The document's own date from the page's record (a 1996 notice posted in 2018): a
            # date line, which metadata takes for the document's date; 发布日期 is the page's.
            cleaned.chrome_text.insert(0, written)
    lines, wrapped = rejoin(cleaned.lines, dropped, blocks=page is not None)
    if boilerplate:
        gone = boilerplate_lines([ln.text for ln in lines], boilerplate)
        dropped.extend(Dropped(lines[i].text, "boilerplate", lines[i].line) for i in sorted(gone))
        lines = [ln for i, ln in enumerate(lines) if i not in gone]
    built = build(lines, dropped)
    news = any(d.reason in ("byline", "masthead", "layout", "photo caption") for d in dropped)
    # A web page with a publication date (meta, or a 发布时间 line in its chrome) is an article.
    # A page holding its document's record (索引号, 发文机关, 发文字号…) publishes a document, not
    # news about one.
    news = news or (
        page is not None
        and not _records_document(page.info)
        and (page.published is not None or any(_PUBLISHED_CHROME.search(c) for c in page.chrome))
    )
    headings = [
        s.title for sec in built.sections for s in sec.walk() if s.title and s.kind != "lead"
    ]
    main_text = "\n".join(
        p.text for sec in built.sections if sec.part != "appended" for p in sec.all_paragraphs()
    )
    chrome_text = cleaned.chrome_text + [d.text for d in dropped if d.reason == "html comment"][:3]
    site = page.site if page is not None else ""
    page_published = page.published if page is not None else None

    def metadata_with(title: str, title_lines: list[str]) -> Metadata:
        """The metadata read with this title (the rest of the evidence is the same)."""
        return extract(
            title,
            title_lines,
            main_text,
            headings,
            cleaned.front_matter,
            chrome_text,
            news,
            page_published,
            site,
        )

    meta = metadata_with(built.title, built.title_lines)
    if not meta.title:
        # (round 16) A headline run into the paragraph after it when the lines were joined: the
        # text's first lines hold it, so it goes before a headline voted from anywhere on the page.
        source = [
            (a.text, b.blank_before > 0 or b.line > a.line + 1)
            for a, b in pairwise(cleaned.lines[: _OPENING + 1])
        ]
        headline_copies = [
            d.text for d in dropped if d.line <= _OPENING and d.reason == "headline copy"
        ]
        glued = glued_headline(source, built.text.split("\n"), main_text, headline_copies)
        if glued:
            meta = metadata_with(glued, [glued, *built.title_lines])
            if meta.title:
                meta.evidence["title"] = "a headline run into the paragraph after it (source lines)"
    if not meta.title:
        # No title from the title block: the headline the page agrees on, if one is clear
        # (a line of the opening, kept or taken for chrome, whose words the body repeats).
        opening = [d.text for d in dropped if d.line <= _OPENING and d.reason in _TITLE_CHROME]
        opening += built.text.split("\n")[:8]
        page_lines = built.text.split("\n") + [d.text for d in dropped]
        voted = vote_title(opening, main_text, page_lines)
        if voted:
            meta = metadata_with(voted, [voted, *built.title_lines])
            if meta.title:
                meta.evidence["title"] = "the headline the page agrees on (body words, copies)"
    if not meta.title and (run := title_run_into_line(built.text.split("\n", 1)[0])):
        # (round 16) A text run into one line at its source: its title ends at its meeting line
        # or at its source's time stamp.
        meta = metadata_with(run, [run, *built.title_lines])
        if meta.title:
            meta.evidence["title"] = "the title before its meeting line or time stamp (one line)"
    if not meta.title and (
        named := record_title(
            [d.text for d in dropped if d.reason == "record fields" and d.line <= _OPENING]
        )
    ):
        # (round 16) No title line in the content: the document record's name field (rule 1).
        meta = metadata_with(named, [named, *built.title_lines])
        if meta.title:
            meta.evidence["title"] = "the document record's name field (the content prints none)"
    copies = {re.sub(r"\s+", "", d.text) for d in dropped if d.reason == "duplicate title"}
    if (
        copies
        and meta.title
        and built.title_lines
        and meta.title == to_simplified(built.title_lines[0].strip())
        and (headline := kicker_over_copied_headline(built.title_lines, copies))
    ):
        # (round 16) A kicker line over the headline the page prints again as its title.
        kicked = metadata_with(headline, built.title_lines[1:])
        if kicked.title:
            meta = kicked
            meta.evidence["title"] = "the headline under a kicker line (the page's title copies)"
    if meta.title and (tidy := tidy_headline(meta.title, main_text)) != meta.title:
        meta = dataclasses.replace(meta, title=tidy)
    extra = dict(built.layout)
    if page is not None:
        extra["html_extractor"] = page.extractor
    extra.update({f"front_matter.{k}": v for k, v in cleaned.front_matter.items()})
    if meta.published:
        extra["published"] = meta.published
    extra.update({f"evidence.{k}": v for k, v in meta.evidence.items()})
    extra["hard_wrapped"] = "yes" if wrapped else "no"
    dropped.sort(key=lambda d: d.line)
    return Document(
        id=sha1[:12],
        path=path,
        title=meta.title,
        region=meta.region,
        year=meta.year,
        kind=meta.kind,
        date=meta.date,
        text=built.text,
        sections=built.sections,
        dropped=tuple(dropped),
        encoding=encoding,
        source_sha1=sha1,
        meta=extra,
    )


# The opening's source lines, and the chrome reasons a headline may have been dropped under.
_OPENING = 12
_TITLE_CHROME = frozenset({"page chrome", "web chrome", "channel label", "site header"})


def check_no_loss(raw_text: str, doc: Document) -> list[str]:
    """Problems with the no-loss promise for ``doc`` parsed from ``raw_text`` (empty when none).

    The Chinese characters and digits of the source must appear in the document text in source
    order, and those the text leaves out must be exactly (as a multiset) those of the dropped
    pieces.
    """
    if looks_like_html(raw_text, doc.path):
        raw_text = html.unescape(raw_text)  # a page's characters are its entities decoded
    source = significant(raw_text)
    kept = significant(doc.text)
    gone = "".join(significant(d.text) for d in doc.dropped)
    leftover = _leftover(kept, source)
    problems: list[str] = []
    if leftover is None:
        problems.append("document text is out of source order")
        missing = Counter(kept) - Counter(source)
        if missing:
            problems.append(f"added {sum(missing.values())} characters: {_sample(missing)}")
        return problems
    want, have = Counter(leftover), Counter(gone)
    if want != have:
        lost, extra = want - have, have - want
        if lost:
            problems.append(f"lost {sum(lost.values())} characters: {_sample(lost)}")
        if extra:
            problems.append(
                f"dropped {sum(extra.values())} characters not in the source: {_sample(extra)}"
            )
    return problems


def _records_document(info: dict[str, str]) -> bool:
    """(pages8) A page's record is a document's when it gives the document's number or the date it
    was written (发文字号, 文号, 成文日期); a portal's record with neither (索引号, 发布机构, 生成日期
    and an empty 文件编号 over 全省教育系统…培训班举办) files a news item."""
    return any(
        v.strip() for k, v in info.items() if k in ("发文字号", "文号", "文件编号", "成文日期")
    )


def _sample(counter: Counter[str]) -> str:
    return "".join(ch * n for ch, n in counter.most_common(12))[:40]


def _leftover(needle: str, haystack: str) -> str | None:
    """What ``haystack`` has besides ``needle`` embedded in order, or None if it cannot be."""
    fast = _embed(needle, haystack, chunk=48)
    return fast if fast is not None else _embed(needle, haystack, chunk=1)


def _embed(needle: str, haystack: str, chunk: int) -> str | None:
    """Greedy in-order embedding, matching ``chunk`` characters at a time where possible."""
    gaps: list[str] = []
    pos = 0
    i = 0
    n = len(needle)
    find = haystack.find
    while i < n:
        piece = needle[i : i + chunk]
        j = find(piece, pos)
        if j < 0 and chunk > 1:
            piece = needle[i]
            j = find(piece, pos)
        if j < 0:
            return None
        gaps.append(haystack[pos:j])
        pos = j + len(piece)
        i += len(piece)
    gaps.append(haystack[pos:])
    return "".join(gaps)
