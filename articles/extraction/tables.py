"""jieba's tables, loaded in a fraction of the time jieba itself takes: a process that segments
starts with about two seconds of reading them (the dictionary, the part-of-speech tags, the IDF
of keywords), which an import's main process pays before its first file and one process per
page server pays at start.

- The dictionary: jieba's own cache file, read in one go. jieba reads it with `marshal.load`
  from the open file, object by object (0.9 s here); `marshal.loads` of its bytes takes 0.25 s.
  Same file, same rule for when it is valid, same tables.
- The tags and the IDF: jieba parses text files of 349,046 and 349,035 lines when
  `jieba.posseg` and `jieba.analyse` are imported (0.8 s and 0.5 s). Parsed once, they are kept
  in a marshal file beside jieba's cache, valid while the text file keeps its size and time.

What comes out is what jieba's own loading gives (tests/articles/extraction/test_tables.py).
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

import jieba

# jieba.analyse's TF-IDF stop words (`KeywordExtractor.STOP_WORDS`, jieba 0.42): kept here so
# that keywords need not import jieba.analyse, whose import reads jieba's IDF table.
JIEBA_STOP_WORDS = frozenset((
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are",
    "by", "be", "as", "on", "with", "can", "if", "from", "which", "you", "it",
    "this", "then", "at", "have", "all", "not", "one", "has", "or",
))


def jieba_idf_path() -> Path:
    return Path(jieba.__file__).parent / "analyse" / "idf.txt"


def load_dictionary(tok: jieba.Tokenizer) -> None:
    """`tok.initialize()`, reading jieba's cache file in one go when jieba itself would read it
    (the default dictionary and a cache file there); otherwise jieba builds the tables and
    writes the cache as it always does."""
    if tok.initialized:
        return
    if tok.dictionary == jieba.DEFAULT_DICT and tok.cache_file:
        cache = Path(tok.tmp_dir or tempfile.gettempdir()) / tok.cache_file
        try:
            freq, total = marshal.loads(cache.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass  # none yet, or half-written by a process that died: jieba builds it again
        else:
            with tok.lock:
                if not tok.initialized:
                    tok.FREQ, tok.total, tok.initialized = freq, total, True
            return
    tok.initialize()


def _cached(source: Path, kind: str, cache_dir: Path, build):
    """`build(text)` of the text file `source`, kept in `cache_dir` while the file keeps its
    path, size and modification time."""
    stat = source.stat()
    key = [str(source), stat.st_size, stat.st_mtime_ns, jieba.__version__, kind]
    name = hashlib.sha1(repr(key).encode()).hexdigest()[:16]
    cache = cache_dir / f"jieba.{kind}.{name}.marshal"
    try:
        stored_key, value = marshal.loads(cache.read_bytes())
        if stored_key == key:
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build(source.read_bytes().decode("utf-8"))
    temporary = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=cache_dir)
        with os.fdopen(fd, "wb") as out:
            marshal.dump([key, value], out)
        os.replace(temporary, cache)
    except OSError:  # a read-only or full var/: parsed again next time, nothing lost
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return value


def _word_tags(text: str) -> dict[str, str]:
    # As jieba.posseg.POSTokenizer.load_word_tag reads the dictionary: `word frequency tag`.
    tags = {}
    for line in text.splitlines():
        line = line.strip()
        if line:
            word, _, tag = line.split(" ")
            tags[word] = tag
    return tags


def _idf(text: str) -> list:
    # As jieba.analyse.IDFLoader.set_new_path reads an IDF file: `word idf`, and the median.
    freq = {}
    for line in text.splitlines():
        word, value = line.strip().split(" ")
        freq[word] = float(value)
    median = sorted(freq.values())[len(freq) // 2] if freq else 0.0
    return [freq, median]


def load_idf(path: Path, cache_dir: Path) -> tuple[dict[str, float], float]:
    """An IDF file's table and median, as jieba.analyse's `IDFLoader(path).get_idf()`."""
    freq, median = _cached(path, "idf", cache_dir, _idf)
    return freq, median


def import_posseg(cache_dir: Path):
    """`import jieba.posseg`, whose module-level tokenizer reads the tags of jieba's dictionary
    from its text file: read from the cache instead, the module's tokenizer gets the same table."""
    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        return importlib.import_module("jieba.posseg")
    default = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    tags = _cached(default, "tags", cache_dir, _word_tags)
    # The module's `dt = POSTokenizer(jieba.dt)` reads jieba.dt's dictionary file: an empty one
    # for that moment (jieba.dt, jieba's global tokenizer, is not what this project segments with).
    jieba.dt.dictionary = os.devnull
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        jieba.dt.dictionary = jieba.DEFAULT_DICT
    posseg.dt.word_tag_tab = tags
    return posseg
