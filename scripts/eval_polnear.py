"""Score direct-quotation extraction on the PolNeAR corpus (see ../shared/data/quotes/SOURCE.md).

Gold, built as SOURCE.md describes:
- one annotation file per article: the alphabetically first ``.ann`` of its stem;
- segments: text between paired double quotation marks (curly or straight), paired within each
  paragraph (paragraphs are separated by blank lines); an opening mark left unclosed runs to the
  end of its paragraph, so a quotation over several paragraphs gives one segment per paragraph;
- a segment is gold when at least half its tokens lie inside the Content span(s) of one *sourced*
  attribution (the one covering most tokens); its gold speaker is that attribution's Source text;
- the gold speaker "has a name" when the Source text holds a proper name: a capitalised token
  (letters, optionally with inner hyphens/apostrophes/periods) that is not a pronoun, determiner or
  other function word (those are capitalised only at the start of a sentence), and not a
  title/honorific alone ("Mr.", "President") -- see ``NAME_TOKEN`` and ``NOT_NAMES``.

Predictions: ``extract_quotes`` on each article; a quotation spanning paragraphs is cut into the
same per-paragraph pieces (the reopening mark of each paragraph is dropped). Quotations opened by
marks the gold builder does not pair (typewriter '' as in the NYT files, single quotes) cannot
match gold and are left out of the scoring, on both sides alike; the script prints how many, and
the precision had they been counted as false positives. ``--typewriter`` pairs '' as a double
mark in gold and predictions alike, so the NYT files' quotations are scored too.

Span match: exact, after trimming whitespace on both sides.  Speaker: on gold segments whose Source has a name, a prediction
is right when the predicted speaker and the Source share a name token ("Donald Trump" vs "Trump"; typographic
and typewriter apostrophes alike: "D’Souza" vs "D'Souza").
Speaker precision counts predicted pieces matched to such gold segments that carry a speaker.
Per attribution rule (``Quote.rule``, see ``extraction.attribution``): how many of those pieces the
rule attributed, how many rightly, its precision, and its recall (the share of all named gold
segments it attributed rightly: the rules' recalls add up to the speaker recall), so that a
regression can be traced to its rule.

The gold builder gives 6,635 / 793 / 827 segments with a speaker (train / dev / test), within
0.5% of SOURCE.md's 6,667 / 800 / 830 (its builder's exact pairing of stray marks is not stated).

Usage: python scripts/eval_polnear.py [--split train|dev|test] [--limit N] [--data PATH] [--errors N] [--typewriter]
The PolNeAR authors ask that dev/test be used only for evaluation: look at errors on train only.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extraction.attribution import RULES  # noqa: E402
from extraction.quotes import extract_quotes  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "quotes" / "polnear"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*")
NOT_NAMES = frozenset(
    """i he she it we they you me him her us them his hers its our ours their theirs your yours
    this that these those the a an some many most several all both each every any other others
    one two three who whom whose which what someone somebody anyone nobody everyone people
    mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. president senator governor
    officials official critics supporters sources source aides aide""".split()
)
OPENING, CLOSING, STRAIGHT = "“", "”", '"'
DOUBLE_MARKS = re.compile('[“”"]')
TYPEWRITER_MARKS = re.compile("[“”\"]|''")


@dataclass
class Segment:
    """A quoted stretch of one paragraph: (start, end) and, for gold, its Source text."""

    start: int
    end: int
    speaker: str | None = None
    rule: str | None = None  # predictions: the attribution rule that found the speaker


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: text separated by blank lines."""
    spans, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def quoted_segments(text: str, typewriter: bool = False) -> list[tuple[int, int]]:
    """Text between paired double quotation marks, paired within each paragraph.

    With ``typewriter``, a doubled apostrophe ('') counts as a straight double mark too.
    """
    marks = TYPEWRITER_MARKS if typewriter else DOUBLE_MARKS
    segments = []
    for para_start, para_end in paragraph_spans(text):
        opened = None
        for found in marks.finditer(text, para_start, para_end):
            mark = found.group()
            if mark == OPENING or (mark != CLOSING and opened is None):
                opened = found.end()
            elif opened is not None:
                segments.append((opened, found.start()))
                opened = None
        if opened is not None:
            segments.append((opened, para_end))
    return segments


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_attributions(ann_path: Path) -> list[tuple[list[tuple[int, int]], str]]:
    """(Content fragments, Source text) of every sourced attribution of one brat file."""
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    relations = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            ident, kind_offsets, *surface = line.split("\t")
            _, offsets = kind_offsets.split(" ", 1)
            fragments = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[ident] = (fragments, surface[0] if surface else "")
        elif re.match(r"E\d+\t", line):
            relations.append(line.split("\t")[1].split())
    attributions = []
    for args in relations:
        contents = [spans[a.split(":")[1]][0] for a in args if a.startswith("Content")]
        sources = [spans[a.split(":")[1]][1] for a in args if a.startswith("Source")]
        if sources and contents:
            attributions.append(([f for c in contents for f in c], " ".join(sources)))
    return attributions


