from workbench.core.reanchor import reanchor

OLD = "Ik ben bang voor studievertraging. Ook het geld speelt mee. Geld!"


def test_unchanged_text_keeps_spans():
    assert reanchor(OLD, OLD, [(0, 5)]) == [(0, 5)]


def test_spans_follow_inserted_text_and_pick_the_nearest_copy():
    new = "Inleiding. " + OLD
    start = OLD.index("studievertraging")
    assert reanchor(OLD, new, [(start, start + 16)]) == [(start + 11, start + 27)]
    second = OLD.rindex("Geld")
    (span,) = reanchor(OLD, new, [(second, second + 4)])
    assert new[span[0] : span[1]] == "Geld" and span[0] == second + 11


def test_a_corrected_typo_is_found_fuzzily_and_deleted_text_is_not():
    new = OLD.replace("studievertraging", "studie-vertraging")
    start = OLD.index("bang voor studievertraging")
    (span,) = reanchor(OLD, new, [(start, start + 26)])
    assert new[span[0] : span[1]].startswith("bang voor studie")
    gone = OLD.replace("Ook het geld speelt mee. ", "")
    cut = OLD.index("Ook het geld speelt mee.")
    assert reanchor(OLD, gone, [(cut, cut + 24)]) == [None]
