"""jieba's algorithm with its costly step in Rust: the fast segmentation engine (`SEGMENTER=fast`).

jieba cuts a block of text in three steps: the graph of the dictionary's words in the block
(DAG), the most probable route through it (log frequencies over the dictionary's total), then
an HMM for runs of single characters that form no known word. The first two are most of its
time. Here jieba-rs (the `rjieba` binding) holds a copy of the configured jieba's dictionary,
frequencies and total, and computes the route (`cut(text, hmm=False)`: the route's words, with
runs of single ASCII letters and digits joined); everything after the route is jieba's own
Python, run on what the route left: the HMM of `jieba.finalseg` and, for part-of-speech tags,
`jieba.posseg`'s tag table and its HMM (the latter's Viterbi, with jieba's tables and arithmetic,
in posviterbi.py, where it skips states that cannot lead anywhere). So the words and tags are
jieba's, not a lookalike's.

jieba-rs's own HMM is not used: its Viterbi disagrees with jieba's on some inputs (`常在` where
jieba cuts 常|在), and its tagger tags unknown words differently. The cases where even the
route could differ are detected and cut by jieba itself (counted in `fallbacks`):
- characters that jieba-rs counts as Chinese and jieba does not (CJK extension A, compatibility
  ideographs, U+9FD6–U+9FFF): the two would split the text into different blocks;
- a run of ASCII letters and digits that is also a dictionary word: jieba-rs joins single
  letters and digits into one token, so the route's steps cannot be told apart;
- a name taught inside `segmenter.taught()` and forgotten again whose first character is not a
  dictionary word: jieba-rs cannot delete a word, only set its frequency to zero, and such a
  word would be the only edge of the graph at its first character (jieba would step one
  character). Names whose first character is a word leave the route unchanged at frequency 0.
"""

from __future__ import annotations

import re
from collections import deque
from itertools import repeat

_HMM_CACHE_LIMIT = 50_000
# A private-use character that no text reaches (it is outside jieba's blocks): its frequency
# makes jieba-rs's total equal jieba's, which counts a re-added word's frequency twice.
_BALANCE = "\ue000"
# Characters that jieba-rs's block pattern counts as Chinese and jieba's does not.
_SPLITS_APART = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# jieba's block characters besides the Chinese ones (`jieba.re_han_default`).
_BLOCK_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")
# jieba.posseg's blocks leave out `%` and `-` (`re_han_internal`): mapped to a character outside
# every block, one for one, so that jieba-rs splits the text where posseg does.
_POS_TABLE = str.maketrans({"%": "、", "-": "、"})
_POS_ASCII = _BLOCK_ASCII - {"%", "-"}


