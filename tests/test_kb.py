"""The knowledge base of political actors: reading PETRARCH2's dictionary format, the leader-sequence rule, the
merge with people.yaml, the loader's API, and the generated configs/actors.tsv. The fixtures are written for these
tests (invented countries and people), not copied from the dictionaries."""
import collections
import datetime
import pathlib
import sys
import textwrap

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_actors  # noqa: E402
from actor_names import person_name, title_case  # noqa: E402
from leader_sequences import head_terms, label_offices, leader_entries, leader_offices  # noqa: E402
from petrarch_dictionary import COUNTRIES_FILE, INTERNATIONAL_FILE, parse_dictionary, place_names  # noqa: E402

from pipeline.config import ConfigError, load_text  # noqa: E402
from transforms.extract.kb import (HEAD_OF_GOVERNMENT, HEAD_OF_STATE, TSV_COLUMNS, Actor,  # noqa: E402
                                   KnowledgeBase, fold, format_tsv_row, merge_people, parse_people, parse_tsv,
                                   one_edit, people_digest)

D = datetime.date

# ---------------------------------------------------------------- fixtures: invented dictionaries
COUNTRIES = textwrap.dedent("""\
    # An invented dictionary in the format of Phoenix.Countries.actors.txt
    #
    RURITANIA_  [RUR]
    +RURITANIAN_
    +STRELSAU_
    # National institutions
    RURITANIAN_ROYAL_ARMY_
    \t[RURMIL]
    OSKAR_IV_  # CountryInfo.txt
    \t[RURELI 19400101-700301]
    \t[RURGOV >700301]
    \t[RURELI]
    ANNA_BELKOVA_  # CountryInfo.txt
    \t[RURELI 500101-880510]
    \t[RURGOV 880510-930402]
    \t[RURELI 930402-990101]
    SIR_JAN_MARTIN_TESLER_  # CountryInfo.txt
    \t[RURELI 510101-930402]
    \t[RURGOV 930402-20010615]
    \t[RURGOV 20030101-20041130]
    \t[RURELI]
    KAREL_VODNIK_  # CountryInfo.txt
    \t[RURELI 600101-000101]
    \t[RURGOV >20010615]
    \t[RURELI]
    PETR_HALAS_  # CountryInfo.txt
    \t[RURGOVBUS 030101-051231]
    ANNA_MCALLISTER_
    \t[RUROPP]
    ZORBLAX_QUENT_
    \t[RUROPP]

    LATVERIA_  [LTV]
    VIKTOR_ADAMEC_  # CountryInfo.txt
    \t[LTVELI 400101-900301]
    \t[LTVGOV 900301-950301]
    \t[LTVELI]
    MARTA_KRIZ_  # CountryInfo.txt
    \t[LTVELI 450101-930401]
    \t[LTVGOV 930401-950301]
    \t[LTVGOV 950301-20000301]
    \t[LTVELI]
    TOMAS_RYBA_  # CountryInfo.txt
    \t[LTVELI 500101-000101]
    \t[LTVGOV >20000301]
    \t[LTVELI]
    IVO_PLACHY_  # CountryInfo.txt
    \t[LTVELI 480101-900305]
    \t[LTVGOV 900305-930401]
    \t[LTVELI]
    OTA_SKALA_  # CountryInfo.txt
    \t[LTVELI 520101-950301]
    \t[LTVGOV 950301-20000401]
    \t[LTVELI]
    LIDA_NOVA_  # CountryInfo.txt
    \t[LTVELI 550101-20000401]
    \t[LTVGOV >20000401]

    FREEDONIA_  [FRD]
    RUFUS_T._FIREFLY_  # CountryInfo.txt
    \t[FRDELI 19200101-850120]
    \t[FRDGOV 850120-930120]
    \t[FRDELI]
    MARIA_DEL_CARMEN_OSORIO_VEGA_  # CountryInfo.txt
    \t[FRDELI 300101-930120]
    \t[FRDGOV 930120-010120]
    \t[FRDELI]
    # Vice Presidents of Freedonia
    BOB_ROLAND_  # CountryInfo.txt
    \t[FRDELI 300101-850120]
    \t[FRDGOV 850120-930120]
    CLARA_DUVAL_  # CountryInfo.txt
    \t[FRDELI 300101-930120]
    \t[FRDGOV 930120-010120]
    """)
