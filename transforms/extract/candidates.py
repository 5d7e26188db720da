"""The sentences worth parsing: those holding a word that may report a meeting, in the article's body (not a
caption, a photo credit, a byline or a link to another story)."""
import re

from transforms.extract.words import words_regex

# "On the US side, X, Y", "From the Russian part -": the people of one side of a meeting (at the start).
_SIDE = re.compile(r"(?:On|From|With|For) (?:the )?[A-Z][\w.]*(?:['’]s)?(?: side\b| part\b|\s+[–—-])")
# Lines of page furniture: a picture's caption ("From left, X, Y and Z") or credit, a byline, a link to another story.
_FURNITURE = re.compile(
    r"^(?:(?:photo|photograph|picture|image|video|file photo|credit|caption)s?\b\s*[:|/(]|(?:from (?:left|right)|"
    r"(?:from )?(?:left|right) to (?:right|left))\s*[:,]|\(l-r\)|l-r:|(?:read|see|watch) (?:more|"
    r"also)\b|related(?:\s*:|\s+(?:stories|articles|news|content|coverage|links|reading)\b)|more\b:|"
    r"by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}$)"
    r"|(?:photograph|photo|picture|image|credit)s?:\s*[^.]*$|\b(?:getty images|reuters|afp|ap photo|epa)\)?\s*$",
    re.IGNORECASE)


def cue_pattern(lexicon):
    """A pattern matching the inflected forms of the lexicon's meeting words as whole words (cheap to run on every
    sentence; the parse decides), and the group subjects of joint statements ('the two leaders')."""
    words = {f for w, spec in lexicon.meeting_verbs.items()
             for f in inflections(w, spec.get("forms"), spec.get("particle"))}
    words |= {f for w, spec in lexicon.nouns.items() for f in (w, plural(w), *(spec.get("forms") or ()))
              if not spec.get("modifiers")}
    modified = [r"(?:" + words_regex(spec["modifiers"]) + r")[ -](?:\w+ )?(?:" + words_regex([w, plural(w)]) + ")"
                for w, spec in lexicon.nouns.items() if spec.get("modifiers")]  # "joint (press) conference"
    words |= {g.lower() for g in lexicon.group_subjects if " " in g} | {f for w in lexicon.topic_nouns
                                                                         for f in (w, plural(w))}
    return re.compile(r"(?<!\w)(?:" + "|".join([words_regex(sorted(words)), *modified]) + r")(?!\w)", re.IGNORECASE)


def journey_pattern(lexicon):
    """A journey noun followed closely by what it may be for: an infinitive ('a visit to X to discuss Y', 'her
    trip to X to help expand'), a purpose noun, a discussion or statement verb ('a tour that will centre on X')."""
    nouns = {f for w in lexicon.journey_nouns for f in (w, plural(w))}
    words = _statement_forms(lexicon) | {f for w in lexicon.purpose_nouns for f in (w, plural(w))}
    return re.compile(r"(?<!\w)(?:" + words_regex(sorted(nouns)) + r")\b[^.;]{0,40}?(?:(?<!\w)(?:"
                      + words_regex(sorted(words)) + r")(?!\w)|\bto\s+(?!(?:the|a|an|his|her|its|their|our|this|"
                      r"that|these|those|be)\b)(?-i:[a-z])\w*)", re.IGNORECASE)


def inflections(verb, irregular=None, particle=None):
    """The forms of an English verb: meet, meets, meeting, and the irregular ones given (met); with its particle
    after each ('sit down', 'sat down')."""
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    forms = {verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"), stem + "ing",
             stem + "ed" if not verb.endswith("e") else verb + "d", *(irregular or ())}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):  # sit: sitting, confer: conferred ("visitted" is never
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}  # written and costs nothing)
    return {f"{f} {particle}" for f in forms} if particle else forms


def plural(noun):
    return noun if noun.endswith("s") else noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s")


def select(sentences, pattern):
    """Indices of the sentences that hold a meeting word and are not furniture."""
    return [i for i, s in enumerate(sentences) if pattern.search(s.text) and not is_furniture(s.text)]


def following(sentences, chosen, follow):
    """Indices of the sentences among the two after each of `chosen` that are not chosen and hold a word of
    `follow` (what the parties said or agreed there), and are not furniture."""
    near = sorted({j for i in chosen for j in (i + 1, i + 2) if j < len(sentences)} - set(chosen))
    return [j for j in near if follow.search(sentences[j].text) and not is_furniture(sentences[j].text)]


def follow_pattern(lexicon):
    """A pattern matching the lexicon's statement and discussion verbs."""
    return re.compile(r"(?<!\w)(?:" + words_regex(sorted(_statement_forms(lexicon))) + r")(?!\w)", re.IGNORECASE)


def _statement_forms(lexicon):
    """The forms of the lexicon's one-word statement and discussion verbs (agreed, welcomed, raised ...)."""
    verbs = lexicon.statement_verbs | {w for w in lexicon.discussion_verbs if " " not in w}
    return {f for w in verbs for f in inflections(w)}


def is_furniture(text):
    """A caption, credit, byline or link to another story, not a sentence of the article."""
    return bool(_FURNITURE.search(text.strip()))


def group_pattern(lexicon):
    """A pattern matching the lexicon's group subjects of more than one word ('the two leaders', 'the prime
    ministers'): a sentence naming no one that refers to the parties so."""
    return re.compile(r"\b(?:" + words_regex([g.lower() for g in lexicon.group_subjects if " " in g], wrapped=True)
                      + r")\b", re.IGNORECASE)


def attendee_pattern(lexicon):
    return re.compile(r"\b(?:" + words_regex(list(lexicon.attendee_cues)) + r")\b", re.IGNORECASE)


def attendees(text, mentions, pattern):
    """The people a sentence names as attending a meeting ('X and Y were present', 'accompanied by X', 'On the
    US side, X, Y'), or []: those after a cue that ends in 'by' or a side, those before any other."""
    if not mentions:
        return []
    side = _SIDE.match(text)
    cue = side or pattern.search(text)
    if not cue:
        return []
    # "accompanied by X", "were also attended by X", "in the presence of X" and "Also present were X" name them
    # after the cue
    after = side or cue.group().lower().endswith((" by", " of")) or text[cue.end():].lstrip().startswith("by ") or \
        not any(m.start < cue.start() for m in mentions)
    return list(dict.fromkeys(m.key for m in mentions if (m.start >= cue.end()) == bool(after)))
