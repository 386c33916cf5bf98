"""Text similarity (eagraph.analyses.similarity): the fast folding and n-grams give exactly what the
plain definitions and scikit-learn's ``char_wb`` analyzer give, so that the comparison kinds' scores
(and the messages that quote them) do not move by a digit."""

from __future__ import annotations

import random
import unicodedata

import numpy as np

from eagraph.analyses import similarity

TRICKY = ["", " ", "a", "ab", "abc", "abcd", "abcde", "Étudiant  à\tl'université\u00a0x", "ﬁnance İstanbul ǅ",
          "x\u2028y\x1cz  w", "Attest van gezinssamenstelling", "  leading   and trailing  ", "Ⅻ ½ ㎏ Å Å",
          "Œuvre naïve — coöperatie", "ÉÈÊËéèêë", "e\u0301\u0302 \u0301 \u0301\u0301\u0301"]


def _texts(count: int = 3000) -> list[str]:
    rnd = random.Random(7)
    alphabet = "aébc dÉ\t\u00a0\u2003ïœßİ\u0301xyz-'.,\nÅﬁ½"
    return TRICKY + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def _descriptions() -> list[str]:
    """The example model's titles and descriptions: real texts, long ones, with n-grams met many times."""
    from eagraph.workspace import load
    from helpers import MODELS

    rows = load(MODELS, cache=False).query(
        "SELECT ?t WHERE { ?s <http://purl.org/dc/terms/description>|<http://purl.org/dc/terms/title> ?t }")
    return sorted({row[0].value for row in rows})


def _fold_by_definition(text: str) -> str:
    """Lower case, decomposed (NFKD), without combining marks: what ``fold`` means."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def test_fold_is_its_definition_for_every_character_and_text():
    characters = [chr(code) for code in [*range(0x3000), *range(0xF900, 0x10000), 0x1D400, 0x1F600, 0x10FFFF]
                  if not 0xD800 <= code < 0xE000]
    assert [similarity.fold(c) for c in characters] == [_fold_by_definition(c) for c in characters]
    assert [similarity.fold(t) for t in _texts()] == [_fold_by_definition(t) for t in _texts()]


def test_char_ngrams_are_scikit_learns_char_wb_ngrams_of_the_folded_text():
    from sklearn.feature_extraction.text import TfidfVectorizer

    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=similarity.fold).build_analyzer()
    assert [similarity.char_wb_ngrams(t) for t in _texts()] == [reference(t) for t in _texts()]


def test_tfidf_rows_are_scikit_learns_to_the_bit():
    """The matrix the comparisons take their cosines from is the one scikit-learn's own analyzer gives."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [t for t in _texts(400) if similarity.fold(t).split()] + _descriptions()
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=1, sublinear_tf=True,
                                preprocessor=similarity.fold, dtype=np.float32).fit_transform(texts).tocsr()
    matrix = similarity.tfidf(texts)
    assert matrix.shape == reference.shape
    assert np.array_equal(matrix.indptr, reference.indptr) and np.array_equal(matrix.indices, reference.indices)
    assert matrix.data.tobytes() == reference.data.tobytes()


def test_each_words_ngrams_are_made_once():
    """The titles and descriptions of 10,000 services are 1.3 million words of about 2,000 different
    ones: a word's n-grams are made when it is first met and taken as made after (3.8 -> 0.8 s for
    all of them), the same n-grams in the same order as the texts' own (the test above holds them)."""
    similarity._word_ngrams.cache_clear()
    texts = ["Attest van gezinssamenstelling", "Attest van woonst", "attest VAN Gezinssamenstelling"]
    grams = [similarity.char_wb_ngrams(text) for text in texts]
    assert similarity._word_ngrams.cache_info().misses == 4  # attest, van, gezinssamenstelling, woonst
    assert grams[0] == grams[2] and grams[1][:21] == grams[0][:21]  # "attest van": 15 + 6 n-grams