INTERNATIONAL = textwrap.dedent("""\
    THE_LEAGUE_OF_FREE_CITIES_ [IGOLFC]
    AMIR_HALABI_\t[IGOLFC 950101-991231]\t# League of Free Cities
    """)
PLACES = {"countries": [{"name": "Ruritania", "aliases": ["Kingdom of Ruritania"]},
                        {"name": "Latveria"}, {"name": "Freedonia"}]}


def _entries(stats=None):
    stats = collections.Counter() if stats is None else stats
    return (parse_dictionary(COUNTRIES, COUNTRIES_FILE, stats)
            + parse_dictionary(INTERNATIONAL, INTERNATIONAL_FILE, stats))


def _derived(people=()):
    stats = collections.Counter()
    actors = build_actors.build_actors(_entries(stats), PLACES, list(people), stats)
    return {a.name: a for a in actors}, stats


def _offices(actor, prefix):
    return [(s, e) for r, s, e in actor.offices if r.startswith(prefix)]


# ---------------------------------------------------------------- the dictionary format
def test_entries_aliases_dated_codes_and_comments_are_read():
    text = textwrap.dedent("""\
        FIRST_PERSON_  [XXXGOV 990101-050301]  # inline code and comment
        +F._PERSON_
        \t[XXXELI >050301]
        \t[XXXGOV <881231]
        \t[XXXMIL 19990101-20010101]
        \t[XXXGOV 2004017-20061201] # seven digits: malformed
        \t[XXXJUD 250101-400101]
        OTHER_NAME_
        SAME_ACTOR_AGAIN_
        \t[XXXGOV]

        CODELESS_ENTRY_

        NEXT_ENTRY_
        \t[XXXOPP > 140608]
        """)
    stats = collections.Counter()
    first, grouped, codeless, last = parse_dictionary(text, COUNTRIES_FILE, stats)
    assert first.names == ["FIRST_PERSON_", "F._PERSON_"] and "inline code" in first.comment
    assert first.codes == [("XXXGOV", D(1999, 1, 1), D(2005, 3, 1)), ("XXXELI", D(2005, 3, 1), None),
                           ("XXXGOV", None, D(1988, 12, 31)), ("XXXMIL", D(1999, 1, 1), D(2001, 1, 1)),
                           ("XXXJUD", D(1925, 1, 1), D(1940, 1, 1))]  # "25" before "40": the 1900s
    assert stats["malformed date lines (dropped)"] == 1
    assert grouped.names == ["OTHER_NAME_", "SAME_ACTOR_AGAIN_"] and grouped.codes == [("XXXGOV", None, None)]
    assert codeless.names == ["CODELESS_ENTRY_"] and codeless.codes == []
    assert last.codes == [("XXXOPP", D(2014, 6, 8), None)]


def test_section_headings_are_kept_with_their_entries():
    entries = [e for e in _entries() if e.names[0] in ("OSKAR_IV_", "BOB_ROLAND_", "RUFUS_T._FIREFLY_")]
    assert [e.heading for e in entries] == ["National institutions", "", "Vice Presidents of Freedonia"]


def test_countries_take_places_yaml_names_and_headers_otherwise():
    names, territories = place_names(_entries(), PLACES)
    assert names["RUR"] == "Ruritania" and names["FRD"] == "Freedonia"
    extra = parse_dictionary("NEW_ATLANTIS_ISLANDS_  [RURNAT]\n", COUNTRIES_FILE, collections.Counter())
    names, territories = place_names(_entries() + extra, PLACES)
    assert names["NAT"] == "New Atlantis Islands" and "NAT" in territories["RUR"]


# ---------------------------------------------------------------- names and people
@pytest.mark.parametrize("raw, name", [
    ("SIR_JAN_MARTIN_TESLER_", "Jan Martin Tesler"), ("OSKAR_IV_", "Oskar IV"),
    ("KHALID_AL-RASHIDI_", "Khalid al-Rashidi"), ("SEAN_O'DONNELL_", "Sean O'Donnell"),
    ("ANNA_MCALLISTER_", "Anna McAllister"), ("FOREIGN_MINISTER_IVO_T._PLACHY", "Ivo T. Plachy"),
    ("LUIS_GARCIA_Y_PONS_", "Luis Garcia y Pons"), ("JOHN_ROLAND_ROBINSON,_BARON_X_", "John Roland Robinson"),
])
def test_names_are_title_cased_without_honorifics(raw, name):
    assert person_name([raw], sure=True)[0] == name