class FastEngine:
    def __init__(self, tokenizer, pos_tokenizer):
        import rjieba
        from jieba import finalseg

        from .posviterbi import cut_detail  # posseg's HMM for unknown runs

        self.tok, self.pos = tokenizer, pos_tokenizer
        self._finalseg = finalseg.cut
        self._cut_detail = cut_detail
        self._rjieba = rjieba
        self.fallbacks = 0
        self._build()

    def _build(self) -> None:
        self.rs = self._rjieba.Jieba.empty()
        self._freq: dict[str, int] = {word: freq for word, freq in self.tok.FREQ.items() if freq}
        # Half a million words: the loop in C (map), not in Python, saves a third of the copy.
        deque(map(self.rs.add_word, self._freq.keys(), self._freq.values(), repeat("")), maxlen=0)
        self._sum = sum(self._freq.values())
        self._ghosts: set[str] = set()  # words at frequency 0 that jieba-rs still holds
        self._risky: set[str] = set()  # those of them whose first character is no word
        # The HMMs' cuts of runs (names recur): they depend on the run alone, not on the dictionary.
        self._hmm: dict[str, list[str]] = {}
        self._pos_hmm: dict[str, list[tuple[str, str]]] = {}
        self._balance()

    def _balance(self) -> None:
        self._total = self.tok.total
        self.rs.add_word(_BALANCE, max(0, self.tok.total - self._sum), "")

    def sync(self, words) -> None:
        """Copy the configured jieba's frequencies of `words` (after it learned or forgot them)."""
        freq = self.tok.FREQ
        for word in words:
            new, old = freq.get(word) or 0, self._freq.get(word)
            if old is None and not new:
                continue
            if new != (old or 0):
                self.rs.add_word(word, new, "")
                self._sum += new - (old or 0)
            self._freq[word] = new
            if new:
                self._ghosts.discard(word)
                self._risky.discard(word)
            else:
                self._ghosts.add(word)
                if not freq.get(word[0]):
                    self._risky.add(word)
        self._balance()

    def _in_sync(self) -> None:
        # Someone changed the configured jieba without `sync` (a direct `add_word`): copy it all.
        if self.tok.total != self._total:
            self._build()

    def _unsafe(self, text: str) -> bool:
        return bool(_SPLITS_APART.search(text)) or any(word in text for word in self._risky)

    def cut(self, text: str) -> list[str]:
        """`jieba.Tokenizer.cut(text)` (precise mode, HMM on)."""
        self._in_sync()
        if self._unsafe(text):
            self.fallbacks += 1
            return list(self.tok.cut(text))
        out: list[str] = []
        buf = ""
        freq = self.tok.FREQ
        for word in self.rs.cut(text, False):
            if len(word) == 1:
                if "\u4e00" <= word <= "\u9fd5" or word in _BLOCK_ASCII:
                    buf += word  # a one-character step of the route
                    continue
            elif word.isascii() and word.isalnum():
                if freq.get(word):
                    self.fallbacks += 1  # one step or joined single characters: cannot tell
                    return list(self.tok.cut(text))
                buf += word
                continue
            if buf:
                out += self._flush(buf)
                buf = ""
            out.append(word)
        if buf:
            out += self._flush(buf)
        return out

    def _flush(self, buf: str) -> list[str]:
        # jieba's `__cut_DAG`: single characters in a row are one unknown word's for the HMM,
        # unless together they are a dictionary word.
        if len(buf) == 1:
            return [buf]
        if self.tok.FREQ.get(buf):
            return list(buf)
        words = self._hmm.get(buf)
        if words is None:
            if len(self._hmm) >= _HMM_CACHE_LIMIT:
                self._hmm.clear()
            words = self._hmm[buf] = list(self._finalseg(buf))
        return words

    def tag(self, text: str) -> list[tuple[str, str]]:
        """`jieba.posseg.POSTokenizer.cut(text)` as (word, tag) pairs (HMM on)."""
        self._in_sync()
        pos = self.pos
        pos.makesure_userdict_loaded()
        if self._unsafe(text):
            self.fallbacks += 1
            return [(pair.word, pair.flag) for pair in pos.cut(text)]
        tags = pos.word_tag_tab
        freq = self.tok.FREQ
        out: list[tuple[str, str]] = []
        buf = ""
        at = 0
        for word in self.rs.cut(text.translate(_POS_TABLE), False):
            start, at = at, at + len(word)
            if len(word) == 1:
                if "\u4e00" <= word <= "\u9fd5" or word in _POS_ASCII:
                    buf += word
                    continue
                word = text[start]  # a `%` or `-` comes back as printed
            elif word.isascii() and word.isalnum():
                if freq.get(word):
                    self.fallbacks += 1
                    return [(pair.word, pair.flag) for pair in pos.cut(text)]
                buf += word
                continue
            if buf:
                out += self._flush_tagged(buf, tags, freq)
                buf = ""
            # Outside posseg's blocks every character (and `\r\n`, a space) is tagged `x`.
            out.append((word, tags.get(word, "x") if len(word) > 1 else "x"))
        if buf:
            out += self._flush_tagged(buf, tags, freq)
        return out

    def _flush_tagged(self, buf: str, tags: dict, freq: dict) -> list[tuple[str, str]]:
        if len(buf) == 1:
            return [(buf, tags.get(buf, "x"))]
        if freq.get(buf):
            return [(char, tags.get(char, "x")) for char in buf]
        pairs = self._pos_hmm.get(buf)
        if pairs is None:
            if len(self._pos_hmm) >= _HMM_CACHE_LIMIT:
                self._pos_hmm.clear()
            pairs = self._pos_hmm[buf] = self._cut_detail(buf)
        return pairs
