"""Patterns compiled on first use (process, issue 11): the same answers as ``re``, none compiled
by importing the search path's modules."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from reporttui.core import lazyre
from reporttui.core.paths import seed_files


def _seed_text() -> str:
    return Path(seed_files()[0]).read_text(encoding="utf-8")[:20_000]


def test_lazy_pattern_answers_as_the_compiled_one() -> None:
    text = _seed_text()
    for source, flags in (
        (r"(?P<year>\d{4})年", 0),
        (r"[\u4e00-\u9fff]{2,}", 0),
        (r"^[一二三四五六七八九十]+、", re.M),
        (r"GDP|cpi", re.I),
    ):
        lazy, real = lazyre.compile(source, flags), re.compile(source, flags)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub(lambda m: f"<{m.group()}>", text) == real.sub(
            lambda m: f"<{m.group()}>", text
        )
        assert lazy.split(text, 3) == real.split(text, 3)
        first, again = lazy.search(text), real.search(text)
        assert (first and first.span()) == (again and again.span())
        assert (lazy.pattern, lazy.flags, lazy.groupindex) == (
            real.pattern,
            real.flags,
            real.groupindex,
        )
    assert re.compile(r"\d").findall(text)  # the seed holds digits: the checks above see matches


def test_lazy_pattern_compiles_once_and_not_before_use() -> None:
    lazy = lazyre.compile(r"发展")
    assert lazy._compiled is None  # type: ignore[attr-defined]
    assert lazy.search("高质量发展") is not None
    compiled = lazy._compiled  # type: ignore[attr-defined]
    assert isinstance(compiled, re.Pattern)
    assert lazy.sub("", "发展中发展") == "中"
    assert lazy._compiled is compiled  # type: ignore[attr-defined]
    assert "发展" in repr(lazy)


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    lazy = lazyre.compile(r"(unclosed")
    try:
        lazy.search("x")
    except re.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("an invalid pattern must raise re.error on use")


def test_importing_the_search_path_compiles_no_module_pattern() -> None:
    code = (
        "import sys\n"
        "import reporttui.core.search.search, reporttui.core.library.library\n"
        "import reporttui.core.display, reporttui.core.library.verify\n"
        "from reporttui.core.lazyre import _LazyPattern\n"
        "lazy = [(m, k) for m, mod in list(sys.modules.items()) if m.startswith('reporttui')\n"
        "        for k, v in vars(mod).items() if isinstance(v, _LazyPattern)]\n"
        "done = [f'{m}.{k}' for m, k in lazy if vars(sys.modules[m])[k]._compiled is not None]\n"
        "print(len(lazy) >= 30, done)\n"
        "from reporttui.core.search import ranking\n"
        "print(ranking._PERIOD_RE.fullmatch('十四五') is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "[]", "True"]