def test_a_titled_form_stays_an_alias_and_a_lone_word_keeps_its_title():
    name, aliases = person_name(["SIR_JAN_MARTIN_TESLER_", "+PRIME_MINISTER_TESLER_"], sure=True)
    assert name == "Jan Martin Tesler" and "Sir Jan Martin Tesler" in aliases
    assert person_name(["AMIR_QUENTAL_"], sure=True, first_names={"jan"})[0] == "Amir Quental"
    assert person_name(["CROWN_PRINCE_OSKAR_"], sure=True, first_names={"oskar"})[0] == "Oskar"
    assert title_case("US PRESIDENT RUFUS FIREFLY") == "Us President Rufus Firefly"  # no acronyms known here


def test_organisations_places_and_unevidenced_names_are_not_people():
    derived, stats = _derived()
    assert "Ruritanian Royal Army" not in derived and "Ruritania" not in derived
    assert "Anna McAllister" in derived  # undated, but Anna is a listed person's first name
    assert "Zorblax Quent" not in derived
    assert stats["dropped: not a person's name"] >= 1 and stats["dropped: undated, no person evidence"] == 1
    assert stats["dropped: a place (a country code without a role)"] == 3


def test_organisation_heads_get_the_organisation_named():
    derived, _ = _derived()
    halabi = derived["Amir Halabi"]
    assert halabi.country is None and halabi.offices == (("Head of the League of Free Cities", D(1995, 1, 1),
                                                           D(1999, 12, 31)),)


# ---------------------------------------------------------------- the sequence rule
def test_a_monarch_over_prime_ministers_gives_two_offices():
    derived, _ = _derived()
    assert _offices(derived["Oskar IV"], "Head of State of Ruritania") == [(D(1970, 3, 1), None)]
    assert _offices(derived["Anna Belkova"], "Head of Government of Ruritania") == [(D(1988, 5, 10), D(1993, 4, 2))]
    tesler = derived["Jan Martin Tesler"]
    assert _offices(tesler, "Head of Government") == [(D(1993, 4, 2), D(2001, 6, 15))]
    assert _offices(tesler, "Government of Ruritania") == [(D(2003, 1, 1), D(2004, 11, 30))]  # ministers list
    assert _offices(derived["Karel Vodnik"], "Head of Government") == [(D(2001, 6, 15), None)]
    assert not _offices(derived["Petr Halas"], "Head of")


def test_a_person_on_both_lists_holds_each_office_in_turn():
    derived, _ = _derived()
    kriz = derived["Marta Kriz"]
    assert _offices(kriz, "Head of Government of Latveria") == [(D(1993, 4, 1), D(1995, 3, 1))]
    assert _offices(kriz, "Head of State of Latveria") == [(D(1995, 3, 1), D(2000, 3, 1))]
    assert _offices(derived["Ivo Plachy"], "Head of Government") == [(D(1990, 3, 5), D(1993, 4, 1))]
    assert _offices(derived["Tomas Ryba"], "Head of State") == [(D(2000, 3, 1), None)]


def test_one_list_is_both_offices_and_a_heading_of_other_offices_is_neither():
    derived, _ = _derived()
    firefly = derived["Rufus T. Firefly"]
    assert _offices(firefly, "Head of State of Freedonia") == _offices(firefly, "Head of Government of Freedonia") \
        == [(D(1985, 1, 20), D(1993, 1, 20))]
    assert not _offices(derived["Bob Roland"], "Head of") and _offices(derived["Bob Roland"], "Government of")


def test_one_list_follows_people_yaml_when_it_names_a_prime_minister():
    entries = [e for e in _entries() if e.source == COUNTRIES_FILE]
    leaders = leader_entries(entries)["FRD"]
    offices = leader_offices(leaders)
    titles = {"Freedonia": {"rufus t firefly": ((HEAD_OF_GOVERNMENT,), (D(1985, 1, 20),)),
                            "someone else": ((HEAD_OF_STATE,), ())}}
    labelled = label_offices(offices, "Freedonia", titles)
    assert [kinds for kinds, members in labelled if len(members) == 2][0] == (HEAD_OF_GOVERNMENT,)
    heads, _ = head_terms(leaders, label_offices(leader_offices(leaders), "Freedonia", {}))
    assert all(kinds == (HEAD_OF_STATE, HEAD_OF_GOVERNMENT) for terms in heads.values() for kinds, _, _ in terms)


