# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Search tokens of knowledge articles and tickets, and their BM25 ranking.

A text becomes tokens in four steps:

1. HTML is reduced to its text (scripts and styles dropped) and cut to a
   bounded length, so a 10,000-character mail costs what a long one does;
2. Traditional Chinese is converted to Simplified with OpenCC's Taiwan
   phrase table (``tw2sp``: 發票 -> 发票, 印表機 -> 打印机), so zh_TW customers
   find zh_CN articles and the reverse; Latin letters are lower-cased;
3. jieba cuts the text in search mode (long words and their parts:
   保修期 -> 保修 保修期) with a tokenizer of the database: jieba's dictionary,
   the department dictionary shipped in ``data/cs_knowledge_dict.txt`` and
   the words of the synonyms and article tags (jieba's default tokenizer is
   global to the process, so it is never touched);
4. stop words, punctuation, emoji and single Latin letters are dropped.

Ranking is Okapi BM25 over the tokens stored on the articles; the weights
below were tuned on the tuning part of ``tests/data/kb_questions.json``.
"""

import heapq
import logging
import math
import re
import threading
from collections import Counter
from pathlib import Path

from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

try:
    import jieba
    from opencc_purepy import OpenCC

    jieba.setLogLevel(logging.WARNING)
except ImportError:  # pragma: no cover - declared in external_dependencies
    jieba = OpenCC = None
    _logger.warning("jieba and opencc-purepy are needed to search the knowledge base")

DICT_FILE = Path(__file__).resolve().parent.parent / "data" / "cs_knowledge_dict.txt"
# Characters of a text that are segmented: the start of a long mail says
# what it is about, and the cost of a suggestion stays bounded.
MAX_QUERY_CHARS = 2000
MAX_ARTICLE_CHARS = 20000
# Okapi BM25 parameters and the weight of the parts of an article.
BM25_K1 = 1.2
BM25_B = 0.75
# Repetitions of the question's and the tags' tokens in the stored tokens
# (BM25F-like field weights); the answer counts once.
QUESTION_WEIGHT = 2
TAG_WEIGHT = 2
# Weight of a query term brought by a synonym, against 1 for the customer's word.
SYNONYM_WEIGHT = 0.8

# words that say nothing of the subject (Simplified, lower case)
_STOP_WORDS_TEXT = """
    的 了 吗 呢 吧 啊 呀 哦 嗯 啦 么 嘛 哈 是 我 我们 你 你们 您 他 她 它 他们 咱们
    在 有 和 与 及 或 或者 就 都 也 还 要 想 请 请问 一下 一个 这 那 这个 那个 这台
    那台 台 个 怎么 怎么样 怎样 咋 如何 什么 啥 为什么 哪 哪里 哪儿 哪个 能 能不能
    可以 可不可以 不能 会 得 地 着 过 被 把 给 让 对 从 到 麻烦 你好 您好 谢谢 好的
    好 刚 很 太 又 再 已经 现在 一直 之后 以后 然后 但是 可是 因为 所以 如果
    后 前 时 内 中 里 等 并 而 即 则 其 该 之 以 为 于 将 由 可 按 后再
    the a an i my me we our us you your it its is are was were be been am to of in
    on for and or this that these those how what where when why which who can could
    do does did not no with at from by please pls hi hello thanks thank there
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_SCRIPT = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
# a token is kept when it has a letter or a digit (CJK included)
_WORD_CHAR = re.compile(r"[^\W_]")
_LATIN_LETTER = re.compile(r"^[a-z]$")
_SPLIT_WORDS = re.compile(r"[\s,;，；、/|]+")

_lock = threading.Lock()
_converter = None
_script_converters = {}
_base_tokenizer = None
# dbname -> (dictionary words, jieba.Tokenizer with them)
_tokenizers = {}


def in_script_of(text, lang):
    """``text`` (HTML included) in the Chinese script of ``lang``: Traditional with
    Taiwan's phrases for zh_TW and zh_HK, Simplified for other Chinese, as is else."""
    if not text or not lang or not lang.startswith("zh"):
        return text
    config = "s2twp" if lang in ("zh_TW", "zh_HK") else "tw2sp"
    converter = _script_converters.get(config)
    if converter is None:
        converter = _script_converters[config] = OpenCC(config)
    return converter.convert(text)


def split_words(text):
    """The words of a synonym line or a tag: 发票, 开票、invoice -> [...]."""
    return [word for word in _SPLIT_WORDS.split((text or "").strip().lower()) if word]


def _get_converter():
    global _converter
    if _converter is None:
        with _lock:
            if _converter is None:
                _converter = OpenCC("tw2sp")
    return _converter


