"""Words as the search backends index and match them: one token per word of core.text.

A backend's own tokenizer would cut and change words its own way (PostgreSQL's parser splits some
Khmer words at their vowel signs, FTS5 folds some letters, OpenSearch's standard analyzer drops
nothing but splits on other rules), and the public search must match exactly the words that
core.text cuts and folds. So the text is folded and cut here, and each word is written as a token
every tokenizer keeps whole: a word of ASCII letters and digits stays as it is ("nong", "st25");
any other word (Khmer, Chinese, an exact word with its diacritics) is written in hexadecimal
behind a prefix no plain word carries. Folded and exact tokens have different prefixes, so a
folded query word never matches an exact word.
"""

import re

FOLDED_PREFIX = "zq"
EXACT_PREFIX = "ze"
# A plain word that looks like an encoded token is encoded too, so nobody can type one.
_LOOKS_ENCODED = re.compile(r"z[qe][0-9a-f]*")
_PLAIN = re.compile(r"[a-z0-9]+")
# The OpenSearch/Elasticsearch analyzer of both fields (docs/deploy.md, "Search engine").
TOKEN_ANALYZER = "newsroom_tokens"


def folded_token(word):
    """The token of one folded word (core.text.folded_words)."""
    if _PLAIN.fullmatch(word) and not _LOOKS_ENCODED.fullmatch(word):
        return word
    return FOLDED_PREFIX + word.encode().hex()


def exact_token(word):
    """The token of one exact word (core.text.words: diacritics kept, normalized)."""
    return EXACT_PREFIX + word.encode().hex()


def folded_tokens(word_list):
    return " ".join(folded_token(word) for word in word_list)


def exact_tokens(word_list):
    return " ".join(exact_token(word) for word in word_list)