# ---------------------------------------------------------------- the merge with people.yaml
def _people(*entries):
    return parse_people({"people": list(entries)})


def test_people_yaml_wins_and_keeps_the_derived_offices_that_do_not_conflict():
    derived = [Actor("Anna Belkova", "Ruritania", None, ("A. Belkova",), (
        ("Elite of Ruritania", D(1950, 1, 1), D(1988, 5, 10)), ("Head of Government of Ruritania", D(1988, 5, 10),
                                                                   D(1993, 4, 2)),
        ("Elite of Ruritania", D(1993, 4, 2), D(1999, 1, 1)), ("Government of Ruritania", D(1980, 1, 1),
                                                               D(1984, 1, 1))))]
    people = _people({"name": "Anna Bełkova", "country": "Ruritania", "aliases": ["Anna Belkova"], "offices": [
        {"role": "Prime Minister of Ruritania", "from": D(1988, 5, 10), "to": D(1995, 1, 1)}]})
    (anna,) = merge_people(derived, people)
    assert anna.name == "Anna Bełkova" and "A. Belkova" in anna.aliases
    assert anna.offices == (("Prime Minister of Ruritania", D(1988, 5, 10), D(1995, 1, 1)),
                            ("Elite of Ruritania", D(1950, 1, 1), D(1988, 5, 10)),
                            ("Government of Ruritania", D(1980, 1, 1), D(1984, 1, 1)))
    assert merge_people(merge_people(derived, people), people) == [anna]  # idempotent


def test_an_open_derived_office_closes_where_a_people_yaml_successor_starts():
    derived = [Actor("Karel Vodnik", "Ruritania", None, (), (("Head of Government of Ruritania", D(2001, 6, 15),
                                                               None),))]
    people = _people({"name": "Eva Lorenc", "country": "Ruritania", "offices": [
        {"role": "Prime Minister of Ruritania", "from": D(2006, 3, 1)}]})
    vodnik = [a for a in merge_people(derived, people) if a.name == "Karel Vodnik"][0]
    assert vodnik.offices == (("Head of Government of Ruritania", D(2001, 6, 15), D(2006, 3, 1)),)


def test_the_merge_takes_a_fuller_name_but_not_a_different_initial():
    derived = [Actor("Julia Anne Moss", "Freedonia", None, (), (("Government of Freedonia", D(2003, 1, 1), None),)),
               Actor("Victor Harlan", "Freedonia", None, (), (("Elite of Freedonia", None, None),))]
    people = _people({"name": "Julia Moss", "country": "Freedonia"},
                     {"name": "Victor W. Harlan", "country": "Freedonia"})
    merged = {a.name: a for a in merge_people(derived, people)}
    assert merged["Julia Moss"].aliases == ("Julia Anne Moss",) and "Julia Anne Moss" not in merged
    assert "Victor Harlan" in merged and merged["Victor W. Harlan"].aliases == ()


def test_people_yaml_people_merge_with_the_derived_leaders_of_a_built_dictionary():
    people = _people({"name": "Oskar IV", "country": "Ruritania", "aliases": ["King Oskar"], "offices": [
        {"role": "King of Ruritania", "from": D(1970, 3, 1), "to": D(2010, 5, 1)}]})
    derived, _ = _derived(people)
    (oskar,) = [a for a in merge_people(list(derived.values()), people) if a.name == "Oskar IV"]
    assert oskar.offices[0] == ("King of Ruritania", D(1970, 3, 1), D(2010, 5, 1))
    assert not _offices(oskar, "Head of State")  # the same office as the title, already there


