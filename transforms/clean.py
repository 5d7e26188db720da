"""Boilerplate removal: per-line rules from configs/boilerplate.yaml, a trailing banner block, and lines that
recur across the documents of one source; every removal is recorded with its rule."""
import hashlib
import re
import unicodedata
from itertools import accumulate
from dataclasses import dataclass, field

from pipeline.config import ConfigError

LINE_RULES = ("ui_label", "appeal", "credit", "alt_text")
BANNER = "trailing_banner"
RECURRING = "recurring"
_TITLE_MAX_CHARS, _TITLE_MAX_WORDS, _HEADLINE_SENTENCE_WORDS = 200, 25, 12
_APPEAL_MAX_WORDS, _CREDIT_MAX_WORDS, _KEYWORDS_MAX_WORDS = 40, 20, 8
_WRAPPED_MIN_CHARS, _SENTENCE_ENDS = 40, tuple(".!?:;\"”’')")  # a wrapped line of newswire or a scanned release
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z\"“'‘])")
_SENTENCE_PUNCT = re.compile(r"[a-z]{2}[.!?](?=\s|$)|[!?]")
_QUOTES = re.compile(r"[\"“”«»„]")


@dataclass
class CleanResult:
    text: str
    removed: list = field(default_factory=list)  # {"text": line, "rule": rule name}


def line_key(line):
    """A short stable hash of a line, normalised; "" for a blank line."""
    norm = " ".join(unicodedata.normalize("NFKC", line).lower().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16] if norm else ""


def document_line_keys(text):
    """Keys of the distinct non-blank lines of a document."""
    return frozenset(k for k in map(line_key, text.splitlines()) if k)


class Cleaner:
    """Applies the boilerplate rules; build it once with `from_config`."""

    def __init__(self, rules, banner):
        self.rules, self.banner = rules, banner

    @classmethod
    def from_config(cls, config):
        """A Cleaner from the parsed boilerplate.yaml: {rule name: [regular expression, ...]}."""
        if not isinstance(config, dict):
            raise ConfigError("boilerplate.yaml: expected a mapping of rule name -> list of patterns")
        unknown = set(config) - {*LINE_RULES, BANNER}
        if unknown:
            raise ConfigError(f"boilerplate.yaml: unknown rule(s) {sorted(map(str, unknown))}; "
                              f"known: {[*LINE_RULES, BANNER]}")
        rules = [(rule, _compile(rule, config[rule])) for rule in LINE_RULES if config.get(rule)]
        return cls(rules, _compile(BANNER, config[BANNER]) if config.get(BANNER) else None)

    def clean(self, text, recurring=frozenset()):
        """Text without its boilerplate lines, and the audit of what went and why."""
        lines = text.splitlines()
        rules = [None if rule == "alt_text" and _goes_on(lines[i - 1] if i else "") else rule
                 for i, rule in enumerate(self.rule_for(line, recurring) for line in lines)]
        end = self._content_end(lines, rules)
        rules[end:] = [BANNER if line.strip() else None for line in lines[end:]]
        kept = [line for line, rule in zip(lines, rules) if rule is None]
        removed = [{"text": line.strip(), "rule": rule} for line, rule in zip(lines, rules) if rule]
        return CleanResult(re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed)

    def rule_for(self, line, recurring=frozenset()):
        """The rule that makes one line boilerplate, or None."""
        stripped = line.strip()
        if not stripped:
            return None
        for rule, pattern in self.rules:
            if _SHAPES[rule](stripped) and pattern.fullmatch(stripped):  # the cheap shape check first
                return rule
        return RECURRING if recurring and line_key(stripped) in recurring else None

    def _content_end(self, lines, rules):
        """Where the article ends: before the first banner header that has at least as many content lines
        before it as after it, repeated until none is left (so that cleaning is idempotent)."""
        end = len(lines)
        while (header := self._banner_header(lines[:end], rules[:end])) is not None:
            end = header
        return end

    def _banner_header(self, lines, rules):
        """Index of the first banner header in the second half of the content lines, or None."""
        if self.banner is None:
            return None
        before = list(accumulate((bool(line.strip()) and rule is None for line, rule in zip(lines, rules)),
                                 initial=0))
        for i, line in enumerate(lines):
            if self.banner.fullmatch(line.strip()) and before[i] >= max(1, before[-1] - before[i + 1]):
                return i
        return None

    def split_title(self, text):
        """(title, body) when the first line reads like a headline and more text follows, else (None, text)."""
        first, _, rest = text.strip().partition("\n")
        first = first.strip()
        if rest.strip() and _is_headline(first):
            return first, rest.strip()
        return None, text


def _is_headline(line):
    """Short, and without a final full stop unless it is two short sentences."""
    words = line.split()
    if not words or len(line) > _TITLE_MAX_CHARS or len(words) > _TITLE_MAX_WORDS:
        return False
    if not line.endswith((".", ",", ";", ":")):
        return True
    sentences = _SENTENCE_BREAK.split(line)
    return line.endswith(".") and len(sentences) == 2 and all(
        len(s.split()) <= _HEADLINE_SENTENCE_WORDS for s in sentences)


def _is_ask(line):
    """Appeals are short and not quoted speech (a quoted "we need your help" is news)."""
    return len(line.split()) <= _APPEAL_MAX_WORDS and not _QUOTES.search(line)


def _is_credit(line):
    """Credits are short, without sentence punctuation, and mostly capitalised name-like words."""
    if len(line.split()) > _CREDIT_MAX_WORDS or _SENTENCE_PUNCT.search(line):
        return False
    words = re.findall(r"[^\W\d_][\w'’.&-]*", line)
    return bool(words) and 2 * sum(1 for w in words if w[0].isupper()) >= len(words)


def _goes_on(line):
    """Whether a line is a hard-wrapped line that ends inside a sentence (so the next line goes on with it)."""
    line = line.rstrip()
    return len(line) >= _WRAPPED_MIN_CHARS and not line.endswith(_SENTENCE_ENDS)


def _is_keywords(line):
    """Alt text and keyword strips: a few lower-case words, no digits, no sentence punctuation (a lone word or a
    count such as "3 bedrooms" is more often a list item or a table cell)."""
    return (line == line.lower() and 2 <= len(line.split()) <= _KEYWORDS_MAX_WORDS
            and not any(c.isdigit() for c in line) and not re.search(r"[.!?;:\"“”]", line))


_SHAPES = {"ui_label": lambda line: True, "appeal": _is_ask, "credit": _is_credit, "alt_text": _is_keywords}


def _compile(rule, patterns):
    """One case-insensitive alternation of a rule's patterns; ConfigError naming a bad one."""
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError(f"boilerplate.yaml: {rule} must be a list of regular expressions (strings)")
    for p in patterns:
        try:
            re.compile(p)
        except re.error as e:
            raise ConfigError(f"boilerplate.yaml: {rule}: bad regular expression {p!r}: {e}") from None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
