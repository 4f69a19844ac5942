"""The one configured jieba used everywhere: keywords here, search tokens at index and query time.

Two engines give the same words and tags (`SEGMENTER`, an environment variable): `jieba`, the
reference, jieba 0.42 itself; and `fast` (the default), the same algorithm with its dictionary
graph and route computed by jieba-rs (`fastcut.py`), checked word for word against the reference
(tests/articles/extraction/test_engines.py, docs/benchmarks.md).

jieba's dictionary takes about a second to load, so it is loaded once per process (call
`warm_up()` before forking server workers) and its cache file lives under `var/`, not /tmp.
Hospital names and domain terms are added as user words so that `璧山区人民医院` stays one
token instead of 璧/山区/人民/医院.
"""

from __future__ import annotations

import heapq
import os
import re
import threading
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import jieba

from articles.parsing.text import CJK

from .tables import JIEBA_STOP_WORDS, import_posseg, jieba_idf_path, load_dictionary, load_idf

jieba.setLogLevel(60)  # jieba prints its loading chatter to stderr; the JSON contract owns stdout

VAR_DIR = Path(os.environ.get("HOSPITALS_VAR_DIR", Path(__file__).resolve().parents[2] / "var"))

DOMAIN_TERMS = (
    "党史学习教育", "我为群众办实事", "高质量发展", "公立医院", "胸痛中心", "卒中中心", "创伤中心", "医共体", "医联体",
    "区域医疗中心", "国家区域医疗中心", "重点专科", "重点学科", "三级甲等", "二级甲等", "三甲", "院训", "党建引领",
    "分级诊疗", "互联网医院", "智慧医院", "远程会诊", "家庭医生", "双带头人", "清廉医院", "党委领导下的院长负责制",
    "新冠肺炎", "疫情防控", "核酸检测", "中医药", "中西医结合", "医养结合", "紧密型医共体", "健康中国", "一站式服务",
    "造血干细胞移植", "胸痛救治", "急危重症", "质量控制中心", "临床重点专科", "中医医院", "人民医院", "卫生院",
)

STOP_WORDS = frozenset(
    "的 了 和 是 在 与 及 等 为 对 将 把 被 从 以 于 也 都 就 还 又 再 已 这 那 其 该 我们 他们 她们 我 你 他 她 它 "
    "一个 一 不 有 没有 人 中 上 下 个 年 月 日 时 后 前 并 而 且 但 或 之 所 让 使 向 给 着 过 来 去 到 说 表示 "
    "通过 进行 开展 不断 积极 全面 进一步 加强 提升 推动 坚持 实现 同时 目前 近年来 今年 去年 工作 方面 "
    "医院 该院 全院 我院 院 医疗 服务 发展 建设 患者 群众 人民 健康 中心 科室 一是 二是 三是 四是 "
    "人民医院 中医院 中医医院 卫生院 市中心 省级 市级 河南省 专科 业务 党员 党委 文化 就诊 救治 诊疗 "
    "国家 做好 显著 一代 完善 成立 该科 数字 不仅 以及 已经 成为 取得 实施 开通 形成 相关 各项 工作人员".split()
)

_lock = threading.Lock()

ENGINES = ("jieba", "fast")
_engine_name = os.environ.get("SEGMENTER", "fast")
if _engine_name not in ENGINES:
    raise ValueError(f"SEGMENTER must be one of {ENGINES}, not {_engine_name!r}")
_fast = None


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The process-wide tokenizer, built once."""
    with _lock:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        tok = jieba.Tokenizer()
        tok.tmp_dir = str(VAR_DIR)
        tok.cache_file = str(VAR_DIR / "jieba.cache")
        load_dictionary(tok)
        for term in DOMAIN_TERMS:
            tok.add_word(term, freq=20000)
        return tok


def corpus_idf_lines(documents: list[str]) -> list[str]:
    """`word idf` lines for jieba's IDF file: this corpus's document frequencies, smoothed into
    jieba's own IDF so that words seen in few documents keep their general weight."""
    import math

    base, median = load_idf(jieba_idf_path(), VAR_DIR)
    frequency: dict[str, int] = {}
    for document in documents:
        for word in set(words(document)):
            if len(word) >= 2:
                frequency[word] = frequency.get(word, 0) + 1
    n = max(len(documents), 1)
    lines = []
    for word, idf in base.items():
        df = frequency.pop(word, 0)
        if df:
            local = math.log((n + 1) / (df + 1)) + 1
            weight = min(1.0, df / 5)  # trust the corpus in proportion to the evidence
            idf = (1 - weight) * idf + weight * local * median / 4
        lines.append(f"{word} {idf:.4f}")
    for word, df in frequency.items():
        local = math.log((n + 1) / (df + 1)) + 1
        lines.append(f"{word} {max(local * median / 4, median * (1 - min(1.0, df / 5))):.4f}")
    return lines


