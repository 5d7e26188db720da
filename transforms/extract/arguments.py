"""The parties of a meeting predicate, read off the dependency parse: the subject and what coordinates with it
("X and Y met", "X, along with Y, met Z"), the object ("met Z", "talks with Z", "a call to Z", "the meeting between
X and Y"), possessives and compounds of a meeting noun ("Putin's talks", "the Trump-Putin summit"), and the subject
of the verb that holds a meeting noun ("X held talks with Y", "X left after talks with Y"). A list of people the
parser split up ("met A, B of X and C") is followed along the sentence."""
from dataclasses import dataclass, field

from transforms.extract.dates import find_dates
from transforms.extract.nlp import lemma

_SUBJECT = {"nsubj", "nsubjpass"}
_INHERITS = {"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "acomp", "dep"}  # clauses sharing their head's subject
_RELATIVE = {"who", "that", "which", "whom"}
CHANCES = {"opportunity", "chance", "occasion"}  # whose infinitive's subject is who has them (not an attempt or a
# bid, which may fail), and which are no subject of talks
_MISSED = {"miss", "lose", "deny", "refuse", "decline", "reject", "forgo", "waste"}  # a chance no one takes
_PRESS = {"correspondent", "reporter", "journalist", "editor", "presenter", "anchor", "columnist", "interviewer"}
_GATHERINGS = {"summit", "conference", "session"}
_OBJECT_CONTROL = {"invite", "ask", "urge", "encourage", "persuade", "press", "allow", "tell", "expect", "want",
                   "leave", "force", "send", "instruct", "order", "help", "enable"}
_NOUN_PARTIES = {"with", "between", "among", "amongst", "to", "of", "alongside", "and"}
_COMPANIONS = {"along", "together", "alongside"}
_ACCOMPANIED = {"accompany", "join", "attend", "flank"}
_LIST_BREAK = {"VERB", "AUX", "SCONJ"}
_MEDIUM = {"by", "on", "over", "via"}
_INCLUDING = {"including", "like", "among"}  # "senior leaders, including X and Y"
_RETINUES = {"delegation", "delegations", "entourage", "retinue", "suite", "team", "aides", "advisers", "advisors"}
_BETWEEN = {"between", "among", "amongst", "of"}
_THEN = {"then", "later", "and", "also", "afterwards"}
_LIST_PREPOSITIONS = {"of", "for"}  # "Governor of the Bank of England X", "Minister for Trade X"
_AGAIN = {"second", "third", "fourth", "fifth", "next"}  # "a second round of talks", "the next meeting"
_BESIDE_A_DATE = {"later", "earlier", "on", "in", "at", "the", "of", ","}  # ("later this month")
_PROXIES = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor"}  # who speak for another
_ONE_MORE = {"further"}  # "a further meeting" (not "further talks": any more of them; nor "a new round of trade
# negotiations": of other parties)


@dataclass
class Arguments:
    subjects: list = field(default_factory=list)    # person keys, in order
    objects: list = field(default_factory=list)
    companions: list = field(default_factory=list)  # accompanied by, joined by: attendees on the subject side
    other_object: bool = False  # an object that is no person ("talked to officials"): the subjects do not meet
    direct: bool = False        # the objects are the verb's direct objects ("met A and B", not "talks with A and B")
    unnamed: bool = False       # a subject or party that is no one the article names ("officials", "the union")
    unresolved_subject: bool = False  # the verb has a subject, and it is no one the article names
    with_others: bool = False   # one group, met together: the objects end in "and other officials", or one
    #                             plural role names them ("the leaders of A and B")
    visitors: list = field(default_factory=list)  # parties named as visiting ("alongside visiting King X")


def of(predicate, doc, resolve, spec, place=lambda token: False, addressees=frozenset(), journeys=frozenset(),
       reporters=frozenset()):
    """The Arguments of `predicate` in `doc`. `resolve(token)` gives the person keys a token stands for (a
    name, a role, a pronoun), `spec` the predicate's entry in configs/meetings.yaml, `place(token)` whether a
    token ends the name of a city or venue (the place of "the Geneva talks", not a party to them), `addressees`
    the verbs whose object is spoken to ("In a phone call, X told Y": Y is the other party), `journeys` the nouns
    of a journey ("a trip to X to meet Y": whoever makes the trip meets Y), `reporters` the verbs of reporting what
    someone did ("X said Y raised fisheries during a meeting": X met Y)."""
    head = doc[predicate.head]
    args = Arguments()
    guest = visiting(head) or invited(head) if predicate.kind == "verb" else None
    if guest:
        _add(args.subjects, _coordinated(guest[0]), resolve)
        _add(args.objects, guest[1], resolve)
        args.direct = True
    elif predicate.kind == "verb":
        purpose = _purpose_of(head, journeys)  # (not the subject of "be": "the focus of my visit is to meet X")
        subjects = (_travellers(purpose) if purpose is not None else []) or _subjects(head) or (
            _travellers(head.head) if head.dep_ == "acl" and lemma(head.head) in journeys else [])
        _add(args.subjects, subjects, resolve)
        args.unresolved_subject = bool(subjects) and not args.subjects
        objects = [t for t in _objects(head, spec.get("object") or ("direct",)) if not _owned_by_organisation(t)
                   and not _press(t)]
        _add(args.objects, objects, resolve)
        _add(args.objects, _folded_names(objects, resolve), resolve)
        args.with_others = any(not resolve(t) and t.dep_ == "conj" and any(c.lower_ == "other" for c in t.children)
                               for t in objects) or any(  # "met with leaders of the parties, A, B and C"
            t.tag_ == "NNS" and not resolve(t) and any(resolve(o) for o in _listed_after(head, [t])) for t in objects)
        args.other_object = bool(objects) and not any(resolve(t) for t in objects)
        args.direct = any(t.dep_ in ("dobj", "dative") or t.head.dep_ in ("dobj", "dative") for t in objects)
        _add(args.objects, [c for c in _agents(head)], resolve)
        _add(args.companions, _companions(head), resolve)
    else:
        parties = _noun_parties(head, spec, place, predicate.holder is None) + [  # "his call congratulating X"
            o for c in head.children if c.dep_ == "acl" and lemma(c) in addressees for o in _objects(c, ("direct",))]
        travellers = [t for t in parties if spec.get("needs_object") and t.dep_ == "poss" and t.pos_ == "PRON"]
        parties = [t for t in parties if t not in travellers]  # "their visit to X": they travel together
        _add(args.subjects, travellers, resolve)
        _add(args.objects, parties, resolve)
        _add(args.objects, _folded_names([t for t in parties if t.pos_ == "PROPN"], resolve), resolve)
        # ("the call between President A and President B", parsed with A inside B's name)
        symmetric = [t for t in parties if t.dep_ in ("poss", "compound", "nmod") or t.head.lower_ in _BETWEEN
                     or t.head.dep_ == "conj" and t.head.head.lower_ in _BETWEEN]
        named = [t for t in parties if t.pos_ != "PRON" and not _group(t)]
        args.other_object = bool(named) and not any(resolve(t) for t in parties)
        holder = doc[predicate.holder] if predicate.holder is not None else None
        own = len(_unique(args.objects))
        args.unresolved_subject = holder is None and bool(parties) and all(_via(t) == "to" for t in parties)
        # ("calls to the leaders of A and B": to each, from someone the parse does not give)
        speakers = [c for c in head.head.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we")]
        if holder is None and own == 1 and head.dep_ == "dobj" and speakers:  # "I appreciated the talks with X"
            _add(args.subjects, speakers, resolve)
        if holder is None and own == 1 and all(_via(t) == "with" for t in parties) and _reported(head, reporters):
            reporting = _subjects(head.head.head)  # "X said the meeting with Y was useful" (not "X said Y's visit
            if not any(map(_proxy, reporting)):  # was useful", nor X's spokesman)
                _add(args.subjects, reporting, resolve)
        journey = _journey_for(head, journeys)
        if holder is None and journey is not None and not args.subjects:  # "X will make a visit to Z for talks
            _add(args.subjects, _travellers(journey), resolve)  # with Y": whoever makes the journey
        if holder is not None and not (own >= 2 and symmetric):
            # (but not "X said after the meeting of A and B", "X offered to host talks between A and B")
            held_by = _holder_subjects(head, holder)
            _add(args.subjects, held_by, resolve)
            args.unresolved_subject = bool(held_by) and not any(resolve(t) or _group(t) for t in held_by)
            told = own == 0 and lemma(holder) in addressees
            _add(args.objects, _objects(holder, ("with", "direct") if told else ("with",)), resolve)
            if own == 0 and not args.objects and _timed(head, holder) and holder.dep_ == "ccomp" and \
                    lemma(holder.head) in reporters:
                _add(args.objects, _subjects(holder.head), resolve)
            _add(args.companions, _companions(holder), resolve)
    party_tokens = _parties_of(predicate, doc, place)
    args.visitors = [k for t in party_tokens if t.head.lower_ == "visiting" for k in resolve(t)]
    _extend_list(args.objects, doc, resolve)
    _extend_back(args.subjects, doc, resolve)
    args.unnamed = any(not resolve(t) and t.pos_ in ("NOUN", "PROPN") and not _group(t)
                       and not any(resolve(c) for c in t.children if c.dep_ == "appos") for t in party_tokens)
    args.with_others = args.with_others or any(
        len(resolve(t)) >= 2 and set(resolve(t)) <= set(args.objects) for t in doc if t.tag_ in ("NNS", "NNPS"))
    if predicate.kind == "verb" and len(_unique(args.subjects)) == 1 and not args.objects:  # "A, along with B
        args.subjects, args.companions = args.subjects + args.companions, []  # and C, are due to meet": all meet
    args.subjects = _unique(args.subjects)
    args.objects = [k for k in _unique(args.objects) if k not in args.subjects]
    args.companions = [k for k in _unique(args.companions) if k not in args.subjects and k not in args.objects]
    return args


def visiting(verb):
    """'X told visiting Y', 'X received the visiting Y': (the visitor, the host tokens) of a 'visiting' before a
    name, however the parse attached it; else None."""
    if verb.tag_ != "VBG" or verb.lower_ != "visiting" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None
    if verb.dep_ == "amod" and verb.i < verb.head.i:
        visitor = verb.head
    elif verb.dep_ == "xcomp":
        visitor = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    else:
        return None
    clause = visitor.head if verb.dep_ == "amod" else verb.head
    hosts = _subjects(clause) if clause.pos_ in ("VERB", "AUX") and visitor is not None else []
    return ([visitor], hosts) if hosts else None


def made_by(noun):
    """'the visit to Z by X', 'the visit made by X to Z': (the tokens of whoever makes the visit, the tokens of where
    it goes)."""
    made = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    by += [p for v in made for p in _agents(v)]
    to = [p for t in (noun, *made) for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
          for p in c.children if p.dep_ == "pobj"]
    return _coordinated(by), to


def invited(verb):
    """'X accepted Y's invitation to visit Z', 'an invitation from Y to X to visit': (the guest tokens, the host
    tokens) of a verb an invitation noun says is asked for; else None."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.lower_ not in _INVITATIONS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    hosts = [c for c in noun.children if c.dep_ == "poss"] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for p in c.children
        if p.dep_ == "pobj"]
    guests = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "for") for p in c.children
              if p.dep_ == "pobj"] or (_subjects(noun.head) if noun.head.pos_ in ("VERB", "AUX") else [])
    return (guests, hosts) if guests and hosts else None


def attendees(predicate, doc, resolve):
    """The person keys of the subjects of the verb by which they attend a meeting noun ('X sat in on the meeting
    between A and B': X)."""
    return _unique(k for t in _subjects(doc[predicate.holder]) if t.i != predicate.head for k in resolve(t))


_INVITATIONS = {"invitation", "invitations", "invite"}


def _subjects(verb):
    """The subject tokens of a verb, inherited from the clause it depends on when it has none ('wants to meet',
    'arrived and met', 'after meeting'), or the noun a relative clause is on ('Bush, who met'); an expletive 'it'
    is no one ('X said that after meeting Y, it was plain that ...': X met Y)."""
    for _ in range(5):
        found = [c for c in verb.children if c.dep_ in _SUBJECT and not _expletive(c)] or [
            a for p in verb.children if p.dep_ == "prep" and p.i < verb.i for o in p.children if o.dep_ == "pobj"
            for a in o.children if a.dep_ == "appos" and a.pos_ == "PROPN"]  # "In Oslo, X met": parsed as Oslo's
        if found and verb.dep_ == "relcl" and found[0].lower_ in _RELATIVE:  # "X, who met Y"
            return _coordinated([verb.head])
        if found:
            return _coordinated(found)
        if verb.dep_ == "relcl":
            return _coordinated([verb.head])
        if lemma(verb) in CHANCES and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr", "pobj"):
            owners = [c for c in verb.children if c.dep_ == "poss"]  # "welcomed the opportunity to meet X", "at
            if owners:  # the first chance to meet X": who has it; "X's chance to meet Y": X
                return _coordinated(owners)
            verb = verb.head.head if verb.dep_ == "pobj" else verb.head
            given = [c for c in verb.children if c.dep_ in ("dative", "iobj")]  # "gave Y the chance to meet X"
            if given or lemma(verb) in _MISSED:
                return [] if lemma(verb) in _MISSED else _coordinated(given)
            continue
        if verb.dep_ not in _INHERITS or verb.head == verb:
            return []
        controller = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" and (
            lemma(verb.head)) in _OBJECT_CONTROL else []
        if controller:  # "invited X to visit": X visits
            return _coordinated(controller)
        verb = verb.head
        if verb.pos_ == "ADP" and verb.dep_ == "prep":  # "X said after meeting Y": the clause X's phrase is on
            verb = verb.head
    return []


def _expletive(subject):
    """'it' before 'be' and an adjective with a clause after ('it was plain that ...')."""
    verb = subject.head
    said = [c for c in verb.children if c.dep_ == "acomp"]
    return subject.lower_ == "it" and lemma(verb) == "be" and any(
        d.dep_ in ("ccomp", "xcomp") for t in (verb, *said) for d in t.children) and bool(said)


def _purpose_of(verb, journeys):
    """The journey a clause is the purpose of ('the focus of my visit will be to meet X': visit), or None."""
    if verb.dep_ != "xcomp" or lemma(verb.head) != "be":
        return None
    return next((p for s in verb.head.children if s.dep_ == "nsubj" for c in s.children
                 if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and lemma(p) in journeys), None)


def _journey_for(noun, journeys):
    """The journey a meeting noun is the purpose of ('a visit to Z for talks with Y': visit), or None."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and lemma(prep.head) in journeys and prep.head.pos_ == "NOUN":
        return prep.head
    return None


def _travellers(journey):
    """Who makes a journey: its possessor, or the subject of the clause it is the object of ('X will endure his
    first rite of passage, a flight to Y', 'X is on a trip to Y')."""
    node = journey
    for _ in range(6):
        owners = [c for c in node.children if c.dep_ == "poss"]
        if owners or node.pos_ in ("VERB", "AUX"):
            return _coordinated(owners) if owners else _subjects(node)
        if node.dep_ not in ("appos", "dobj", "attr", "pobj", "prep") or node.head == node:
            return []
        node = node.head
    return []


def _objects(verb, kinds):
    found = []
    for child in verb.children:
        if "direct" in kinds and child.dep_ in ("dobj", "dative", "oprd"):  # (an oprd alone: predicates._naming)
            found.append(verb.head if child.lower_ in _RELATIVE and verb.dep_ == "relcl" else child)  # "X, who(m)
            # he met with": X
        elif child.dep_ == "prep" and child.lower_ in kinds:
            found.extend(_prep_objects(child))
        elif child.dep_ in ("prep", "agent") and child.lower_ in _MEDIUM:  # "spoke by telephone with X"
            found.extend(o for p in child.children if p.dep_ == "pobj" for c in p.children
                         if c.dep_ == "prep" and c.lower_ in kinds for o in _prep_objects(c))
        elif child.dep_ == "prep" and child.lower_ == "at":  # "visit X at the invitation of Y": Y receives
            found.extend(_inviters(child))
        elif (child.dep_ == "dobj" or child.dep_ == "advcl" and any(s.dep_ == "nsubj" and s.pos_ == "NOUN"
                                                                     for s in child.children)) and "with" in kinds:
            found.extend(o for c in child.children if c.dep_ == "prep" and c.lower_ == "with"
                         for o in _prep_objects(c) if o.pos_ == "PROPN")  # "discuss X with Y", "met after the
            # session ended with Y": the parser hanging Y on X or on the clause
    return _coordinated(found + _listed_after(verb, found) + _members_after(verb, found))


def _members_after(verb, objects):
    """The people an 'including' phrase on the verb names after a plural object: 'spoke to four leaders on
    Saturday, including X and Y' (the parser hanging the phrase on the verb, not on 'leaders')."""
    if not any(o.tag_ == "NNS" for o in objects):
        return []
    end = max(o.i for o in objects)
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _INCLUDING and c.i > end
            for p in c.children if p.dep_ == "pobj"]


def _listed_after(verb, objects):
    """Names the parser hangs on the verb after its object and a comma: 'met with leaders of the parties, A, B and
    C', 'spoke to X, Y and Z' (Y parsed apart)."""
    end = max((o.right_edge.i for o in objects), default=None)
    return [c for c in verb.children if c.dep_ in ("dep", "npadvmod") and c.pos_ == "PROPN" and end is not None
            and end < c.left_edge.i - 1 <= end + 1 and c.doc[c.left_edge.i - 1].text == ","]


def _folded_names(tokens, resolve):
    """People the parser hung inside another person's name ('meet Finance Secretary A and Trade
    Secretary B' parsed with A a modifier of B; 'between A and Japanese Prime Minister B', A deeper in B's name,
    where 'and' follows it)."""
    return [c for t in tokens for c in t.subtree if c.i < t.i and resolve(c) and set(resolve(c)) != set(resolve(t))
            and (c.head == t and c.dep_ in ("nmod", "compound") or c.dep_ == "amod" and c.pos_ == "PROPN"
                 and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "and")]


def _inviters(prep):
    return [o for p in prep.children if p.dep_ == "pobj" and p.lower_ == "invitation" for c in p.children
            if c.dep_ == "prep" and c.lower_ == "of" for o in _prep_objects(c)]


def _prep_objects(prep):
    """The objects of a preposition, through a doubled one ('talks with with X') and 'whom' ('with whom')."""
    found = []
    for child in prep.children:
        if child.dep_ == "pobj":
            found.append(child.head.head if child.lower_ in ("whom", "who") and child.head.head.dep_ == "relcl"
                         else child)
            if child.lower_ in ("whom", "who") and prep.head.dep_ == "relcl":
                found[-1] = prep.head.head
            found.extend(o for p in _repeated(child, prep.lower_) for o in _prep_objects(p))
        elif child.dep_ == "prep" and child.lower_ == prep.lower_:
            found.extend(_prep_objects(child))
        elif child.dep_ == "pcomp" and child.lower_ == "visiting":  # "alongside visiting King X", parsed as a verb
            found.extend(c for c in child.children if c.dep_ == "dobj")
    return found


def _repeated(noun, word):
    """The same preposition repeated after an object, however the parse attached it: 'with A, with B and with C'
    (on A, on A's apposition, or on its conjunct)."""
    return [c for t in (noun, *(a for a in noun.children if a.dep_ in ("appos", "conj")))
            for c in t.children if c.dep_ == "prep" and c.lower_ == word and c.i > noun.i
            and any(n.text == "," or n.lower_ == "and" for n in noun.doc[noun.i:c.i])]


def _agents(verb):
    """'was received by X': the agent of a passive meeting verb is the other party."""
    return _coordinated([p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"])


def _companions(verb):
    """'along with X', 'together with X' on the verb or its subject, 'accompanied by X', and the people a retinue
    of the subject includes ('X and his delegation, including Y')."""
    found, chain = [], [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and len(chain) < 4:  # "X, along with Y, are due to meet"
        chain.append(chain[-1].head)
    subjects = [c for v in chain for c in v.children if c.dep_ in _SUBJECT]
    anchors = chain + subjects
    found.extend(p for t in _coordinated(subjects) if _with_retinue(t) for p in _included(t))
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ in ("advmod", "prep") and child.lower_ in _COMPANIONS:
                found.extend(p for w in child.children if w.dep_ == "prep" for p in _prep_objects(w))
                found.extend(_prep_objects(child))
            if child.dep_ in ("acl", "advcl") and lemma(child) in _ACCOMPANIED:
                found.extend(_agents(child))
    return _coordinated(found)


def _noun_parties(noun, spec=None, place=lambda token: False, unheld=False):
    """The parties named on a meeting noun: possessives, person compounds (not places: 'the Geneva talks') and
    the objects of with, between, of (and 'on' for a courtesy call on X, 'from' for a call from X); of an `unheld`
    noun (no verb holds it), also a 'with' the parse hung on the verb it is the object of ('appreciated the talks
    so far with X')."""
    found, spec = [], spec or {}
    extra = set(spec.get("in_person") or ())
    framed = [c for o in noun.children if o.dep_ == "prep" and o.lower_ == "of" and spec.get("of")
              for p in o.children if p.lower_ in spec["of"] for c in p.children]  # "an exchange of views with X"
    hung = [c for c in noun.head.children if unheld and noun.dep_ == "dobj" and c.dep_ == "prep"
            and c.lower_ == "with" and c.i > noun.i]
    for child in [*noun.children, *framed, *hung]:
        if child.dep_ == "poss" or child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
            if child.dep_ == "compound" and place(child):
                continue
            found.append(child)  # "the Putin-Trump meeting": each name of the compound
            found.extend(t for t in child.subtree if t != child and t.dep_ == "compound" and t.pos_ == "PROPN")
        elif child.dep_ == "prep" and (child.lower_ in _NOUN_PARTIES or child.lower_ == "from" and spec.get("from")):
            found.extend(_prep_objects(child))
        elif child.dep_ == "prep" and child.lower_ in extra:  # "a courtesy call on X" (not "a call on Monday")
            found.extend(t for t in _prep_objects(child)
                         if not find_dates(t.doc[t.left_edge.i:t.right_edge.i + 1].text))
        elif child.dep_ == "prep" and child.lower_ == "at":  # "a state visit at the invitation of X"
            found.extend(_inviters(child))
    return _coordinated((found + _clause_parties(noun)) or _between_after(noun))


def _between_after(noun):
    """'a meeting later this month between A and B': the objects of a 'between' that only a time separates from the
    meeting noun, wherever the parse hung it."""
    doc = noun.doc
    prep = next((t for t in doc[noun.i + 1:noun.i + 8] if t.lower_ == "between" and t.dep_ == "prep"), None)
    if prep is None or prep.head == noun:
        return []
    rest = doc[noun.i + 1:prep.i].text
    dated = find_dates(rest)
    for date in reversed(dated):
        rest = rest[:date.start] + " " + rest[date.end:]
    return _prep_objects(prep) if dated and set(rest.lower().split()) <= _BESIDE_A_DATE else []


def _clause_parties(noun):
    """'a summit at which X and Y clashed', 'the talks held in Z when X and Y met': the subjects, two or more, of a
    clause that says what happened at the meeting."""
    held = [c for c in noun.children if c.dep_ == "acl"]  # (and "held in Z at which", the clause hung on Z)
    clauses = [c for c in noun.children if c.dep_ == "relcl"] + [
        a for c in held for a in c.children if a.dep_ in ("advcl", "relcl")] + [
        r for c in held for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
        for r in o.children if r.dep_ == "relcl"]
    return [s for clause in clauses if _at_it(clause) for s in clause.children if s.dep_ == "nsubj" and s.conjuncts]


def _at_it(clause):
    """Whether 'where', 'when' or 'at which' opens a clause (what happened at a meeting; not 'which X praised')."""
    return any(w.i < clause.i and (w.lower_ in ("where", "when") and w.dep_ == "advmod" or
                                   w.lower_ == "which" and w.dep_ == "pobj")
               for c in clause.children for w in (c, *c.children))


def _via(token):
    """The preposition a token (or the list it is coordinated in) is the object of, or None."""
    while token.dep_ in ("conj", "appos") and token.head != token:
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" else None


def _coordinated(tokens):
    """The tokens and everything coordinated or in apposition with them ('A, B and C', 'his counterpart, X')."""
    out, todo = [], list(tokens)
    while todo:
        token = todo.pop(0)
        if token in out:
            continue
        out.append(token)
        todo.extend(c for c in token.children if c.dep_ in ("conj", "appos") and c.pos_ != "VERB")
        if not _with_retinue(token):  # "X and his delegation, including Y": Y attends (see _companions)
            todo.extend(_included(token))
    return out


def _with_retinue(token):
    """A retinue word, or a name coordinated with one ('X and his delegation'), where the parse may hang what the
    retinue includes."""
    return token.lower_ in _RETINUES or any(c.dep_ == "conj" and c.lower_ in _RETINUES for c in token.children)


def _included(token):
    """The people a token's 'including' phrase names ('senior leaders, including X and Y')."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in _INCLUDING
            for p in c.children if p.dep_ == "pobj"]


def _press(token):
    """Whether a name is a journalist's ('spoke with the South Asia correspondent X'): an interview, not a party."""
    return any(t.lower_ in _PRESS for t in token.lefts)


def _owned_by_organisation(token):
    """Whether an organisation owns the name: 'spoke to the BBC's X programme' (a programme or its presenter, not a
    party)."""
    return any(c.dep_ == "poss" and c.ent_type_ == "ORG" for c in token.children)


def _add(keys, tokens, resolve):
    for token in tokens:
        keys.extend(resolve(token))


def _extend_list(objects, doc, resolve):
    """'met A, B of X and C', parsed as something else: people after the last object who follow it in a list
    (commas and 'and', titles and 'of' phrases between them) are objects too, unless the parse makes them the
    subject of a clause of their own."""
    if not objects:
        return
    last = max((t for t in doc if resolve(t) and resolve(t)[0] in objects), key=lambda t: t.i, default=None)
    if last is None:
        return
    joined = False
    for token in doc[last.i + 1:]:
        if _in_acronym(token):
            continue  # "Baltic Fisheries Council (BFC) head X"
        if token.pos_ == "ADP" and token.lower_ == "with" and doc[token.i - 1].lower_ in _THEN:
            joined = True  # "met first with A and then with B"
            continue
        if token.pos_ in _LIST_BREAK or token.text in (";", ":", "(", ")") or token.lower_ in ("who", "which") \
                or token.pos_ == "ADP" and token.lower_ not in _LIST_PREPOSITIONS:
            return
        if token.text == "," or token.lower_ in ("and", "&"):
            joined = True
        keys = resolve(token)
        if keys and keys[0] not in objects:
            if not joined or token.dep_ in _SUBJECT or _name_root(token, resolve).dep_ in ("nsubj", "poss"):
                return  # (and "X, Y's nominee": an apposition)
            objects.extend(k for k in keys if k not in objects)
            joined = False


def _in_acronym(token):
    """Whether a token is of an acronym in brackets after a name: '(', 'BFC', ')'."""
    doc, i = token.doc, token.i
    return any(0 <= i - k and i - k + 2 < len(doc) and doc[i - k].text == "(" and doc[i - k + 2].text == ")"
               and doc[i - k + 1].text.isupper() for k in (0, 1, 2))


def _name_root(token, resolve):
    """The word of a name that the parse hangs the name on ('Juan X said': X)."""
    keys = resolve(token)
    while token.head != token and resolve(token.head) == keys:
        token = token.head
    return token


def _extend_back(subjects, doc, resolve):
    """'A and B agreed', parsed with A inside B's title: people before the first subject, joined to it by 'and'
    or commas with no verb between, are subjects too."""
    if not subjects:
        return
    first = min((t for t in doc if resolve(t) and resolve(t)[0] in subjects), key=lambda t: t.i, default=None)
    if first is None:
        return
    joined = False
    for token in reversed(doc[:first.i]):
        keys = resolve(token)
        if keys and keys[0] not in subjects:
            if not joined or _name_root(token, resolve).dep_ in ("pobj", "dobj", "poss"):
                return  # "Before meeting with X, Y ...", "Speaking at X's press conference, Y ...": X is not Y's
            subjects[:0] = [k for k in keys if k not in subjects]
            joined = False
        elif token.lower_ in ("and", "&") or token.text == ",":
            joined = True
        elif token.pos_ in _LIST_BREAK or token.text in (";", ":", "—", "–") or \
                token.pos_ == "ADP" and token.lower_ not in _LIST_PREPOSITIONS:
            return


def _unique(keys):
    return list(dict.fromkeys(keys))


_GROUP_WORDS = {"they", "them", "both", "leaders", "presidents", "ministers", "sides", "men", "premiers",
                "counterparts", "two", "pair", "delegations", "heads", "chancellors"}


def _holder_subjects(noun, holder):
    """The subjects of the verb holding a meeting noun, but not the passive subject of a verb the noun is a time
    phrase of ('at the meeting, the issue of X was raised': what was raised is not a party), whose agents are
    ('the accord was initialled by A and B at a summit')."""
    timed = _timed(noun, holder)
    subjects = [t for t in _subjects(holder) if t != noun and not (
        timed and t.dep_ == "nsubjpass" and t.head == holder)]
    return subjects or (_agents(holder) if timed else [])


def _reported(noun, reporters):
    """Whether a meeting noun is the subject of what someone reports ('X said the talks with Y went well', 'X said
    there would be talks with Y')."""
    clause = noun.head
    subject = noun.dep_ in ("nsubj", "nsubjpass") or noun.dep_ == "attr" and any(
        c.dep_ == "expl" for c in clause.children)
    return subject and clause.dep_ == "ccomp" and lemma(clause.head) in reporters


def _proxy(token):
    """Whether a subject speaks for someone else ('her spokesman Z', 'an aide')."""
    return any(w.lower_ in _PROXIES for w in token.subtree)


def _timed(noun, verb):
    """Whether a meeting noun is the time of a verb ('agreed at the summit', 'said during talks')."""
    return noun.dep_ == "pobj" and noun.head.head == verb and noun.head.lower_ in ("at", "during", "in")


def _parties_of(predicate, doc, place):
    """The tokens standing for a predicate's parties (subjects, possessives, with/between objects)."""
    head = doc[predicate.head]
    verb = head if predicate.kind == "verb" else (doc[predicate.holder] if predicate.holder is not None else None)
    tokens = [] if verb is None else _subjects(verb) if predicate.kind == "verb" else _holder_subjects(head, verb)
    if predicate.kind == "noun":
        tokens += _noun_parties(head, place=place)
    return [t for t in tokens if t != head]


def group_words(lexicon):
    """The last words of the lexicon's group subjects ('leaders', 'sides', 'they')."""
    return {g.split()[-1] for g in lexicon.group_subjects} | _GROUP_WORDS


def group_subject(predicate, doc):
    """Whether the meeting's subject (or its possessor) is the parties as a group: 'the two leaders', 'they',
    'both sides', 'their talks'."""
    head = doc[predicate.head]
    verb = head if predicate.kind == "verb" else (doc[predicate.holder] if predicate.holder is not None else None)
    tokens = [c for c in head.children if c.dep_ == "poss"]
    if predicate.kind == "noun":  # "a meeting of the presidents"
        tokens += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "between")
                   for p in c.children if p.dep_ == "pobj"]
    if verb is not None:
        tokens += _subjects(verb)
    return any(_group(t) or t.lower_ == "their" for t in tokens)


def _group(token):
    """Whether a word names the parties as a group: 'they', 'the leaders', 'the two finance ministers', 'the
    Estonian and Chilean ministers' (not 'opposition leaders', 'EU leaders', 'Syrian rebel leaders': a group of
    others)."""
    if token.lower_ not in _GROUP_WORDS:
        return False
    counted = any(c.lower_ in ("two", "both", "three") or c.dep_ == "amod" and any(a.dep_ == "conj" for a in c.children)
                  for c in token.children)
    return counted or not any(c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") or
                              c.dep_ == "amod" and c.text[:1].isupper() for c in token.children)


def another(noun):
    """'another meeting', 'a second round of talks', 'the next meeting', 'a further meeting': a meeting after one
    already reported."""
    frame = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # ("round of talks")
    return any(c.dep_ == "det" and c.lower_ == "another" or c.dep_ in ("amod", "advmod") and (
        c.lower_ in _AGAIN or c.lower_ in _ONE_MORE and any(d.lower_ in ("a", "an") for d in t.children))
        for t in {noun, frame} for c in t.children)


def unsaid(predicate, doc):
    """'X was also discussed': a passive discussion verb with no agent, which says what a meeting named before was
    about, not who met."""
    head = doc[predicate.head]
    return predicate.lemma == "discuss" and any(c.dep_ == "nsubjpass" for c in head.children) and not any(
        c.dep_ == "agent" for c in head.children)


def refers(predicate, doc, args):
    """Whether a predicate that names fewer than two parties still speaks of one particular meeting: 'the talks',
    'their meeting', 'the two leaders discussed', 'X was discussed', 'negotiations were planned at the summit'
    'this will be a conversation', 'a meeting covering X' (not 'a meeting of officials', 'regular meetings')."""
    head = doc[predicate.head]
    if group_subject(predicate, doc):
        return True
    if unsaid(predicate, doc):
        return True  # "X was also discussed" (what, not who)
    if args.unnamed:
        return False  # "Turkish officials held talks": a meeting of others
    if predicate.kind == "verb":  # "Trump refused to meet" (one of the parties last named)
        return len(args.subjects) == 1 and not args.objects and not args.other_object and not _objects(
            head, ("direct",))
    if head.dep_ == "attr" and lemma(head.head) == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in head.head.children):
        return True  # "this will be a conversation that will focus on X"
    if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in head.children):
        return True  # "a constructive meeting covering X": the meeting just named, described
    if another(head):
        return True  # "a second round of talks is set for Friday": the next meeting of the parties last named
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "every", "no") for c in head.children):
        return False
    if predicate.lemma in _GATHERINGS:  # "the summit": most often the gathering of many the article is about
        return False
    return head.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their", "his", "her", "its", "such")
        for c in head.children)
