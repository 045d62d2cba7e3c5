"""Gates of the reading code's hot loops: a test made once for many candidates says exactly
what the candidate-by-candidate test says (read on the development texts at run time)."""

from hy_analysis.extraction.reading import _tolerant_entries, load_vocabulary

from helpers import dev_texts


def test_the_tolerant_gate_matches_where_an_entry_has_its_head_or_tail_in_place():
    vocab = load_vocabulary()
    firsts, entries, _, gates = _tolerant_entries(vocab, "indicator")
    tried = passed = 0
    for text in dev_texts():
        low = text.lower()
        for m in firsts.finditer(low):
            start = m.start()
            one_by_one = any(
                low.startswith(head, start)
                or low.find(tail, start + split - 1, start + split + 1 + tail_len) >= 0
                for _, _, split, head, tail, tail_len in entries[m.group(0)])
            assert bool(gates[m.group(0)].match(low, start)) == one_by_one, \
                (m.group(0), low[start:start + 80])
            tried += 1
            passed += one_by_one
    assert tried > 1000 and 0 < passed < tried



def test_the_sentence_boundary_gate_leaves_the_boundaries_as_they_are():
    import re

    from hy_analysis.extraction.cues import CUES, cue_patterns

    pattern, flags = cue_patterns()["BOUNDARY_RE"]
    gate = "(?:(?<=[.!?…:;|])|(?=\\n))(?:"
    assert pattern.startswith(gate) and pattern.endswith(")")
    ungated = re.compile(pattern[len(gate):-1], flags)
    texts = dev_texts(200)
    texts.append("\n\n".join(texts))
    for text in texts:
        assert [m.span() for m in CUES.BOUNDARY_RE.finditer(text)] == \
            [m.span() for m in ungated.finditer(text)]


def test_every_plan_subject_holds_a_plan_noun():
    """CUES.PLAN_NOUNS, searched before the cue PLAN_SUBJECT, is in each of its matches: the
    cue's mandatory words."""
    from hy_analysis.extraction import core
    from hy_analysis.extraction.cues import CUES

    import re

    held = 0
    for text in dev_texts(1000):
        for number in re.finditer(r"(?<![\d.,])\d", text):  # (windows end at a figure)
            window = text[max(0, number.start() - 300):number.start()]
            m = CUES.PLAN_SUBJECT.search(window)
            if m:
                assert CUES.PLAN_NOUNS.search(m.group(0)), m.group(0)
                held += 1
    assert held > 5


def test_whole_word_spans_are_the_phrase_regexes_matches():
    """match_phrases finds a phrase's whole-word spans with str.find: the spans its regex
    (?<!\\w)phrase(?!\\w) finds, on every candidate phrase of the dev texts' sentences."""
    from hy_analysis.extraction.reading import _whole_word_spans, sentence_spans

    vocab = load_vocabulary()
    found = 0
    for text in dev_texts(300):
        for a, b in sentence_spans(text):
            low = text[a:b].lower()
            for word, rx in vocab.patterns_in("indicator", low):
                spans = [m.span() for m in rx.finditer(low)]
                assert _whole_word_spans(low, word) == spans, (word, low)
                found += len(spans)
    assert found > 1000


def test_every_half_year_match_holds_one_of_its_words():
    from hy_analysis.extraction import core
    from hy_analysis.extraction.cues import CUES

    held = 0
    for text in dev_texts(1000):
        for m in CUES.HALF_YEAR.finditer(text):
            assert CUES.HALF_YEAR_WORDS.search(m.group(0)), m.group(0)
            held += 1
    assert held > 50
