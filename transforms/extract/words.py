"""Word lists as fast patterns: a trie behind a look-ahead for the first characters, and key words that let a
text skip a pattern it cannot match."""
import re

_TOKEN = re.compile(r"\w+")
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u0345]")


def words_regex(words, wrapped=False):
    """A regular expression matching any of `words`, longest first. The words are factored into a trie behind a
    look-ahead for their first characters, so matching costs about the length of the text, not the number of
    words (in a case-insensitive pattern, give the words in lower case). With `wrapped`, the space between two
    words matches any white space (a title broken over two lines of hard-wrapped text): give what it matches to
    `unwrapped` before looking it up."""
    if not words:
        return "(?!)"
    first = "".join(re.escape(c) for c in sorted({w[0] for w in words}))
    return f"(?=[{first}])" + _node_regex(_trie(words), r"\s+" if wrapped else None)


def unwrapped(text):
    """`text` with each run of white space a single space."""
    return " ".join(text.split())


def whole_words(words, flags=0, jump=True):
    """A compiled pattern matching any of `words` as whole words (not inside a longer word), longest first.
    With `jump` (case-sensitive only), each alternative starts with its first character and only then checks the
    word boundary, so the regex engine jumps from one possible first character to the next instead of trying
    every position: this pays when those characters are rare in the text (capitalised names), not otherwise."""
    if not words:
        return None
    if flags & re.IGNORECASE or not jump:
        return re.compile(r"(?<!\w)" + words_regex(words) + r"(?!\w)", flags)
    return re.compile("(?:" + "|".join(re.escape(char) + r"(?<!\w.)" + _node_regex(child)
                                       for char, child in sorted(_trie(words).items())) + r")(?!\w)", flags)


def tokens(text):
    """The case-folded words of `text`."""
    return frozenset(_TOKEN.findall(text.casefold()))


def form_keys(forms):
    """The longest case-folded word of each of `forms` (names a case-sensitive pattern matches as whole words): a
    text naming one of them holds its key word among its `tokens`. None when a form has no word."""
    keys = set()
    for form in forms:
        found = _TOKEN.findall(form.casefold())
        if not found:
            return None
        keys.add(max(found, key=len))
    return frozenset(keys)


def lacks_keys(keys, words, text):
    """Whether `text`, whose `tokens` (or those of a text holding its words whole) are `words`, holds none of the
    `form_keys` `keys`, so that no form, matched case-sensitively or (ASCII forms) case-insensitively, can be in it.
    A text holding a character whose case-folding splits or joins words (İ, U+0345) or that a case-insensitive
    pattern takes for an ASCII letter (ı) is always scanned."""
    return keys is not None and words is not None and keys.isdisjoint(words) and not _FOLDS_ODDLY.search(text)


def _trie(words):
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _node_regex(node, space=None):
    """Regex for a trie node; longer continuations are tried before the word that ends here. `space`: the pattern
    of a space, when not the character itself."""
    branches = [(space if char == " " and space else re.escape(char)) + _node_regex(child, space)
                for char, child in sorted(node.items()) if char]
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
