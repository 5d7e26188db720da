"""Meeting predicates of a parsed sentence: the verbs and nouns that report a meeting ("met", "held talks", "a
phone call", "the Trump-Putin summit"), with what the words around them say of its status and format."""
import functools
from dataclasses import dataclass, field, replace

from transforms.extract.dates import find_dates
from transforms.extract.nlp import lemma, text_of  # (the steps after this one import lemma from here)

_ON_A_CALL = {"on", "over", "by", "via", "during", "in"}  # "spoke with X on a call" (not "met X after a call")
_OPENING = {'"', "\u201c", "``"}  # quotation marks that open a quote
# Verbs that report what someone said.
SAYING = {"say", "tell", "state", "add", "note", "stress", "announce", "declare", "insist", "warn", "claim",
          "write", "tweet", "testify", "comment", "reply", "respond", "report", "quote"}

_VERB_TAGS = {"VERB", "AUX"}
_NOUN_TAGS = {"NOUN", "PROPN"}
# The dependents a noun's holding verb reaches it by: "held talks", "after talks with", "a meeting was held".
_HELD_BY = {"dobj", "nsubjpass", "pobj", "attr", "conj", "appos", "oprd"}
# Heads from which a governing word (planned, wants, cancelled) is searched.
_FINITE = {"VBD", "VBZ", "VBP"}
_LIGHT_VERBS = {"take"}  # "take part": the object makes the verb
_CIRCUMSTANCE = {"in", "at", "during", "after", "following", "since", "by", "over", "on"}
_MEDIUM = {"on", "by", "over", "via", "through"}  # "on the telephone", "by video link"
# Phrases that put a meeting noun on a verb whose subject takes part: "left after talks with X", "flew to Moscow
# for talks with X", "said at a meeting with X".
_TIME_PREPOSITIONS = {"after", "before", "during", "following", "ahead", "from", "since", "at", "in", "for", "into",
                      "through", "throughout"}
_ABSTRACT_PLACES = {"area", "point", "issue", "ground", "respect", "matter", "subject", "question", "one"}
_MEASURES = {"hour", "day", "week", "minute", "round", "series", "couple", "number", "set"}  # "a round of talks"
# "met regularly", "talks often": meetings in general, not one meeting.
_ITERATIVE = {"regularly", "frequently", "often", "repeatedly", "routinely", "occasionally", "sometimes", "rarely",
              "seldom", "constantly", "usually", "weekly", "monthly", "daily"}
_CLIMB = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "amod", "nsubjpass", "attr", "conj", "relcl",
          "compound", "oprd", "agent", "pcomp", "acomp", "appos"}


@dataclass(frozen=True)
class Lexicon:
    """The words of configs/meetings.yaml, as lookups."""
    verbs: dict
    holding_verbs: frozenset
    nouns: dict
    phone: frozenset
    video: frozenset
    status: dict          # governing word (lemma or phrase) -> status
    future_modals: frozenset
    possible_modals: frozenset
    discussion_verbs: frozenset
    discussion_prepositions: frozenset
    vague_topics: frozenset
    statement_verbs: frozenset
    group_subjects: tuple
    light_nouns: frozenset
    attendance_verbs: frozenset
    topic_nouns: frozenset
    attendee_cues: tuple
    speech_verbs: frozenset
    purpose_nouns: frozenset
    journey_nouns: frozenset
    addressee_verbs: frozenset
    relation_nouns: frozenset
    agenda_verbs: frozenset
    preparation_nouns: frozenset
    reporting_verbs: frozenset
    greeting_words: frozenset = frozenset()
    presence_verbs: dict = field(default_factory=dict)  # "be (here with X)": a meeting verb only with its particle

    @functools.cached_property
    def meeting_verbs(self):
        """The verbs that may report a meeting, with their specs: `verbs` and `presence_verbs`."""
        return {**self.presence_verbs, **self.verbs}

    @classmethod
    def from_config(cls, config):
        status = {}
        for name in ("cancelled", "proposed", "planned", "accepted"):  # a word listed twice keeps its first status
            for word in config.get("status_words", {}).get(name) or []:
                status.setdefault(word, name)
        return cls({k: v or {} for k, v in (config.get("verbs") or {}).items()},
                   frozenset(config.get("holding_verbs") or ()),
                   {k: v or {} for k, v in (config.get("nouns") or {}).items()},
                   frozenset(config.get("phone_words") or ()), frozenset(config.get("video_words") or ()),
                   status, frozenset(config.get("future_modals") or ()),
                   frozenset(config.get("possible_modals") or ()),
                   frozenset(config.get("discussion_verbs") or ()),
                   frozenset(config.get("discussion_prepositions") or ()),
                   frozenset(config.get("vague_topics") or ()),
                   frozenset(config.get("statement_verbs") or ()), tuple(config.get("group_subjects") or ()),
                   frozenset(config.get("light_nouns") or ()), frozenset(config.get("attendance_verbs") or ()),
                   frozenset(config.get("topic_nouns") or ()), tuple(config.get("attendee_cues") or ()),
                   frozenset(config.get("speech_verbs") or ()), frozenset(config.get("purpose_nouns") or ()),
                   frozenset(config.get("journey_nouns") or ()), frozenset(config.get("addressee_verbs") or ()),
                   frozenset(config.get("relation_nouns") or ()), frozenset(config.get("agenda_verbs") or ()),
                   frozenset(config.get("preparation_nouns") or ()),
                   frozenset(config.get("reporting_verbs") or ()),
                   frozenset(config.get("greeting_words") or ()),
                   {k: v or {} for k, v in (config.get("presence_verbs") or {}).items()})