def warm_up() -> None:
    tokenizer()
    keyword_extractor()
    _fast_engine()  # before server or import workers fork: they share its dictionary


def engine_name() -> str:
    return _engine_name


def use_engine(name: str) -> None:
    """Switch the segmentation engine of this process (tests, the bench); the caches of words
    cut by the other engine go too, though the words are the same."""
    global _engine_name
    if name not in ENGINES:
        raise ValueError(f"unknown segmentation engine {name!r}")
    _engine_name = name
    _pos_cache.clear()
    _line_tokens.cache_clear()


def fast_engine_stats() -> dict:
    """How often the fast engine handed a text to jieba, and the words it holds at frequency 0."""
    if _fast is None:
        return {}
    return {"fallbacks": _fast.fallbacks, "forgotten_words": len(_fast._ghosts), "risky_words": len(_fast._risky)}


def _fast_engine():
    """The jieba-rs engine, loaded with the configured jieba's dictionary, or None for jieba."""
    global _fast, _engine_name
    if _engine_name != "fast":
        return None
    if _fast is None:
        try:
            import rjieba  # noqa: F401
        except ImportError:  # an environment installed before the dependency: same words, slower
            import warnings

            warnings.warn("SEGMENTER=fast needs rjieba (pip install -e .): segmenting with jieba", stacklevel=2)
            _engine_name = "jieba"
            return None
        from .fastcut import FastEngine

        tok, pos = tokenizer(), _pos_tokenizer()  # each takes the lock when it is first built
        with _lock:
            if _fast is None:
                _fast = FastEngine(tok, pos)
    return _fast


def _sync(words) -> None:
    # The fast engine copies the configured jieba's dictionary; it is told what changed. (Built
    # later, it copies everything then.)
    _forget_expansions(words)
    if _fast is not None:
        _fast.sync(words)


NAME_FREQ = 50000
# Part-of-speech tags of texts already tagged (and search tokens of lines, `_line_tokens`), valid
# until the dictionary changes: hospital-name candidates recur within and across articles, and
# tagging is the costly part of finding them.
_pos_cache: dict[str, tuple[tuple[str, str], ...]] = {}
_POS_CACHE_LIMIT = 20_000
# Other modules' caches of what was read with the dictionary (names.py's hospital names), emptied
# with _pos_cache.
_dictionary_caches: list[dict] = [_pos_cache]


def cache_until_dictionary_changes(cache: dict) -> dict:
    _dictionary_caches.append(cache)
    return cache


def add_words(words) -> None:
    """Teach jieba names from the database (hospitals, aliases); call again when they change.
    A name jieba already knows as a name is not added again: re-adding would only inflate the
    dictionary's total frequency, so segmentation would drift with how often names were taught."""
    from .names import NOT_A_HOSPITAL

    tok = tokenizer()
    changed = []
    for word in words:
        if word in NOT_A_HOSPITAL:
            continue  # a kind of hospital, not a name: taught, it would cut `市人民医院` as 市|人民医院
        if word and len(word) >= 2 and (tok.FREQ.get(word) != NAME_FREQ or _tag_of(word) != "nt"):
            # Tagged as an organisation name, so part-of-speech rules treat it as a name.
            tok.add_word(word, freq=NAME_FREQ, tag="nt")
            changed.append(word)
    if changed:
        _sync(changed)
        for cache in _dictionary_caches:
            cache.clear()
        _line_tokens.cache_clear()


_MISSING = object()


@contextmanager
def taught(words):
    """jieba knows `words` as names inside the block and exactly as before after it: an article's
    own hospital names shape its keywords and search tokens, but never how another article is
    read (which worker read which file before must not change the records)."""
    tok = tokenizer()
    pos = _pos_tokenizer()
    saved_total = tok.total
    saved: dict[str, object] = {}
    saved_tags: dict[str, tuple[object, object]] = {}
    for word in words:
        if not word or len(word) < 2 or word in saved_tags:
            continue
        for end in range(1, len(word) + 1):
            saved.setdefault(word[:end], tok.FREQ.get(word[:end], _MISSING))
        saved_tags[word] = (tok.user_word_tag_tab.get(word, _MISSING), pos.word_tag_tab.get(word, _MISSING))
        tok.add_word(word, freq=NAME_FREQ, tag="nt")
    _sync(saved_tags)
    try:
        with _uncached_lines():
            yield
    finally:
        for word, value in saved.items():
            if value is _MISSING:
                tok.FREQ.pop(word, None)
            else:
                tok.FREQ[word] = value
        for word, (user_tag, tag) in saved_tags.items():
            for table, value in ((tok.user_word_tag_tab, user_tag), (pos.word_tag_tab, tag)):
                if value is _MISSING:
                    table.pop(word, None)
                else:
                    table[word] = value
        tok.total = saved_total
        _sync(saved_tags)


