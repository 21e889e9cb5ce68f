"""A one-shot search imports neither Rich nor Whoosh's heavy extras, and prints the same bytes."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from reporttui.cli import console
from reporttui.cli import search as search_cli


def test_whoosh_import_leaves_out_asyncio_and_urllib_request() -> None:
    code = (
        "import sys\n"
        "import reporttui.core.search.search, reporttui.core.index.matcher\n"
        "print(sorted(m for m in ('asyncio', 'urllib.request', 'rich') if m in sys.modules))\n"
        "import asyncio, urllib.request, cached_property, whoosh.compat\n"
        "assert cached_property.asyncio.ensure_future is asyncio.ensure_future\n"
        "assert not cached_property.asyncio.iscoroutinefunction(print)\n"
        "assert urllib.request.urlretrieve.__module__ == 'urllib.request'\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "ok"]


def test_whoosh_english_variations_table_loads_when_first_used() -> None:
    """process (issue 11): Whoosh's morph_en table is not imported by a search; Whoosh's own
    ``variations`` (and any import of the module) still gives the real module's answers."""
    code = (
        "import sys\n"
        "import reporttui.core.search.search, reporttui.core.index.matcher\n"
        "from whoosh.lang import morph_en\n"
        "print(hasattr(morph_en, '__file__'))\n"
        "from whoosh.query.terms import variations\n"
        "got = sorted(variations('rendering'))\n"
        "import whoosh.lang.morph_en as real\n"
        "print(hasattr(real, '__file__'), got == sorted(real.variations('rendering')))\n"
        "print('render' in got)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True", "True"]


def test_whoosh_stemmer_and_metaphone_load_when_first_used() -> None:
    """process (issue 11): Whoosh's Porter stemmer and Double Metaphone (15 regexes) are not
    imported by a search; Whoosh's analyzers that use them still give the real answers."""
    code = (
        "import sys\n"
        "import reporttui.core.search.search, reporttui.core.index.matcher\n"
        "import whoosh.analysis\n"
        "from whoosh.lang import porter, dmetaphone\n"
        "print(hasattr(porter, '__file__'), hasattr(dmetaphone, '__file__'))\n"
        "got = [t.text for t in whoosh.analysis.StemmingAnalyzer()('rendering cats')]\n"
        "meta = whoosh.analysis.morph.double_metaphone('Thompson')\n"
        "import whoosh.lang.porter as real_porter, whoosh.lang.dmetaphone as real_meta\n"
        "print(hasattr(real_porter, '__file__'), hasattr(real_meta, '__file__'))\n"
        "print(got == [real_porter.stem('rendering'), real_porter.stem('cats')], got[0])\n"
        "print(meta == real_meta.double_metaphone('Thompson'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True", "True", "True", "render", "True"]


def _result(snippet: str) -> Any:
    hit = SimpleNamespace(
        doc_id="d1",
        title="报告\x1b[31m",
        region="太原",
        year=2025,
        kind="政府工作报告",
        path="/x/2025.md",
        section_path=("一、总体要求", "（一）发展"),
        paragraph=3,
        reasons=("title",),
        snippet=snippet,
        snippet_spans=[(1, 3)],
    )
    bare = SimpleNamespace(**{**vars(hit), "section_path": (), "paragraph": 0, "reasons": ()})
    return SimpleNamespace(
        expansions=["高质量 → 高品质"], hits=[hit, bare], per_doc={"d1": 7}, total=9
    )


def _printed(capsys: pytest.CaptureFixture[str], result: Any, plain: bool) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(console, "plain_stdout", lambda: plain)
        search_cli._print_hits(result, 20)
    return capsys.readouterr().out


@pytest.mark.parametrize("snippet", ["…高质量发展\u200b的 \x07 要求…", "表格\t一列\t二列"])
def test_plain_output_is_what_rich_writes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, snippet: str
) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    result = _result(snippet)
    plain = _printed(capsys, result, True)
    assert plain == _printed(capsys, result, False)
    assert "\x1b" not in plain and "\t" not in plain and "9 matching paragraphs" in plain


def test_plain_only_when_rich_would_not_style(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(isatty=lambda: False))
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    assert console.plain_stdout()
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not console.plain_stdout()
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(isatty=lambda: True))
    assert not console.plain_stdout()