# ---------------------------------------------------------------- the loader
KB_ACTORS = [
    Actor("Recep Çelikkaya", "Ruritania", None, (), (("Head of Government of Ruritania", D(1990, 1, 1),
                                                      D(1995, 6, 1)),)),
    Actor("Jan Martin Tesler", "Ruritania", None, ("Sir Jan Martin Tesler",), (
        ("Head of Government of Ruritania", D(1995, 6, 1), D(2001, 6, 15)), ("Elite of Ruritania", None, None))),
    Actor("Karel Vodnik", "Ruritania", None, (), (("Head of Government of Ruritania", D(2001, 6, 15), None),)),
    Actor("Oskar IV", "Ruritania", None, (), (("Head of State of Ruritania", D(1970, 3, 1), None),)),
    Actor("Khalid al-Rashidi", "Latveria", None, (), (("Government of Latveria", D(2003, 1, 1), D(2006, 1, 1)),)),
    Actor("Paul Renner", "Latveria", None, (), (("Military of Latveria", D(1999, 1, 1), D(2004, 1, 1)),)),
    Actor("Sean O'Donnell", "Latveria", None, (), (("Elite of Latveria", None, None),)),
    Actor("Rufus T. Firefly", "Freedonia", None, (), (("Head of State of Freedonia", D(1985, 1, 20), D(1993, 1, 20)),
                                                       ("Head of Government of Freedonia", D(1985, 1, 20),
                                                        D(1993, 1, 20)))),
    Actor("Luis Garcia Pons", "Uruguay", None, (), (("Government of Uruguay", D(1990, 1, 1), D(1992, 1, 1)),)),
]
KB_PEOPLE = {"people": [
    {"name": "Zhao Liqiang", "country": "Latveria", "surname": "Zhao", "offices": [
        {"role": "Foreign Minister of Latveria", "from": D(2004, 2, 1), "to": D(2009, 1, 1)}]},
    {"name": "Eva Lorenc", "country": "Ruritania", "offices": [
        {"role": "Prime Minister of Ruritania", "from": D(2006, 3, 1)}]},
    {"name": "Groucho Wilbur Firefly", "country": "Freedonia", "offices": [
        {"role": "President of Freedonia", "from": D(2001, 1, 20)}]},
]}


def _kb(people=KB_PEOPLE, built_with=None, horizon="2005-06-30"):
    people_text = yaml.safe_dump(people)
    digest = people_digest(yaml.safe_dump(built_with if built_with is not None else {"people": []}))
    table = "\n".join([f"# horizon: {horizon}", f"# people.yaml sha256: {digest}", "\t".join(TSV_COLUMNS),
                       *map(format_tsv_row, KB_ACTORS)]) + "\n"
    return KnowledgeBase.load({"actors.tsv": table, "people.yaml": people_text}.__getitem__)


def test_names_are_found_folded_and_with_or_without_middle_names_and_initials():
    kb = _kb()
    assert [a.name for a in kb.by_name("Recep Celikkaya")] == ["Recep Çelikkaya"]
    assert [a.name for a in kb.by_name("RECEP ÇELİKKAYA")] == ["Recep Çelikkaya"]
    assert [a.name for a in kb.by_name("Sean O’Donnell")] == [a.name for a in kb.by_name("Sean ODonnell")] \
        == ["Sean O'Donnell"]
    assert [a.name for a in kb.by_name("Jan Tesler")] == ["Jan Martin Tesler"]
    assert [a.name for a in kb.by_name("Jan M. Tesler")] == ["Jan Martin Tesler"]
    assert [a.name for a in kb.by_name("Sir Jan Tesler")] == ["Jan Martin Tesler"]
    assert [a.name for a in kb.by_name("Paul D. Renner")] == ["Paul Renner"]
    assert kb.by_name("Peter Tesler") == [] and kb.by_name("Jan K. Tesler") == []
    assert [a.name for a in kb.by_name("Groucho Firefly")] == ["Groucho Wilbur Firefly"]
    assert kb.by_name("Rufus Q. T. Firefly") == []  # a different first middle initial
    assert [a.name for a in kb.by_name("Luis Garcia")] == ["Luis Garcia Pons"]  # father's surname alone


def test_a_long_surname_misspelt_by_one_letter_finds_the_one_actor_of_that_first_name():
    kb = _kb()
    for misspelt in ("Recep Celikaya", "Recep Celikkkaya", "Recep Celikkyaa", "Recep Celikkiya"):
        assert [a.name for a in kb.by_name(misspelt)] == ["Recep Çelikkaya"], misspelt
    assert kb.by_name("Recep Celikayaa") == []  # two letters apart
    assert kb.by_name("Karel Vodnika") == []  # a surname of six letters or fewer is not guessed
    assert kb.by_name("Paul Celikkaya") == []  # another first name


@pytest.mark.parametrize("a, b, close", [("kalninsonis", "kalnisonis", True), ("abcd", "abdc", True),
                                         ("abcd", "abce", True), ("abcd", "abcd", False), ("abcd", "acbe", False),
                                         ("abcd", "ab", False)])
def test_one_edit(a, b, close):
    assert one_edit(a, b) is close and one_edit(b, a) is close