@dataclass(frozen=True)
class Predicate:
    head: int            # token index of the meeting word
    lemma: str
    kind: str            # verb | noun
    holder: int = None   # the verb that holds a meeting noun (held talks, after talks: the verb the phrase is on)
    format: str = None   # phone | video, when its words say so
    status: str = None   # held | planned | proposed | cancelled when the words around it say so
    negated: bool = False
    conditional: bool = False
    iterative: bool = False
    greeting: int = None  # the "is" of "It is an honour to be here with X": whoever says it meets X


def find(doc, lexicon):
    """The meeting predicates of a parsed sentence, in order. A meeting noun's holder is a verb of
    `holding_verbs` (held talks) or the verb a time phrase on it qualifies (left after talks with X)."""
    found = []
    for token in doc:
        if token.pos_ not in _VERB_TAGS and token.pos_ not in _NOUN_TAGS:
            continue
        word = lemma(token)
        if token.pos_ in _VERB_TAGS and word in lexicon.meeting_verbs:
            spec = lexicon.meeting_verbs[word]
            if spec.get("particle") and not any(c.dep_ in ("prt", "advmod", "dobj") and c.lower_ == spec["particle"]
                                                for c in token.children):  # "sat down with", "played host to"
                continue
            if set(_particles(token)) & set(spec.get("not_with") or ()) or _naming(token) or _figurative(token):
                continue
            if spec.get("complement") and not _complemented(token, spec["complement"], lexicon):
                continue
            if spec.get("performative") and _performed(token):
                continue  # "I warmly welcome X to Y": a greeting a statement makes
            if _in_person(token, spec) and any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ == "VERB"
                                               for c in token.children):
                continue  # "called on X to withdraw": urged, not visited
            found.append(_predicate(token, word, "verb", None, spec, lexicon))
        elif token.pos_ in _NOUN_TAGS and (token.lower_ in lexicon.nouns or word in lexicon.nouns):
            spec = lexicon.nouns.get(token.lower_) or lexicon.nouns[word]
            if spec.get("modifiers") and not any(c.lower_ in spec["modifiers"] for c in token.lefts) or \
                    spec.get("of") and not any(c.lower_ == "of" and any(p.lower_ in spec["of"] for p in c.children)
                                               for c in token.rights) or _figurative(token):
                continue  # "a press conference", "an exchange of prisoners"
            found.append(_predicate(token, token.lower_ if token.lower_ in lexicon.nouns else word, "noun",
                                    _holder(token, lexicon), spec, lexicon))
    return _one_format(found, doc)


def _one_format(found, doc):
    """Meeting nouns one verb holds are one meeting told twice ('held a virtual summit, their first talks since
    X'): the format the first says is that of the others naming no party of their own; and a meeting verb takes the
    format of a meeting noun in a phrase on it ('spoke with X on a call')."""
    said, out = {}, []
    for p in found:
        if p.kind == "noun" and p.holder is not None:
            if p.format is None and said.get(p.holder) and not any(
                    c.dep_ == "prep" and c.lower_ in ("with", "between") for c in doc[p.head].children):
                p = replace(p, format=said[p.holder])
            said.setdefault(p.holder, p.format)
        elif p.kind == "verb" and p.format is None:
            p = replace(p, format=next((n.format for n in found if n.format and _on(doc[n.head], p.head)), None))
        out.append(p)
    return out


