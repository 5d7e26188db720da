"""What a meeting predicate's sentence says of the meeting: its status (from the words that govern it, else its
tense and date), format, date, place and duration. Each reads the phrases that hang on the predicate (or on the
verb that holds it) before anything else in the sentence."""
import re

from transforms.extract import durations
from transforms.extract.dates import find_dates, resolve
from transforms.extract.places import DATELINE, locate
from transforms.extract.predicates import SAYING, lemma, own_phrases, perfect, phrasal

_PAST = {"VBD", "VBN"}
_PHONES = {"telephone", "phone"}
_VIDEOS = {"video", "videolink", "videoconference", "link"}
# Verbs of going somewhere, whose place and time a meeting that is their purpose shares.
_JOURNEYS = {"travel", "fly", "go", "come", "arrive", "head", "visit", "leave", "return", "stop", "tour", "land"}
_JOURNEY_NOUNS = {"trip", "flight", "journey", "mission"}
_TRIPS = {"trip", "journey", "tour", "visit", "plan"}  # what is called off when a meeting ahead is
# Verbs whose subject, a meeting, happens where and when they say: "took place in X", "began on Monday".
_OCCURRING = {"take", "happen", "occur", "begin", "start", "end", "last", "conclude", "continue", "resume",
              "open", "close", "go", "proceed", "finish", "plan", "schedule", "set", "hold"}
_DISCUSS = {"discuss", "talk", "cover", "address", "raise", "review"}
_ABOUT = {"about", "regarding", "concerning"}  # what a meeting was about, not where
# Prepositions that put a meeting noun after the main event: "said ahead of the meeting".
_BEFORE = {"before", "ahead", "prior", "until"}
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|stated|added|noted)\s+(?:\w+\s+){0,2}$")
# A wire story's dateline ("TOKYO, March 3 -", "WASHINGTON, June 12 (Reuters) -"): the story's date, not a meeting's.


def _journey_and_its_verb(noun):
    """A journey noun and the verb it is the object of, through an apposition ('made a trip', 'endured his first
    test, a flight')."""
    node = noun.head if noun.dep_ == "appos" else noun
    return [noun] + ([node.head] if node.dep_ == "dobj" else [])


def anchors(predicate, doc):
    """The tokens phrases about the meeting hang on: the meeting word; the verb that holds a meeting noun; the
    journey a meeting verb is the purpose of ('will travel to Tokyo next month to meet X'); the complement of an
    invitation ('invited X to visit Nairobi')."""
    head = doc[predicate.head]
    out = [head]
    if predicate.holder is not None:
        out.append(doc[predicate.holder])
    for verb in list(out):
        if verb.dep_ in ("xcomp", "advcl", "conj") and (lemma(verb.head) in _JOURNEYS or any(
                c.dep_ == "dobj" and lemma(c) in _JOURNEYS | _JOURNEY_NOUNS for c in verb.head.children)):
            out.append(verb.head)  # "will travel to X to meet Y", "visited X and met Y", "made a trip ... to meet"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and lemma(verb.head.head) in _JOURNEYS:
            out.append(verb.head.head)  # "travelling to X on Friday to meet Y", the purpose parsed on "on"
        if verb.dep_ == "acl" and lemma(verb.head) in _JOURNEYS | _JOURNEY_NOUNS:  # "his first test, a flight to
            out.extend(_journey_and_its_verb(verb.head))  # X to meet Y"
        out.extend(c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and lemma(c) in _JOURNEYS)
    parties = [c for c in head.children if c.dep_ == "prep" for c in c.children]
    for party in [head, *parties, *(c for p in parties for c in p.children if c.dep_ == "conj")]:
        out.extend(c for c in party.children if c.dep_ in ("relcl", "acl") and lemma(c) in _OCCURRING)  # "... that
        # had been scheduled for Friday in X", "the meeting, scheduled for Friday", however the parse attached it
    if head.dep_ == "nsubj" and lemma(head.head) == "be":  # "the meeting was the Helsinki summit on July 16"
        out.extend(c for c in head.head.children if c.dep_ == "attr")
    elif head.dep_ in ("nsubj", "nsubjpass") and lemma(head.head) in _OCCURRING:  # "the meeting took place in X"
        out.append(head.head)
    return out


