"""What a meeting was about: the phrases the text says were discussed ("discussed trade and Syria", "talks on the
border dispute", "the call focused on grain exports"), one per coordinated item, without leading determiners, each
followed by the topic names (configs/topics.yaml) it holds."""
import re

from transforms.extract.arguments import CHANCES
from transforms.extract.dates import WEEKDAYS, find_dates
from transforms.extract.predicates import lemma, negated, phrasal

_DROP_DEPS = {"relcl", "advcl", "punct", "cc", "conj", "appos"}
_TIME_PREPOSITIONS = {"ahead", "before", "after", "during", "following", "since", "until", "at", "prior"}
_PLACES_OF_EVENTS = {"sideline", "sidelines", "margin", "margins", "side", "occasion", "eve", "behalf", "basis",
                     "phone", "telephone", "start", "end", "beginning", "course"}
_TIMES = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "hour", "minute"}
_ABOUT = {"about", "regarding", "concerning"}
_DURING = {"at", "during", "in", "throughout"}
_USING = {"use", "seize"}
_STATEMENT_PREPOSITIONS = {"on", "to", "about", "upon", "over"}
_NOT_TOPICS = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_PHONE = {"phone", "telephone", "video", "videoconference", "videolink"}
_CLAUSE_TOPIC_PREPOSITIONS = {"on", "about", "over", "in", "with", "against"}  # "how to cooperate on X"
_WH = {"how", "whether"}  # what a clause they open is about is its object: "discussed how to expand trade"
_EXAMPLES = {"including", "like", "notably", "especially", "particularly", "namely"}
_QUANTIFIERS = {"range", "number", "variety", "host", "series", "set", "list", "raft", "array", "lot"}
_ABOUT_PARTICIPLES = {"surrounding", "concerning", "regarding", "involving", "relating", "touching"}  # of what a
# framing noun is about ("situations surrounding X"; not "the issues facing X")
_LEADING = {"DET", "PRON", "CCONJ", "PUNCT", "PART", "ADP"}
_QUOTE = re.compile(r'["\u201c\u201d]')  # dropped from a phrase that opens a quote and does not close it
_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_LEADING_DET = re.compile(r"^(?:the|their|our|its)\s+", re.IGNORECASE)
_COMBINING = re.compile(r"^[A-Z][a-z]+o$")  # Franco-, Sino-, Russo- (the first of two states written together)
_DAY_PART = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.IGNORECASE)
_WEEKDAY = re.compile(rf"^(?:{'|'.join(WEEKDAYS)}),?\s+", re.IGNORECASE)  # "Friday November 14"
_WEAK_ADJ = {"other", "various", "several", "many", "some", "further", "certain", "specific", "main", "key",
             "important", "possible", "current", "recent", "latest", "new", "broader", "wider", "general", "common",
             "mutual", "whole", "entire", "forthcoming", "upcoming", "next", "coming", "shared", "positive",
             "close", "strong", "good"}


def about(doc, targets, lexicon, gaz=None, person=None):
    """Topics the sentence ties to the meeting words `targets` (the meeting word and its holding verb), without the
    people `person(token)` tells ('called on X')."""
    found = []
    for target in targets:
        found.extend(_prepositional(target, lexicon))
        found.extend(_kind(target, gaz))
        for noun in (p for c in target.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "at")
                     for p in c.children if p.dep_ == "pobj" and lemma(p) in lexicon.nouns):
            found.extend(_prepositional(noun, lexicon))  # "met X for talks on Y": the talks are the meeting
            found.extend(t for c in noun.children if c.dep_ in ("acl", "relcl")  # "for talks expected to cover Y"
                         for verb in _complements(c) for t in _discussed(verb, lexicon))
        found.extend(p for t in target.subtree if t.dep_ == "prep" and t.lower_ in _ABOUT and t.head != target
                     for p in t.children if p.dep_ in ("pobj", "pcomp"))  # "spoke with X about Y"
        for token in [target, *target.children]:
            if token != target and _speech(token, lexicon):
                continue  # "will meet X and address the chamber": a speech, not what was discussed
            if token == target or token.dep_ in ("xcomp", "advcl", "acl", "relcl", "conj", "ccomp", "pcomp"):
                for verb in _complements(token):  # "talks expected to focus on X"
                    found.extend(_discussed(verb, lexicon))
                if token != target and lemma(token) in lexicon.verbs:  # "met to talk about X"
                    found.extend(_prepositional(token, lexicon))
                if token.dep_ == "advcl" and token.tag_ == "VBG" and lemma(token) in lexicon.statement_verbs:
                    found.extend(_statement_objects(token, lexicon))  # "spoke with X, agreeing to fight Y"
        for verb in [target, *(c for c in target.children if c.dep_ == "acl")]:  # "his call congratulating Y on X"
            if lemma(verb) in lexicon.addressee_verbs:  # "in a phone call, X told Y that the budget must pass"
                found.extend(_addressed(verb, lexicon))
        subject = target.head if target.dep_ == "appos" and target.head.dep_ in ("nsubj", "nsubjpass") else target
        if subject.dep_ in ("nsubj", "nsubjpass"):  # "the talks covered X", "talks are expected to focus on X" (and
            # "Prime Minister, our talks have focused on X", the talks parsed as the vocative's apposition)
            found.extend(t for verb in _complements(subject.head) for t in _discussed(verb, lexicon) if t != target)
        if target.dep_ == "dobj" and lemma(target.head) in lexicon.agenda_verbs:
            found.extend(c for c in target.head.children if c.dep_ == "nsubj")  # "X dominated the talks"
        if target.dep_ == "pobj" and target.head.lower_ in _DURING:  # "at the meeting, X was raised", "during
            verb = target.head.head  # the call, X urged Y to release Z"
            found.extend(_discussed(verb, lexicon))
            if lemma(verb) in lexicon.addressee_verbs:
                found.extend(_addressed(verb, lexicon))
    return normalise([t for t in found if t not in targets], lexicon, gaz, person)  # not 'sat in on | the talks'


