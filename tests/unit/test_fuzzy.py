from pathlib import Path

from workbench.core.codebook_file import read_codebook
from workbench.tui.fuzzy import rank

PATHS = [" > ".join(n) for n, _ in read_codebook(Path(__file__).resolve().parents[2] / "codebook" / "interview-guide.yaml").walk()]


def test_abbreviations_typos_and_words_find_the_code():
    assert rank("studvert", PATHS)[0].endswith("Belemmeringen studenten > Studievertraging")
    assert rank("studievertaging", PATHS)[0].endswith("> Studievertraging")
    assert rank("werkdruk", PATHS)[0].endswith("> Volle agenda en werkdruk")
    assert rank("ka2", PATHS)[0].endswith("> KA2 strategische partnerschappen")
    assert rank("zzzqqq", PATHS) == []
