"""The English model's attribute ruler (coarse parts of speech, morphology and lemma exceptions by tag and word)
finding its matches through an index of its patterns by their first token's word, tag or dependency, instead of
spaCy's Matcher, which tries each of its 179 patterns at each token: the same matches at a fraction of the cost."""
import functools
import re

from spacy.strings import get_string_id

_READ = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # what a token pattern may test: its place in `_values`
_INDEXED = ("LOWER", "TAG", "DEP")  # the attributes a pattern is indexed by, the first it tests


def index(ruler):
    """Makes the AttributeRuler `ruler` find its matches by `matcher`, unless a pattern tests what that does not."""
    match = matcher(ruler)
    if match is not None:
        ruler.match = match


def matcher(ruler):
    """A function of a Doc giving `ruler`'s matches as AttributeRuler.match does (sorted (rule number, match id,
    start, end)), or None when a pattern tests another attribute or uses an operator other than IN, NOT_IN and
    REGEX."""
    by_key, unindexed = {}, []
    for number, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            checks = [_check(spec, ruler.vocab.strings) for spec in pattern]
            if not checks or None in checks:
                return None
            rule = (number, ruler.vocab.strings[str(number)], checks)
            keys = _keys(pattern[0])
            for key in keys:
                by_key.setdefault(key, []).append(rule)
            if not keys:
                unindexed.append(rule)

    @functools.lru_cache(maxsize=1 << 16)
    def starting(value):
        """The rules whose first token pattern a token of `_values` `value` matches."""
        rules = [r for attr in _INDEXED for r in by_key.get((attr, value[_READ[attr]]), ())]
        return tuple(r for r in rules + unindexed if r[2][0](value))

    def match(doc):
        values = [_values(t) for t in doc]
        found = set()
        for start, value in enumerate(values):
            for number, match_id, checks in starting(value):
                end = start + len(checks)
                if end <= len(values) and all(check(v) for check, v in zip(checks[1:], values[start + 1:end])):
                    found.add((number, match_id, start, end))
        return sorted(found)
    return match


def _values(token):
    return token.tag, token.lower, token.dep, token.is_space


def _keys(spec):
    """The (attribute, value) keys a pattern starting with token pattern `spec` is indexed under: the values its
    first indexed attribute may take; none when it tests none of them by value."""
    for attr in _INDEXED:
        value = spec.get(attr)
        if isinstance(value, str):
            return [(attr, get_string_id(value))]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return [(attr, get_string_id(v)) for v in value["IN"]]
    return []


def _check(spec, strings):
    """A test of a token's `_values` for one token pattern, or None when it tests what this cannot."""
    tests = [_test(_READ.get(attr), value, strings) for attr, value in spec.items()]
    if None in tests:
        return None
    return lambda values: all(test(values[k]) for k, test in tests)


def _test(k, value, strings):
    """(k, test of the value at place k) for an attribute's pattern value, or None. Strings are compared by their
    ids, as the Matcher does ('' is 0, the id of an unset attribute)."""
    if k is None:
        return None
    if isinstance(value, (str, bool)):
        value = value if isinstance(value, bool) else get_string_id(value)
        return k, lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        ids = {get_string_id(a) for a in arg} if op in ("IN", "NOT_IN") else None
        if op == "IN":
            return k, ids.__contains__
        if op == "NOT_IN":
            return k, lambda v: v not in ids
        if op == "REGEX":
            return k, lambda v, pattern=re.compile(arg): bool(pattern.search(strings[v]))
    return None