def _kind(noun, gaz):
    """'security talks', 'arms control talks': the modifier of a meeting noun that is a topic name (not 'the
    Geneva talks', 'crisis talks', 'phone talks', which say where, how urgently or by what means)."""
    if gaz is None or noun.pos_ != "NOUN":
        return []
    return [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i and
            noun.doc[c.left_edge.i:c.i + 1].text.lower() in gaz.topics]


def _addressed(verb, lexicon):
    """What someone tells, urges, thanks or congratulates someone: 'told Y that X must pass' (the clause's subject
    and object), 'urged Y to release X', 'thanked Y for X', 'congratulated Y on X'."""
    found = [c for clause in verb.children if clause.dep_ == "ccomp" for c in _told(clause, lexicon)]
    found += [c for clause in verb.children if clause.dep_ == "xcomp" for c in _aimed_at(clause, lexicon)]
    return found + [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on") for p in c.children
                    if p.dep_ == "pobj" and not find_dates(p.doc[p.left_edge.i:p.right_edge.i + 1].text)]


def _told(clause, lexicon):
    """What a clause someone is told says: its subject and object ('the budget must pass'), or what its subject is
    willing, ready or able to do ('the government was willing to provide a safe exit': a safe exit)."""
    able = [o for a in clause.children if a.dep_ == "acomp" for x in a.children if x.dep_ == "xcomp"
            and _infinitive(x) for o in _aimed_at(x, lexicon)]
    return able or [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]


def _complements(verb):
    """The verb and the chain of its verb complements ('expected to focus', 'to try to resurrect', 'help build')."""
    chain = [verb]
    for _ in range(3):
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if verb is None:
            break
        chain.append(verb)
    return chain


def aims(targets, lexicon, gaz=None, person=None):
    """What a meeting or a visit is for: 'will meet X to show continued support for Y', 'the purpose of the visit is
    to advance X', 'the visit is an opportunity to build upon X' (the objects of the purpose clause)."""
    return normalise([o for c in _purpose_clauses(targets, lexicon) for o in _aimed_at(c, lexicon)], lexicon, gaz,
                     person)


