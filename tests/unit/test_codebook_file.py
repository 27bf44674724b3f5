from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.codebook_file import Codebook, CodeSpec, dump_codebook, parse_codebook, read_codebook
from workbench.errors import WorkbenchError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["interview-guide.yaml", "competences.yaml"])
def test_shipped_codebooks_are_valid(name):
    book = read_codebook(ROOT / "codebook" / name)
    assert len(list(book.walk())) > 30


def test_interview_guide_has_a_theme_per_part_and_the_report_categories():
    book = read_codebook(ROOT / "codebook" / "interview-guide.yaml")
    assert len(book.codes) == 6
    paths = {" > ".join(names) for names, _ in book.walk()}
    assert "Studenten > Belemmeringen studenten > Studievertraging" in paths
    assert all(spec.description for _, spec in book.walk())
    assert [spec.guide for spec in book.codes] == [["a", "b", "c"], ["1", "2", "3", "4"], ["5", "6", "7", "8", "9", "10"],
                                                   ["11", "12", "13", "14"], ["15"], [str(q) for q in range(16, 27)]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("codes:\n  - name: A\n  - name: B\n  - name: a\n", "line 4: duplicate code 'a' \\(first at line 2\\)"),
        ("codes:\n  - &x\n    name: A\n    children:\n      - *x\n", "line 2: cycle"),
        ("codes:\n  - name: A\n    colr: red\n", "line 2: unknown key 'colr'"),
        ("codes:\n  - name: A\n    colour: reddish\n", "line 2: .*not a colour"),
        ("codes:\n  - name: A\n    children:\n      - name: B\n        patterns: ['(']\n", "line 4: .*bad pattern"),
        ("codes:\n  - name: A > B\n", "may not contain"),
        ('codes:\n  - name: "Een\\nregel"\n', r"line 2: code name 'Een\\nregel' holds a line break"),
        ("codes: [\n", "invalid YAML"),
        ("- name: A\n", "needs a 'codes:' list"),
        ("codes:\n  - name: A\n    guid: 1\n  - name: B\n    guid: 1\n", "line 2: .*'guid' must be text"),
        ("codes:\n  - name: A\n    guid: 'x1'\n", "line 2: .*bad guid"),
        ("codes:\n  - name: A\n    guide: 5\n", "line 2: code 'A': 'guide' must be a list of question ids"),
        (f"codes:\n  - name: A\n    colour: 0x{'f' * 5000}\n", "line 2: .*colour must be text"),
        (f"name: 0x{'f' * 5000}\ncodes:\n  - name: A\n", "line 1: the codebook's 'name' must be text"),
        ("codes:\n  - name: A\n    children: " + "[" * 200_000 + "]" * 200_000 + "\n",
         "^line 3: nested more than 64 levels deep$"),
        ("codes:\n" + "".join(f"{'  ' * (2 * i)}  - name: C{i}\n{'  ' * (2 * i)}    children:\n" for i in range(400))
         + "  " * 801 + "- name: last\n", "^nested more than 64 levels deep$"),
        ('a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
         + "codes:\n  - name: A\n    keywords: *i\n", "alias bomb"),
    ],
    ids=["duplicate", "cycle", "unknown key", "colour", "pattern", "separator", "line break", "yaml", "no codes", "guid number",
         "bad guid", "guide", "hex colour", "hex name", "deep brackets", "deep blocks", "alias bomb"],
)
def test_errors_name_the_line(text, message):
    with pytest.raises(WorkbenchError, match=message):
        parse_codebook(text)


names = st.text(alphabet="abcdé xyz'-", min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def trees(draw, depth=0):
    children = draw(st.lists(trees(depth + 1), max_size=3)) if depth < 2 else []
    return CodeSpec(name=draw(names), description=draw(st.text(alphabet="abc .", max_size=20)).strip(),
                    keywords=draw(st.lists(names, max_size=3)), codable=draw(st.booleans()), children=children,
                    guide=draw(st.lists(st.sampled_from(["a", "5", "16", "afsluiting"]), max_size=2)))


@given(st.lists(trees(), max_size=4))
def test_dump_and_parse_round_trip(codes):
    seen = set()

    def unique(specs, prefix=()):
        out = []
        for spec in specs:
            key = (*prefix, spec.name.casefold())
            if key not in seen:
                seen.add(key)
                spec.children = unique(spec.children, key)
                out.append(spec)
        return out

    book = Codebook("x", unique(codes))
    again = parse_codebook(dump_codebook(book))
    strip = lambda b: [(n, s.description, s.keywords, s.codable) for n, s in b.walk()]  # noqa: E731
    assert strip(again) == strip(book)


def test_exclusions_are_read_checked_and_written_back():
    book = parse_codebook("codes:\n  - name: Weg\n    keywords: [uitwisseling*]\n"
                          "    exclude: ['coördinator* van de uitwisseling*']\n")
    assert book.codes[0].exclusions == ["coördinator* van de uitwisseling*"]
    assert parse_codebook(dump_codebook(book)).codes[0].exclusions == book.codes[0].exclusions
    with pytest.raises(WorkbenchError, match="line 2: .*exclude"):
        parse_codebook("codes:\n  - name: Weg\n    keywords: [uitwisseling*]\n    exclude: [1, {a: b}]\n")
