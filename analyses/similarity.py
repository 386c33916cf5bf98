"""Text similarity and blocking, shared by the analyses that compare things with each other
(``duplicate-service`` in :mod:`.duplicates`, ``concept-harmonisation`` in :mod:`.harmonisation`).

Both face the same two problems. Comparing every pair is quadratic, so candidates are *blocked*:
each item is a row of a sparse incidence matrix over discriminating keys, keys held by too many
items are dropped, and ``M @ M.T`` (in scipy, in C) gives the pairs that share a key. Texts come in
several languages, so similarity is computed per language, on character n-grams (robust to
inflection and Dutch compounds), and averaged over the languages both texts are written in.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict

import numpy as np
from scipy import sparse


class _Marks(dict):
    """``str.translate``'s table that deletes combining marks (accents once decomposed): each character
    is judged once, when first met, and kept in the table; the rest of the work is in C."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_MARKS = _Marks()


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: « Étudiant » and "etudiant" are one word to every comparison.

    Kept for the last texts folded: a comparison folds each text two or three times (its words,
    whether it has any, its n-grams), and at 10,000 services folding character by character in
    Python was a second and a half of ``duplicate-service``. ASCII has nothing to decompose."""
    text = text.lower()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_MARKS)


def char_wb_ngrams(text: str) -> list[str]:
    """The character 3- to 5-grams inside the words of ``text`` folded, each word padded with a
    space: scikit-learn's ``char_wb`` analyzer of the folded text, the same n-grams in the same
    order (a word too short for an n-gram counts once, whole), made by slices rather than by a
    Python loop per n-gram (scikit-learn's took a second and a half at 10,000 services), and each
    word's once (:func:`_word_ngrams`)."""
    grams: list[str] = []
    for word in fold(text).split():
        grams += _word_ngrams(word)
    return grams


@functools.lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str) -> tuple[str, ...]:
    """The n-grams of one folded word (:func:`char_wb_ngrams`), kept: the titles and descriptions of
    10,000 services are 1.3 million words of 2,252 different ones, and slicing each again was most
    of their n-grams' time (3.8 -> 0.8 s for all of them)."""
    word = f" {word} "
    size = len(word)
    if size > 5:  # most words: every n-gram of each size
        return tuple([word[i:i + n] for n in (3, 4, 5) for i in range(size - n + 1)])
    grams: list[str] = []
    for n in (3, 4, 5):
        if n >= size:
            grams.append(word)
            break
        grams += [word[i:i + n] for i in range(size - n + 1)]
    return tuple(grams)


def tfidf(texts: list[str]):
    """L2-normalised TF-IDF rows over character 3- to 5-grams inside words (accents folded), with
    sublinear term frequencies and smoothed inverse document frequencies, in float32: to the bit
    what scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
    dtype=np.float32)`` gives for the folded texts (``tests/test_similarity.py`` holds it), made
    here with numpy and scipy: importing scikit-learn cost a second (scipy.stats parses its
    docstrings), in each process that compared texts, and its counting was a Python step per n-gram."""
    if not any(texts):
        return sparse.csr_matrix((len(texts), 1))
    matrix = counts(texts)
    # idf = ln((1 + documents) / (1 + documents with the n-gram)) + 1, in float32 as scikit-learn's
    held = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float32)
    held += 1.0
    idf = np.full_like(held, fill_value=len(texts) + 1, dtype=np.float32)
    idf /= held
    np.log(idf, out=idf)
    idf += 1.0
    data = matrix.data
    np.log(data, out=data)  # sublinear tf: 1 + ln(count)
    data += 1.0
    data *= idf[matrix.indices]
    _normalise_rows(matrix)
    return matrix


def counts(texts: list[str]):
    """How often each n-gram (:func:`char_wb_ngrams`) is in each text, as scikit-learn's
    ``CountVectorizer`` counts them for its ``TfidfVectorizer``: the columns are the n-grams in
    alphabetical order, each row's entries in the order their n-grams were first met among all
    texts (the order the rows' norms are summed in), float32. Each text's n-grams are counted by
    ``Counter``, in C."""
    vocabulary: defaultdict[str, int] = defaultdict()
    vocabulary.default_factory = vocabulary.__len__  # an n-gram's number: the order it was first met in
    columns: list[int] = []
    values: list[int] = []
    ends = [0]
    for text in texts:
        counted = Counter(char_wb_ngrams(text))
        columns.extend(map(vocabulary.__getitem__, counted))
        values.extend(counted.values())
        ends.append(len(columns))
    matrix = sparse.csr_matrix((np.array(values, dtype=np.float32), np.array(columns, dtype=np.int32),
                                np.array(ends, dtype=np.int32)), shape=(len(texts), max(1, len(vocabulary))))
    matrix.sort_indices()
    alphabetical = np.empty(len(vocabulary), dtype=np.int32)
    alphabetical[[vocabulary[gram] for gram in sorted(vocabulary)]] = np.arange(len(vocabulary), dtype=np.int32)
    matrix.indices = alphabetical.take(matrix.indices)
    matrix.has_sorted_indices = False
    return matrix