_line_cache_enabled = True


@contextmanager
def _uncached_lines():
    # Lines segmented with an article's own names taught must not be served to other articles.
    global _line_cache_enabled
    _line_cache_enabled = False
    try:
        yield
    finally:
        _line_cache_enabled = True


CORPUS_IDF = VAR_DIR / "idf.txt"


class KeywordWeights:
    """What jieba.analyse's TF-IDF ranks keywords by: an IDF table, its median (the weight of a
    word it lacks) and its stop words."""

    def __init__(self, idf_freq: dict[str, float], median_idf: float, stop_words: frozenset[str]):
        self.idf_freq, self.median_idf, self.stop_words = idf_freq, median_idf, stop_words


@lru_cache(maxsize=1)
def keyword_extractor() -> KeywordWeights:
    """TF-IDF with jieba's IDF, replaced where this corpus knows better (`manage.py build_idf`
    writes var/idf.txt from the imported articles: words every hospital feature uses, such as
    党建 or 医院, weigh little here though a general news IDF rates them high). Read without
    importing jieba.analyse, which reads jieba's own table whether it is used or not."""
    idf_freq, median = load_idf(CORPUS_IDF if CORPUS_IDF.exists() else jieba_idf_path(), VAR_DIR)
    return KeywordWeights(idf_freq, median, JIEBA_STOP_WORDS | STOP_WORDS)


@lru_cache(maxsize=1)
def _pos_tokenizer():
    posseg = import_posseg(VAR_DIR)
    tok = tokenizer()
    shared = posseg.dt  # built by the import, with the tags of jieba's own dictionary
    if tok.dictionary != shared.tokenizer.dictionary or shared.tokenizer.user_word_tag_tab:
        return posseg.POSTokenizer(tok)
    # Same dictionary, no words taught to jieba's default tokenizer: its tag table is the one
    # POSTokenizer(tok) would read again from the dictionary file (a second of start-up).
    pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    pos.tokenizer = tok
    pos.word_tag_tab = dict(shared.word_tag_tab)
    return pos


def _tag_of(word: str) -> str | None:
    # The part-of-speech tokenizer moves user tags into its own table when it next runs.
    tok = tokenizer()
    return tok.user_word_tag_tab.get(word) or _pos_tokenizer().word_tag_tab.get(word)


def dictionary_tag(word: str) -> str | None:
    """The part of speech of `word` where the dictionary (jieba's, or a word taught) holds it."""
    if not tokenizer().FREQ.get(word):
        return None
    return _tag_of(word) or "x"


def pos_tokens(text: str) -> tuple[tuple[str, str], ...]:
    tokens = _pos_cache.get(text)
    if tokens is None:
        if len(_pos_cache) >= _POS_CACHE_LIMIT:
            _pos_cache.clear()
        fast = _fast_engine()
        if fast is not None:
            tokens = _pos_cache[text] = tuple(fast.tag(text))
        else:
            tokens = _pos_cache[text] = tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(text))
    return tokens


def words(text: str) -> list[str]:
    """One jieba pass (precise mode); keywords and search tokens are both derived from it."""
    fast = _fast_engine()
    return fast.cut(text) if fast is not None else list(tokenizer().cut(text))


def search_tokens_from_words(cut_words: list[str]) -> list[str]:
    """What `cut_for_search` yields, from words already cut: each word, preceded by the
    dictionary 2- and 3-grams inside it (jieba's own search-mode rule), lower-cased."""
    cache = _expansions
    tokens: list[str] = []
    for word in cut_words:
        expansion = cache.get(word)
        if expansion is None:
            if len(cache) >= _EXPANSIONS_LIMIT:
                cache.clear()
            expansion = cache[word] = _expand(word)
        tokens += expansion
    return tokens


# The search tokens of one word, per word (words recur): they depend on which of its 2- and
# 3-grams are words, so they go when a word of 2 or 3 characters is taught or forgotten.
_expansions: dict[str, tuple[str, ...]] = {}
_EXPANSIONS_LIMIT = 200_000