def gold_segments(text: str, attributions, typewriter: bool = False) -> list[Segment]:
    """Quoted segments lying (by ≥50% of tokens) in a sourced attribution's Content."""
    gold = []
    for start, end in quoted_segments(text, typewriter):
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text[start:end])]
        if not tokens:
            continue
        best, best_share = None, 0.0
        for fragments, source in attributions:
            inside = sum(
                1
                for t_start, t_end in tokens
                if any(f_start <= start + t_start and start + t_end <= f_end for f_start, f_end in fragments)
            )
            share = inside / len(tokens)
            if share > best_share:
                best, best_share = source, share
        if best_share >= 0.5:
            gold.append(Segment(*trimmed(text, start, end), speaker=best))
    return gold


def in_scope(text: str, start: int, typewriter: bool = False) -> bool:
    """Whether a quotation opens with a mark the gold builder pairs (not ' nor, by default, '')."""
    mark = text[:start].rstrip()[-2:]
    return (typewriter and mark == "''") or (mark[-1:] in (OPENING, STRAIGHT) and mark != "''")


def predicted_segments(text: str, typewriter: bool = False) -> tuple[list[Segment], int]:
    """``extract_quotes`` output in the gold's scope, cut into per-paragraph pieces, and the
    number of quotations left out because their marks are outside that scope."""
    pieces, out_of_scope = [], 0
    for quote in extract_quotes(text):
        if not in_scope(text, quote.start, typewriter):
            out_of_scope += 1
            continue
        for para_start, para_end in paragraph_spans(text[quote.start : quote.end]):
            start, end = quote.start + para_start, quote.start + para_end
            while start < end and text[start] in OPENING + STRAIGHT + "‘'":
                start += 1
            start, end = trimmed(text, start, end)
            if end > start:
                pieces.append(Segment(start, end, quote.speaker, quote.rule))
    return pieces, out_of_scope


def name_tokens(speaker: str | None) -> set[str]:
    """Capitalised tokens of a speaker string that can be part of a proper name."""
    if not speaker:
        return set()
    names = set()
    for token in NAME_TOKEN.findall(speaker.replace("’", "'")):
        bare = token.rstrip(".'").removesuffix("'s")
        if bare and bare.lower() not in NOT_NAMES and token.lower() not in NOT_NAMES:
            names.add(bare.lower())
    return names