def _on(noun, verb):
    """Whether a noun is the object of a preposition of means on the verb at index `verb` ('spoke on a call')."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _ON_A_CALL and noun.head.head.i == verb


def _in_person(token, spec):
    """Whether words on a call make it a visit: 'a courtesy call', 'called on X' (a preposition right after it; not
    'a call on Monday')."""
    words = spec.get("in_person") or ()
    return any(c.lower_ in words and (c.dep_ != "prep" or c.i == token.i + 1 and not find_dates(
        text_of(token.doc)[c.idx:c.right_edge.idx + len(c.right_edge)])) for c in token.children)


def _predicate(token, word, kind, holder, spec, lexicon):
    fmt = spec.get("format")
    if fmt and _in_person(token, spec):
        fmt = None  # "a courtesy call on X", "called on X": a visit
    holding = holder if holder is not None and kind == "noun" and (_holds(holder, lexicon) or lemma(
        holder) in lexicon.meeting_verbs and not set(_particles(holder)) & set(
        lexicon.meeting_verbs[lemma(holder)].get("not_with") or ())) else None  # ("did not meet at the summit"; but
    # "in meetings with X, he had not called for Y")
    said = _greeting(token, lexicon) if kind == "verb" else None
    return Predicate(token.i, word, kind, holder.i if holder is not None else None,
                     format_near(token, lexicon) or fmt, status_of(token, lexicon),
                     negated(token, holding), conditional(token), iterative(token, holder),
                     said.i if said is not None else None)


def _holds(verb, lexicon):
    """Whether a verb holds or attends a meeting noun ('did not hold talks', 'did not attend the meeting'), rather
    than happening at its time ('that was not said in my talks with X': the talks were held)."""
    return bool({phrasal(verb), lemma(verb)} & (lexicon.holding_verbs | lexicon.attendance_verbs))


def _performed(verb):
    """Whether a verb is said in the first person of the simple present ('I welcome', 'we welcome')."""
    return verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _figurative(token):
    """'one of the few areas where X and Y meet' (however the parse tags 'meet'): views that meet, not people;
    'in consultation with X' (no article): done with X's agreement, not a meeting."""
    if token.lower_ == "consultation" and token.dep_ == "pobj" and token.head.lower_ == "in" and not any(
            c.dep_ in ("det", "poss", "amod") for c in token.children):
        return True
    return token.dep_ == "relcl" and lemma(token.head) in _ABSTRACT_PLACES and any(
        c.lower_ == "where" for c in token.children)


def _particles(verb):
    """The particles and prepositions on a verb, however the parse attached them: 'called off', 'called for X to
    go' (the 'for' a clause's marker)."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    marker = [after.lower_] if after is not None and after.dep_ == "mark" else []
    return [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")] + marker


def _complemented(verb, words, lexicon):
    """'invited X to visit', 'invited X to Moscow', 'invited X to talks': a meeting verb or a destination after."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and lemma(c) in words:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(
                p.pos_ == "PROPN" or lemma(p) in lexicon.nouns for p in c.children if p.dep_ == "pobj"):
            return True
    return False


def phrasal(verb):
    """'call off' for 'called off', 'take part' for 'took part', 'hold' for 'held'."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is None and lemma(verb) in _LIGHT_VERBS:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "dobj"), None)
    return f"{lemma(verb)} {particle}" if particle else lemma(verb)


def attended(predicate, doc, lexicon):
    """Whether the meeting noun is what its holder's subject attends ('X took part in the talks')."""
    return predicate.holder is not None and (
        phrasal(doc[predicate.holder]) in lexicon.attendance_verbs or lemma(doc[predicate.holder])
        in lexicon.attendance_verbs)


