"""Boilerplate removal: per-line rules from configs/boilerplate.yaml, a trailing banner block, and lines that
recur across the documents of one source; every removal is recorded with its rule."""
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.config import ConfigError

LINE_RULES = ("ui_label", "appeal", "credit", "alt_text")
_TITLE_MAX_CHARS, _TITLE_MAX_WORDS = 200, 30


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

    def __init__(self, rules, trailing):
        self.rules, self.trailing = rules, trailing

    @classmethod
    def from_config(cls, config):
        unknown = set(config) - {*LINE_RULES, "trailing_banner"}
        if unknown:
            raise ConfigError(f"boilerplate.yaml: unknown rule(s) {sorted(unknown)}; known: "
                              f"{[*LINE_RULES, 'trailing_banner']}")
        return cls([(rule, _compile(rule, config.get(rule))) for rule in LINE_RULES if config.get(rule)],
                   _compile("trailing_banner", config.get("trailing_banner")))

    def clean(self, text, recurring=frozenset()):
        """Text without its boilerplate lines, and the audit of what went and why."""
        lines = text.splitlines()
        kept, removed = [], []
        banner_at = self._banner_start(lines)
        for i, line in enumerate(lines):
            rule = "trailing_banner" if banner_at is not None and i >= banner_at and line.strip() else (
                self.rule_for(line, recurring))
            if rule:
                removed.append({"text": line.strip(), "rule": rule})
            else:
                kept.append(line)
        return CleanResult(re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed)

    def rule_for(self, line, recurring=frozenset()):
        """The rule that makes one line boilerplate, or None."""
        stripped = line.strip()
        if not stripped:
            return None
        for rule, pattern in self.rules:
            if pattern.fullmatch(stripped) and (rule != "alt_text" or _looks_like_keywords(stripped)):
                return rule
        if line_key(stripped) in recurring:
            return "recurring"
        return None

    def _banner_start(self, lines):
        """Index of the line that opens a closing banner in the second half of the document, or None."""
        if self.trailing is None:
            return None
        content = [i for i, line in enumerate(lines) if line.strip()]
        for i in content[len(content) // 2:]:
            if self.trailing.fullmatch(lines[i].strip()):
                return i
        return None

    def split_title(self, text):
        """(title, body) when the first line reads like a headline, else (None, text)."""
        first, _, rest = text.strip().partition("\n")
        first = first.strip()
        if rest.strip() and _is_headline(first):
            return first, rest.strip()
        return None, text


def _is_headline(line):
    words = line.split()
    if not words or len(line) > _TITLE_MAX_CHARS or len(words) > _TITLE_MAX_WORDS:
        return False
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return not line.endswith((".", ",", ";", ":")) or len(sentences) <= 2 and len(words) <= 20


def _looks_like_keywords(line):
    """Alt text and keyword strips: a few lower-case words, no sentence punctuation."""
    return line == line.lower() and len(line.split()) <= 8 and not re.search(r"[.!?;:\"“”]", line)


def _compile(rule, patterns):
    if not patterns:
        return None
    if not isinstance(patterns, list):
        raise ConfigError(f"boilerplate.yaml: {rule} must be a list of regular expressions")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as e:
        raise ConfigError(f"boilerplate.yaml: {rule}: bad regular expression: {e}") from None