def _normalise_rows(matrix) -> None:
    """Each row of ``matrix`` (float32 CSR) divided by its L2 norm, in place, as scikit-learn's
    ``normalize`` does: the squares (float32) summed in float64 in the row's order (scipy's CSR
    product with a vector of ones sums so), each entry divided in float64 and rounded to float32."""
    data = matrix.data
    squares = sparse.csr_matrix(((data * data).astype(np.float64), matrix.indices, matrix.indptr), shape=matrix.shape)
    norms = np.sqrt(squares @ np.ones(matrix.shape[1]))
    norms[norms == 0.0] = 1.0  # an empty row stays as it is
    matrix.data = (data.astype(np.float64) / np.repeat(norms, np.diff(matrix.indptr))).astype(np.float32)


def languages(fields: dict[int, dict[str, str]], n: int) -> list[str]:
    """The languages of ``fields``, the most used first."""
    found: dict[str, int] = defaultdict(int)
    for i in range(n):
        for lang in fields.get(i, {}):
            found[lang] += 1
    return sorted(found, key=lambda lang: (-found[lang], lang))


def rowdot(matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot product of rows a[k] and b[k] of a CSR matrix, for every k, in chunks."""
    out = np.zeros(len(a), dtype=np.float64)
    step = 200_000
    for start in range(0, len(a), step):
        sa, sb = a[start:start + step], b[start:start + step]
        out[start:start + step] = np.asarray(matrix[sa].multiply(matrix[sb]).sum(axis=1)).ravel()
    return out


def text_similarity(fields: dict[int, dict[str, str]], n: int, a: np.ndarray, b: np.ndarray,
                    known: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Per language: the cosine similarity of the texts of items a[k] and b[k], NaN where one of the
    two has no text in that language. ``known``: the similarities of some languages, computed before
    on the same texts (the incremental check's), taken as they are."""
    out = {}
    for lang in languages(fields, n):
        if known and lang in known:
            out[lang] = known[lang]
            continue
        texts = [fields.get(i, {}).get(lang, "") for i in range(n)]
        has = np.array([bool(fold(t).split()) for t in texts])  # a title of spaces is no title (and no vocabulary)
        both = has[a] & has[b]
        if not both.any():
            continue
        matrix = tfidf(texts)
        sims = np.full(len(a), np.nan)
        sims[both] = rowdot(matrix, a[both], b[both])
        out[lang] = sims
    return out


def mean_over_languages(per_language: dict[str, np.ndarray], size: int) -> np.ndarray:
    """The mean over the languages both texts have (0 where they share none): every language must agree."""
    if not per_language:
        return np.zeros(size)
    stacked = np.vstack(list(per_language.values()))
    counts = (~np.isnan(stacked)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, np.nansum(stacked, axis=0) / np.maximum(counts, 1), 0.0)


def incidence(family: dict[int, set[str]], n: int, vocabulary: dict[str, int] | None = None):
    """A binary items × keys matrix of one feature family."""
    vocabulary = {} if vocabulary is None else vocabulary
    rows, cols = [], []
    for i, keys in family.items():
        for key in keys:
            rows.append(i)
            cols.append(vocabulary.setdefault(key, len(vocabulary)))
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocabulary))))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def blocked_pairs(keys: dict[int, set[str]], n: int, cap) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (a < b) of items that share at least one key held by 2 to ``cap`` items; ``cap`` is a
    number, or a function of the key for caps that differ by kind of key. No pair loop."""
    vocabulary: dict[str, int] = {}
    matrix = incidence(keys, n, vocabulary).tocsc()
    held = np.diff(matrix.indptr)[: len(vocabulary)]
    caps = np.empty(len(vocabulary))
    for name, column in vocabulary.items():
        caps[column] = cap(name) if callable(cap) else cap
    keep = (held >= 2) & (held <= caps)
    matrix = matrix[:, np.flatnonzero(keep)].tocsr()
    if matrix.shape[1] == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    co = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    return co.row.astype(np.int64), co.col.astype(np.int64)
