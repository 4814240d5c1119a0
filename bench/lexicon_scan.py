"""How fast the word lists are searched: each list's whole pattern beside the anchored search.

    python bench/lexicon_scan.py [--answers N]

The detectors find a list's entries with ``anchors.spans``, which tries an entry only where a word
it begins with stands (or, for the few that may begin with any word, only in answers holding a
word they need). The reference is the list's whole pattern (``lexicons.pattern``), which finds the
same spans, measured on the same answers in the same run. The answers are the blind panels'
(``bench/blind_panels``), and every list the detectors read is searched in each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.grading.anchors import compile_all, index_of, spans  # noqa: E402
from course.grading.lexicons import LEXICON_DIR, pattern  # noqa: E402
from course.grading.text import analyse  # noqa: E402

_NOT_SEARCHED = ("typos", "contractions", "same_meaning")


def _answers(limit: int) -> list[str]:
    texts = []
    for path in sorted((ROOT / "bench" / "blind_panels").rglob("*.yaml")):
        for answer in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("answers") or []:
            texts.append(analyse(answer["text"]).norm)
    return texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=600)
    args = parser.parse_args()
    names = [path.stem for path in sorted(LEXICON_DIR.glob("*.txt")) if path.stem not in _NOT_SEARCHED]
    norms = _answers(args.answers)
    for name in names:
        pattern(name)
        compile_all(name)
    whole, anchored = [], []
    for _ in range(3):
        started = time.perf_counter()
        for norm in norms:
            for name in names:
                [found.span() for found in pattern(name).finditer(norm)]
        whole.append((time.perf_counter() - started) / len(norms))
        started = time.perf_counter()
        for norm in norms:
            places = index_of(norm)
            for name in names:
                spans(name, norm, places)
        anchored.append((time.perf_counter() - started) / len(norms))
    same = all(
        spans(name, norm, index_of(norm)) == [found.span() for found in pattern(name).finditer(norm)]
        for norm in norms[:100] for name in names
    )
    words = statistics.mean(len(norm.split()) for norm in norms)
    print(f"{len(norms)} answers of {words:.0f} words on average, {len(names)} lists each, best of 3")
    print(f"{'search':34s}{'per answer':>12s}")
    print(f"{'whole pattern (reference)':34s}{min(whole) * 1000:>9.2f} ms")
    print(f"{'anchored':34s}{min(anchored) * 1000:>9.2f} ms   {min(whole) / min(anchored):.1f}x faster")
    print(f"same spans on the first 100 answers: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
