"""The ranking benchmark's judged sets are well formed (JSON only, no corpus, no index).

A judged set stores references, never corpus text: each judged row is its report's path, an
anchor and a short hash, with a grade 0-2. A reference to a report outside the set's own list
could never resolve (run.py would count the row as unjudged), and a set whose reports overlap
another's would no longer measure unseen reports; both are checked here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
RANKING = HERE.parent / "benchmarks" / "ranking"

SETS = {
    "main": ("reports.txt", "judgments.json"),
    "held3": ("reports_held3.txt", "judgments_held3.json"),
    "held4": ("reports_held4.txt", "judgments_held4.json"),
    "held5": ("reports_held5.txt", "judgments_held5.json"),
    "held6": ("reports_held6.txt", "judgments_held6.json"),
    "held7": ("reports_held7.txt", "judgments_held7.json"),
    "held8": ("reports_held8.txt", "judgments_held8.json"),
    "held9": ("reports_held9.txt", "judgments_held9.json"),
    "held10": ("reports_held10.txt", "judgments_held10.json"),
    "held11": ("reports_held11.txt", "judgments_held11.json"),
    "held12": ("reports_held12.txt", "judgments_held12.json"),
    "held13": ("reports_held13.txt", "judgments_held13.json"),
    "held14": ("reports_held14.txt", "judgments_held14.json"),
    "held15": ("reports_held15.txt", "judgments_held15.json"),
    "held16": ("reports_held16.txt", "judgments_held16.json"),
    "held17": ("reports_held17.txt", "judgments_held17.json"),
    "held18": ("reports_held18.txt", "judgments_held18.json"),
    "held19": ("reports_held19.txt", "judgments_held19.json"),
    "held20": ("reports_held20.txt", "judgments_held20.json"),
    "held21": ("reports_held21.txt", "judgments_held21.json"),
}
"""Every judged set and its reports list (common.HELD_SETS plus the tuning set's)."""
SETS["held24"] = ("reports_held24.txt", "judgments_held24.json")
"""Round 11's blind set graded by judge24 (added apart so that the round's judge edits merge)."""
SETS["held26"] = ("reports_held26.txt", "judgments_held26.json")
"""Round 12's blind set graded by judge26 (added apart so that the round's judge edits merge)."""
SETS["held25"] = ("reports_held25.txt", "judgments_held25.json")
"""Round 12's blind set graded by judge25 (added apart so that the round's judge edits merge)."""
SETS["held27"] = ("reports_held27.txt", "judgments_held27.json")
"""Round 16's blind set graded by rankjudge (added apart so that the round's edits merge)."""

REF_KEYS = {"doc", "anchor", "hash", "grade"}
OPTIONAL_KEYS = {"round", "added"}
"""When a row was graded, if not with its set: a later round's pool, or after a first measurement."""


def _reports(name: str) -> list[str]:
    text = (RANKING / SETS[name][0]).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _queries(name: str) -> list[dict]:
    return json.loads((RANKING / SETS[name][1]).read_text("utf-8"))["queries"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_references_only_and_grades_in_range(name: str) -> None:
    reports = set(_reports(name))
    ids = [q["id"] for q in _queries(name)]
    assert len(ids) == len(set(ids)), "query ids repeat"
    for q in _queries(name):
        assert q["query"].strip() and q["judgments"], q["id"]
        seen = set()
        for ref in q["judgments"]:
            # no text stored beside the reference
            assert REF_KEYS <= set(ref) <= REF_KEYS | OPTIONAL_KEYS, (q["id"], ref)
            assert ref["grade"] in (0, 1, 2), (q["id"], ref)
            assert re.fullmatch(r"[ph]s?\d+", ref["anchor"]), (q["id"], ref)
            assert re.fullmatch(r"[0-9a-f]{10}", ref["hash"]), (q["id"], ref)
            assert ref["doc"] in reports, (q["id"], ref["doc"])
            key = (ref["doc"], ref["anchor"], ref["hash"])
            assert key not in seen, (q["id"], key)
            seen.add(key)


def test_round5_sets_have_reports_of_their_own() -> None:
    """held6-held8 were drawn from reports in no earlier list (and not in each other's)."""
    for new in [f"held{n}" for n in range(6, 22)]:
        others = {r for name in SETS if name != new for r in _reports(name)}
        assert not set(_reports(new)) & others, new


def test_round5_sets_say_how_they_were_graded() -> None:
    for name in ("held6", "held7", "held9"):
        data = json.loads((RANKING / SETS[name][1]).read_text("utf-8"))
        held3 = json.loads((RANKING / SETS["held3"][1]).read_text("utf-8"))
        assert data["grading"] == held3["grading"]  # the rule was copied, not rewritten
        assert data["grading_notes"] and data["pooling"]
        assert all(q["part"] == name for q in data["queries"])


def test_round6_sets_say_how_they_were_graded() -> None:
    """held10-held12 share one written rule (held6-9's, worded for their queries) and say how."""
    rule = json.loads((RANKING / SETS["held10"][1]).read_text("utf-8"))["grading"]
    for name in [f"held{n}" for n in range(10, 22)]:
        data = json.loads((RANKING / SETS[name][1]).read_text("utf-8"))
        assert data["grading"] == rule
        assert data["grading_notes"] and data["pooling"]
        assert all(q["part"] == name and q.get("notes") for q in data["queries"])


def test_dropped_queries_are_kept_aside() -> None:
    """A query dropped after grading (no row about it) stays in the file, apart and explained."""
    for name in ("held16", "held17", "held18"):
        data = json.loads((RANKING / SETS[name][1]).read_text("utf-8"))
        kept = {q["id"] for q in data["queries"]}
        for q in data.get("dropped_queries", []):
            assert q["id"] not in kept and q.get("notes"), (name, q["id"])
            assert all(ref["grade"] == 0 for ref in q["judgments"]), (name, q["id"])


def test_held24_has_reports_of_its_own_and_says_how_it_was_graded() -> None:
    """held24 (round 11) is over reports in no other list, under the held10-21 rule, every query noted."""
    others = {r for name in SETS if name != "held24" for r in _reports(name)}
    assert not set(_reports("held24")) & others
    rule = json.loads((RANKING / SETS["held10"][1]).read_text("utf-8"))["grading"]
    data = json.loads((RANKING / SETS["held24"][1]).read_text("utf-8"))
    assert data["grading"] == rule
    assert data["grading_notes"] and data["pooling"]
    assert all(q["part"] == "held24" and q.get("notes") for q in data["queries"])


def test_held26_has_reports_of_its_own_and_says_how_it_was_graded() -> None:
    """held26 (round 12) is over reports in no other list, under the held10-24 rule, every query noted."""
    others = {r for name in SETS if name != "held26" for r in _reports(name)}
    assert not set(_reports("held26")) & others
    rule = json.loads((RANKING / SETS["held10"][1]).read_text("utf-8"))["grading"]
    data = json.loads((RANKING / SETS["held26"][1]).read_text("utf-8"))
    assert data["grading"] == rule
    assert data["grading_notes"] and data["pooling"]
    assert all(q["part"] == "held26" and q.get("notes") for q in data["queries"])


def test_held27_has_reports_of_its_own_and_says_how_it_was_graded() -> None:
    """held27 (round 16) is over reports in no other list, under held26's rule and notes, every query noted."""
    others = {r for name in SETS if name != "held27" for r in _reports(name)}
    assert not set(_reports("held27")) & others
    held26 = json.loads((RANKING / SETS["held26"][1]).read_text("utf-8"))
    data = json.loads((RANKING / SETS["held27"][1]).read_text("utf-8"))
    assert data["grading"] == held26["grading"]  # the rule was copied, not rewritten
    assert data["grading_notes"] == held26["grading_notes"]
    assert data["grading_notes_held27"] and data["pooling"]
    assert all(q["part"] == "held27" and q.get("notes") for q in data["queries"])
    # every query has a row graded 2, and a replaced query is kept apart with its reason
    assert all(any(ref["grade"] == 2 for ref in q["judgments"]) for q in data["queries"])
    kept = {q["id"] for q in data["queries"]}
    assert all(r["id"] not in kept and r["why"] for r in data["replaced_before_grading"])