def status(predicate, doc, date, published, lexicon=None):
    """held | planned | proposed | cancelled."""
    if predicate.status != "cancelled" and lexicon is not None and _cancelled_after(predicate, doc, lexicon):
        return "cancelled"
    if predicate.status:
        return predicate.status
    verb = doc[predicate.head] if predicate.kind == "verb" else (
        doc[predicate.holder] if predicate.holder is not None else None)
    if verb is not None and verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am")
                                                       for c in verb.children):
        return "planned"  # "are meeting today": the report comes before the meeting
    head = doc[predicate.head]
    if head.dep_ == "pobj" and head.head.lower_ in _BEFORE | {"of"} and (
            head.head.lower_ != "of" or head.head.head.lower_ in _BEFORE) and not _met_before(head, lexicon):
        return "planned"  # "said ahead of a meeting with X"
    if verb is not None and lexicon is not None and any(  # "In my talks with X, I shall raise Y"
            c.dep_ == "aux" and c.lower_ in lexicon.future_modals for c in verb.children):
        return "planned"
    if verb is not None and scheduled(predicate, doc) and any(
            w.lower_ == "later" for c in verb.children for w in (c, *c.children)):
        return "planned"  # "later today he meets X"
    if date is not None and published is not None:
        return "planned" if date > published else "held"
    if verb is None:
        head = doc[predicate.head]
        prep = head.head if head.dep_ == "pobj" else None
        return "planned" if prep is not None and prep.lower_ in _BEFORE else "held"
    return "held"


def _met_before(noun, lexicon):
    """'X welcomed Y with honours before their talks': a meeting verb in the past that a meeting noun of no parties
    of its own followed, on the same visit (so held as well; not 'met Y ahead of their talks with Z')."""
    verb = noun.head.head if noun.head.lower_ != "of" else noun.head.head.head
    return lexicon is not None and verb.tag_ == "VBD" and lemma(verb) in lexicon.verbs and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "of") for c in noun.children)


def tenseless(predicate, doc):
    """'(worried about the outcome of) the talks between X and Y': a definite meeting noun no verb of its own holds
    and no word marks as held or ahead (not the object of a verb in the past: 'I have appreciated the talks with
    X'), which may be a meeting the article reports elsewhere, however it stands."""
    head = doc[predicate.head]
    past = head.head.tag_ == "VBD" or perfect(head.head)
    return predicate.kind == "noun" and predicate.holder is None and predicate.status is None and not (
        head.dep_ != "pobj" and past) and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def scheduled(predicate, doc):
    """Whether the meeting verb is in the simple present of a timetable ('X meets Y on Friday'), whose weekday
    lies ahead."""
    verb = doc[predicate.head] if predicate.kind == "verb" else (
        doc[predicate.holder] if predicate.holder is not None else None)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _cancelled_after(predicate, doc, lexicon):
    """'after a planned summit in X with Y and Z was cancelled', however the parse attached the verb: a passive
    cancellation after a meeting noun, with no other meeting word between them; after a meeting verb, one of the
    journey or of 'it' ('was expected to meet X, but the trip was called off')."""
    for token in doc[predicate.head + 1:]:
        if token.tag_ == "VBN" and "cancelled" in (lexicon.status.get(lemma(token)), lexicon.status.get(
                phrasal(token))) and any(c.dep_ == "auxpass" for c in token.children):  # ("called off")
            return predicate.kind == "noun" or any(c.dep_ == "nsubjpass" and (lemma(c) in _TRIPS or c.lower_ == "it")
                                                  for c in token.children)
        if lemma(token) in lexicon.nouns or lemma(token) in lexicon.verbs:
            return False
    return False


def date_of(predicate, doc, text, published, future, lexicon):
    """The date mention that belongs to the meeting: one hanging on it (or on its holding verb, its journey, the
    clause a 'where' or 'during which' clause holding it is on, the verb it is coordinated with), else the nearest
    in its clause that is not a date of something said or of calling the meeting off; with its resolved (date,
    precision)."""
    dateline = DATELINE.match(text)
    head = doc[predicate.head]
    mentions = [d for d in find_dates(text) if not _said_on(d, doc, text, head)
                and not _called_off_on(d, doc, lexicon)
                and not (dateline and d.start < dateline.end())]
    if not mentions:
        return None, (None, None)
    at = head.idx
    targets = anchors(predicate, doc) + _occasion(predicate, doc)
    own = [d for d in mentions if _attached(d, doc, targets)]
    clause = {_clause_of(t) for t in targets}
    near = own or [d for d in mentions if any(_clause_of(t) in clause for t in _tokens(d, doc))]
    if not near:
        return None, (None, None)
    chosen = min(near, key=lambda d: abs(d.start - at) * (1 if d.start > at else 1.5))
    return chosen, resolve(chosen, published, future)