def test_surnames_are_found_folded_with_or_without_particles_and_family_name_first():
    kb = _kb()
    assert [a.name for a in kb.by_surname("al-Rashidi")] == [a.name for a in kb.by_surname("Rashidi")] \
        == ["Khalid al-Rashidi"]
    assert [a.name for a in kb.by_surname("CELIKKAYA")] == ["Recep Çelikkaya"]
    assert [a.name for a in kb.by_surname("Zhao")] == ["Zhao Liqiang"] and kb.by_surname("Liqiang") == []
    assert {a.name for a in kb.by_surname("Firefly")} == {"Rufus T. Firefly", "Groucho Wilbur Firefly"}


def test_people_of_a_country_named_by_their_given_name_are_found_by_it():
    kb = KnowledgeBase(parse_people({"people": [
        {"name": "Somsak Kittipong", "country": "Thailand"}, {"name": "Somsak Tamm", "country": "Estonia"}]}))
    assert [a.name for a in kb.by_surname("Somsak")] == ["Somsak Kittipong"]
    assert [a.name for a in kb.by_surname("Kittipong")] == ["Somsak Kittipong"]


def test_holders_follow_a_change_of_office():
    kb = _kb()
    for day, name in [(D(1995, 5, 31), "Recep Çelikkaya"), (D(1995, 6, 1), "Jan Martin Tesler"),
                      (D(2001, 6, 14), "Jan Martin Tesler"), (D(2001, 6, 15), "Karel Vodnik")]:
        assert [a.name for a in kb.holders("head of government", "Ruritania", day)] == [name]
        assert [a.name for a in kb.holders("Prime Minister", "Ruritania", day)] == [name]
    assert [a.name for a in kb.holders("Premier", "Ruritania", D(2007, 1, 1))] == ["Eva Lorenc"]
    assert [a.name for a in kb.holders("King", "Ruritania", D(2000, 1, 1))] == ["Oskar IV"]
    assert [a.name for a in kb.holders("Foreign Minister", "Latveria", D(2005, 1, 1))] == ["Zhao Liqiang"]
    assert kb.holders("Foreign Minister", "Latveria", D(2010, 1, 1)) == []


def test_a_president_of_a_country_with_one_office_for_both_is_its_head_of_government():
    kb = _kb()
    assert "Freedonia" in kb.presidential
    assert [a.name for a in kb.holders("head of government", "Freedonia", D(1990, 1, 1))] == ["Rufus T. Firefly"]
    assert [a.name for a in kb.holders("head of government", "Freedonia", D(2002, 1, 1))] \
        == ["Groucho Wilbur Firefly"]


def test_derived_offices_open_at_the_horizon_are_not_trusted_after_it():
    kb = _kb()
    assert [a.name for a in kb.holders("head of state", "Ruritania", D(2005, 1, 1))] == ["Oskar IV"]
    assert kb.holders("head of state", "Ruritania", D(2006, 1, 1)) == []
    # closed where a people.yaml successor starts (2006-03-01), still held only up to the horizon
    assert kb.holders("head of government", "Ruritania", D(2005, 12, 1)) == []


def test_role_on_and_holds():
    kb = _kb()
    tesler = kb.by_name("Jan Martin Tesler")[0]
    assert tesler.role_on(D(1999, 1, 1)) == "Head of Government of Ruritania"
    assert tesler.role_on(D(2003, 1, 1)) == "Elite of Ruritania"
    assert tesler.holds("head of government", D(1999, 1, 1)) and tesler.holds("Prime Minister", D(1999, 1, 1))
    assert tesler.holds("Head of Government of Ruritania", None) and not tesler.holds("King", D(1999, 1, 1))
    oskar = kb.by_name("Oskar IV")[0]
    assert oskar.role_on(D(2010, 1, 1)) == "Head of State of Ruritania"  # as the table says
    assert kb.role_on(oskar, D(2005, 1, 1)) == "Head of State of Ruritania" and kb.role_on(oskar, D(2010, 1, 1)) is None
    assert [a.name for a in kb.holders("Prime Minister of Ruritania", "Ruritania", D(1999, 1, 1))] \
        == ["Jan Martin Tesler"]


