"""Random input never crashes the parser; line wraps and spacing never change what it reads."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.textimport import ParseResult, parse_text
from tests.textimport import test_unnumbered_layouts as own
from tests.textimport.helpers import (
    CORPUS_NAMES,
    GIVEN_TERMS,
    LAYOUT_NAMES,
    compared,
    corpus_text,
    layout_expected,
    layout_text,
    paragraphs,
    seed_text,
)

SEED_REGISTRY = parse_text(seed_text()).registry
SEED_PARAGRAPHS = paragraphs(seed_text())
_WORD_STYLE_LINE = 120  # a text with longer lines holds one paragraph per line already


def source_paragraphs(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    return lines if max(map(len, lines)) > _WORD_STYLE_LINE else paragraphs(text)


CORPUS_CASES = {
    name: (source_paragraphs(corpus_text(name)), parse_text(corpus_text(name)).registry)
    for name in CORPUS_NAMES
}

# Pieces of the genre, so random documents reach deep into the parser.
TOKENS = [
    "(1)",
    "(2)",
    "(3).",
    "1.",
    "2-",
    "a)",
    "b)",
    "I-",
    "II.",
    "2.2.",
    "- ",
    "* ",
    "Một là,",
    "Hai là,",
    "Thứ nhất,",
    "Các chỉ tiêu chủ yếu",
    "(24 chỉ tiêu)",
    "Về kinh tế:",
    "Các khâu đột phá",
    "Nhiệm vụ chủ yếu:",
    "đạt",
    "trên",
    "dưới",
    "không quá",
    "khoảng",
    "từ",
    "đến",
    "trở lên",
    "giảm còn",
    "bình quân hằng năm",
    "tăng bình quân",
    "%/năm",
    "%",
    "49.305",
    "71,4",
    "05/07",
    "3-3,5",
    "3 – 5",
    "tấn",
    "triệu đồng",
    "ha",
    "đến năm 2030",
    "trong nhiệm kỳ",
    "hằng năm",
    "ổn định",
    "duy trì",
    "Không còn hộ nghèo",
    "xã đạt chuẩn",
    "Tỷ lệ",
    "hộ nghèo",
    ";",
    ".",
    ":",
    ",",
    "(",
    ")",
    "\n",
    "\n\n",
    "Đại hội đại biểu Đảng bộ xã",
    "lần thứ I, nhiệm kỳ 2025-2030",
    "tỉnh Sơn La",
    "điểm phần trăm",
]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses(text):
    result = parse_text(text)
    assert isinstance(result, ParseResult)
    assert result.registry["format"] == "nghiquyet.registry/1"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=80), st.integers(0, 2**32))
def test_genre_like_noise_parses(pieces, seed):
    rnd = random.Random(seed)
    text = "".join(piece + rnd.choice([" ", "", "\n", "  "]) for piece in pieces)
    result = parse_text(text)
    for indicator in result.registry["indicators"]:
        for target in indicator["targets"]:
            assert target["kind"] in ("level", "growth_rate", "cumulative", "annual_change")
            assert target["comparator"] in (">=", ">", "<=", "<", "=", "between")
            assert (target["upper"] is not None) == (target["comparator"] == "between")
    assert all(w.code and w.message for w in result.warnings)


def rewrap(paras: list[str], width: int, rnd: random.Random) -> str:
    """Lay the paragraphs out again at ``width``, with the noise a PDF extraction adds."""
    lines: list[str] = []
    for paragraph in paras:
        line = ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line}{rnd.choice([' ', ' ', ' ', '  '])}{word}" if line else word
        lines.append(line)
    noisy = []
    for line in lines:
        noisy.append(rnd.choice(["", "", " ", "  "]) + line + rnd.choice(["", " ", "  "]))
        if rnd.random() < 0.1:
            noisy.append(rnd.choice(["", " "]))  # the stray blank lines of PDF text
    return "\n".join(noisy)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=35, max_value=200), st.integers(0, 2**32))
def test_seed_rewrapped_parses_the_same(width, seed):
    text = rewrap(list(SEED_PARAGRAPHS), width, random.Random(seed))
    assert parse_text(text).registry == SEED_REGISTRY


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(CORPUS_NAMES), st.integers(min_value=35, max_value=200), st.integers(0, 2**32)
)
def test_corpus_rewrapped_parses_the_same(name, width, seed):
    paras, registry = CORPUS_CASES[name]
    assert parse_text(rewrap(list(paras), width, random.Random(seed))).registry == registry


# Layouts without a numbered list (cases 07-12). A table row is one line by
# construction (a reader's output, never wrapped), so case 11 is left out.
LAYOUT_CASES = {
    name: (
        source_paragraphs(layout_text(name)),
        parse_text(layout_text(name), term=GIVEN_TERMS.get(name)).registry,
    )
    for name in LAYOUT_NAMES
    if not name.startswith("11-")
}


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(sorted(LAYOUT_CASES)),
    st.integers(min_value=35, max_value=200),
    st.integers(0, 2**32),
)
def test_layouts_rewrapped_parse_the_same(name, width, seed):
    paras, registry = LAYOUT_CASES[name]
    text = rewrap(list(paras), width, random.Random(seed))
    assert parse_text(text, term=GIVEN_TERMS.get(name)).registry == registry


def test_layout_cases_reproduce_their_registries_before_rewrapping():
    for name, (_paras, registry) in LAYOUT_CASES.items():
        assert compared(registry) == compared(layout_expected(name)), name


# The layout examples written for the unit tests, re-wrapped the same way.
OWN_LAYOUTS = {
    name: (source_paragraphs(text), parse_text(text).registry)
    for name, text in {
        "prose": own.PROSE,
        "paragraph": own.PARAGRAPH,
        "letters": own.LETTERS,
        "run_in": own.RUN_IN,
    }.items()
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(OWN_LAYOUTS)),
    st.integers(min_value=35, max_value=200),
    st.integers(0, 2**32),
)
def test_own_layout_examples_rewrapped_parse_the_same(name, width, seed):
    paras, registry = OWN_LAYOUTS[name]
    assert parse_text(rewrap(list(paras), width, random.Random(seed))).registry == registry