def _clause_of(token):
    """The verb heading the clause a token is in (the root for the main clause)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass", "amod") or node.head == node:
            return node
        node = node.head
    return node


def _tokens(mention, doc):
    return [t for t in doc if mention.start <= t.idx < mention.end]


def _attached(mention, doc, targets):
    """Whether the date's tokens depend on one of `targets` without passing another verb."""
    for token in _tokens(mention, doc):
        node = token
        for _ in range(6):
            if node in targets:
                return True
            if node.head == node or node.pos_ in ("VERB", "AUX") and node not in targets:
                break
            node = node.head
    return False


def _occasion(predicate, doc):
    """The verbs whose time a meeting shares: the one a relative clause holding it hangs on ('visited the White
    House on Friday, where he held talks'; 'arrive on Monday for a visit, during which he will hold talks'), and
    the one it is coordinated with ('met A on Thursday, and later met B'), and the verb an act done during it
    completes ('agreed on Saturday to deepen ties during a meeting')."""
    out = []
    head = doc[predicate.head]
    if head.dep_ == "pobj" and head.head.lower_ in ("during", "at") and head.head.head.dep_ == "xcomp":
        out.append(head.head.head.head)
    for verb in anchors(predicate, doc):
        node = verb
        for _ in range(4):
            if node.dep_ == "relcl":
                if _of_place_or_time(node):  # not "an officer who described the call"
                    out.extend(t for t in _ancestors(node.head) if t.pos_ in ("VERB", "AUX"))
                break
            if node.dep_ == "conj" and node.head.pos_ == "VERB":
                out.append(node.head)
                break
            if node.head == node or node.pos_ == "VERB" and node != verb:
                break
            node = node.head
    return out


def _of_place_or_time(clause):
    """A relative clause about a place or time: 'where he met X', 'when they met', 'during which he met X'."""
    return any(c.lower_ in ("where", "when") or c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)
               for c in clause.children)


def _ancestors(token):
    while token.head != token:
        token = token.head
        yield token


def _called_off_on(mention, doc, lexicon):
    """'the meeting was cancelled on Thursday': the date of calling it off (but 'postponed until March' is when
    it is now to be)."""
    node = next(iter(_tokens(mention, doc)), None)
    while node is not None and node.head != node and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ in ("until", "till", "to", "for"):
            return False
        node = node.head
    return node is not None and "cancelled" in (lexicon.status.get(phrasal(node)), lexicon.status.get(lemma(node)))


def _said_on(mention, doc, text, meeting):
    """'said on Monday', 'told reporters yesterday': the date of a statement, not of the meeting (but 'in a
    phone call on Monday, X told Y': the date is on the `meeting` word; and 'was not said yesterday in my talks
    with X': the meeting is when it was said)."""
    if meeting.dep_ == "pobj" and meeting.head.lower_ in ("in", "during", "at") and \
            lemma(meeting.head.head) in SAYING:
        return False
    if _SAID_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return True  # "Lula said on Monday he had spoken with ...", however the parse attached it
    for token in _tokens(mention, doc):
        node = token
        for _ in range(4):
            if node.head == node:
                break
            node = node.head
            if node == meeting:
                break
            if node.pos_ in ("VERB", "AUX"):
                if lemma(node) in SAYING:
                    return True
                break
    return False


def format_of(predicate, doc, text):
    """phone | video | None (in person)."""
    if predicate.format:
        return predicate.format
    for k, anchor in enumerate(anchors(predicate, doc)):
        phrases = own_phrases(anchor)
        words = {lemma(t) for t in phrases if t.head.lower_ in ("by", "on", "over", "via")} if k else set()
        if words & _VIDEOS:
            return "video"
        if words & _PHONES:
            return "phone"
        calls = [t for t in phrases  # "In a call, X spoke with Y": the call is the meeting
                 if t.head.lower_ in ("in", "during") and t.dep_ == "pobj" and lemma(t) == "call"]
        if calls and _call_format(calls[0]):
            return _call_format(calls[0])
    return None


def _call_format(call):
    """video for 'a video call', None for 'a courtesy call' (a visit), else phone."""
    words = {lemma(c) for c in call.children}
    return "video" if words & _VIDEOS else None if "courtesy" in words else "phone"


_BEFORE_AFTER = {"before", "after", "ahead", "prior", "following", "since", "until"}


