"""Meeting extraction as a chain of plain steps:

    sentences -> candidates -> parse -> predicates -> arguments -> actors -> attributes -> merged meetings

`Extractor.extract(text, published)` runs the chain on one article and returns meeting records (dicts with the
extraction fields of the meetings schema)."""
import dataclasses
import datetime
import re

from transforms.extract import arguments, attributes, candidates, context, merge, nlp, predicates, topics
from transforms.extract.actors import Article, names_someone, unknown_names
from transforms.extract.dates import find_dates
from pipeline import config
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.kb import KnowledgeBase, fold, title_of
from transforms.extract.people import Titles, in_quotes, names, surname
from transforms.extract.places import Location, dateline, given_at, resolve_summit, whereabouts
from transforms.extract.text import for_parser, sentences

_ACRONYM = re.compile(r"^(?:G-?\d+|[A-Z]{2,}(?:-\w+)?)$")  # G20, APEC, EU, ASEAN-Australia


class Extractor:
    """Finds meetings in cleaned article text with the configs and the English model, all loaded once."""

    def __init__(self, gazetteer, kb, lexicon, titles, model):
        self.gaz, self.kb, self.lexicon, self.titles, self.nlp = gazetteer, kb, lexicon, titles, model
        self.cue = candidates.cue_pattern(lexicon)
        self.follow = candidates.follow_pattern(lexicon)
        self.attending = candidates.attendee_pattern(lexicon)
        self.journey = candidates.journey_pattern(lexicon)
        self.groups = candidates.group_pattern(lexicon)
        self._place_words = {w.lower() for w in (*gazetteer.adjectives, *gazetteer.countries)}
        self._group_words = arguments.group_words(lexicon)

    @classmethod
    def from_config(cls, load, load_text=None, kb=None, model=None):
        """From the configs `load(name)` parses (YAML) and `load_text(filename)` reads (the actor knowledge); a
        knowledge base or a loaded model may be given instead (tests share them)."""
        return cls(Gazetteer.from_config(load), kb or KnowledgeBase.load(load_text or config.load_text),
                   predicates.Lexicon.from_config(load("meetings")), Titles.from_config(load("titles")),
                   model or nlp.load())

    def extract(self, text, published_date=None, title=None):
        """Meeting records found in `text`, an article published on `published_date` (or unknown) under `title`
        (which may sign a release: 'STATEMENT BY THE PRIME MINISTER, THE HON P J X MP')."""
        sents = sentences(text)
        found_names = {}

        def names_of(j):
            if j not in found_names:
                found_names[j] = names(sents[j].text, self.titles, self.gaz)
            return found_names[j]
        docs = self._parse(sents, self._worth_parsing(sents, candidates.select(sents, self.cue), names_of))
        found = {i: predicates.find(doc, self.lexicon) for i, doc in docs.items()}
        if not any(found.values()):  # meetings start from a meeting word the parse confirms
            return []
        journeys = self._worth_parsing(sents, candidates.select(sents, self.journey), names_of)
        after = self._parse(sents, sorted(set(candidates.following(sents, [i for i in found if found[i]], self.follow))
                                          | set(journeys) - set(docs)))
        docs.update(after)  # what the parties said or agreed right after a meeting word; what journeys are for
        found.update({i: predicates.find(doc, self.lexicon) for i, doc in after.items()})
        nlp.recognise(self.nlp, [docs[i] for i in docs if found[i]  # where names, titles and knowledge fall short
                                 and unknown_names(names_of(i), self.kb, self.gaz)])
        article = Article(sents, docs, self.kb, self.gaz, self.titles, published_date, names_of, title)
        events = []
        for i, sentence in enumerate(sents):
            where = [(article.traveller(i, at), loc, ahead) for at, loc, ahead in whereabouts(sentence.text, self.gaz)]
            for ahead in (False, True):  # first: "During his stay in X, he will meet Y"
                items = [(k, loc) for k, loc, later in where if k and later == ahead]
                if items:
                    purpose = topics.purposes(docs[i], self.lexicon, self.gaz, _person_of(
                        article.resolver(i, docs[i]))) if i in docs else []
                    events.append(context.Event("whereabouts", sentence, items=items, topics=purpose, ahead=ahead,
                                                date=ahead and _one_day(sentence.text, published_date)))
            if i in docs:
                events.extend(self._events(i, docs[i], found[i], article.resolver(i, docs[i]), article,
                                           published_date))
            attendees = candidates.attendees(sentence.text, article.registry.mentions.get(i, ()), self.attending)
            if attendees:
                events.append(context.Event("delegation", sentence, items=attendees))
        meetings = merge.absorb_parts(context.assemble(events, lambda k: article.registry.person(k).country))
        stayed = context.stays(events)
        wire, given = dateline(text, self.gaz), given_at(text, self.gaz, title)
        return [self._record(m, article, published_date, stayed, wire, given) for m in meetings
                if any(self._public(article.registry.person(k)) for k in m.parties)]

    def _public(self, person):
        """Whether someone holds or held an office: the actor knowledge has them, or the text gives them a title
        (not only 'Mr' or 'Mrs', or one an apposition adds). A meeting of no such person (a writer visiting his
        editor) is not diplomacy."""
        words = (person.title or "").split()
        return person.actor is not None or bool(person.office) or any(
            self.titles.head([w]) or self.titles.head(words[k:k + 2]) for k, w in enumerate(words))

    def _parties_together(self, token, article):
        """Whether a subject stands for the parties together: 'the two leaders', 'they', 'we' in a release by one
        of them, 'Chile and Ghana' (countries coordinated)."""
        if token.lower_ in self._group_words or token.lower_ == "we" and article.author:
            return True
        countries = [t for t in (token, *(c for c in token.children if c.dep_ == "conj"))
                     if t.text in self.gaz.countries or t.text in self.gaz.adjectives]
        return len(countries) >= 2

    def _kin(self, doc, resolve):
        """The people a sentence names as someone's relative ('his wife X')."""
        return {k for t in doc if t.lower_ in self.titles.relatives
                for n in doc[t.i + 1:t.i + 4] if n.pos_ == "PROPN" for k in resolve(n)}

    def _consorts_aside(self, args, article, kin):
        """The arguments with the subjects or objects of a consort's title and no known office ('Princess X',
        'First Lady X'), among `kin` (someone's relative), or untitled of another party's surname, moved to the
        companions when another of their side holds an office: they accompany the one they are named with."""
        named = [*args.subjects, *args.objects]
        for side in ("subjects", "objects"):
            people = {k: article.registry.person(k) for k in getattr(args, side)}
            consorts = [k for k, p in people.items() if p.actor is None and (
                k in kin or self.titles.consort(p.title) or not p.title and any(  # "X and Y X": his family
                    o != k and surname(o) == surname(k) for o in named))]
            if consorts and any(self._public(p) for k, p in people.items() if k not in consorts):
                args = dataclasses.replace(args, companions=[*args.companions, *consorts],
                                           **{side: [k for k in people if k not in consorts]})
        return args

    def _worth_parsing(self, sents, chosen, names_of):
        """The chosen sentences that, or one of the two before them, may name someone (a meeting word in an article
        about no one is not parsed), those that name someone in full beside a speaker's 'I' or 'you' ('your
        meeting with Jon Balder'), and those that speak of the parties together ('a further meeting between the
        two leaders')."""
        someone = {}

        def names_one(j):
            if j not in someone:
                someone[j] = names_someone(sents[j].text, names_of(j), self.kb, self.titles)
            return someone[j]
        return [i for i in chosen if any(names_one(j) for j in range(max(0, i - 2), i + 1)) or _SPEAKING.search(
            sents[i].text) and any(" " in f.name for f in names_of(i)) or self.groups.search(sents[i].text)]

    def _parse(self, sents, chosen):
        """{index: parsed sentence} of the chosen sentences."""
        return dict(zip(chosen, nlp.parse(self.nlp, [for_parser(sents[i].text) for i in chosen])))

    def _events(self, i, doc, found_predicates, resolve, article, published):
        """The context events of parsed sentence `i` (its meeting predicates found): mentions naming their
        parties, and references."""
        sentence = article.sentences[i]
        heads = {p.head for p in found_predicates} | {p.holder for p in found_predicates}
        kin = self._kin(doc, resolve)
        for predicate in found_predicates:
            if predicate.negated or predicate.conditional or predicate.iterative or self._multilateral(
                    doc[predicate.head]) or predicates.purpose_of(predicate, doc, heads) or _before_or_after(
                    predicate, doc, found_predicates):
                continue
            spec = (self.lexicon.meeting_verbs if predicate.kind == "verb" else self.lexicon.nouns)[predicate.lemma]
            args = arguments.of(predicate, doc, resolve, spec, self._place, self.lexicon.addressee_verbs,
                                self.lexicon.journey_nouns, self.lexicon.reporting_verbs)
            if predicate.kind == "noun" and predicates.attended(predicate, doc, self.lexicon) and \
                    predicate.holder not in {p.head for p in found_predicates}:  # (but "sat down to dinner with X")
                present = arguments.attendees(predicate, doc, resolve)
                yield context.Event("delegation", sentence, items=present)  # "X also attended the talks"
                if len(args.objects) < 2:
                    continue  # (but "X sat in on the meeting between A and B" names the meeting too)
                args = dataclasses.replace(args, subjects=[], companions=[*args.companions, *present])
            if predicate.greeting is not None and not args.subjects:  # "It is an honour to be here with X": whoever
                by = predicates.saying(doc[predicate.greeting])  # says it (a quote's speaker, or a release's author)
                quoted = in_quotes(sentence.text, doc[predicate.head].idx)
                args = dataclasses.replace(args, subjects=resolve(by) if by is not None else (
                    [article.author] if article.author and not quoted else []))
            args = _compatriots_aside(self._consorts_aside(args, article, kin), article)
            if spec.get("person_object"):  # "visit Harbour South": a name only the recogniser calls a person;
                thing = args.other_object or any(  # "welcomed the comment of X"
                    c.dep_ == "dobj" and c.pos_ == "NOUN" and not article.personal(c)
                    and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
                    for c in doc[predicate.head].children)
                args = dataclasses.replace(args, objects=[] if thing else [
                    k for k in args.objects if _known(article.registry.person(k))])
            journey = predicate.kind == "noun" and spec.get("needs_object") and not (args.objects or args.subjects)
            by = [k for t in arguments.made_by(doc[predicate.head])[0] for k in resolve(t)] if journey else []
            if by:  # "the visit to Z by X": X travels
                args = dataclasses.replace(args, subjects=by)
            host = self._host(predicate, doc, resolve, article) if not args.objects and spec.get(
                "needs_object") else None
            hosted = host and self._visits_host(predicate, doc, args, article, host)
            if hosted:
                args = dataclasses.replace(args, objects=[host])
            if _pictured(predicate, doc):
                args = dataclasses.replace(args, with_others=True)
            if predicate.kind == "noun" and doc[predicate.head].dep_ == "ROOT" and args.objects and not \
                    args.subjects and article.author and article.author not in args.objects:
                args = dataclasses.replace(args, subjects=[article.author])  # a release's "Joint press conference
                # with X" (a heading): its author's
            if article.addressee and _ours(predicate, doc) and {*args.subjects, *args.objects} <= {article.author}:
                args = dataclasses.replace(args, subjects=[article.author, article.addressee], objects=[])  # a
                # speech's "our talks today, Prime Minister": its author's with the one it addresses (neither hosts)
            found = groups(args, spec, article, predicate.kind == "verb")
            for parties in found:
                mention = self._mention(sentence, doc, predicate, parties, args, published, spec, found_predicates,
                                        resolve, article)
                if hosted:  # (the country visited, not the other places of the journey: "on his way back to X")
                    mention.location = Location(None, hosted)
                    if predicate.status is None and not (mention.status == "held" and _lately(mention, published)):
                        continue  # (a visit years ago had another host)
                yield context.Event("mention", sentence, mention)
            unsaid = arguments.unsaid(predicate, doc)  # ("the meeting of X and Y was discussed": not about it)
            if not found and arguments.refers(predicate, doc, args) and not self._discussed(doc[predicate.head]) \
                    and not (spec.get("person_object") and args.other_object) and not (unsaid and any(
                        p.head == c.i for p in found_predicates for c in doc[predicate.head].children)):
                reference = self._mention(sentence, doc, predicate, args.subjects, args, published, spec,
                                          found_predicates, resolve, article)
                reference.explicit = False
                group = arguments.group_subject(predicate, doc)
                yield context.Event("reference", sentence, reference, group=group,
                                    keys=tuple(args.subjects + args.objects),
                                    pair=article.pair_before(i, doc[predicate.head].idx)
                                    if group and not (args.subjects or spec.get("needs_object"))
                                    and _of_two(doc, predicate, found_predicates)
                                    and not self._journey_for(doc[predicate.head]) else (),
                                    plan=group and _plan(predicate, doc, spec, self.lexicon),
                                    plural=doc[predicate.head].tag_ == "NNS",
                                    another=arguments.another(doc[predicate.head]),
                                    new=predicate.kind == "verb" and not unsaid or doc[predicate.head].dep_ in (
                                        "nsubj", "nsubjpass", "dobj"))
            elif not found and args.unnamed and _several(doc[predicate.head]):  # "the meetings with officials
                aims = topics.aims(attributes.anchors(predicate, doc), self.lexicon, self.gaz,  # are to prepare X"
                                   _person_of(resolve))
                if aims:
                    yield context.Event("agenda", sentence, items=aims, group=True)
        person = _person_of(resolve)
        listed = topics.listed(doc, self.lexicon, self.gaz, person)
        if listed:
            yield context.Event("topics", sentence, items=listed, group=True)
        def who(token):  # a subject's people, or the speaker of a quoted "we"
            speaker = predicates.speaker(token)
            return resolve(token) or (resolve(speaker) if speaker is not None else [])
        stated = topics.stated(doc, self.lexicon, lambda t: self._parties_together(t, article) or bool(who(t)),
                               self.gaz, person)
        if stated:
            verbs = [v for v in doc if topics.stating(v, self.lexicon)]
            subjects = [k for v in verbs for c in topics.sides(v) for k in who(c)]
            yield context.Event("topics", sentence, items=stated, keys=tuple(dict.fromkeys(subjects)),
                                group=not subjects, past=all(v.tag_ == "VBD" for v in verbs),
                                countries=self._talks_in(doc, found_predicates))
        for travellers, aims, country in topics.agenda(doc, self.lexicon, self.gaz, person):
            keys = tuple(dict.fromkeys(k for t in travellers for k in resolve(t)))
            if aims or keys:
                yield context.Event("agenda", sentence, items=aims, keys=keys, country=country)

    def _hosts(self, parties, args, spec, article):
        """The parties who receive the others: the object of most verbs ('X met Y': Y), the subject of 'hosted',
        'received', 'welcomed', 'invited'; none when the parties are not named as subject and object, or the
        verb may be remote ('spoke to'); those not visiting when some are ('alongside visiting King X'); the
        others when those are ambassadors ('X met the Chilean ambassador': in X's country)."""
        if args.visitors and not spec.get("remote"):
            return tuple(k for k in parties if k not in args.visitors)
        if not (args.subjects and args.objects) or spec.get("remote"):
            return ()
        side = args.subjects if spec.get("hosted_by") == "subject" else args.objects
        if all(self.titles.envoy(article.registry.person(k).title) for k in side):
            side = [k for k in parties if k not in side]
        return tuple(k for k in parties if k in side)

    def _host(self, predicate, doc, resolve, article):
        """Who receives the visitors of a visit: the author of a first-person release, else the head of state or
        government who announces the visit ('The Prime Minister, X, announced that Y will visit Kalnia'); else
        None."""
        if article.author:
            return article.author
        clause = doc[predicate.head if predicate.holder is None else predicate.holder]
        announcer = predicates.saying(clause)
        keys = resolve(announcer) if announcer is not None else []
        return keys[0] if len(keys) == 1 and article.heads(article.registry.person(keys[0])) else None

    def _visits_host(self, predicate, doc, args, article, host):
        """The host's country where a first-person release by its head of government, or the announcement of one,
        says foreign public figures will visit it ('X will visit Kalnia', 'X is to make a visit to Kalnia', 'he
        will be here in April' where the author says of no journey abroad): they are to meet the host; else None.
        (Not 'X will also visit Kalnia City': a leg of the visit.)"""
        head = doc[predicate.head]
        if predicate.status not in ("planned", None) or _first_to(head) or not args.subjects or host in args.subjects:
            return None
        home = article.registry.person(host).country
        places = [c for c in head.children if c.dep_ == "dobj"] if predicate.kind == "verb" else \
            arguments.made_by(head)[1]
        visitors = [article.registry.person(k) for k in args.subjects]
        named = any(self._country_ending(t) == home for t in places) or \
            predicate.lemma in self.lexicon.presence_verbs and not article.destinations
        return home if home and named and all(p.country not in (None, home) and self._public(p) for p in visitors) \
            else None

    def _place(self, token):
        """Whether `token` ends the name of a city or venue ('the Downing Street talks')."""
        name = token.doc[token.left_edge.i:token.i + 1].text
        return any(end == len(name) for kind in ("city", "venue") for _, end, _ in self.gaz.find(kind, name))

    def _discussed(self, token):
        """'I discussed the visit with him': a meeting word that is what was discussed, not a report of it (but
        'the talks were focused on X', 'dominated by X': the topic is in the verb's phrase)."""
        verb, lexicon = token.head, self.lexicon
        return token.dep_ in ("dobj", "nsubjpass") and predicates.lemma(verb) in lexicon.discussion_verbs and \
            predicates.lemma(verb) not in lexicon.agenda_verbs and not any(
            c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in lexicon.discussion_prepositions and any(
                p.dep_ == "pobj" and not p.ent_type_ and p.lower_ not in lexicon.phone | lexicon.video
                for p in c.children) for c in verb.children)

    def _talks_in(self, doc, found):
        """The countries a sentence's meeting nouns are said to be in ('during the talks in A and B')."""
        places = [p for predicate in found if predicate.kind == "noun" for c in doc[predicate.head].children
                  if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"
                  for p in (o, *o.conjuncts)]
        return tuple(c for c in map(self._country_ending, places) if c)

    def _country_ending(self, token):
        """The country whose name ends the phrase `token` heads ('Kalnia', 'the Republic of Kalnia'), else None."""
        name = token.doc[token.left_edge.i:token.i + 1].text
        return next((self.gaz.countries[form] for _, end, form in self.gaz.find("country", name) if end == len(name)),
                    None)

    def _journey_for(self, noun):
        """Whether a meeting noun is what a journey is for ('the two will visit X for talks': they travel together,
        to meet others)."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "to") else None
        word = predicates.lemma(verb) if verb is not None and verb.pos_ == "VERB" else None
        return bool(word) and (word in self.lexicon.journey_nouns or
                               self.lexicon.meeting_verbs.get(word, {}).get("needs_object", False))

    def _multilateral(self, token):
        """'the G20 summit', 'an EU summit', 'a summit of EU leaders': a gathering of many, which those who attend
        do not hold with each other (the meetings on its sidelines are named on their own); a meeting someone
        addresses ('addressed the summit by video link'), a speech; an invitation or a welcome to such a gathering."""
        if token.dep_ == "dobj" and predicates.lemma(token.head) in self.lexicon.speech_verbs:
            return True
        if token.pos_ == "VERB":  # "invited X to the G20", "welcomed X to the summit": to a gathering of many
            return any(self._multilateral(p) or self.gaz.find("series", p.doc[p.left_edge.i:p.i + 1].text)
                       for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                       for p in c.children if p.dep_ == "pobj")
        modifiers = [t for c in token.children if c.dep_ in ("compound", "nmod", "amod") for t in c.subtree]
        return token.lower_.startswith("summit") and (
            any(t.text in self.gaz.series or t.text in self.gaz.series.values() or _ACRONYM.match(t.text)
                for t in modifiers)  # "the G20 Osaka summit"
            or any(c.dep_ == "prep" and c.lower_ == "of" and any(p.tag_ == "NNS" for p in c.children)
                   for c in token.children))

    def _mention(self, sentence, doc, predicate, parties, args, published, spec, found, resolve, article):
        text = nlp.text_of(doc)
        others = {p.head for p in found if p.head != predicate.head}  # the sentence's other meeting words
        future = predicate.status in ("planned", "proposed") or attributes.scheduled(predicate, doc)
        date_mention, (date, precision) = attributes.date_of(predicate, doc, text, published, future, self.lexicon)
        status = attributes.status(predicate, doc, date, published, self.lexicon)
        if status == "held" and date is None and attributes.tenseless(predicate, doc):
            status = None  # (held, unless another mention of the same parties says otherwise)
        greeted = doc[predicate.greeting] if predicate.greeting is not None else None
        if greeted is not None:  # "It is an honour to be here with X": as the "is" stands, today when it is now
            status = "planned" if any(c.dep_ == "aux" and c.lower_ in self.lexicon.future_modals
                                      for c in greeted.children) else "held"
            if status == "held" and date is None and greeted.tag_ in ("VBZ", "VBP") and published:
                date, precision = published, "day"
        if status not in ("held", None) and not future and date_mention is not None:
            date, precision = attributes.resolve(date_mention, published, True)
        anchors = attributes.anchors(predicate, doc)
        person = _person_of(resolve)
        said = topics.about(doc, anchors, self.lexicon, self.gaz, person)
        place = self._place_of(predicate, doc, text, others)
        fmt = attributes.format_of(predicate, doc, text) or (
            "phone" if spec.get("remote") and _round_of_calls(args, place, article) else None)
        return merge.Mention(sentence, tuple(parties), status, fmt,
                             (date, precision, date_mention.text if date_mention else None), place,
                             attributes.duration_of(predicate, doc),
                             list(dict.fromkeys(said + topics.aims(anchors, self.lexicon, self.gaz, person))),
                             list(args.companions), hosts=self._hosts(parties, args, spec, article),
                             remote=bool(spec.get("remote")),
                             recent=status == "held" and date is None and _perfect(predicate, doc))

    def _place_of(self, predicate, doc, text, others):
        """The place the sentence gives the meeting; none for 'X received visiting U.S. Secretary Y', which says
        where the guest comes from."""
        if predicate.kind == "verb" and arguments.visiting(doc[predicate.head]):
            return Location(None, None)
        return attributes.place_of(predicate, doc, text, self.gaz, others)

    def _record(self, meeting, article, published, stayed, wire, given):
        date, precision, date_text = merge.best_date(meeting)
        status = merge.status(meeting)
        city, country, venue, event = (meeting.value(a) for a in ("city", "country", "venue", "event"))
        fmt = merge.format_of(meeting)
        if fmt:  # a call has no meeting place: a place in its sentences is what was discussed
            city = country = venue = None
        summit = event and resolve_summit(self.gaz, event, city, country, date and date.year, published,
                                          status != "held")
        if not (fmt or city or country or summit):  # (a named summit's place comes before a host's country)
            city, country = context.place(meeting, lambda k: article.registry.person(k).country)
            if city is None and wire and status == "held" and wire.country in {
                    article.registry.person(k).country for k in meeting.parties}:
                city, country = wire.city, wire.country  # "BERLIN (Reuters) - X met Y": in a party's country
            event = event or next((m.whereabouts.event for m in meeting.mentions if m.whereabouts is not None
                                   and m.whereabouts.country == country and m.whereabouts.event), None)
            summit = event and resolve_summit(self.gaz, event, city, country, date and date.year, published,
                                              status != "held")
        if summit:
            city, country = city or summit.city, country or summit.country
            if date is None:
                date, precision = _summit_day(summit, published, status)
                date_text = f"{event} {summit.year}"
        if country and not (city or fmt):
            city = context.city_in(meeting.parties, country, stayed)
        if date is None and published and status == "held" and any(m.recent for m in meeting.mentions):
            date, precision = published, "day"  # "X and Y have spoken by telephone": the news of the day
        that_day = status == "held" and (date, precision) == (published, "day")
        if city is None and not fmt and given and that_day and given.country in (
                {country} if country else {article.registry.person(k).country for k in meeting.parties}):
            city, country = given.city, given.country  # a speech's "Address to X, Windhoek": the day's meeting there
        evidence = meeting.mentions[0].sentence
        day = date or published
        participants = [self._person(article, k, day) for k in meeting.parties]
        return {
            "participants": participants,
            "delegation": [self._person(article, k, day) for k in meeting.delegation],
            "status": status, "format": fmt or "in_person",
            "meeting_date": date, "date_precision": precision if date else None, "date_text": date_text,
            "city": city, "country": self.gaz.named_on(city, country, day), "venue": venue, "event": event,
            "duration_minutes": next((m.duration for m in meeting.mentions if m.duration), None),
            "topics": _topics(meeting.topics, participants),
            "evidence": evidence.text, "evidence_start": evidence.start, "evidence_end": evidence.end,
            "confidence": _confidence(meeting, date),
        }

    def _person(self, article, key, day):
        person = article.registry.person(key)
        actor = person.actor
        known = self.kb.role_on(actor, day) if actor is not None and actor.offices else None
        office, place = title_of(known) if known else (None, None)
        country = person.country or (actor.country if actor is not None else None) or (
            place if place in self.gaz.countries else None)
        title = self.titles.office(person.title, self._place_words.__contains__) if person.title else None
        stated = f"{title.title()} of {country}" if title and country else title.title() if title else None
        # the knowledge's office on the day, unless it only names a sector ("Government of X") the text betters
        role = known if known and (not stated or self.titles.head(office.split())) else stated
        return {"name": _name(actor, key), "country": country, "role": role}


def groups(args, spec, article, verb=False):
    """The participant sets of one predicate: the subjects with each object in turn (a visitor's rounds among one
    country's officials: 'met A and B'), or everyone together (a host's guests, leaders of several countries,
    'the meeting between A, B and C', 'A and B met', 'met A, B and other officials', someone's own compatriots);
    none for a `verb` whose subject no one names ('after meeting A and B, ...': whoever met them is not among
    them)."""
    subjects, objects = args.subjects, _others(args.objects, args.subjects, article)
    if not objects:
        together = len(subjects) >= 2 and not spec.get("needs_object") and not args.other_object
        return [subjects] if together else []
    if not subjects:
        return [objects] if len(objects) >= 2 and not args.unresolved_subject and not verb else []
    if spec.get("group") or len(objects) == 1 or args.with_others or args.direct and \
            article.leaders_of_several_countries(objects) or _compatriots(subjects, objects, article):
        return [subjects + objects]
    return [subjects + [o] for o in objects]


def _one_day(text, published):
    """(date, precision, text) of the one day or month a sentence about a journey ahead names (not 'since 2019'),
    else None."""
    found = find_dates(text)
    date = attributes.resolve(found[0], published, True) if len(found) == 1 else (None, None)
    return (*date, found[0].text) if date[1] in ("day", "month") and not _SINCE.search(text, 0, found[0].start) \
        else None


_SPEAKING = re.compile(r"\b(?:I|me|my|[Yy]ou|[Yy]our)\b")
_SINCE = re.compile(r"\bsince\s+$")
_RECENTLY = re.compile(r"\brecent(?:ly)?\b|\b(?:earlier|this) (?:this )?(?:year|month|week)\b", re.IGNORECASE)


def _ours(predicate, doc):
    """Whether a meeting is the speaker's and a listener's: 'our talks', 'we met', 'we had a discussion'."""
    head = doc[predicate.head]
    if predicate.kind == "noun" and [c.lower_ for c in head.children if c.dep_ == "poss"] == ["our"]:
        return True
    verb = head if predicate.kind == "verb" else doc[predicate.holder] if predicate.holder is not None else None
    return verb is not None and [c.lower_ for c in verb.children if c.dep_ == "nsubj"] == ["we"]


def _compatriots(subjects, objects, article):
    """Whether the subjects are of one country and so are all the objects whose country is known, two or more: a
    leader meeting his own officials meets them together; so do people none of whom the text or the knowledge
    gives a country (a minister and union leaders at home)."""
    home = {article.registry.person(k).country for k in subjects}
    known = [c for c in (article.registry.person(k).country for k in objects) if c]
    return len(home) == 1 and (None not in home and len(known) >= 2 and set(known) == home or
                               None in home and not known)


def _perfect(predicate, doc):
    """Whether the meeting verb (or the verb holding the meeting noun) is in the present perfect ('have met')."""
    verb = doc[predicate.head] if predicate.kind == "verb" else (
        doc[predicate.holder] if predicate.holder is not None else None)
    return verb is not None and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def _pictured(predicate, doc):
    """'X, center, speaks with Y and Z at the summit': a meeting verb in the simple present with no plan on it says,
    as a photo caption does, what one picture shows: one meeting of all."""
    return predicate.kind == "verb" and doc[predicate.head].tag_ == "VBZ" and predicate.status is None


def _plan(predicate, doc, spec, lexicon):
    """'agreed to meet again', 'agreed to hold a meeting': a meeting the governing words plan, the meeting verb or the
    object of a verb that holds it, above that verb (not what they will discuss, nor visits or talks in general,
    nor 'while opening their meeting')."""
    head = doc[predicate.head]
    return predicate.status in ("planned", "proposed") and not (spec.get("remote") or spec.get("needs_object")) and (
        predicate.kind == "verb" or head.dep_ == "dobj" and head.tag_ == "NN" and predicate.holder == head.head.i
        and predicates.lemma(head.head) not in lexicon.status)


def _of_two(doc, predicate, found):
    """Whether a group subject may stand for two people just named: 'the two', 'both', 'they' before the meeting
    word (not 'the leaders of this group of nations'), not in a sentence of a condition or a negation, nor of
    'sides' or 'delegations' (of a conflict, of a negotiation)."""
    return any(t.lower_ in ("two", "both", "they", "pair") for t in doc[:predicate.head]) and not any(
        p.conditional or p.negated for p in found) and not any(t.lower_ in ("sides", "delegations") for t in doc)


def _before_or_after(predicate, doc, found):
    """'met X ahead of a dinner': a meeting noun in a time phrase of another meeting word, naming no party of its own
    ('after a meeting with X', 'before their talks'), is another event whose parties the sentence does not name."""
    noun = doc[predicate.head]
    return predicate.kind == "noun" and predicate.holder in {p.head for p in found if p is not predicate} and \
        attributes.in_time_phrase(noun) and not any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children)


def _round_of_calls(args, place, article):
    """'X spoke on Sunday with Y, Z and W', leaders of several countries, no place named: a round of calls."""
    return bool(args.subjects) and article.leaders_of_several_countries(args.objects) and \
        not (place.city or place.country or place.venue or place.event)


def _compatriots_aside(args, article):
    """'X meets with Y and Z', Z of X's country and Y of another: Z is on X's side of the meeting with Y (but all
    are parties of 'X met Y, Z and other officials')."""
    country = lambda k: article.registry.person(k).country  # noqa: E731
    home = {country(k) for k in args.subjects}
    if len(home) != 1 or None in home or len(args.objects) < 2 or args.with_others:
        return args
    own = [k for k in args.objects if country(k) in home]
    if not own or len(own) == len(args.objects) or None in {country(k) for k in args.objects}:
        return args
    return dataclasses.replace(args, objects=[k for k in args.objects if k not in own],
                               companions=[*args.companions, *own])


def _others(objects, subjects, article):
    """The objects that are not one of the subjects under another name (one actor the article names two ways)."""
    actors = {id(article.registry.person(k).actor) for k in subjects if article.registry.person(k).actor}
    return [k for k in objects if id(article.registry.person(k).actor) not in actors]


def _lately(mention, published):
    """Whether a meeting held is of the last year before `published` by its date, or said to be recent."""
    date = mention.date[0]
    if date is None or published is None:
        return bool(_RECENTLY.search(mention.sentence.text))
    return datetime.timedelta(0) <= published - date <= datetime.timedelta(days=366)


def _first_to(verb):
    """'X is the first president to visit Kalnia since 1990': an infinitive saying what someone is (the first) to
    do, no plan."""
    return verb.dep_ == "acl" or verb.dep_ == "xcomp" and any(c.dep_ == "attr" for c in verb.head.children)


def _known(person):
    """Whether something beyond the entity recogniser makes a name a person: a title or the actor knowledge."""
    return person.title is not None or person.actor is not None


def _several(token):
    """'the meetings', 'the talks': meetings in the plural, named as known."""
    return token.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in ("the", "these") for c in token.children)


def _summit_day(summit, published, status):
    """(date, precision) of a meeting known only to be at a summit: the publication day of a report of a meeting
    held while the summit lasts, else the summit's first day."""
    if status == "held" and published and summit.start <= published <= summit.end:
        return published, "day"
    return summit.start, "day"


def _person_of(resolve):
    """Whether a token stands for someone the article names (who is no topic: 'a courtesy call on X')."""
    return lambda token: bool(resolve(token))


def _topics(found, participants):
    """The topics less a party's own country named inside another topic ('Australia' of 'collaboration between
    Australia and India')."""
    countries = {p["country"] for p in participants}
    return [t for t in found if t not in countries or not any(t in o and t != o for o in found)]


def _name(actor, key):
    """The knowledge's name of a person ('King Abdullah II'), unless it spells the surname otherwise than the
    article does ('el-Sissi' for 'el-Sisi'): then the name as the article writes it."""
    if actor is None:
        return key
    printed, known = fold(key).split(), fold(actor.name).split()
    return actor.name if not printed or printed[-1] in known or known[-1] in printed else key


def _confidence(meeting, date):
    score = 0.5 + 0.1 * min(len(meeting.mentions) - 1, 2) + 0.15 * any(m.explicit for m in meeting.mentions)
    return round(min(score + 0.05 * (date is not None), 0.95), 2)


__all__ = ["Extractor"]