def _purpose_clauses(targets, lexicon):
    """The infinitive clauses that say what the targets are for, with their coordinated verbs."""
    clauses = []
    for target in targets:
        clauses += [c for c in target.children if _infinitive(c) and (c.dep_ in ("advcl", "acl") or c.dep_ == "xcomp"
                    and lemma(target) in lexicon.verbs and any(o.dep_ == "dobj" for o in target.children))]
        # ("phoned X to offer condolences": a meeting verb's purpose after its object)
        clauses += [c for p in target.children if p.dep_ == "prep" and p.lower_ == "in" for n in p.children
                    if n.dep_ == "pobj" and lemma(n) in lexicon.purpose_nouns
                    for c in n.children if c.dep_ == "acl" and _infinitive(c)]  # "met X in a bid to end Y"
        if target.dep_ == "dobj" and lemma(target.head) in _USING:  # "used the meeting to press Y on X"
            clauses += [c for c in target.head.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)]
        frame = target.head.head if target.dep_ == "pobj" and target.head.lower_ == "of" else None
        if frame is not None and lemma(frame) in lexicon.purpose_nouns and frame.dep_ == "nsubj":
            target = frame  # "the purpose of the visit is to X": what the purpose is
        if target.dep_ == "nsubj" and lemma(target.head) == "be":
            # (and "was to restate X and discuss Y", the second verb parsed on 'was')
            aims = [c for c in target.head.children if c.dep_ == "xcomp" and _infinitive(c)]
            clauses += aims + [c for c in target.head.children if aims and c.dep_ == "conj" and c.tag_ == "VB"]
            clauses += [c for a in target.head.children if a.dep_ == "attr" and lemma(a) in lexicon.purpose_nouns
                        for c in a.children if c.dep_ == "acl" and _infinitive(c)]
        if target.dep_ == "nsubj":  # "the visit will provide an opportunity to X"
            clauses += [c for o in target.head.children if o.dep_ == "dobj" and lemma(o) in lexicon.purpose_nouns
                        for c in o.children if c.dep_ in ("acl", "advcl") and _infinitive(c)]
        if target.dep_ in ("nsubj", "nsubjpass"):  # "the meetings ... are expected to lay the groundwork for X"
            clauses += [c for v in (target.head, *target.head.conjuncts) if v.tag_ == "VBN" for c in v.children
                        if c.dep_ == "xcomp" and _infinitive(c) and _preparing(c, lexicon)]
    clauses = [c for c in clauses if c not in targets]  # "will return to welcome X": the meeting itself
    return [c for c in clauses + [c for x in clauses for c in x.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            if lemma(c) not in lexicon.verbs or lemma(c) in lexicon.discussion_verbs]  # ("welcoming X to visit Y":
    # a journey or a meeting, not what one is for)


def agenda(doc, lexicon, gaz=None, person=None):
    """[(travellers, topics, country)] of the journeys a sentence names, with what it says they are for: 'X starts a
    tour that will centre on Y', 'X is back from her trip to try to revive Y', 'the purpose of X's visit is to
    discuss Y'. The travellers are the tokens that name who journeys (the noun's possessor, else the subject of
    the verb it is on); none for 'the visit' alone. The country is where the journey goes ('my visit to X'), when
    the gazetteer `gaz` knows it."""
    found = []
    for noun in doc:
        if lemma(noun) not in lexicon.journey_nouns or noun.pos_ != "NOUN":
            continue
        verb = noun
        while (verb.dep_ in ("pobj", "prep", "dobj") or verb.pos_ == "ADV") and verb.head != verb:  # "back from"
            verb = verb.head
        travellers = [c for c in noun.children if c.dep_ == "poss"] or [  # "X's visit", "the visit by X"
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"] or (
            subjects(verb) if verb.pos_ in ("VERB", "AUX") and verb != noun else [])
        items = [t for c in noun.children if c.dep_ in ("acl", "relcl")
                 for v in _complements(c) for t in _discussed(v, lexicon)]  # "a tour that will centre on Y"
        own = verb != noun and (lemma(verb) not in lexicon.verbs or lemma(verb) in lexicon.journey_nouns)
        # (not 'on the trip, X phoned Y to offer Z': what a call is for)
        items += [o for c in _purpose_clauses([noun, verb] if own else [noun], lexicon)
                  for o in _aimed_at(c, lexicon)]
        found.append((travellers, normalise(items, lexicon, gaz, person), _destination(noun, gaz)))
    return found


def _destination(journey, gaz):
    """The country a journey noun says it goes to ('a visit to X', 'his trip to Y'), or None."""
    for place in (p for c in journey.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                  if p.dep_ == "pobj"):
        name = journey.doc[place.left_edge.i:place.i + 1].text
        for kind in ("country", "city") if gaz is not None else ():
            forms = [form for start, end, form in gaz.find(kind, name) if end == len(name)]
            if forms:
                return gaz.countries[forms[0]] if kind == "country" else gaz.cities[forms[0]][1]
    return None


def _preparing(verb, lexicon):
    """'to lay the groundwork for X', 'to pave the way for X': a clause whose object frames what it prepares."""
    return any(c.dep_ == "dobj" and lemma(c) in lexicon.preparation_nouns for c in verb.children)


def _infinitive(verb):
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _aimed_at(verb, lexicon):
    """The objects of a purpose clause, through 'try to', 'seek to', 'help' ('to try to resurrect X': X)."""
    verb = _complements(verb)[-1]
    if {lemma(verb), phrasal(verb)} & lexicon.discussion_verbs:
        return _discussed(verb, lexicon)
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for p in c.children
        if p.dep_ == "pobj"]


def stated(doc, lexicon, is_party, gaz=None, person=None):
    """Topics of what a meeting's parties say or raise together ('The two leaders agreed to establish X', 'Both
    sides welcomed X', 'X raised Y'), where `is_party(token)` tells whether a subject token is the parties."""
    found = []
    for verb in doc:
        if stating(verb, lexicon) and not negated(verb) and \
                not _speech(verb, lexicon) and (any(is_party(c) for c in sides(verb)) or _inverted(verb)):
            found.extend(dict.fromkeys(_statement_objects(verb, lexicon) + _discussed(verb, lexicon)))
        elif lemma(verb) in lexicon.addressee_verbs and verb.pos_ == "VERB" and any(
                is_party(c) for c in subjects(verb)) and any(c.dep_ == "dobj" and is_party(c) for c in verb.children):
            found.extend(_addressed(verb, lexicon))  # "X urged Y to release Z", "X thanked Y for Z"
    return normalise(found, lexicon, gaz, person)