def f1(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> tuple[float, float, float]:
    precision = hits_p / n_pred if n_pred else 0.0
    recall = hits_r / n_gold if n_gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def article_pairs(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text file, alphabetically first annotation file) of every article of a split."""
    pairs = []
    annotations = sorted((split_dir / "attributions").glob("*.ann"))
    for txt in sorted((split_dir / "text").glob("*.txt")):
        candidates = [a for a in annotations if a.name.startswith(txt.stem + "_")]
        if candidates:
            pairs.append((txt, candidates[0]))
    return pairs


def print_rules(by_rule: dict[str, list[int]], named_gold: int) -> None:
    """Speaker precision and recall of each attribution rule, in the order of ``RULES``; "(none)":
    the named gold segments found with no speaker."""
    print(f"  {'rule':<18} {'attributed':>10} {'right':>6} {'P':>6} {'R':>6}")
    for rule in sorted(by_rule, key=lambda r: RULES.index(r) if r in RULES else len(RULES)):
        attributed, right = by_rule[rule]
        if rule == "(none)":
            print(f"  {rule:<18} {attributed:>10} {'-':>6} {'-':>6} {'-':>6}")
        else:
            print(f"  {rule:<18} {attributed:>10} {right:>6} {right / attributed:>6.3f} {right / named_gold:>6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the polnear folder")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors (train only)")
    parser.add_argument(
        "--typewriter", action="store_true",
        help="also pair '' as a double mark, in gold and predictions (the NYT files use it)",
    )
    args = parser.parse_args()
    split_dir = args.data / args.split
    if not split_dir.is_dir():
        print(f"PolNeAR data not found at {split_dir}; nothing to score.")
        return 0
    if args.errors and args.split != "train":
        parser.error("--errors is for the train split only (dev/test are for evaluation)")
    pairs = article_pairs(split_dir)[: args.limit]
    texts = [(txt.read_text(encoding="utf-8"), ann) for txt, ann in pairs]

    started = time.perf_counter()
    predictions, out_of_scope = (
        zip(*(predicted_segments(text, args.typewriter) for text, _ in texts)) if texts else ((), ())
    )
    elapsed = time.perf_counter() - started

    n_gold = n_pred = span_hits = 0
    named_gold = named_pred = speaker_hits = 0
    by_rule: dict[str, list[int]] = {}  # rule -> [attributed, right] on named gold segments
    errors: list[str] = []
    for (text, ann), predicted in zip(texts, predictions):
        gold = gold_segments(text, read_attributions(ann), args.typewriter)
        by_span = {(p.start, p.end): p for p in predicted}
        gold_spans = {(g.start, g.end) for g in gold}
        n_gold += len(gold)
        n_pred += len(predicted)
        span_hits += len(gold_spans & by_span.keys())
        for g in gold:
            guess = by_span.get((g.start, g.end))
            named = bool(name_tokens(g.speaker))
            named_gold += named  # speaker recall counts every named gold segment, found or not
            if guess is None:
                errors.append(f"MISSED {ann.stem}: {text[g.start:g.end][:90]!r}")
                continue
            if not named:
                continue
            counts = by_rule.setdefault(guess.rule or "(none)", [0, 0])
            counts[0] += 1
            if guess.speaker:
                named_pred += 1
            if name_tokens(g.speaker) & name_tokens(guess.speaker):
                speaker_hits += 1
                counts[1] += 1
            else:
                errors.append(f"SPEAKER {ann.stem}: gold {g.speaker!r} got {guess.speaker!r}: {text[g.start:g.end][:60]!r}")
        for p in predicted:
            if (p.start, p.end) not in gold_spans:
                errors.append(f"EXTRA {ann.stem}: {text[p.start:p.end][:90]!r}")
    span_p, span_r, span_f = f1(span_hits, n_pred, span_hits, n_gold)
    spk_p, spk_r, spk_f = f1(speaker_hits, named_pred, speaker_hits, named_gold)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"PolNeAR {args.split}: {len(texts)} articles, {n_gold} gold segments, {n_pred} predicted")
    print(f"quotation spans: P {span_p:.3f}  R {span_r:.3f}  F1 {span_f:.3f}")
    print(f"speakers (named gold, {named_gold}): P {spk_p:.3f}  R {spk_r:.3f}  F1 {spk_f:.3f}")
    print_rules(by_rule, named_gold)
    left_out = sum(out_of_scope)
    strict_p, _, strict_f = f1(span_hits, n_pred + left_out, span_hits, n_gold)
    print(
        f"left out: {left_out} predicted quotations in marks the gold builder does not pair;"
        f" counted as false positives instead: span P {strict_p:.3f}  F1 {strict_f:.3f}"
    )
    print(f"throughput: {len(texts) / elapsed:.1f} articles/s ({elapsed:.2f} s); peak memory {peak_mb:.0f} MB")
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