def _holder(noun, lexicon):
    """The verb a meeting noun belongs to: the one holding it (held talks), or the one a time phrase on it
    modifies (left after talks with X: 'left')."""
    held = [c for c in noun.children if c.dep_ == "relcl" and lemma(c) in lexicon.holding_verbs
            and not any(d.dep_ in ("dobj", "nsubjpass") and d.tag_ != "WDT" for d in c.children)]
    if held:  # "the meeting I was having with X", "the talks (that) they held on Monday"
        return held[0]
    token = noun
    while token.dep_ in _HELD_BY and token.head != token:
        token = token.head
        if token.lower_ == "of" and lemma(token.head) in _MEASURES:  # "held two hours of talks"
            token = token.head
            continue
        if token.pos_ in _VERB_TAGS:
            held = phrasal(token) in lexicon.holding_verbs | lexicon.attendance_verbs or lemma(token) in (
                lexicon.holding_verbs | lexicon.attendance_verbs)
            return token if held else None
        told = _told_before(token, lexicon) if token.dep_ == "prep" else None
        if told is not None:
            return told
        if token.dep_ == "prep" and token.head.pos_ in _VERB_TAGS:  # "left after talks", "sat in on talks"
            words = {phrasal(token.head), lemma(token.head)} | {f"{lemma(token.head)} {c.lower_}" for c in
                                                                  token.head.children if c.dep_ == "advmod"}
            aims = token.lower_ in ("to", "for") and words & set(lexicon.status)  # "looks forward to talks with X"
            return token.head if token.lower_ in _TIME_PREPOSITIONS or words & lexicon.attendance_verbs or aims \
                else None
        if token.dep_ == "prep" and token.head.lower_ in ("ahead", "prior") and token.head.head.pos_ in _VERB_TAGS:
            return token.head.head  # "said ahead of a meeting with X"
        if token.pos_ in _NOUN_TAGS and token.dep_ not in ("pobj", "conj", "appos"):
            return None
    return None


def _told_before(prep, lexicon):
    """'X told Y, in a phone call, Z reserves the right': the verb of speaking whose object a phrase set off by a
    comma follows, where the parser hung the phrase on the clause after it."""
    doc = prep.doc
    if prep.i < 2 or doc[prep.i - 1].text != ",":
        return None
    verb = doc[prep.i - 2].head if doc[prep.i - 2].dep_ in ("dobj", "dative") else None
    return verb if verb is not None and verb != prep.head and lemma(verb) in lexicon.addressee_verbs else None


def format_near(token, lexicon):
    """phone | video from the words on the meeting word (a phone call, spoke by telephone, discussed it on the
    telephone), or None."""
    words = {lemma(t) for t in token.children} | {t.lower_ for t in token.children}
    words |= {lemma(w) for t in own_phrases(token) if t.head.dep_ in ("prep", "agent") and t.head.lower_ in _MEDIUM
              for w in (t, *t.children)}  # "by telephone", "by video link"
    if token.dep_ == "pobj":  # "on the telephone": the phrase the noun is in
        words |= {lemma(token.head.head)}
    if words & lexicon.video or lemma(token) in lexicon.video:
        return "video"
    if words & lexicon.phone or lemma(token) in lexicon.phone:
        return "phone"
    return None


def _naming(verb):
    """'called X a liar': an object and a name given to it (but 'has called Trump to congratulate him', the parser
    reading the object alone as a predicate, is a call)."""
    deps = {c.dep_ for c in verb.children}
    return "oprd" in deps and "dobj" in deps


def own_phrases(token):
    """The tokens of `token`'s subtree outside the clauses under it (a relative clause is about something else)."""
    todo, out = [token], []
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp", "dep",
                                                            "parataxis") and not (c.dep_ == "conj" and c.pos_ == "VERB"))
    return out


