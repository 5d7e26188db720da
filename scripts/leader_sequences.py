"""Heads of state and government from the leader lists of PETRARCH2's country dictionary: the rule (steps 1-5)
and its known failures are in build_actors.py's docstring."""
import collections
import datetime
import re

from actor_names import clean_name, strip_honorifics
from transforms.extract.kb import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, fold, office_kinds, title_of

ACTING, BOUNDARY, LONG_OVERLAP = 90, 14, 365  # days

PLACEHOLDER_END = datetime.date(2000, 1, 1)  # CountryInfo's "until unknown" for the elite term before an open one


def _overlap_days(a, b):
    lo = max(a[0] or datetime.date.min, b[0] or datetime.date.min)
    hi = min(a[1] or datetime.date.max, b[1] or datetime.date.max)
    return (hi - lo).days if hi > lo else 0


def _ministers_list_line(term):
    start, end = term
    return (start is not None and start >= datetime.date(2003, 1, 1) and start.day == 1
            and (end is None or (end + datetime.timedelta(days=1)).day == 1))


def leader_entries(entries):
    """Country code -> [(entry, its dated GOV terms)] of the CountryInfo leader entries, in file order."""
    leaders = collections.defaultdict(list)
    for entry in entries:
        if "CountryInfo" not in entry.comment:
            continue
        codes = {code for code, _, _ in entry.codes}
        countries = [c[:3] for c in sorted(codes) if len(c) == 6 and c.endswith("GOV") and c[:3] + "ELI" in codes]
        if countries:
            terms = [(s, e) for c, s, e in entry.codes if c == countries[0] + "GOV" and (s or e)]
            if terms:
                leaders[countries[0]].append((entry, terms))
    return leaders


def _first_term(entry, terms):
    """The term a leader is listed for when nothing precedes: the GOV term starting where a dated elite term ends,
    else the open one, else the first that is not a ministers-list line."""
    ends = {e for c, s, e in entry.codes if c.endswith("ELI") and e and e != PLACEHOLDER_END}
    return (next((t for t in terms if t[0] in ends), None) or next((t for t in terms if t[1] is None), None)
            or next((t for t in terms if not _ministers_list_line(t)), None) or terms[0])


def _next_term(terms, previous):
    """The term that continues a list after `previous`: starting no earlier, overlapping it by at most a year,
    nearest to its end. None when the list restarts here."""
    fits = [t for t in terms if not _ministers_list_line(t)
            and (t[0] or datetime.date.min) >= (previous[0] or datetime.date.min)
            and _overlap_days(t, previous) <= LONG_OVERLAP]
    end = previous[1] or previous[0] or datetime.date.min
    return min(fits, key=lambda t: abs(((t[0] or end) - end).days), default=None)


def leader_offices(leaders):
    """Offices (lists of (entry, listing term)) of one country's leader entries, in file order (steps 2-3)."""
    runs = []
    for entry, terms in leaders:
        term = _next_term(terms, runs[-1][-1][1]) if runs else None
        if term is not None:
            runs[-1].append((entry, term))
        else:
            runs.append([(entry, _first_term(entry, terms))])
    choices = {id(entry): terms for entry, terms in leaders}
    offices = [_best_chain(run, choices) for run in runs]
    changed = True
    while changed and len(offices) > 1:
        changed = False
        for i in range(len(offices)):
            for j in range(i + 1, len(offices)):
                a, b = offices[i], offices[j]
                if _conflict(a, b) or (j != i + 1 and not _successors(a, b)):
                    continue
                offices = offices[:i] + [a + b] + offices[i + 1:j] + offices[j + 1:]
                changed = True
                break
            if changed:
                break
    return offices


def _best_chain(run, choices):
    """The run with each leader's term chosen so that the run is the most continuous chain: a successor's term
    starting where the previous one ends scores, an overlap or a step back in time costs, and so does every year
    of gap (a person on both lists, prime minister then president, is listed for the term that continues the
    presidents, wherever the elite term before the first one ends)."""
    if len(run) < 2:
        return run
    options = [[t for t in choices[id(entry)] if not _ministers_list_line(t)] or [term] for entry, term in run]
    best = [(0.0, [term]) for term in options[0]]
    for terms in options[1:]:
        step = []
        for term in terms:
            score, path = max(((s + _link(p[-1], term), p) for s, p in best), key=lambda sp: sp[0])
            step.append((score, path + [term]))
        best = step
    _, path = max(best, key=lambda sp: sp[0])
    return [(entry, term) for (entry, _), term in zip(run, path)]