def listed(doc, lexicon, gaz=None, person=None):
    """Topics a sentence lists with a topic noun: 'Syria was another topic of the meeting', 'Among the main
    topics was X', 'X is on the agenda', 'with X high on the agenda', 'The agenda included X', 'X was among the
    issues discussed'."""
    found = []
    for token in doc:
        if not (lemma(token) in lexicon.topic_nouns and token.pos_ == "NOUN" or _discussed_issues(token, lexicon)):
            continue
        verb = token.head
        while verb.dep_ in ("prep", "pobj") and verb.head != verb:  # "among the topics was X", "on the agenda"
            verb = verb.head
        if token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN"):
            found.append(token.head.head)  # "with X (high) on the agenda"
        elif token.dep_ in ("attr", "pobj") and (lemma(verb) == "be" or verb.pos_ in ("ADJ", "ADV")):
            found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]  # "X is (high) on the agenda"
        elif token.dep_ == "nsubj" and lemma(verb) in ("include", "cover", "be"):
            found += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    return normalise(found, lexicon, gaz, person)


def _speech(verb, lexicon):
    """'X addressed the chamber', 'I will address Y': one person speaking to an audience (but 'the talks addressed
    X' and 'the leaders addressed X' are discussions)."""
    return lemma(verb) in lexicon.speech_verbs and verb.pos_ in ("VERB", "AUX") and all(
        c.pos_ == "PROPN" or c.pos_ == "PRON" and c.lower_ not in ("we", "they") for c in subjects(verb))


def _discussed_issues(token, lexicon):
    """'the issues discussed', 'the matters raised': a vague noun the participle of a discussion verb follows."""
    if lemma(token) not in lexicon.vague_topics or token.i + 1 == len(token.doc):
        return False
    after = token.nbor()
    return after.tag_ == "VBN" and lemma(after) in lexicon.discussion_verbs


def stating(verb, lexicon):
    """Whether a verb states or discusses ('agreed', 'raised', 'taken up')."""
    return verb.pos_ in ("VERB", "AUX") and bool(
        {lemma(verb), phrasal(verb)} & (lexicon.statement_verbs | lexicon.discussion_verbs))


def _inverted(verb):
    """'Also discussed were X': a passive discussion verb put first, with no subject."""
    return verb.tag_ == "VBN" and not subjects(verb) and bool(_put_first(verb))


def _put_first(verb):
    """The subjects of a passive put after it ('also discussed were X': X, however the parse attached it)."""
    return [a for c in verb.children if c.dep_ in ("aux", "auxpass") and lemma(c) == "be" for a in c.children
            if a.dep_ == "attr"]


def sides(verb):
    """Who a statement is by or with: the verb's subjects and its 'with' objects ('X raised with me Y')."""
    objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
               if p.dep_ == "pobj"]  # (and all they name: "with several of the ministers and X")
    return [s for c in subjects(verb) for s in (c, *c.conjuncts)] + [
        t for p in objects for t in p.subtree if t.pos_ in ("PROPN", "NOUN", "PRON")]


def subjects(verb):
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _statement_objects(verb, lexicon):
    """'agreed to X', 'agreed on X', 'welcomed X', 'agreed to establish X' (the object of the verb it governs)."""
    out = [c for c in verb.children if c.dep_ == "dobj" and lemma(c) not in CHANCES]  # (not "welcomed the
    # opportunity to meet Y": the meeting)
    out += [_example(c) for c in verb.children if _introduces_examples(c)]  # "reaffirmed X, including in Y"
    out += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _STATEMENT_PREPOSITIONS
            and not (c.lower_ == "to" and any(o.pos_ == "PROPN" for o in out))  # not "welcomed X to Y"
            for p in c.children if p.dep_ == "pobj"]
    clauses = [c for c in verb.children if c.dep_ == "xcomp"]
    clauses += [c for x in clauses for c in x.children if c.dep_ == "conj"]  # "agreed to X and to start Y"
    for xcomp in clauses:
        out += [c for c in xcomp.children if c.dep_ == "dobj"]
        out += [p for c in xcomp.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "to")
                for p in c.children if p.dep_ in ("pobj", "pcomp")]  # "agreed to cooperate in fighting X"
    return out


def _prepositional(target, lexicon):
    """'talks on trade', 'met to talk about X' (the objects of a topic preposition on the meeting word; of a call
    there, its own: 'spoke with Y on a call about X')."""
    objects = [p for c in target.children if c.dep_ == "prep" and _topic_preposition(target, c, lexicon)
               for x in (c, *c.conjuncts) for p in x.children if p.dep_ in ("pobj", "pcomp")  # "about X and about Y"
               and not (x.lower_ == "on" and p.lower_ == "way" and any(d.dep_ == "poss" for d in p.children))]
    # (not "met X on his way to Y": a journey)
    return [t for p in objects for t in (_prepositional(p, lexicon) if _by_wire(p, lexicon) else [_wh_object(p) or p])]