def place_of(predicate, doc, text, gaz, others=()):
    """Venue, city, country and summit series the sentence gives for the meeting: named in a phrase on the meeting
    word or its verb ("met in Osaka", "talks at the White House", "In Hong Kong, X will meet"), or as the place a
    'where' clause is about ("in Riyadh, where he met X"); places named elsewhere in the sentence (what was
    discussed, where someone else went, the place of another meeting word `others` names, as in 'after talks with
    X ahead of her visit to Moscow') are not its place."""
    targets, at = anchors(predicate, doc), doc[predicate.head].idx
    on_it, around = _where_clause(doc[predicate.head], targets)
    found = [(start, end, [t for t in doc if start <= t.idx < end]) for kind in ("venue", "city", "country", "series")
             for start, end, _ in gaz.find(kind, text)]
    named = [(start, end) for start, end, tokens in found if any(t in on_it for t in tokens)]
    if named:  # "flew from X, where he met Y": X, however it is introduced, unless the meeting's own words say
        own = [t for t in targets if t.i in (predicate.head, predicate.holder)]
        loc = _kept(text, found, at, gaz, lambda tokens: _attached_place(tokens, own, others))
        return loc if loc.city or loc.venue else locate(" ".join("in " + text[s:e] for s, e in named), gaz)
    return _kept(text, found, at, gaz, lambda tokens: _attached_place(tokens, targets, others) or any(
        t in around for t in tokens))


def _kept(text, found, at, gaz, keep):
    """The location nearest `at` in `text` with only the `found` places whose tokens `keep` accepts."""
    kept = list(text)
    for start, end, tokens in found:
        if tokens and not keep(tokens):
            kept[start:end] = " " * (end - start)
    return locate("".join(kept), gaz, at)


def _attached_place(tokens, targets, others=()):
    """Whether a place's tokens hang on a target through prepositions and nouns only (not through another
    verb or meeting word, nor inside what was discussed, nor the country whose leader it names: "Japan's Prime
    Minister")."""
    for token in tokens:
        if token.dep_ == "poss" and token.head.pos_ == "PROPN":
            continue
        node = token
        for _ in range(8):
            if node in targets:
                return True
            if node.i in others and in_time_phrase(node):
                break  # "after talks with X ahead of her visit to Moscow": the visit's place
            if node.head == node or node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (
                    node.head not in targets or lemma(node.head) in _DISCUSS) or node.head.lower_ in _ABOUT:
                break  # another clause's noun, or what was discussed ("discussed the situation in Iran", "talked
                # about exports of wine to Chile")
            node = node.head
            if node.pos_ in ("VERB", "AUX") and node not in targets:
                break
    return False


def in_time_phrase(noun):
    """Whether a noun is the object of 'before', 'after', 'ahead of', 'prior to', 'following'."""
    prep = noun.head
    if prep.lower_ in ("of", "to") and prep.head != prep:
        prep = prep.head
    return prep.lower_ in _BEFORE_AFTER


def _where_clause(head, targets):
    """The words a 'where' clause holding the meeting is about: (the phrase it is on, the words before 'where'
    back to the clause's start, as in 'visited Riyadh on Friday, where he met X')."""
    for target in targets:
        node = target
        for _ in range(4):
            where = next((c for c in node.children if c.lower_ == "where"), None) if node.dep_ == "relcl" else None
            if where is not None:  # ("flew from Paris to Rome, where": Rome)
                return ({t for t in node.head.subtree if t.i < where.i},
                        {t for t in head.doc[:where.i] if t.i >= _clause_start(node.head)})
            if node.head == node:
                break
            node = node.head
    return set(), set()


def _clause_start(token):
    """The first token of the clause `token` is in."""
    return min(t.i for t in _clause_of(token).subtree)


def duration_of(predicate, doc):
    """Minutes the phrases on the meeting word and its verbs give ('a three-hour meeting', 'the talks lasted two
    hours', 'was held ... and lasted 80 minutes'), not another clause's."""
    head = doc[predicate.head]
    targets = [t for t in anchors(predicate, doc) if not (  # "waited for three hours for a meeting": the waiting
        head.dep_ == "pobj" and t.i == predicate.holder and head.head.head == t)]
    targets += [c for t in targets for c in t.children if c.dep_ == "conj" and lemma(c) in _OCCURRING]
    tokens = sorted({t.i for a in targets for t in own_phrases(a)})
    return durations.minutes("".join(doc[i].text_with_ws for i in tokens))