def _expand(word: str) -> tuple[str, ...]:
    freq = tokenizer().FREQ
    tokens = []
    if len(word) > 2:
        tokens += [word[i:i + 2] for i in range(len(word) - 1) if freq.get(word[i:i + 2])]
    if len(word) > 3:
        tokens += [word[i:i + 3] for i in range(len(word) - 2) if freq.get(word[i:i + 3])]
    tokens.append(word)
    return tuple(t.lower() for t in tokens if t.strip() and (t.isalnum() or len(t) > 1))


def _forget_expansions(words) -> None:
    if any(len(word) <= 3 for word in words):
        _expansions.clear()


def keywords_from_words(cut_words: list[str], top: int = 8) -> list[str]:
    """jieba.analyse's TF-IDF ranking over words already cut (same IDF, same stop words)."""
    extractor = keyword_extractor()
    candidates = _keyword_candidates(extractor)
    counts: dict[str, int] = {}
    weights: dict[str, float | None] = {}
    # The rest of a number's phrase, cut after its digits: `7月1|日起`, `6|点至|10点`, `3|天后`.
    after_numbers = {word for before, word in zip(cut_words, cut_words[1:])
                     if before[-1:].isdigit() and word[:1] in _NUMBER_UNITS}
    for word, count in Counter(cut_words).items():  # each distinct word once, in order of appearance
        if word in after_numbers:
            continue
        entry = candidates.get(word)
        if entry is None:
            entry = candidates[word] = _keyword_candidate(word, extractor)
        candidate, weight = entry
        if candidate:
            counts[candidate] = counts.get(candidate, 0) + count
            weights[candidate] = weight
    total = sum(counts.values()) or 1
    # The same scores and order as sorting them all (nsmallest is sorted()[:top]); a hospital's
    # name counts in the total but is no keyword.
    ranked = heapq.nsmallest(top, [(-count * weights[w] / total, w) for w, count in counts.items()
                                   if weights[w] is not None])
    return [w for _, w in ranked]


_HAS_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_UNITS = set("日月年时点分秒号岁元天周个次例名人家张台项万亿倍斤米度")
_CANDIDATES_LIMIT = 200_000


def _keyword_candidates(extractor) -> dict[str, tuple[str, float | None]]:
    # Per extractor (its stop words and IDF): a word as cut → the word it counts as ("" for
    # none) and that word's IDF (None for a hospital's name, which is never a keyword).
    candidates = extractor.__dict__.setdefault("_candidates", {})
    if len(candidates) >= _CANDIDATES_LIMIT:
        candidates.clear()
    return candidates


def _keyword_candidate(word: str, extractor) -> tuple[str, float | None]:
    word = word.strip()
    if len(word) < 2 or word.lower() in extractor.stop_words or word in STOP_WORDS or not _HAS_LETTER.search(word) \
            or word.strip("某") == "":
        return "", None  # (`1.5`, `30%`: a number; `某某`: a name the text withholds)
    if word.endswith(("医院", "卫生院")):
        return word, None
    return word, extractor.idf_freq.get(word, extractor.median_idf)


def search_tokens(text: str) -> list[str]:
    """Tokens for the search index and for queries: jieba's search mode (long words and their
    parts), lower-cased, without punctuation and single characters of punctuation."""
    if _fast_engine() is not None:
        return search_tokens_from_words(words(text))  # what cut_for_search does, on the same words
    return [t.lower() for t in tokenizer().cut_for_search(text) if t.strip() and (t.isalnum() or len(t) > 1)]


_WORD = re.compile(r"\w+")
_CJK_RUN = re.compile(f"[{CJK}]{{2,}}")


def clean_tokens(tokens) -> list[str]:
    """Only word characters survive: no quote, operator or bracket of either query syntax."""
    cleaned: list[str] = []
    for token in tokens:
        lowered = token.lower()
        if lowered.isalnum():  # one run of word characters (most tokens): kept whole
            cleaned.append(lowered)
        else:
            cleaned += _WORD.findall(lowered)
    return cleaned


def bigrams(text: str) -> list[str]:
    """Every pair of adjacent Chinese characters: a query word that jieba cuts differently in
    context (`鹰城二院` → 鹰/城二院) is still found through its bigrams."""
    return [run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)]


def index_tokens(text: str) -> str:
    """What the search index stores for a text: jieba's search tokens and bigrams, line by line.
    Neither crosses a line break, so this is the whole text's tokens; and lines recur (an honour
    list gives many honours the same evidence sentence, every document of a hospital its name)."""
    segment = _line_tokens if _line_cache_enabled else _line_tokens.__wrapped__
    return " ".join(filter(None, map(segment, text.split("\n"))))


@lru_cache(maxsize=4096)
def _line_tokens(line: str) -> str:
    return " ".join(clean_tokens(search_tokens(line)) + bigrams(line))