def _by_wire(token, lexicon):
    """Whether a noun names a meeting at a distance ('a call', 'a videoconference'), a way of talking rather than
    something talked about ('on a call about X'; but 'talks on the negotiations' are about the negotiations)."""
    spec = lexicon.nouns.get(lemma(token)) if token.pos_ == "NOUN" else None
    return spec is not None and bool(spec.get("format") or spec.get("remote"))


def _topic_preposition(verb, prep, lexicon):
    """'talks on X', 'talk about X', 'aimed at X' (but 'met at X' is a place, 'called on X' a visit)."""
    spec = (lexicon.verbs if verb.pos_ in ("VERB", "AUX") else lexicon.nouns).get(lemma(verb)) or {}
    return prep.lower_ in lexicon.discussion_prepositions and (prep.lower_ != "at" or lemma(verb) == "aim") and \
        prep.lower_ not in (spec.get("object") or ())


def _discussed(verb, lexicon):
    """The objects of a discussion verb: 'discussed X', 'focused on X', 'X was discussed'."""
    if not ({lemma(verb), phrasal(verb)} & lexicon.discussion_verbs) or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ == "neg" for c in verb.children):
        return []  # (not "X was not discussed")
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
           or c.dep_ in ("xcomp", "ccomp") and (c.tag_ == "VBG" or _wh_object(c))]  # "discuss opening markets",
    # "discussed how to expand X"
    out += _put_first(verb)  # "also discussed were X"
    out += [p for c in verb.children if c.dep_ == "prep" and _topic_preposition(verb, c, lexicon)
            or c.dep_ == "agent" for x in (c, *c.conjuncts) for p in x.children
            if p.dep_ in ("pobj", "pcomp")]  # "dominated by X", "about X and about Y"
    out += [_example(c) for c in verb.children if _introduces_examples(c)]  # "discussed X, including Y"
    out += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
            if _named_before(p)]  # "discussing with President X ways to Y", parsed as one noun phrase
    out += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]  # "touch on X and
    # the improvement of Y", "X was discussed, as well as Y": a second object the parse hung on the verb
    for c in verb.children:  # "touched on X", "focus primarily on X" (not "ahead of X")
        if c.dep_ in ("prt", "advmod") and c.lower_ not in _TIME_PREPOSITIONS:
            out += [p for g in c.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    out += [c for t in out if t.dep_ == "pcomp" and t.tag_ == "VBG" for c in t.children
            if c.dep_ == "conj" and c.tag_ == "VBG"]  # "focused on strengthening X as well as enhancing Y"
    return [_object_of_clause(t) for t in out]


def _named_before(token):
    """Whether a common noun has a title and name or a full name compounded before it ('President X ways': the
    parse of a verb's object put after the person it is discussed with; not "X's leaders")."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and any(
        c.dep_ == "compound" and c.i < token.i and sum(t.pos_ == "PROPN" for t in c.subtree) >= 2
        for c in token.children)


def _object_of_clause(token):
    """'aimed at consolidating the upward trend of X', 'talked about how to cooperate on X': what the clause acts
    on, else the token."""
    if token.dep_ in ("pcomp", "conj") and token.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in token.children):
        return next((c for c in token.children if c.dep_ == "dobj"), token)
    return _wh_object(token) or token


def _wh_object(token):
    """What a clause that 'how' or 'whether' opens acts on ('how we can pursue X', 'whether to cooperate on X'),
    else None."""
    if token.pos_ != "VERB" or token.dep_ not in ("ccomp", "pcomp", "xcomp") or not any(
            c.lower_ in _WH and c.i < token.i for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "dobj"), None) or next(
        (p for c in token.children if c.dep_ == "prep" and c.lower_ in _CLAUSE_TOPIC_PREPOSITIONS
         for p in c.children if p.dep_ == "pobj"), None)


def purposes(doc, lexicon, gaz=None, person=None):
    """What a sentence says someone is somewhere to discuss: 'X is in the UAE to discuss oil prices'."""
    found = []
    for verb in doc:
        if lemma(verb) in lexicon.discussion_verbs and verb.dep_ in ("advcl", "xcomp", "acl") and any(
                c.lower_ == "to" for c in verb.children):
            found.extend(_discussed(verb, lexicon))
    return normalise(found, lexicon, gaz, person)


def normalise(heads, lexicon, gaz=None, person=None):
    """One phrase per coordinated item of each head ('trade and investment'), and per coordinated modifier of a
    shared noun ('economic and scientific co-operation': 'economic co-operation', 'scientific co-operation'), in
    order and without repeats; no item that `person(token)` says is a person."""
    phrases = [p for head in heads for item in _items(head, lexicon) if not (person and person(item))
               for p in _distributed(item, lexicon) or [_meeting_name(item, lexicon, gaz)
                                                        or _bilateral(item, lexicon, gaz)
                                                        or _phrase(item, lexicon, person)]
               if p]
    out = []
    for phrase in phrases:
        if any(phrase in other and phrase != other for other in phrases):
            continue  # a piece the parse split off another item ('co-operation' of 'economic co-operation')
        for topic in _named(phrase, gaz):
            if topic not in out:
                out.append(topic)
    return out


def _distributed(token, lexicon):
    """'security and economic interests' -> 'security interests', 'economic interests' (a bare noun with
    coordinated modifiers and nothing else); but 'air defence and grain exports' -> 'air defence', 'grain exports'
    (a first modifier with a modifier of its own is a noun phrase of its own); or []."""
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i
                 and c.lower_ not in _WEAK_ADJ and c.tag_ != "JJR"]  # "our common X and Y interests", "closer X
    if any(c.dep_ not in ("amod", "compound", "nmod", "det", "poss") for c in token.children):  # and Y ties"
        return []
    if len(modifiers) == 2 and any(t.dep_ == "cc" for t in token.doc[modifiers[0].i + 1:modifiers[1].i]):
        coordinated = modifiers  # "security and economic interests" parsed as two modifiers of the noun
    elif len(modifiers) == 1:
        coordinated = [modifiers[0], *(c for c in modifiers[0].subtree if c.dep_ == "conj")]
    else:
        return []
    first = coordinated[0]
    if len(coordinated) < 2:
        return []
    noun = _whole_words([token])  # "co-operation", which the tokenizer splits
    if any(c.dep_ in ("amod", "compound", "nmod") and c.i < first.i and c.lower_ not in _WEAK_ADJ
           for c in first.children):
        own = [t for t in first.subtree if t.i <= first.i]
        rest = token.doc[coordinated[1].left_edge.i:noun[-1].i + 1]
        return [token.doc[own[0].i:first.i + 1].text, rest.text]
    return [f"{m.text} {''.join(t.text for t in noun)}" for m in coordinated if m.lower_ not in _WEAK_ADJ]


def _meeting_name(token, lexicon, gaz):
    """A meeting placed in a city, by the name such meetings go by: 'the forthcoming Trade Summit in Lima'
    -> 'Lima Trade Summit', 'a summit in Oslo next month' -> 'Oslo summit'; else None."""
    if gaz is None or lemma(token) not in lexicon.nouns:
        return None
    for place in (p for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"):
        city = token.doc[place.left_edge.i:place.i + 1].text
        if any(start == 0 and end == len(city) for start, end, _ in gaz.find("city", city)):
            words = [t.text for t in token.doc[token.left_edge.i:token.i]
                     if t.pos_ not in _LEADING and t.lower_ not in _WEAK_ADJ and t.head == token]
            return " ".join([city, *words, token.text])
    return None


def _bilateral(token, lexicon, gaz):
    """'relations between Riga and Vilnius', 'the Franco-German relationship', 'ties between the two
    countries', 'the bilateral relationship' -> 'bilateral relations'; else None."""
    if gaz is None or lemma(token) not in lexicon.relation_nouns:
        return None
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
    if modifiers == ["bilateral"]:
        return "bilateral relations"
    sides = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
             for p in c.children if p.dep_ == "pobj"]
    sides += [c for p in sides for c in p.conjuncts]
    if any(lemma(p) == "country" and any(c.lower_ in ("two", "both") for c in p.children) for p in sides):
        return "bilateral relations"
    names = [token.doc[p.left_edge.i:p.i + 1].text for p in sides]
    names += _DASH.split(token.doc[token.left_edge.i:token.i].text) if token.left_edge.i < token.i else []
    states = [n for n in (_LEADING_DET.sub("", n).strip() for n in names) if n in gaz.countries or
              n in gaz.adjectives or n in gaz.seats or n in gaz.capitals.values() or _COMBINING.match(n)]
    return "bilateral relations" if len(states) >= 2 else None