def _get_base_tokenizer():
    """jieba's dictionary plus the department dictionary, built once a process."""
    global _base_tokenizer
    if _base_tokenizer is None:
        with _lock:
            if _base_tokenizer is None:
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                tokenizer.load_userdict(str(DICT_FILE))
                _base_tokenizer = tokenizer
    return _base_tokenizer


def preload():
    """Build the process's Traditional-to-Simplified converter and base
    tokenizer (jieba's dictionary: about a second) before the first
    suggestion needs them."""
    _get_converter()
    _get_base_tokenizer()


def preload_in_background():
    """Start :func:`preload` in a daemon thread, once a process; the thread
    (or ``None`` when already built)."""
    if _base_tokenizer is not None and _converter is not None:
        return None
    thread = threading.Thread(target=preload, name="cs_kb_preload", daemon=True)
    thread.start()
    return thread


def get_tokenizer(dbname, words):
    """The tokenizer of database ``dbname`` knowing ``words`` (a tuple).

    Built from a copy of the base tokenizer's frequencies (a few tens of ms)
    when the database's words changed, then kept for the process.
    """
    cached = _tokenizers.get(dbname)
    if cached and cached[0] == words:
        return cached[1]
    base = _get_base_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(base.FREQ)
    tokenizer.total = base.total
    tokenizer.user_word_tag_tab = dict(base.user_word_tag_tab)
    tokenizer.initialized = True
    for word in words:
        if word not in tokenizer.FREQ or not tokenizer.FREQ[word]:
            tokenizer.add_word(word)
    with _lock:
        _tokenizers[dbname] = (words, tokenizer)
    return tokenizer


def normalize(text, is_html=False, max_chars=MAX_QUERY_CHARS):
    """Plain, Simplified, lower-case text of ``text``, at most ``max_chars`` long."""
    if not text:
        return ""
    if is_html:
        text = html2plaintext(_SCRIPT.sub(" ", text[: max_chars * 4]))
    text = text[:max_chars]
    return _get_converter().convert(text).lower()


def tokenize(tokenizer, text, is_html=False, max_chars=MAX_QUERY_CHARS):
    """The search tokens of ``text``, in order, repeated as they occur."""
    text = normalize(text, is_html=is_html, max_chars=max_chars)
    if not text:
        return []
    return [
        token
        for token in (token.strip() for token in tokenizer.cut_for_search(text, HMM=False))
        if token
        and token not in STOP_WORDS
        and _WORD_CHAR.search(token)
        and not _LATIN_LETTER.match(token)
    ]


def article_tokens(tokenizer, question, answer, tags):
    """Stored tokens of an article: the question and tags weigh more than the answer."""
    tokens = tokenize(tokenizer, question) * QUESTION_WEIGHT
    for tag in tags:
        tokens += tokenize(tokenizer, tag) * TAG_WEIGHT
    tokens += tokenize(tokenizer, answer, is_html=True, max_chars=MAX_ARTICLE_CHARS)
    return tokens


def query_terms(tokens, synonyms):
    """Weighted query terms: the customer's words, then their synonyms.

    ``synonyms`` maps a word to the other words of its synonym lines.
    """
    terms = dict.fromkeys(tokens, 1.0)
    for token in tokens:
        for synonym in synonyms.get(token, ()):
            terms.setdefault(synonym, SYNONYM_WEIGHT)
    return terms


def bm25_rank(terms, candidates, total_docs, avg_length, limit):
    """Rank candidate articles by Okapi BM25.

    ``candidates``: {article id: (document length, {query term: frequency})}
    for every article holding at least one term, so a term's document
    frequency is counted exactly on them. Returns up to ``limit``
    (id, score, matched terms best first).
    """
    if not candidates or not total_docs:
        return []
    document_frequency = Counter()
    for __, counts in candidates.values():
        document_frequency.update(counts.keys())
    idf = {
        term: math.log(1 + (total_docs - df + 0.5) / (df + 0.5))
        for term, df in document_frequency.items()
    }
    avg_length = avg_length or 1.0

    def parts(length, counts):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * (length or 1) / avg_length)
        return {
            term: terms[term] * idf[term] * tf * (BM25_K1 + 1) / (tf + norm)
            for term, tf in counts.items()
        }

    best = heapq.nsmallest(
        limit,
        (
            (-sum(parts(length, counts).values()), article_id)
            for article_id, (length, counts) in candidates.items()
        ),
    )
    result = []
    for score, article_id in best:
        contributions = parts(*candidates[article_id])
        matched = sorted(contributions, key=lambda term: (-contributions[term], term))
        result.append((article_id, -score, matched))
    return result