def test_choose_takes_the_only_the_named_the_serving_then_the_most_prominent():
    kb = _kb()
    fireflies = kb.by_surname("Firefly")
    rufus, groucho = sorted(fireflies, key=lambda a: a.name, reverse=True)
    assert kb.choose([rufus], D(2010, 1, 1)) is rufus
    assert kb.choose(fireflies, D(2010, 1, 1), ["Rufus T. Firefly"]) is rufus
    assert kb.choose(fireflies, D(1990, 1, 1)) is rufus and kb.choose(fireflies, D(2002, 1, 1)) is groucho
    assert kb.choose(fireflies, D(1960, 1, 1)) is None  # both heads at some time: still ambiguous
    renner, odonnell = kb.by_name("Paul Renner")[0], kb.by_name("Sean O'Donnell")[0]
    assert kb.choose([renner, odonnell], D(1960, 1, 1)) is renner  # the military over the elite
    assert kb.choose([], D(2000, 1, 1)) is None


def test_choose_prefers_people_yaml_over_a_namesake_of_another_country():
    curated = Actor("Queen Ilse", "Ruritania", "Ilse", (), (("Queen of Ruritania", D(1950, 1, 1), None),))
    derived = Actor("Ilse", "Freedonia", "Ilse", (), (("Head of State of Freedonia", D(1950, 1, 1), None),))
    assert _kb().choose([derived, curated], D(1987, 1, 1)) is curated


def test_an_edited_people_yaml_wins_without_regenerating_the_table():
    edited = {"people": [{"name": "Jan Tesler", "country": "Ruritania", "aliases": ["Jan Martin Tesler"],
                          "offices": [{"role": "Prime Minister of Ruritania", "from": D(1995, 6, 1),
                                       "to": D(2001, 6, 15)}]}]}
    kb = _kb(people=edited, built_with=KB_PEOPLE)
    (tesler,) = kb.by_name("Jan Martin Tesler")
    assert tesler.name == "Jan Tesler" and tesler.offices[0][0] == "Prime Minister of Ruritania"
    assert not any(role.startswith("Head of Government") for role, _, _ in tesler.offices)
    assert kb.by_name("Eva Lorenc") == []  # no longer in people.yaml, and never in the table


def test_the_table_built_with_this_people_yaml_is_not_merged_again():
    same = _kb(people=KB_PEOPLE, built_with=KB_PEOPLE)
    assert same.by_name("Eva Lorenc") == []  # the table was "built" with it, so it is not read again
    merged = _kb()
    assert [a.name for a in merged.by_name("Eva Lorenc")] == ["Eva Lorenc"]


def test_load_text_reads_any_config_file_and_a_users_copy_first(tmp_path):
    assert load_text("actors.tsv").startswith("# Generated by `python scripts/build_actors.py`")
    (tmp_path / "actors.tsv").write_text("# mine\n", encoding="utf-8")
    assert load_text("actors.tsv", str(tmp_path)) == "# mine\n"
    assert load_text("people.yaml", str(tmp_path)) == load_text("people.yaml")
    with pytest.raises(ConfigError, match="no configuration named"):
        load_text("no-such-file.tsv")


def test_a_malformed_people_yaml_is_a_clear_error():
    with pytest.raises(ValueError, match="person 2 has no name"):
        parse_people({"people": [{"name": "Eva Lorenc"}, {"country": "Ruritania"}]})
    with pytest.raises(ValueError, match="Eva Lorenc: each office needs a role and ISO dates"):
        parse_people({"people": [{"name": "Eva Lorenc", "offices": [{"role": "Prime Minister", "from": "soon"}]}]})


def test_a_malformed_table_is_a_clear_error():
    with pytest.raises(ValueError, match="header"):
        parse_tsv("name\tcountry\n")
    with pytest.raises(ValueError, match="row 2: office"):
        parse_tsv("\t".join(TSV_COLUMNS) + "\nX\t\t\t\tGovernment of Y|1990-01-01\n")
    with pytest.raises(ValueError, match="bad date"):
        parse_tsv("\t".join(TSV_COLUMNS) + "\nX\t\t\t\tGovernment of Y|1990-13-01|\n")


# ---------------------------------------------------------------- the build script
def _snapshot(tmp_path):
    folder = tmp_path / "petrarch" / "petrarch2" / "data" / "dictionaries"
    folder.mkdir(parents=True)
    (folder / COUNTRIES_FILE).write_text(COUNTRIES, encoding="utf-8")
    (folder / INTERNATIONAL_FILE).write_text(INTERNATIONAL, encoding="utf-8")
    archigos = tmp_path / "archigos"
    archigos.mkdir()
    (archigos / "archigos.csv").write_text("idacr,leader,startdate,enddate,exit,dbpedia.uri\n"
                                           "RUR,Tamm,1930-01-01,1939-01-01,Regular,NA\n", encoding="utf-8")
    (archigos / "leaders.csv").write_text("idacr,country\nRUR,Ruritania\n", encoding="utf-8")
    return tmp_path / "petrarch"