def _items(head, lexicon):
    """The items of a head: its conjuncts, and the examples it or its framing noun names ('cooperation, including
    in trade', 'situations surrounding X, including Y')."""
    items, todo = [], [head]
    while todo:
        framing = todo.pop(0)
        token = _framed(framing, lexicon)
        items.append(token)
        for t in dict.fromkeys((token, framing)):
            todo.extend(c for c in t.children if c.dep_ == "conj" and (t == token or c.i > token.i))
            todo.extend(_example(c) for c in t.children if _introduces_examples(c))
            todo.extend(_example(c) for v in t.children if t != token and v.pos_ == "VERB"  # "ways to strengthen
                        and v.dep_ in ("acl", "relcl") for c in v.children  # X, including Y"
                        if _introduces_examples(c))
            todo.extend(p for x in t.subtree if t == token and _repeats(x, t) for p in x.children if p.dep_ == "pobj")
            todo.extend(_example(e) for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                        for e in p.children if _introduces_examples(e))  # "cooperation on challenges such as X"
            todo.extend(c for c in t.children if c.dep_ == "appos" and any(  # "issues, notably X"
                a.dep_ == "advmod" and a.lower_ in _EXAMPLES for a in c.children) or _listed_apart(c))
    return items


def _repeats(prep, item):
    """'about X and about Y': a preposition in an item's words that repeats the one the item is the object of,
    right after a conjunction (a second item the parse hung inside the first)."""
    before = next((t for t in reversed(prep.doc[item.i:prep.i]) if not t.is_space), item)
    return prep.pos_ == "ADP" and prep.i > item.i and item.dep_ == "pobj" and prep.lower_ == item.head.lower_ and \
        before.dep_ == "cc"