def status_of(token, lexicon):
    """The status the governing words give: a modal or an aux on the meeting word or its verbs, or a word such as
    planned, wanted, invited or cancelled that the meeting word depends on; None when only the tense can tell."""
    found, bounded, start = None, False, token
    for _ in range(8):
        here = _status_here(token, lexicon)
        if here == "accepted":  # "accepted an invitation to visit": a plan
            here, found = None, "planned" if found == "proposed" else found
        if here == "cancelled":  # "postponed a visit to X, where he was to meet Y": the whole plan is off
            return here
        if token is not start and not bounded and _denied(token, lexicon):  # "will not be able to meet X", "does
            return "cancelled"  # not plan to visit X": it will not happen
        found = found or (None if bounded else here)
        if any(c.dep_ == "aux" and c.lower_ == "having" for c in token.children):
            return found  # "Having met X, I look forward to ...": done before what the clause it is on says
        if _present_in_time_clause(token) and (any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals
                                                   for c in token.head.children) or _asks_ahead(token.doc, lexicon)):
            return found or "planned"  # "(will you) raise X when you meet Y": the present of a time clause of a
            # future
        if token.dep_ not in _CLIMB or token.head == token or _finite(token) and token.dep_ != "relcl" and not (
                _subjunctive(token) and lemma(token.head) in lexicon.status):
            return found  # a finite verb with its own subject: its tense tells ("he said he met"; but "proposed
            # that they meet" is a proposal)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and lemma(token.head.head) in lexicon.purpose_nouns:
            return found  # "the aim of my talks with X was to explore Y": what they were for, not a plan
        if token.dep_ == "acl" and start.pos_ == "VERB" and lemma(token.head) in lexicon.purpose_nouns:
            ahead = _ahead(token.head)  # "I welcome the opportunity to discuss X with Y": ahead; "X does not
            if ahead:  # have the chance to meet Y": off
                return found or ahead
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in _CIRCUMSTANCE:  # "agreed in a phone call",
            # "in talking with X, Y proposed": the call is
            verb = token.head.head  # where it was agreed, not what; "in a long-awaited call, X spoke": the tense tells
            modal = any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals
                        for c in verb.children)  # ("would fly home after meeting X", "after a call on X, Y will")
            if modal or _finite(verb) or found or lemma(verb) not in lexicon.verbs:
                return "planned" if modal else None if _finite(verb) else found
            token = verb  # "plan to discuss X in talks": as the meeting verb it is in stands
            continue
        bounded = bounded or _finite(token) and not _subjunctive(token)  # beyond a relative clause of its own, only
        # a cancellation counts
        if token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in token.head.children):
            here = _status_here(token.head, lexicon)  # "urged X to meet Y"; but "refused to meet A, leaving B to
            return found or (None if bounded or here == "accepted" else here)  # hold talks": B's talks are held
        token = token.head
    return found


def _ahead(noun):
    """How what a noun offers stands when the verb that has it ('welcome the opportunity', 'is waiting for a
    chance') is in the present or the future: planned, or cancelled when the verb is negated ('does not have the
    chance'); None in the past or a participle alone ('took the opportunity', 'Taking the opportunity, X met')."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if noun.dep_ not in ("dobj", "attr", "pobj") or verb.pos_ not in ("VERB", "AUX") or not (
            verb.tag_ in ("VB", "VBP", "VBZ") or verb.tag_ == "VBG" and aux) or any(c.tag_ == "VBD" for c in aux):
        return None
    return "cancelled" if any(c.dep_ == "neg" for c in verb.children) else "planned"


def _denied(token, lexicon):
    """Whether a word of planning, wanting or ability is negated ('does not plan', 'did not want', 'will not be
    able'; not 'did not hesitate', 'could not wait', nor a noun's 'no': 'no details of the planned meeting')."""
    able = lemma(token) == "be" and any(c.dep_ == "acomp" and c.lower_ == "able" for c in token.children)
    return (able or lemma(token) in lexicon.status) and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "neg" for c in token.children)


def _present_in_time_clause(token):
    """'when you meet X', 'once they meet': a verb in the present in a clause of time."""
    return token.dep_ == "advcl" and token.tag_ in ("VB", "VBP", "VBZ") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before", "while", "until")
        for c in token.children)


def _asks_ahead(doc, lexicon):
    """Whether a sentence opens, after a speaker's label, with a future modal ('JOURNALIST: Will you ...')."""
    start = next((k + 1 for k, t in enumerate(doc[:6]) if t.text == ":"), 0)
    words = [t for t in doc[start:] if not t.is_space]
    return bool(words) and words[0].lower_ in lexicon.future_modals and text_of(doc).rstrip().endswith("?")


def _subjunctive(token):
    """'(proposed) that they meet': a clause of a bare verb under 'that', with no auxiliary."""
    return token.dep_ == "ccomp" and token.tag_ in ("VB", "VBP") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children)


def _finite(token):
    """A verb with its own subject and tense ('he met', 'I have met')."""
    tensed = token.tag_ in _FINITE or perfect(token)
    return tensed and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def perfect(token):
    """Whether a verb is in a perfect tense ('have met', 'had met')."""
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had", "'ve")
                                       for c in token.children)


