"""Who a meeting's parties are: the article's people gathered once (names, titles, the actor knowledge, the entity
recogniser), then each argument token of a parse resolved to them: a name, a role ("the Saudi leader", "the
presidents of Sri Lanka and Indonesia"), a pronoun (the person the sentence or the one before is about), or the
"I" of a release written in its head of government's first person."""
import collections
import datetime
import functools
import re

from transforms.extract.kb import fold_title
from transforms.extract.nlp import lemma, text_of
from transforms.extract.people import (LESSER, MONTH_NAMES, Found, Mention, Registry, first_person, in_quotes,
                                       names, pronoun_kind)
from transforms.extract.predicates import speaker
from transforms.extract.words import unwrapped

_LEADING = {"lead", "head"}  # "a delegation led by X", "the team headed by X": X
_PERSON_LABELS = {"PERSON"}
_OTHER_LABELS = {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_HEAD_OFFICES = ("head of state", "head of government")
_HEAD_ROLE = re.compile(r"(?:President|Prime Minister|Chancellor|King|Queen|Emir|Sultan|Head of (?:State|Government)|"
                        r"Premier|Supreme Leader) of ")  # matched at the start of a role
_SPEAKER = re.compile(r"\s*(?:THE\s+)?(?:PRIME\s+MINISTER|PM)\s*:")  # a transcript's speaker label
# a heading's 'THE HON P J X MP', 'RT HON JOHN X CH MP', 'THE PRIME MINISTER, MR. JOHN X'
_SIGNED = re.compile(r"\b(?:HON|MINISTER,\s+(?:MR|MRS|MS|DR|SIR))\s?\.?((?:\s+[A-Z][A-Z.'-]*){1,5})")
_LABEL = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}:(?!\s*\d)")  # a transcript's speaker label: "JOURNALIST:", "MR X:"
# (not a fax header's "TEL: 24 Sep")
# What opens a vocative before a name: a speaker's label, "Your Excellency", an honorific and a title ("QUESTION:
# Mr. X,", "Your Excellency President X,", "Prime Minister X,")
_VOCATIVE_BEFORE = re.compile(r"\s*(?:[A-Z][A-Z.'’ -]{1,40}:\s*)?(?:(?:Your|His|Her)\s+Excellenc(?:y|ies),?\s+)?"
                              r"(?:(?:Mr|Mrs|Ms|Madam|Dr|Sir)\.?\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}")
_VOCATIVE_AFTER = re.compile(r"\s*(?:,|(?:would|do|can|will|are|have|did|could)\s+you\b)")
_WITH = re.compile(r"\b[Ww]ith\b")
# Words that speak to someone present: "you", "ladies and gentlemen", "your Excellency"
_ADDRESSING = re.compile(r"\b(?:[Yy]ou|[Yy]our|ladies and gentlemen|[Ee]xcellenc(?:y|ies)|distinguished guests)\b")
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|me|my|My|we|We|us|our|Our)\b")
_FOR_PORTFOLIO = re.compile(r"\s+for\s+(?:the\s+)?([A-Z][\w-]*)")
_STATE_NOUNS = {"republic", "kingdom", "federation", "state", "country", "nation", "government", "confederation"}
_DESCRIPTIVE = {"first", "only", "last", "former", "late", "world", "next", "future", "previous", "new", "another",
                "other", "some", "many", "several", "fellow"}


# "a visit to Walter Reed": a name only the recogniser calls a person is a place after a word of going there.
_DESTINATION = re.compile(r"\b(?i:visit(?:s|ed|ing)?|trip|tour|travel(?:s|led|ling|ed)?|went|flew|arrived?|"
                          r"arriving|headed|stop(?:ped)?)\s+(?:to|at|in|for)\s+(?:the\s+)?$")