def _link(previous, term):
    start, end = term[0] or datetime.date.min, previous[1]
    score = 0.0
    if end and term[0] and abs((term[0] - end).days) <= BOUNDARY:
        score += 2
    if _overlap_days(previous, term) > ACTING or start < (previous[0] or datetime.date.min):
        score -= 3
    if end and term[0] and term[0] > end:
        score -= (term[0] - end).days / 3650
    return score


def _conflict(a, b):
    """Whether two runs cannot be one office: they stand under different section headings, or someone's term
    overlaps another's by more than ACTING days (the very same term twice is one person listed under two names)."""
    if {entry.heading for entry, _ in a} != {entry.heading for entry, _ in b}:
        return True
    return any(_overlap_days(x[1], y[1]) > ACTING for x in a for y in b if x[0] is not y[0] and x[1] != y[1])


def _successors(a, b):
    def near(day, other):
        return day and other and abs((day - other).days) <= BOUNDARY
    return any(near(x[1][0], y[1][1]) or near(y[1][0], x[1][1]) for x in a for y in b)


def head_terms(leaders, kinds_by_office):
    """entry -> [(kinds, start, end)] of head terms (step 4), and entry -> GOV terms left ordinary."""
    held = [[] for _ in kinds_by_office]  # per office: (entry, start, end)
    offices = kinds_by_office
    heads, ordinary = collections.defaultdict(list), collections.defaultdict(list)
    home = {}
    for index, (kinds, members) in enumerate(offices):
        for entry, term in members:
            home[id(entry)] = index
            held[index].append((entry, term[0], term[1]))
    listed = {(id(entry), term) for _, members in offices for entry, term in members}
    for entry, terms in leaders:
        for term in terms:
            if (id(entry), term) in listed:
                continue
            if _ministers_list_line(term):
                ordinary[id(entry)].append(term)
                continue
            best = _best_office(entry, term, held, home.get(id(entry)))
            if best is None:
                ordinary[id(entry)].append(term)
            else:
                held[best].append((entry, term[0], term[1]))
    for index, (kinds, _) in enumerate(offices):
        ordered = sorted(held[index], key=lambda h: (h[1] or datetime.date.min, h[0].line))
        for k, (entry, start, end) in enumerate(ordered):
            if end is None and kinds:
                later = [s for e, s, _ in ordered[k + 1:] if e is not entry and s and start and s > start]
                end = min(later) if later else None
            if kinds:
                heads[id(entry)].append((kinds, start, end))
            else:
                ordinary[id(entry)].append((start, end))
    return heads, ordinary


def _best_office(entry, term, held, own):
    best, best_score = None, None
    for index, members in enumerate(held):
        others = [(s, e) for e2, s, e in members if e2 is not entry]
        if any(_overlap_days(term, o) > ACTING for o in others):
            continue
        mine = [(s, e) for e2, s, e in members if e2 is entry]
        if any(_overlap_days(term, m) > 0 for m in mine):
            continue  # the same office twice at once: a duplicate line, or the other office
        score = (sum(1 for o in others if o[1] and term[0] and abs((o[1] - term[0]).days) <= BOUNDARY)
                 + sum(1 for o in others if o[0] and term[1] and abs((o[0] - term[1]).days) <= BOUNDARY),
                 index == own)
        if best_score is None or score > best_score:
            best, best_score = index, score
    return best


_NOT_HEAD = re.compile(r"\b(?:vice|deputy|secretar|attorney|ambassador|chief|advis|director|representative|"
                       r"reserve|board|news|intelligence|agenc|universit|elite|think)", re.IGNORECASE)

_HEADINGS = ((re.compile(r"\b(?:prime minister|premier|chancellor)", re.IGNORECASE), (HEAD_OF_GOVERNMENT,)),
             (re.compile(r"\b(?:president|monarch|king|queen|emir|sultan|leader)", re.IGNORECASE), (HEAD_OF_STATE,)))