def _status_here(token, lexicon):
    word = lemma(token)
    phrases = {f"{word} {c.lower_}" for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
    for phrase in phrases:
        if phrase in lexicon.status:
            return lexicon.status[phrase]
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in lexicon.future_modals | lexicon.possible_modals:
            return "planned"
        if child.dep_ == "amod" and lemma(child) in lexicon.status:
            return lexicon.status[lemma(child)]
    if word in lexicon.status and token.pos_ in {"VERB", "ADJ", "AUX"} | _NOUN_TAGS and not (
            word == "go" and token.tag_ != "VBG"):  # "going to meet" is a plan, "went into a meeting" is not
        return lexicon.status[word]
    if word == "be" and any(c.dep_ == "xcomp" or c.dep_ == "advcl" and token.tag_ in ("VBZ", "VBP") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children):
        return "planned"  # "is to meet", "is in London to meet"
    subject = [lexicon.status[lemma(c)] for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
               and c.pos_ in _NOUN_TAGS and lemma(c) in lexicon.status]
    if token.pos_ == "VERB" and subject:  # "arrangements have been made for him to visit"
        return subject[0]
    said = [lexicon.status[lemma(c)] for c in token.children if c.dep_ == "acomp" and lemma(c) in lexicon.status]
    if word == "be" and said:  # "a meeting was possible in June"
        return said[0]
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in _NOUN_TAGS:  # "the meeting will clarify ..."
        return _status_here(token.head, lexicon) if token.head != token else None
    return None


def negated(token, holder=None):
    """'did not meet', 'no talks were held', 'never spoke with'."""
    for t in filter(None, (token, holder)):
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") and c.dep_ in ("det", "advmod", "neg")
               for c in t.children):
            return True
    return False


def iterative(token, holder=None):
    """'met regularly', 'has regular meetings', 'spoke several times', 'have had 13 phone calls', 'every time X
    met Y': meetings in general (but 'met 20 times, most recently in November' names the last of them)."""
    if any(t.lower_ == "recently" and any(c.lower_ == "most" for c in t.children) for t in token.subtree):
        return False
    for t in filter(None, (token, holder)):
        times = [t.head] if t.dep_ == "relcl" else [c for c in t.children if c.dep_ == "npadvmod"]
        if any(w.lower_ == "time" and any(d.lower_ in ("every", "each") for d in w.children) for w in times):
            return True  # "every time I have spoken to X", "each time X met Y"
        for c in t.children:
            if c.lower_ in _ITERATIVE or c.dep_ == "amod" and c.lower_ in ("regular", "frequent", "periodic"):
                return True
            if c.dep_ in ("npadvmod", "advmod", "dobj") and c.lower_ in ("times", "occasions"):
                return True
            if c.dep_ == "prep" and any(g.lower_ in ("times", "occasions") for g in c.children):
                return True
            if t.tag_ == "NNS" and c.dep_ == "nummod" and c.like_num:  # a count of meetings
                return True
    return False


def purpose_of(predicate, doc, heads):
    """Whether a discussion verb is the purpose of another meeting word of the sentence ('held a call to discuss
    trade'): that meeting's topics, not a meeting of its own."""
    token = doc[predicate.head]
    return predicate.kind == "verb" and predicate.lemma == "discuss" and token.dep_ in ("xcomp", "advcl") and \
        token.head.i in heads


def conditional(token):
    """A meeting in a condition ('if they meet', 'unless he is invited') is not reported."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _greeting(verb, lexicon):
    """'It is an honour to be here with X', 'it is a pleasure to welcome X', 'it's great to see X': an infinitive
    whose subject is whoever says the sentence, after an expletive 'it' and a word of pleasure. The 'is' it is
    said with, or None."""
    frame = verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or lemma(frame) not in \
            lexicon.greeting_words or verb.dep_ not in ("relcl", "xcomp", "acl"):
        return None
    said = frame.head if frame.dep_ in ("attr", "acomp") else frame
    return said if lemma(said) == "be" and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in said.children) else None


def saying(clause):
    """The subject token of the verb of saying a clause is quoted by ('"...," Y said'), or None."""
    if clause.dep_ not in ("ccomp", "parataxis") or lemma(clause.head) not in SAYING:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def speaker(token):
    """Who says 'we' or 'I' in '"We discussed X," Y said', 'Y said: "I met X"', 'Y told the nation: "As a result of
    a call I had with X, ..."': the subject token of the saying verb, else of the clause whose colon opens the quote
    the word is in; else None."""
    if token.lower_ not in ("we", "i"):
        return None
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    said = saying(verb)
    if said is not None:
        return said
    colon = next((t for t in reversed(token.doc[:token.i]) if t.text == ":"), None)
    if colon is None or colon.head.i > colon.i or colon.i + 1 >= token.i or token.doc[colon.i + 1].text not in _OPENING:
        return None
    return next((c for c in colon.head.children if c.dep_ == "nsubj" and c.i < colon.i), None)