def _listed_apart(token):
    """'X, the wider Y, the Z and W': items of a list the parse made appositions of the first (one of two or
    more, or one with a coordinated item of its own)."""
    if token.dep_ != "appos":
        return False
    return sum(c.dep_ == "appos" for c in token.head.children) >= 2 or any(c.dep_ == "conj" for c in token.children)


def _introduces_examples(token):
    """'including X', 'such as X', 'notably X' after a noun."""
    return token.dep_ == "prep" and (token.lower_ in _EXAMPLES or token.lower_ == "as" and any(
        c.lower_ == "such" for c in token.children))


def _example(prep):
    """The first noun an example phrase names ('including in climate change': change)."""
    return next((t for t in prep.subtree if t.dep_ in ("pobj", "dobj")), prep)


def _framed(token, lexicon):
    """What a framing noun is about: 'a range of issues' -> issues, 'the importance of X' -> X, 'efforts to
    conclude X' -> X (the object of its complement), else the token itself."""
    for _ in range(3):
        if token.lower_ not in _QUANTIFIERS and not {token.lower_, lemma(token)} & lexicon.light_nouns:
            return token
        after = [c for c in token.children if c.dep_ == "prep"] or [  # "problems now current | in X" (on an
            c for a in token.children if a.dep_ == "amod" and a.i > token.i for c in a.children  # adjective after
            if c.dep_ == "prep"] or [  # it); "explored areas | for X" (on the verb)
            c for c in token.head.children if c.dep_ == "prep" and c.i == token.right_edge.i + 1]
        inner = next((p for c in after if c.lower_ in ("of", "in", "to", "for", "on", "about", "over")
                      for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        if inner is None:
            verb = next((c for c in token.children if c.pos_ == "VERB" and (  # (not "the issues facing X")
                c.dep_ == "xcomp" or c.dep_ in ("relcl", "advcl") and _infinitive(c) or c.dep_ == "acl" and (
                    c.tag_ == "VBN" or c.lower_ in _ABOUT_PARTICIPLES or _infinitive(c)))), None) or next(
                (g for c in token.children if c.dep_ == "relcl" for g in c.children
                 if g.dep_ in ("advcl", "xcomp") and _infinitive(g)), None)  # "ways to expand X", "steps it
            # could take to improve X"
            verb = verb or next((c for c in token.children if c.dep_ == "relcl" and _in_which(c)), None)
            inner = next((c for c in verb.children if c.dep_ == "dobj" or verb.tag_ == "VBN" and c.dep_ == "prep"
                          and c.lower_ in ("in", "on") and not _in_which(verb) or c.dep_ == "nsubjpass"), None) \
                if verb is not None else None  # "progress made in X", "ways in which X can be deepened"
            if inner is not None and inner.dep_ == "prep":
                inner = next((p for p in inner.children if p.dep_ == "pobj"), None)
        if inner is None:
            return token
        if inner.pos_ == "VERB":  # "the importance of enhancing cooperation": what is enhanced
            inner = next((c for c in inner.children if c.dep_ == "dobj"), inner)
        token = inner
    return token


def _in_which(verb):
    """'(ways) in which X can be deepened': a relative clause of manner."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "which" for p in c.children)
               for c in verb.children)


def _phrase(token, lexicon, person=None):
    """The words of an item: its subtree without its own conjuncts, clauses, time phrases and the people it was
    discussed with (`person(token)`), and without leading determiners or pronouns."""
    if token.pos_ in ("VERB", "AUX") and token.left_edge.tag_ in ("WRB", "WP", "WDT") or \
            lemma(token) in lexicon.phone | lexicon.video:
        return None  # "spoke about how everything went", "about what happened": no subject named; "on a cellphone"
    words = _span(token, lexicon, person)
    while words and (words[0].pos_ in _LEADING or words[0].lower_ in _WEAK_ADJ or words[0].tag_ in ("POS", "JJR")):
        words = words[1:]
    while words and words[-1].pos_ in ("PUNCT", "CCONJ", "ADP", "DET") and not (
            words[-1].text == ")" and any(w.text == "(" for w in words)):
        words = words[:-1]
    words = _whole_words(words)
    if not words or all(w.lower_ in lexicon.vague_topics or w.pos_ in _LEADING for w in words):
        return None
    if token.ent_type_ in _NOT_TOPICS or token.pos_ == "PRON":  # "talks on Monday", "talks on them"
        return None
    if lemma(token) in lexicon.vague_topics and not any(
            c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in _WEAK_ADJ or c.dep_ == "prep" and
            c.lower_ not in _TIME_PREPOSITIONS | {"of"} for c in token.children):
        return None  # "other topics ahead of the summit", "the contribution of X" (but "security issues",
        # "cooperation on X")
    content = [w for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and w.lower_ not in _WEAK_ADJ]
    if all(lemma(w) in lexicon.vague_topics or w.lower_ in lexicon.vague_topics or w.pos_ != "ADJ" and (
            w.lower_ in lexicon.nouns or lemma(w) in lexicon.nouns) for w in content) or \
            lemma(token) in _PLACES_OF_EVENTS | _TIMES or token.head.lower_ == "on" and lemma(token) in \
            lexicon.journey_nouns:
        return None  # "other issues", "the sidelines of the summit", "on the first day of the visit", "on his first
        # visit to X" (an occasion, not a topic; but "trade issues")
    text = "".join(w.text_with_ws if i + 1 < len(words) and words[i + 1].i == w.i + 1 else w.text + " "
                   for i, w in enumerate(words))
    text = _QUOTE.sub("", text) if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d") else text
    text = " ".join(text.split())
    bare = _WEEKDAY.sub("", _DAY_PART.sub("", text))
    when = find_dates(bare)
    if len(when) == 1 and when[0].end - when[0].start >= len(bare) - 1 or _WEEKDAY.match(text):
        return None  # "talks on Friday", "met on 7 April 2014", "dinner on Wednesday evening", "Friday November 14",
        # "Friday 27" (the rest of its date parsed apart)
    return text if 2 <= len(text) <= 80 else None


def _whole_words(words):
    """The tokens with the rest of the hyphenated words they start or end ('co' of 'co-operation', 'government' of
    'e-government')."""
    if not words:
        return words
    doc, first, last = words[0].doc, words[0].i, words[-1].i

    def joined(i):  # tokens i and i + 1 are one written word
        return doc[i].whitespace_ == "" and "-" in (doc[i].text, doc[i + 1].text)
    while first > 0 and joined(first - 1):
        first -= 1
    while last + 1 < len(doc) and joined(last):
        last += 1
    return list(doc[first:words[0].i]) + words + list(doc[words[-1].i + 1:last + 1])


def _span(token, lexicon, person=None):
    """The tokens of `token`'s subtree less its own conjuncts, clauses, time or telephone phrases and what it is
    said to be ('X high on the agenda'), in order (conjuncts deeper down stay: 'the situation in Iran and
    Syria')."""
    keep, todo = [], [token]
    while todo:
        t = todo.pop()
        keep.append(t)
        todo.extend(c for c in t.children if not _left_out(c, t, token, lexicon, person))
    return sorted(keep, key=lambda t: t.i)


def _left_out(child, parent, token, lexicon, person):
    """Whether `_span` leaves out a child and its subtree."""
    dropped = child.dep_ in _DROP_DEPS and child.tag_ != "HYPH"  # (a hyphen is a word's: "cyber-security")
    if dropped and (parent == token or child.dep_ not in ("conj", "cc", "punct")):
        return not (_acronym(child) or child.text in ("(", ")") and any(_acronym(s) for s in parent.children))
    if _repeats(child, token):
        return True
    if parent == token and child.dep_ == "compound" and child.pos_ == "PROPN" and _named_before(token):
        return True  # ("President X" of "President X ways")
    return parent == token and child.i > parent.i and (child.dep_ == "amod" or child.dep_ == "prep" and any(
        lemma(p) in lexicon.topic_nouns for p in child.children)) or child.dep_ == "prep" and (
        child.lower_ in _TIME_PREPOSITIONS or _PHONE & {g.lower_ for g in child.children}) or _introduces_examples(
        child) or child.lower_ == "with" and any(p.ent_type_ == "PERSON" or person and person(p) for p in child.subtree)


def _acronym(token):
    """'the Regional Partnership (RCP)': an abbreviation in brackets after a name (kept with it)."""
    return token.dep_ == "appos" and token.is_upper and len(token.text) > 1 and token.i > 0 and \
        token.doc[token.i - 1].text == "("


def _named(phrase, gaz):
    """A phrase as written, then the topic names written in it ('bilateral trade': trade); not the places it names
    ('relationships in the Pacific' is not about the Pacific; 'the situation in X' is X, by its framing noun)."""
    if gaz is None:
        return [phrase]
    return [phrase, *(t for t in gaz.topics_in(phrase) if t.lower() in phrase.lower() and t.lower() != phrase.lower())]