RECENT = (datetime.date(1980, 1, 1), datetime.date(2014, 12, 31))  # the years the dictionaries cover densely


def heading_kinds(heading):
    """What a section heading says its leaders are: None (nothing), () (not heads), or the head kinds."""
    if not heading:
        return None
    if _NOT_HEAD.search(heading):
        return ()
    return next((kinds for pattern, kinds in _HEADINGS if pattern.search(heading)), None)


def label_offices(offices, country_name, people_titles):
    """[(kinds, members)] of the offices (step 5): those under a heading naming other offices are not heads; of
    the rest, one is both heads (or what people.yaml's titles for its holders say), else the two covering most of
    RECENT are head of state and head of government in file order (or as their headings say), and each other
    joins the one it overlaps least, when that is under a quarter of its days, or is not a head office."""
    said = [_said(office) for office in offices]
    heads = [i for i, kinds in enumerate(said) if kinds != ()]
    labels = {i: () for i in range(len(offices))}
    if len(heads) == 1:
        one = heads[0]
        labels[one] = said[one] if said[one] == (HEAD_OF_GOVERNMENT,) else _single_office(
            offices[one], country_name, people_titles)
    elif len(heads) >= 2:
        main = sorted(sorted(heads, key=lambda i: -_recent_days(offices[i]))[:2], key=lambda i: offices[i][0][0].line)
        for i, kinds in zip(main, ((HEAD_OF_STATE,), (HEAD_OF_GOVERNMENT,))):
            labels[i] = said[i] or kinds
        for i in heads:
            if i in main:
                continue
            cost = {j: _overlap_total(offices[i], offices[j]) for j in main}
            j = min(cost, key=cost.get)
            if cost[j] <= _covered_days(offices[i]) / 4:
                offices[j] = offices[j] + offices[i]
                offices[i] = []
    return [(labels[i], office) for i, office in enumerate(offices) if office]


def _said(office):
    votes = collections.Counter(heading_kinds(entry.heading) for entry, _ in office)
    votes.pop(None, None)
    return votes.most_common(1)[0][0] if votes else None


def _single_office(office, country_name, people_titles):
    """One head office: both, unless people.yaml has a head of government of the country; then what people.yaml
    says of its holders (by name, else by the days their terms start), or not a head office when unclear."""
    titles = people_titles.get(country_name, {})
    if not any(HEAD_OF_GOVERNMENT in kinds for kinds, _ in titles.values()):
        return HEAD_OF_STATE, HEAD_OF_GOVERNMENT
    names = {fold(strip_honorifics(clean_name(entry.names[0]))) for entry, _ in office}
    said = {kind for person, (kinds, _) in titles.items() if person in names for kind in kinds}
    if len(said) != 1:
        starts = [t[0] for _, t in office if t[0]]
        said = {kind for kinds, days in titles.values() for kind in kinds
                if any(abs((d - s).days) <= BOUNDARY for d in days for s in starts)}
    return tuple(said) if len(said) == 1 else ()


def _clip(term, span):
    return max(term[0] or span[0], span[0]), min(term[1] or span[1], span[1])


def _recent_days(office):
    return sum(max(0, (hi - lo).days) for lo, hi in (_clip(t, RECENT) for _, t in office))


def _covered_days(office):
    return sum(max(0, (hi - lo).days) for lo, hi in (_clip(t, (datetime.date(1900, 1, 1), RECENT[1]))
                                                     for _, t in office)) or 1


def _overlap_total(a, b):
    return sum(_overlap_days(_clip(x, (datetime.date(1900, 1, 1), RECENT[1])), _clip(y, (datetime.date(1900, 1, 1),
                                                                                             RECENT[1])))
               for _, x in a for _, y in b)


def _people_titles(people):
    """country -> {folded name or alias: (head kinds, start days)} of people.yaml's head titles."""
    titles = collections.defaultdict(dict)
    for person in people:
        for role, start, _ in person.offices:
            title, place = title_of(role, person.country)
            kinds = office_kinds(title)
            if kinds:
                for form in (person.name, *person.aliases):
                    old_kinds, days = titles[place].get(fold(form), ((), ()))
                    titles[place][fold(form)] = (tuple(sorted(set(old_kinds) | set(kinds))),
                                                 days + ((start,) if start else ()))
    return titles