def test_jieba_hmm_tables_load_when_first_needed() -> None:
    code = (
        "import sys\n"
        "from reporttui.core.index.segment import import_jieba\n"
        "jieba = import_jieba()\n"
        "print('jieba.finalseg' in sys.modules)\n"
        "tok = jieba.Tokenizer()\n"
        "tok.FREQ, tok.total, tok.initialized = {'北京': 5, '北': 1}, 6, True\n"
        "print('/'.join(tok.cut('北京小明')), 'jieba.finalseg' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "北京/小明", "True"]


def test_cli_import_runs_without_collections_and_restores_the_collector() -> None:
    """process (issue 11): importing the command line's module (click, the core's display
    helpers: ~25 collections of the young generation otherwise) runs no cyclic collection, and
    the collector is left on or off as it was found."""
    code = (
        "import gc, sys\n"
        "runs = []\n"
        "def during(phase, info):\n"
        "    module = sys.modules.get('reporttui.cli.main')\n"
        "    if phase == 'start' and module is not None and not hasattr(module, 'main'):\n"
        "        runs.append(info['generation'])\n"
        "gc.callbacks.append(during)\n"
        "if sys.argv[1] == 'off':\n"
        "    gc.disable()\n"
        "import reporttui.cli\n"
        "print(len(runs), gc.isenabled(), callable(reporttui.cli.main))\n"
    )
    for state, enabled in (("on", "True"), ("off", "False")):
        out = subprocess.run(
            [sys.executable, "-c", code, state], capture_output=True, text=True, check=True
        )
        assert out.stdout.split() == ["0", enabled, "True"]


def test_shipped_data_read_without_importlib_resources() -> None:
    """process (issue 11): the search path's shipped tables are read from the package folder
    (importlib.resources' readers import zipfile: ~5 ms); the same files as importlib.resources
    names."""
    code = (
        "import sys\n"
        "from reporttui.core.index import dictionary\n"
        "from reporttui.core.search import synonyms\n"
        "from reporttui.core.paths import data_dir\n"
        "n = len(synonyms.quoted_terms()) + len(synonyms.table()) + len(synonyms.variants()[0])\n"
        "n += len(dictionary.policy_terms()) + len(dictionary.stopwords())\n"
        "print(n > 3000, [m for m in ('importlib.resources', 'zipfile') if m in sys.modules])\n"
        "from importlib import resources\n"
        "shipped = resources.files('reporttui.core') / 'data'\n"
        "names = ('quoted_terms.txt', 'synonyms.txt', 'policy_terms.txt', 'longer.txt')\n"
        "print(all((data_dir() / n).read_bytes() == (shipped / n).read_bytes() for n in names))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "[]", "True"]


def test_fold_table_is_the_step_by_step_one() -> None:
    """process (issue 11): the fold table made by one ``str.maketrans`` holds the entries, order
    and values of the former updates (full width, A-Z, full-width A-Z, U+3000, then OpenCC's t2s
    table), and ``folds_to`` found per character is the inverse the former loop built."""
    from reporttui.core.index import tokenize
    from reporttui.core.text.variants import T2S

    fold = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    fold.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
    fold.update({c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)})
    fold[0x3000] = 0x20
    fold.update({c: ord(s) for c, s in T2S.items()})
    assert list(tokenize._FOLD.items()) == list(fold.items())
    inverse: dict[str, str] = {}
    for src, dst in fold.items():
        to = chr(dst)
        inverse[to] = inverse.get(to, to if dst not in fold else "") + chr(src)
    for ch in [*map(chr, fold), *map(chr, fold.values()), *"发展林麝，。 a1%"]:
        want = inverse.get(ch, "" if ord(ch) in fold else ch)
        assert tokenize.folds_to(ch) == want, ch
    code = "import sys, reporttui.core.index.tokenize\nprint('reporttui.core.text.variants' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


def test_search_path_leaves_the_document_model_out() -> None:
    """process (issue 11): the index schema names the document model for its types only; a
    search imports neither it nor the ingestion pipeline."""
    code = (
        "import sys\n"
        "import reporttui.cli.search, reporttui.core.library.library\n"
        "import reporttui.core.index.schema, reporttui.core.search.search\n"
        "print([m for m in ('reporttui.core.model', 'reporttui.core.text.ingest') if m in sys.modules])\n"
        "from reporttui.core.index import schema\n"
        "from reporttui.core.model import Document\n"
        "print(callable(schema.document_rows))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True"]


def test_numpy_linear_algebra_loads_when_first_used() -> None:
    """process (issue 11): the search path's ``import numpy`` leaves numpy.linalg (and the
    numpy._typing it imports) out; numpy's functions that use it, ``np.linalg`` and any import
    of it afterwards are the real module's, with the answers of a numpy imported plainly."""
    use = (
        "import numpy as np\n"
        "print(np.polyfit([1.0, 2.0, 3.0], [2.0, 4.1, 5.9], 1).tolist())\n"
        "print((np.matrix([[1, 2], [3, 4]]) ** 3).tolist(), np.roots([1.0, -3.0, 2.0]).tolist())\n"
        "print(np.linalg.inv(np.array([[2.0, 1.0], [1.0, 3.0]])).tolist())\n"
        "from numpy.linalg import matrix_power, norm\n"
        "print(matrix_power(np.array([[1, 2], [3, 4]]), 3).tolist(), norm([3.0, 4.0]))\n"
    )
    deferred = (
        "import sys\n"
        "import reporttui.core.search.search, reporttui.core.index.matcher\n"
        "print('numpy.linalg' in sys.modules, 'numpy._typing' in sys.modules)\n"
        + use
        + "import numpy.linalg._linalg as inner\n"
        "print(type(sys.modules['numpy.linalg']).__name__, inner.inv is np.linalg.inv)\n"
        "print(any(type(f).__name__ == '_NumpyFinder' for f in sys.meta_path))\n"
    )
    plain = "import numpy\nimport reporttui.core.search.search\n" + use

    def run(code: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    got, expected = run(deferred), run(plain)
    assert got[0] == "False False"
    assert got[1:5] == expected
    assert got[5:] == ["module True", "False"]