def test_the_build_writes_a_sorted_table_the_same_each_time(tmp_path):
    source = _snapshot(tmp_path)
    outputs = []
    for name in ("a.tsv", "b.tsv"):
        assert build_actors.main(["--petrarch", str(source), "--archigos", str(tmp_path / "archigos"),
                                  "--out", str(tmp_path / name)]) == 0
        outputs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    actors, horizon = parse_tsv(outputs[0])
    assert horizon == D(2005, 12, 31)  # the latest date in the dictionaries
    names = [fold(a.name) for a in actors]
    assert names == sorted(names) and "oskar iv" in names
    assert [a.offices for a in actors if a.name == "Tamm"] == [
        (("Head of Government of Ruritania", D(1930, 1, 1), D(1939, 1, 1)),)]  # before the derived heads
    assert len(actors) == len(_people_yaml()) + len(_derived()[0]) + 1  # none of these invented people is in it


@pytest.mark.parametrize("missing", ["--petrarch", "--archigos"])
def test_a_missing_snapshot_is_one_clear_line(tmp_path, capsys, missing):
    folders = {"--petrarch": _snapshot(tmp_path), "--archigos": tmp_path / "archigos", missing: tmp_path / "nowhere"}
    assert build_actors.main([*(w for pair in folders.items() for w in map(str, pair)),
                              "--out", str(tmp_path / "x.tsv")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "not found" in err and "fetch" in err and not (tmp_path / "x.tsv").exists()


# ---------------------------------------------------------------- the generated configs/actors.tsv
@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.from_config()


def _people_yaml():
    return parse_people(yaml.safe_load(load_text("people.yaml")))


def test_the_generated_table_says_what_made_it_and_under_which_licence():
    head = load_text("actors.tsv").splitlines()[0]
    for words in ("python scripts/build_actors.py", "PETRARCH2", "MIT licence", "Open Event Data Alliance",
                  "Archigos 4.1", "Reddy Lee", "people.yaml"):
        assert words in head


def test_the_generated_table_is_large_unique_and_well_formed(kb):
    assert len(kb.actors) > 15000
    heads = [a for a in kb.actors if any(r.startswith("Head of") for r, _, _ in a.offices)]
    assert len(heads) > 2000
    keys = collections.Counter((fold(a.name), a.country) for a in kb.actors)
    assert [k for k, n in keys.items() if n > 1] == []
    for actor in kb.actors:
        assert actor.name.strip() == actor.name and fold(actor.name)
        for role, start, end in actor.offices:
            assert " of " in role and role.strip() == role and not role.endswith(" of None"), (actor.name, role)
            assert start is None or end is None or start <= end, (actor.name, role, start, end)


def test_every_people_yaml_person_is_in_the_generated_knowledge_base(kb):
    for person in _people_yaml():
        found = [a for a in kb.by_name(person.name) if a.country == person.country and a.name == person.name]
        assert found and set(person.offices) <= set(found[0].offices), person.name


def test_no_people_yaml_surname_starts_with_a_title():
    """'King Fahd' in a text is the title 'king' and the name 'Fahd': a surname 'King Fahd' is never found."""
    titles = yaml.safe_load(load_text("titles.yaml"))
    words = {w.lower() for w in [*titles["heads"], *titles["honorifics"]]}
    people = yaml.safe_load(load_text("people.yaml"))["people"]
    assert [p["name"] for p in people if {w.lower() for w in (p.get("surname") or "").split()[:1]} & words] == []


def test_spot_checks_of_derived_leaders():
    kb = KnowledgeBase.from_config()
    assert [a.name for a in kb.holders("head of state", "Finland", D(1990, 6, 1))] == ["Mauno Koivisto"]
    assert [a.name for a in kb.holders("Prime Minister", "Norway", D(1998, 6, 1))] == ["Kjell Magne Bondevik"]
    assert [a.name for a in kb.holders("head of government", "Netherlands", D(1990, 6, 1))] == ["Ruud Lubbers"]
    ciller = kb.by_name("Tansu Çiller")
    assert len(ciller) == 1 and ciller[0].role_on(D(1995, 1, 1)) == "Head of Government of Turkey"