class Article:
    """The people of one article and how its sentences name them."""

    def __init__(self, sentences, docs, kb, gaz, titles, published, names_of=None, heading=None):
        """`names_of(i)`: the `names` of sentence i, when the caller has them; `heading`: the article's title."""
        self.heading = heading or ""
        self.sentences, self.docs, self.kb, self.gaz, self.titles = sentences, docs, kb, gaz, titles
        found_names = [names_of(i) if names_of else names(s.text, titles, gaz) for i, s in enumerate(sentences)]
        self.names_of = found_names.__getitem__
        self.day = published
        self.era = (published - _DECADE, published + _DECADE) if published else _era(kb, found_names)
        self.registry = Registry(kb, published, titles.first_word_names)
        self.home = home_country(sentences, gaz)
        found = [self._candidates(i, s) for i, s in enumerate(sentences)]
        for i, candidates in enumerate(found):  # full names first, so that surnames find them wherever they are
            for f, is_person in candidates:
                if is_person:
                    self.registry.add(f, self._actor(f), self._in_office(f))
        self.author = self._author() if first_person(sentences) else None
        for i, candidates in enumerate(found):
            named = [m for m in (self._mention(f) for f, _ in candidates) if m]
            roles = [m for m in self._role_mentions(i, sentences[i].text, named)
                     if not any(n.start < m.end and m.start < n.end for n in named)]
            self.registry.mentions[i] = sorted(named + roles, key=lambda m: m.start)

    def _candidates(self, i, sentence):
        """(Found, whether it is a person on its own evidence) for each name of a sentence."""
        out = []
        doc = self.docs.get(i)
        ents = [e for e in doc.ents] if doc is not None else []
        for f in self._split_pairs(self.names_of(i)):
            label = next((e.label_ for e in ents if e.start_char <= f.start < e.end_char), None)
            if _is_place(f.name, self.gaz):
                continue
            known = bool(self.kb.by_name(f.name)) if " " in f.name else self._prominent(f.name) or self._serving(
                f.name, doc, f.start)
            out.append((f, f.titled or known or label in _PERSON_LABELS and " " in f.name
                        and not _DESTINATION.search(sentence.text, 0, f.start)))
        for e in ents:
            if e.label_ in _PERSON_LABELS and not any(f.start < e.end_char and e.start_char < f.end for f, _ in out):
                found = next(iter(names(e.text, self.titles, self.gaz)), None)  # without a title or place before
                text = found.name if found else ""
                if any(len(w.rstrip(".")) > 1 for w in text.split()) and not _is_place(text, self.gaz):
                    start = e.start_char + found.start
                    out.append((Found(start, start + len(text), text),
                                " " in text or self._prominent(text) or len(self.kb.by_surname(text)) == 1
                                and text not in MONTH_NAMES))
        return out

    def _split_pairs(self, found):
        """'the Putin-Trump meeting': a hyphenated word of two known names is two names (Leigh-Pemberton, a
        double surname no one else bears, stays one)."""
        for f in found:
            parts = f.name.split("-")
            if len(parts) == 2 and " " not in f.name and not self.kb.by_surname(f.name) and all(
                    p[:1].isupper() and (self._prominent(p) or self.registry.lookup(p)) for p in parts):
                yield Found(f.start, f.start + len(parts[0]), parts[0])
                yield Found(f.end - len(parts[1]), f.end, parts[1])
            else:
                yield f

    def _prominent(self, word):
        """Whether a surname alone names a head of state or government (on the article's day, or ever when it is
        unknown): 'Biden and Xi met' (a month's name only names one named before: 'talks with June')."""
        return word not in MONTH_NAMES and self._leader(word) is not None

    def _serving(self, word, doc, at):
        """Whether a surname alone that the parse calls a proper noun of its own (not 'Prime' of 'Prime Minister')
        is the only one the actor knowledge holds, of someone in office on the article's day ('Biden extended an
        invitation' in 2015)."""
        token = next((t for t in doc if t.idx == at), None) if doc is not None and self.day else None
        if token is None or token.pos_ != "PROPN" or word in MONTH_NAMES or word.lower() in self.titles.office_words \
                or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            return False
        bearers = self.kb.by_surname(word)
        return len(bearers) == 1 and self.kb.role_on(bearers[0], self.day) is not None

    def _leader(self, word):
        leaders = [a for a in self.kb.by_surname(word) if self._heads(a)]
        return leaders[0] if len(leaders) == 1 else None

    def _heads(self, actor):
        """Whether the actor is a head of state or government on the article's day (when it is unknown: in the
        years of the people it names in full, or ever)."""
        roles = [self.kb.role_on(actor, self.day)] if self.day else [r for r, start, end in actor.offices
                                                                     if self._in_era(start, end)]
        return any(r and _HEAD_ROLE.match(r) for r in roles)

    def _in_era(self, start, end):
        """Whether an office from `start` to `end` (None: open) overlaps the years the article speaks of."""
        return self.era is None or (start is None or start <= self.era[1]) and (end is None or end >= self.era[0])

    def _of_era(self, actor):
        """Whether an actor held an office in the article's years, or has no dated office."""
        return not actor.offices or any(self._in_era(start, end) for _, start, end in actor.offices)

    def _actor(self, found):
        day = self.day
        courtesy = found.title and all(w.rstrip(".") in self.titles.courtesy for w in found.title.split())
        if " " not in found.name and (not found.title or courtesy):  # "Blair", "Mr Blair"
            bearers = self.kb.by_surname(found.name)
            return self._leader(found.name) or (bearers[0] if len(bearers) == 1 and self._of_era(bearers[0]) else None)
        candidates = self.kb.by_name(found.name) if " " in found.name else [
            a for a in self.kb.by_surname(found.name) if found.title and self._fits_title(a, found.title, day)]
        return self.kb.choose(candidates, day, set(self.registry.people)) if candidates else None

    def _fits_title(self, actor, title, day):
        """Whether the actor holds the title ('president', 'foreign minister') on the day (ever, without one)."""
        words = self._bare(title)
        return bool(words) and actor.holds(" ".join(words), day)

    def _in_office(self, found):
        """Whether a name is written with a title that is no honorific ('President X', not 'Mrs X')."""
        return bool(found.title) and not all(w.rstrip(".") in self.titles.honorifics for w in found.title.split())

    def _mention(self, found):
        key = self.registry.lookup(found.name, self._in_office(found))
        if key is None:
            return None
        return Mention(found.start, found.end, key)

    def _author(self):
        """The head of government whose release speaks as 'I': the one its heading names ('STATEMENT BY THE PRIME
        MINISTER, THE HON P J X MP', in the actor knowledge or not); in a transcript of 'PRIME MINISTER:' turns,
        the first prime minister it names but those its heading names after 'with', else the one its questions
        address, else the one of the country it names most; else the one of the country the article names most
        often, other than the countries of the office holders it names (the author's counterparts, not a 'Mr X'
        of the author's country), of its heading's guests and those it says its author travels to; but the one
        country that heads of other countries are said to visit is the host's, the author's."""
        signatures = [(text[:m.start(1)], m.group(1)) for text in (self.heading, *(s.text for s in self.sentences[:3]))
                      for m in _SIGNED.finditer(text)]  # (what precedes the name, the name's run)
        signed = {id(a): a for _, run in signatures for word in run.split()
                  if len(word) > 2 for a in self.kb.by_surname(word.title()) if self.day and self._heads(a)}
        if len(signed) == 1:
            return self._register(next(iter(signed.values())))
        if not signed and (signer := self._signer(signatures)):
            named = self.registry.lookup(signer.name)
            if named and self.titles.consort(self.registry.person(named).title):  # 'Mrs X will accompany me'
                return self.registry.add_apart(signer)
            return self.registry.add(signer)
        interview = any(_SPEAKER.match(s.text) for s in self.sentences)  # an interview's "PRIME MINISTER:" turns
        leaders = [k for k, p in self.registry.people.items()
                   if interview and self._prime_minister(p) and k not in self._guests] or (
            self._addressed() if interview else [])
        if leaders:
            return leaders[0]  # the first named
        counterparts = set() if interview else {  # (the one interviewed has no counterpart there; a past leader
            self._country_of(p) for p in self.registry.people.values()  # named as 'Mr X' is none)
            if p.actor is not None and (not self.day or p.actor.in_office(self.day))
            or p.title and not all(w.rstrip(".") in self.titles.courtesy for w in p.title.split())}
        left_out = counterparts | self.destinations | {self.registry.person(k).country for k in self._guests}
        hosting = self._hosting if not interview else ()
        for _ in range(3):  # (an interview's prime minister is of a country that has one)
            home = next(iter(hosting)) if len(hosting) == 1 else home_country(self.sentences, self.gaz,
                                                                               exclude=left_out, by_cities=True)
            holders = self.kb.holders("head of government", home, self.day) if home and self.day else []
            if not interview or home in left_out or any(a.holds(f"Prime Minister of {home}", self.day)
                                                        for a in holders):
                break
            left_out.add(home)
        if len(holders) != 1:
            return None
        return self._register(holders[0])

    def _country_of(self, person):
        """A person's country, else that of the actors the knowledge base has by their surname, when all share one
        ('Prime Minister X' of a role it does not record)."""
        known = {a.country for a in self.kb.by_surname(person.surname)} if not person.country else set()
        return person.country or (known.pop() if len(known) == 1 else None)

    def _signer(self, signatures):
        """The head of government a heading signs when the actor knowledge does not hold them ('STATEMENT BY THE
        PRIME MINISTER, THE RT. HON. JOHN X MP'), as a found name ('John X'), else None; `signatures`: (the text
        before, the run of capitalised words) of each signature."""
        for before, run in signatures:
            title = self.titles.last(before)
            words = [w.title() for w in run.split()
                     if len(w.rstrip(".")) > 1 and w.lower() not in self.titles.post_nominals]
            if title and self.titles.heads[title] == "head of government" and words:
                return Found(0, 0, " ".join(words), title=title)
        return None

    def _addressed(self):
        """The one person an interviewer's question opens by addressing ('QUESTION: Mr. X, would you ...'), as a
        list of their key, or []."""
        found = {self.registry.lookup(f.name) for i, s in enumerate(self.sentences) if self._asked[i]
                 for f in self.names_of(i) if _VOCATIVE_BEFORE.fullmatch(s.text, 0, f.start)
                 and _VOCATIVE_AFTER.match(s.text, f.end)} - {None}
        return list(found) if len(found) == 1 else []

    @functools.cached_property
    def addressee(self):
        """The person a first-person speech opens by addressing, other than its author, as a key, else None: a name
        that one of its first sentences starts with, after a title, followed by a comma, in a sentence that (or
        the two after it) speaks to someone ('Prime Minister X, your Excellency, ladies and gentlemen')."""
        for i in range(min(4, len(self.sentences))) if self.author else ():
            text = self.sentences[i].text
            for m in self.registry.mentions.get(i, ()):
                if m.key != self.author and _VOCATIVE_BEFORE.fullmatch(text, 0, m.start) and \
                        text.startswith(",", m.end) and any(_ADDRESSING.search(s.text, m.end if j == i else 0)
                                                            for j, s in enumerate(self.sentences[i:i + 3], i)):
                    return m.key
        return None

    @functools.cached_property
    def _asked(self):
        """For each sentence, whether a transcript gives it to someone other than the prime minister: after a
        'JOURNALIST:' or 'HOST:' label and before a 'PRIME MINISTER:' one."""
        asked, out = False, []
        for s in self.sentences:
            if _LABEL.match(s.text):
                asked = not _SPEAKER.match(s.text)
            out.append(asked)
        return out

    @functools.cached_property
    def _guests(self):
        """The people a heading names after 'with' ('Remarks at the Treaty Signing with Prime Minister X'): the
        author's counterparts."""
        tail = _WITH.split(self.heading, 1)[1:]
        return {self.registry.lookup(f.name) for f in names(tail[0], self.titles, self.gaz)} - {None} if tail else set()

    def _prime_minister(self, person):
        """Whether a person is titled prime minister and heads a government on the article's day."""
        return (person.title or "").endswith("prime minister") and person.actor is not None and bool(
            self.day) and self._heads(person.actor)

    @functools.cached_property
    def _visited(self):
        """Countries that people the article names from another country visit ('X will make a state visit to B',
        'the visit made by X to B')."""
        return {place for place, _ in self._visits}

    @functools.cached_property
    def _hosting(self):
        """Countries that heads of state or government of other countries visit ('President X of A is the first
        president of A to visit B')."""
        return {place for place, people in self._visits if all(self.heads(p) for p in people)}

    def heads(self, person):
        """Whether a person heads a state or government: by the actor knowledge or by the title the text gives."""
        return person.actor is not None and self._heads(person.actor) or \
            self.titles.heads.get(self.titles.last(person.title or "")) in _HEAD_OFFICES

    @functools.cached_property
    def _visits(self):
        """(country visited, its visitors) of each visit the article names by people from other countries."""
        found = []
        for i, s in enumerate(self.sentences):
            for m in _VISIT.finditer(s.text):
                place = self.gaz.countries.get(m.group("place"))
                keys = {self.registry.lookup(f.name) for f in self.names_of(i) if f.end <= m.start("place")} - {None}
                people = [self.registry.person(k) for k in keys]
                countries = {p.country for p in people}
                if place and people and None not in countries and place not in countries:
                    found.append((place, people))
        return found

    @functools.cached_property
    def destinations(self):
        """Countries a release's author says he travels to ('I will visit X', 'my visit to X', 'In X, I will')."""
        found = set()
        for s in self.sentences:
            for m in _FIRST_PERSON_TRAVEL.finditer(s.text):
                place = m.group("place")
                found.add(self.gaz.countries.get(place) or (self.gaz.cities.get(place) or (None, None))[1])
        return found - {None}

    def _role_mentions(self, i, text, named):
        """Mentions of people by role in sentence `i`: 'the Prime Minister', 'the Saudi leader'."""
        out = []
        for m in self.titles.role_pattern(self.gaz).finditer(text):
            adj = m.group("adj") or m.group("of")
            country = adj and (self.gaz.adjectives.get(adj) or self.gaz.countries.get(adj))
            organisation = _OF_NAME.match(text, m.end())
            body = _OF_BODY.match(text, m.end())
            if not country and (organisation and organisation.group(1) not in self.gaz.countries
                                or body and body.group(1) not in _STATE_NOUNS):
                continue  # "the President and senior members of the European Commission", "the president of the
                # central bank": no country's office
            if any(self._apposition(text[m.end():n.start]) for n in named if n.start >= m.end()):
                continue  # "the Prime Minister, Mr X", "the Prime Minister of Y, the Hon X": X
            title = _with_portfolio(unwrapped(m.group("title")), text[m.end():])
            key = self._holder(title, country, i, {n.key for n in named})
            if key:
                out.append(Mention(m.start("title"), m.end("title"), key))
        return out

    def _apposition(self, between):
        """Whether what separates an office from a name after it makes the name its apposition: a comma and
        honorifics only (', Mr ', ', the Hon ', ', His Excellency ')."""
        return between.startswith(",") and all(
            w.rstrip(".").lower() in self.titles.honorifics for w in between[1:].split())

    def resolver(self, i, doc):
        """A function from a token of sentence `i`'s parse to the keys of the people it stands for."""
        mentions = self.registry.mentions.get(i, [])
        cache = {}

        def resolve(token):
            if token.i not in cache:
                cache[token.i] = self._resolve(token, mentions, i)
            return cache[token.i]
        return resolve

    def _resolve(self, token, mentions, i):
        at = token.idx
        for m in mentions:
            if m.start <= at < m.end:
                return [m.key]
        for appos in (c for c in token.children if c.dep_ == "appos" and self.personal(token)):  # "the foreign
            # minister, X" (not "the comment of Y, X", the parser hanging X on the comment)
            named = [m.key for m in mentions if m.start <= appos.idx < m.end]
            if named:
                return named
        leader = next((p for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in _LEADING
                       for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        if leader is not None and token.pos_ == "NOUN":  # "the X team headed by Y", "a delegation led by Y": Y
            return self._resolve(leader, mentions, i)
        if token.dep_ == "appos" and self.titles.head([token.lower_]):  # "X, Prime Minister of Y": X
            named = [m.key for m in mentions if m.start <= token.head.idx < m.end]
            if named:
                return named
        kind = pronoun_kind(token.text)
        if kind == "third" and token.dep_ != "poss" or kind == "third" and token.head.pos_ == "NOUN":
            found = self._cataphor(token, mentions) or self.antecedent(i, at, self._clause_subject(token, mentions, i))
            return [found] if found else []
        if self.author and (kind == "first" and not self._asked[i] and not in_quotes(self.sentences[i].text, at)
                            or token.lower_ in ("you", "your", "yourself") and self._asked[i]):
            return [self.author]  # (an interviewer's "you" is the one interviewed)
        said_by = speaker(token) if token.lower_ == "i" else None  # 'X said: "I met Y"': X
        if said_by is not None and said_by is not token:
            return [k for k in self._resolve(said_by, mentions, i) if pronoun_kind(said_by.text) != "first"][:1]
        if token.lower_ == "their" and token.dep_ == "poss":  # "X spoke with Y after their talks": X and Y; "X
            earlier = [m for m in mentions if m.end <= at]  # welcomed a statement by A and B after their talks": A, B
            group = self._coordinated(token.doc, earlier[-1], mentions) if earlier else []
            keys = list(dict.fromkeys(group if len(group) >= 2 else [m.key for m in earlier]))
            return keys if len(keys) >= 2 else []
        return self._role(token, i)

    def personal(self, token):
        """Whether a noun may stand for a person: a name, a pronoun, a title ('counterpart') or a relative."""
        return token.pos_ in ("PROPN", "PRON") or bool(self.titles.head([token.lower_])) or \
            token.lower_ in self.titles.relatives

    @staticmethod
    def _coordinated(doc, mention, mentions):
        """The people named in the coordination a mention is part of ('A and B', 'A, B and C'), in order."""
        token = next((t for t in doc if mention.start <= t.idx < mention.end), None)
        while token is not None and token.dep_ != "conj" and token.head != token and \
                mention.start <= token.head.idx < mention.end:
            token = token.head  # (the word of the name the parse hangs it on)
        while token is not None and token.dep_ == "conj":
            token = token.head
        if token is None:
            return []
        return [m.key for t in (token, *token.conjuncts) for m in mentions if m.start <= t.idx < m.end]

    def pair_before(self, i, at):
        """The two people named in sentence `i` before position `at`, or when it names no one there, in the
        sentence before (or the two of them named in full or known to the actor knowledge); else ()."""
        found = [m for m in self.registry.mentions.get(i, ()) if m.end <= at] or (
            self.registry.mentions.get(i - 1, ()) if i else ())
        keys = tuple(dict.fromkeys(m.key for m in found))
        known = tuple(k for k in keys if " " in k or self.registry.person(k).actor is not None)
        return next((pair for pair in (keys, known) if len(pair) == 2), ())

    def traveller(self, i, at):
        """Who a sentence says is somewhere (at position `at`): the person it names first before that place, the one
        its 'he' or 'she' stands for, or the author of a first-person release ('my visit to X')."""
        text = self.sentences[i].text
        before = [m for m in self.registry.mentions.get(i, []) if m.end <= at]
        if before:
            return self._subject_or_first(i, before)
        if self.author and re.search(r"\b(?:I|my|My|we|We|our|Our)\b", text[:at]):
            return self.author
        if re.search(r"\b(?:he|He|she|She|his|His|her|Her)\b", text[:at]):
            return self.antecedent(i, 0)
        return None

    def antecedent(self, i, at, exclude=()):
        """The person a 'he' or 'she' at `at` of sentence `i` stands for: the subject of the main clause when it is
        named earlier in the sentence, else the first person named earlier in it (for a subject, one who is no
        object there: 'after talks with X, he said' is not X), else the same in the nearest sentence before that
        names one (within three); never one of `exclude` (the subject of an object's clause: 'he met her')."""
        subject = self._subject_at(i, at)
        earlier = [m for m in self.registry.mentions.get(i, []) if m.end <= at and m.key not in exclude
                   and not (subject and self._object(i, m))]
        if earlier:
            return self._subject_or_first(i, earlier)
        for j in range(i - 1, max(-1, i - 4), -1):
            if self._pronoun_subject(j):  # "He was to talk with X. He spoke to Y": the same he
                return self.antecedent(j, 0, exclude)
            found = [m for m in self.registry.mentions.get(j, []) if m.key not in exclude]
            if found:
                return self._subject_or_first(j, found)
        return None

    def _pronoun_subject(self, j):
        """Whether sentence `j` opens with 'he' or 'she' as its subject."""
        subject = self._main_subject(j)
        if subject is not None:
            return pronoun_kind(subject.text) == "third" and subject.i <= 1
        return bool(re.match(r"(?:He|She)\b", self.sentences[j].text))

    def _clause_subject(self, token, mentions, i):
        """The people the subject of an object pronoun's clause names ('he spoke to her': he), whom it cannot
        stand for."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
            return ()
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return self._resolve(subject, mentions, i) if subject is not None else ()

    @staticmethod
    def _cataphor(token, mentions):
        """The person named as the main clause's subject after a phrase that holds the possessive `token` and that
        no name precedes: 'In his talks with X, Y said' -> Y; else None."""
        if token.dep_ != "poss" or any(m.start < token.idx for m in mentions):
            return None
        phrase = next((a for a in token.ancestors if a.head.dep_ == "ROOT"), None)
        subject = next((c for c in token.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if phrase is None or subject is None or phrase.dep_ not in ("prep", "advcl", "npadvmod") or \
                not token.i < subject.left_edge.i:
            return None
        return next((m.key for m in mentions if m.start <= subject.idx < m.end), None)

    def _subject_at(self, i, at):
        """Whether sentence `i`'s parse makes the word at `at` a subject."""
        doc = self.docs.get(i)
        return doc is not None and any(t.idx == at and t.dep_ in ("nsubj", "nsubjpass") for t in doc)

    def _object(self, i, mention):
        """Whether sentence `i`'s parse makes a mention the object of a verb or preposition."""
        doc = self.docs.get(i)
        name = next((t for t in doc if mention.start <= t.idx < mention.end), None) if doc is not None else None
        while name is not None and name.head != name and mention.start <= name.head.idx < mention.end:
            name = name.head
        return name is not None and name.dep_ in ("pobj", "dobj", "dative")

    def _subject_or_first(self, j, mentions):
        """Of `mentions` in sentence `j`, the one the main clause's subject names ('After meeting X, Y flew to Z,
        where he met W': Y), else the first."""
        subject = self._main_subject(j)
        return next((m.key for m in mentions if subject is not None and m.start <= subject.idx < m.end),
                    mentions[0].key)

    def _main_subject(self, j):
        """The subject token of the main clause of sentence `j`, when it was parsed."""
        doc = self.docs.get(j)
        if doc is None:
            return None
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None \
            else None

    def _role(self, token, i):
        """People a role noun stands for: 'the Saudi leader', 'the Crown Prince', 'the presidents of Sri Lanka and
        Indonesia', 'the Prime Minister' (of the article's country)."""
        word = token.lower_
        modifiers = [w.lower_ for t in token.children if t.dep_ in ("compound", "amod") and t.i < token.i
                     for w in t.subtree if w.pos_ in ("NOUN", "PROPN", "ADJ")  # "national security adviser"
                     and not _is_place(w.text, self.gaz) and w.text not in self.gaz.adjectives]
        title = _with_portfolio(" ".join([*modifiers[-2:], word]), text_of(token.doc)[token.idx + len(token):])
        if not (self.titles.head([word]) or self.titles.head(title.split()[-2:])):
            return []
        if token.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their") for c in token.children):
            return []
        if any(c.lower_ in self.titles.relatives or c.lower_ in _DESCRIPTIVE or c.dep_ in ("acl", "relcl", "nummod")
               for c in token.children) or not any(c.dep_ in ("det", "poss") for c in token.children) and not any(
                p.dep_ == "pobj" and p.text in self.gaz.countries for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of" for p in c.children):
            return []  # "the first world leader to do so", "a leader", "leaders": no one in particular (but
            # "President of Latvia" is)
        following = self._apposed(token, i)
        if following:  # "the presidents, Vladimir Putin and Donald Trump" however the parse attached them
            return following
        countries = self._countries_of(token)
        if not countries and self._of_organisation(token):
            return []  # "the President and senior members of the European Commission": no country's office
        if word == "counterpart":
            return self._counterpart(token, countries, i)
        plural = token.tag_ in ("NNS", "NNPS")
        found = []
        named = {m.key for m in self.registry.mentions.get(i, []) if self.registry.person(m.key).title is None
                 or m.start != token.idx}
        if plural and not countries:  # "the presidents": the parties of the meeting in focus (a group reference)
            return []
        for country in countries or [None]:
            key = self._holder(title.removesuffix("s") if plural else title, country, i, named)
            if key:
                found.append(key)
        return found if plural or len(found) == 1 else []

    def _counterpart(self, token, countries, i):
        """'X met his Pakistani counterpart': the holder of X's office in the one country named."""
        owner = next((c for c in token.children if c.dep_ == "poss" and pronoun_kind(c.text) == "third"), None)
        key = self.antecedent(i, token.idx) if owner is not None and len(countries) == 1 else None
        if key is None:
            return []
        person = self.registry.person(key)
        offices = [o for o, start, end in (person.actor.offices if person.actor is not None else ())
                   if (start is None or start <= self.day) and (end is None or self.day < end)] if self.day else []
        titles = [" ".join(self._bare(re.sub(r" of .*", "", role))) for role in [person.title or "", *offices]]
        title = next((t for t in titles if t and self.titles.head(t.split()[-1:])), None)
        leads = bool(title) and self.titles.heads.get(self.titles.head(title.split()[-2:])) in _HEAD_OFFICES
        holder = self._holder(title, countries[0], i, {key}, any_head=leads) if title else None
        return [holder] if holder and holder != key else []

    def _honouring(self, token):
        """An honorific or a title word before a name (', His Excellency General the Honourable Sir X')."""
        return token.lower_.rstrip(".") in self.titles.honorifics or bool(self.titles.head([token.text]))

    def _apposed(self, token, i):
        """The people named right after a role noun (and the countries it is of) and a comma or a dash ('the Turkish
        president, Recep Tayyip Erdoğan', 'the presidents, X and Y', 'the presidents of A and B – X and Y'), or []."""
        doc = token.doc
        mentions = self.registry.mentions.get(i, [])
        named = {t.i for t in doc for m in mentions if m.start <= t.idx < m.end}
        end = token.i + 1
        if end < len(doc) and doc[end].lower_ == "of":
            end += 1
            while end < len(doc) and end not in named and (
                    doc[end].lower_ in ("the", "and", ",") or doc[end].pos_ == "PROPN"):
                end += 1
            while end - 1 > token.i + 2 and self._honouring(doc[end - 1]):  # "of Malaysia, Mr X": not Malaysia's
                end -= 1
            end -= doc[end - 1].text == ","
        if end >= len(doc) or doc[end].text not in (",", "–", "—", "-", "--"):
            return []
        keys, k = [], end + 1
        while k < len(doc):
            hit = next((m for m in mentions if m.start <= doc[k].idx < m.end), None)
            if hit:
                if hit.key not in keys:
                    keys.append(hit.key)
            elif doc[k].lower_ not in ("and", ",") and doc[k].pos_ not in ("PROPN",) and not (
                    keys and doc[k].text == ",") and not (not keys and self._honouring(doc[k])):
                break
            k += 1
        plural = token.tag_ in ("NNS", "NNPS")
        return keys if keys and (plural or len(keys) == 1) else []

    def leaders_of_several_countries(self, keys):
        """Whether the people are all heads of state or government, of more than one country (leaders gathering,
        not one host's officials)."""
        people = [self.registry.person(k) for k in keys]
        countries = {p.country for p in people}
        return None not in countries and len(countries) > 1 and all(self.heads(p) for p in people)

    def _titled(self, person, title):
        """Whether the article or the actor knowledge gives `person` the title ('prime minister', 'foreign
        minister', 'president'), ignoring the country words of either; or an apposition does ('Mr X, the Minister
        for Y, ... the Minister')."""
        wanted = self._bare(title)
        if person.office and self._bare(person.office)[-len(wanted):] == wanted:
            return True
        role = self.kb.role_on(person.actor, self.day) if person.actor is not None else None
        if " ".join(wanted) in self.titles.generic:  # "the Saudi leader": its king, president or prime minister
            head = person.title and self.titles.head(self._bare(person.title)[-2:])
            return self.titles.heads.get(head) in _HEAD_OFFICES or bool(role and _HEAD_ROLE.match(role))
        have = self._bare(person.title or "")
        if wanted == ["majesty"]:  # "His Majesty": a monarch named before
            return any(f" {m} " in f" {' '.join(have)} " for m in self.titles.monarchs) or bool(
                role and role.split(" of ")[0].lower() in self.titles.monarchs)
        lesser = len(have) > len(wanted) and have[-len(wanted) - 1] in LESSER  # a deputy foreign minister
        if have and (have[-len(wanted):] == wanted and not lesser or wanted[-len(have):] == have and len(have) > 1):
            return True
        return bool(role) and fold_title(" ".join(wanted)) in fold_title(role) and not (
            have and self.titles.head(have[-2:]))  # "Foreign Minister X" is not the president the knowledge says

    def _bare(self, title):
        words = [w for w in title.lower().split() if w.title() not in self.gaz.adjectives
                 and w.upper() not in self.gaz.countries and w.title() not in self.gaz.countries]
        return [self.titles.head([w]) or w for w in words]

    def _of_organisation(self, token):
        """Whether an 'of' phrase on the role noun, or on a noun coordinated with it, names something other than a
        country ('the President of the Commission', 'the President and members of the Commission', 'the president
        of the central bank of X')."""
        holders = [token, *(c for c in token.children if c.dep_ == "conj")]
        objects = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        return any(p.pos_ == "PROPN" and not self.gaz.countries.get(
            " ".join(w.text for w in p.subtree if w.dep_ not in ("det", "cc", "conj", "punct"))) or
            p.pos_ == "NOUN" and p.lower_ not in _STATE_NOUNS and any(  # "the president of the bank of Mexico"
                c.dep_ == "prep" and c.lower_ == "of" for c in p.children) for p in objects)

    def _countries_of(self, token):
        """Countries a role noun names: an adjective or compound before it, 'of X (and Y)' after it."""
        out = []
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < token.i:
                for part in [child, *(c for c in child.subtree if c.dep_ == "conj")]:  # "the Russian and US presidents"
                    phrase = " ".join(t.text for t in part.subtree if t == part or t.dep_ not in ("cc", "conj", "punct",
                                                                                                   "case"))
                    country = self.gaz.adjectives.get(phrase) or self.gaz.countries.get(phrase)
                    if country:
                        out.append(country)
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for t in [pobj, *(c for c in pobj.children if c.dep_ == "conj")]:
                        phrase = " ".join(w.text for w in t.subtree if w == t or w.dep_ not in ("cc", "conj", "punct"))
                        country = self.gaz.countries.get(phrase.removeprefix("the "))
                        if country:
                            out.append(country)
        return out

    def _holder(self, title, country, i, exclude=(), any_head=False):
        """The key of the one person who holds `title` of `country` (the article's country when None, for a head of
        state or government): someone the article named with that title in the last sentences (not one of
        `exclude`, named beside the role), else the office holder on the article's day (`any_head`: the one head
        of state or government, a leader's counterpart)."""
        office = self.titles.heads.get(title)
        if country is None and self._author_as(title, i, exclude):
            return self.author
        for j in range(i, -1, -1):  # the most recent person named with the title
            named = {m.key for m in self.registry.mentions.get(j, ()) if m.key not in exclude
                     and self._titled(self.registry.person(m.key), title)
                     and country in (None, self.registry.person(m.key).country)}
            if len(named) > 1 and country is None:  # "X went to see the president": X's own, of those named
                named = {k for k in named if self.registry.person(k).country in {
                    self.registry.person(e).country for e in exclude} - {None}} or named
            if len(named) == 1:
                return named.pop()
        if not self.day or office not in _HEAD_OFFICES and country is None:
            return None  # other offices only of a country the text names ('the Indian foreign minister')
        visited = self._visited if country is None else ()
        if len(visited) == 1:  # "X of A will make a state visit to B ... the Prime Minister": B's
            country = next(iter(visited))
        elif country is None:  # someone other than the people named with that title: of another country
            country = home_country(self.sentences, self.gaz, exclude={
                p.country for p in self.registry.people.values() if p.key in exclude or self._titled(p, title)})
        # "the Turkish leader": its head of state or of government
        offices = _HEAD_OFFICES if any_head or title in self.titles.generic else (office or title,)
        holders = list(dict.fromkeys(a for o in offices for a in self.kb.holders(o, country, self.day))) \
            if country else []
        titled = [a for a in holders if a.holds(f"{title} of {country}", self.day)]
        if len(holders) > 1 and len(titled) == 1:  # "the Queen": hers, not another head of state's
            holders = titled
        named = [a for a in holders if any(p.actor is a for p in self.registry.people.values())]
        if len(holders) > 1 and len(named) == 1:  # "the leaders of Japan and China": the one the article names
            holders = named
        if len(holders) > 1:  # "X met the leaders of A and B": of X's rank, as counterparts are
            holders = [a for a in holders if any(a.holds(o, self.day) for o in self._head_offices(exclude))]
        if len(holders) != 1:
            return None
        return self._register(holders[0], title)

    def _author_as(self, title, i, exclude):
        """Whether a release's author, who bears `title`, is the one it stands for in sentence `i`: one that does
        not speak as 'I' ('The Prime Minister's visit follows invitations', not 'The Prime Minister and I')."""
        return self.author is not None and self.author not in exclude and self._titled(
            self.registry.person(self.author), title) and not _FIRST_PERSON_WORD.search(self.sentences[i].text)

    def _register(self, actor, title=None):
        """The key of an actor the article names or that an office or a heading stands for, adding them."""
        return self.registry.lookup(actor.name) or self.registry.add(
            Found(0, 0, actor.name, title=title, country=actor.country), actor)

    def _head_offices(self, keys):
        """The one head office (of state or of government) the people of `keys` hold on the day, as a tuple, or ()."""
        held = {o for k in keys for o in _HEAD_OFFICES if self.registry.person(k).actor is not None
                and self.registry.person(k).actor.holds(o, self.day)}
        return tuple(held) if len(held) == 1 else ()


_VISIT = re.compile(r"\b(?i:visit(?:s|ed|ing)?)\b(?:[^.;]{0,80}?\s+to)?\s+(?:the\s+)?"  # "visited B", "a visit (made
                    r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)")  # by X) to B"
_FIRST_PERSON_TRAVEL = re.compile(  # "I will visit X", "my visit to X", "In X, I will"
    r"(?:\b(?:I|[Ww]e)\s+(?:\w+\s+){0,3}?(?:visit|visiting|travel\s+to|travelling\s+to|fly\s+to|go\s+to|"
    r"arrive\s+in)|\b(?:[Mm]y|[Oo]ur)\s+(?:\w+\s+)?(?:visit|trip|time)\s+(?:to|in)|"
    r"^(?:While\s+)?[Ii]n(?=\s+[\w\s]+,?\s+(?:I|we)\b))\s+(?:the\s+)?(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
# "the president of the central bank of X": the body a title is of, in lower case.
_OF_BODY = re.compile(r"\s+of\s+the\s+(?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)(?=\s+of\b|\s*[^\w\s]|\s+[A-Z]|\s*$)")
# "... (and senior members) of the European Commission": the name of what a title is of, after it.
_OF_NAME = re.compile(r"(?:\s+and\s+(?:\w+\s+){0,3}?\w+)?\s+of\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")


_DECADE = datetime.timedelta(days=3652)


def _era(kb, found_names, slack=_DECADE):
    """(first, last) day of the years an undated article speaks of: ten years either side of the middle of the
    offices of the people it names in full whom the knowledge knows (one each); None when it names none."""
    middles = []
    for name in {f.name for found in found_names for f in found if " " in f.name}:
        actors = kb.by_name(name)
        spans = [(start, end or start) for _, start, end in actors[0].offices if start] if len(actors) == 1 else []
        if spans:
            first, last = min(s for s, _ in spans), max(e for _, e in spans)
            middles.append(first + (last - first) / 2)
    if not middles:
        return None
    middle = sorted(middles)[len(middles) // 2]
    return middle - slack, middle + slack


def names_someone(text, found, kb, titles):
    """Whether a sentence (`text`, its `names`: `found`) may name someone the knowledge or a title can place: a
    title word ('the presidents of X and Y'), a full name or a surname the actor knowledge holds ('the
    Geingob-Kallas meeting'); cheap: no parse."""
    return titles.mentioned(text) or any(
        kb.by_name(f.name) if " " in f.name else any(kb.by_surname(part) for part in f.name.split("-"))
        for f in found)


def unknown_names(found, kb, gaz):
    """Whether a sentence's `names` (`found`) hold someone only the entity recogniser can tell a person: a name of
    two or more words, without a title, that the actor knowledge does not hold and that is no place."""
    return any(not f.titled and " " in f.name and not kb.by_name(f.name) and not _is_place(f.name, gaz)
               for f in found)


def _is_place(name, gaz):
    return name in gaz.countries or name in gaz.cities or name in gaz.adjectives or name in gaz.venues


def home_country(sentences, gaz, exclude=(), by_cities=False):
    """The country an article names most often (by name, adjective or seat of government: 'a Downing Street
    spokesman'; with `by_cities`, by the cities it names when it names no country), leaving out `exclude` unless
    it names no other; None when it names none."""
    counts = collections.Counter()
    for s in sentences:
        for kind, table in (("country", gaz.countries), ("adjective", gaz.adjectives), ("seat", gaz.seats)):
            for _, _, form in gaz.find(kind, s.text):
                counts[table[form]] += 1
    if not counts and by_cities:  # "talks in Tartu next week"
        counts.update(gaz.cities[form][1] for s in sentences for _, _, form in gaz.find("city", s.text))
    ranked = [c for c, _ in counts.most_common()]
    return next((c for c in ranked if c not in exclude), ranked[0] if ranked else None)


def _with_portfolio(title, after):
    """A title with the portfolio written after it: 'Minister' before ' for Foreign Affairs' is 'foreign minister'."""
    portfolio = _FOR_PORTFOLIO.match(after)
    return f"{portfolio.group(1)} {title}".lower() if portfolio else title.lower()
