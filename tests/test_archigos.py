"""Heads of government from Archigos that the PETRARCH2 leader lists lack (scripts/archigos.py). The rows are
invented, in the format of archigos.csv and leaders.csv."""
import collections
import datetime
import pathlib
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import archigos  # noqa: E402

from transforms.extract.kb import Actor  # noqa: E402

D = datetime.date
ARCHIGOS = textwrap.dedent("""\
    obsid,idacr,leader,startdate,enddate,exit,dbpedia.uri
    RUR-1950,RUR,Tamm,1950-01-01,1960-05-01,Regular,http://dbpedia.org/resource/Ivo_Tamm_(politician)
    RUR-1960,RUR,"Kask, Ene",1960-05-01,1970-03-01,Regular,NA
    RUR-1988,RUR,Belkova,1988-05-20,1993-04-02,Regular,NA
    LAT-1990,LAT,Kovar,1990-01-01,2012-06-30,Still in Office,http://dbpedia.org/resource/Premiership_of_Kovar
    FRE-1995,FRE,Kallas,1995-01-01,1999-12-31,Regular,NA
    OLD-1900,OLD,Nobody,1900-01-01,1901-01-01,Regular,NA
    """)
LEADERS = textwrap.dedent("""\
    "","idacr","country"
    "1","RUR","Kingdom of Ruritania"
    "2","RUR","Kingdom of Ruritania"
    "3","RUR","e"
    "2","LAT","Latveria"
    "3","FRE","Freedonia"
    "4","OLD",NA
    """)
COUNTRIES = {"Ruritania": "Ruritania", "Kingdom of Ruritania": "Ruritania", "Latveria": "Latveria",
             "Freedonia": "Freedonia"}


def _terms(stats=None):
    return archigos.leader_terms(ARCHIGOS, LEADERS, COUNTRIES, collections.Counter() if stats is None else stats)


def test_terms_are_named_from_their_page_else_as_archigos_writes_them_turned_round():
    """(and a code's country is the name most of its rows give: a few rows of leaders.csv are garbled)"""
    stats = collections.Counter()
    terms = {t.surname: t for t in _terms(stats)}
    assert (terms["Tamm"].name, terms["Tamm"].country, terms["Tamm"].start) == ("Ivo Tamm", "Ruritania", D(1950, 1, 1))
    assert (terms["Kask"].name, terms["Kask"].end) == ("Ene Kask", D(1970, 3, 1))
    assert terms["Kovar"].name == "Kovar" and terms["Kovar"].end is None  # a page on an office; still in office
    assert "Nobody" not in {t.name for t in terms.values()}
    assert stats["archigos: terms of a code with no country name"] == 1


def _heads(actor):
    return [(r, s, e) for r, s, e in actor.offices if r.startswith("Head of")]


def test_terms_fill_the_gaps_of_the_derived_heads_only():
    belkova = Actor("Anna Belkova", "Ruritania", "Belkova", (),
                    (("Head of Government of Ruritania", D(1988, 5, 10), D(1993, 4, 2)),))
    tamm = Actor("Ivo Tamm", "Ruritania", "Tamm", (), (("Elite of Ruritania", None, None),))
    kovar = Actor("Jan Kovar", "Latveria", "Kovar", (), (("Government of Latveria", D(2003, 1, 1), None),))
    kallas = Actor("Marta Kallas", "Freedonia", "Kallas", (),
                   (("Head of State of Freedonia", D(2000, 1, 1), D(2005, 1, 1)),
                    ("Head of Government of Freedonia", D(1996, 1, 1), D(1999, 1, 1))))
    stats = collections.Counter()
    out = {(a.name, a.country): a for a in archigos.fill_gaps([belkova, tamm, kovar, kallas], _terms(), set(), stats)}
    assert _heads(out["Anna Belkova", "Ruritania"]) == _heads(belkova)  # a derived head covers the term
    assert _heads(out["Ivo Tamm", "Ruritania"]) == [("Head of Government of Ruritania", D(1950, 1, 1), D(1960, 5, 1))]
    assert _heads(out["Ene Kask", "Ruritania"]) == [("Head of Government of Ruritania", D(1960, 5, 1), D(1970, 3, 1))]
    # a one-word name goes to an actor of that surname only when they head the country at another time
    assert _heads(out["Jan Kovar", "Latveria"]) == []
    assert _heads(out["Kovar", "Latveria"]) == [("Head of Government of Latveria", D(1990, 1, 1), None)]
    # a derived head of state's surname: a semi-presidential president's term, checked against the heads of state
    assert ("Head of State of Freedonia", D(1995, 1, 1), D(1999, 12, 31)) in out["Marta Kallas", "Freedonia"].offices
    assert stats["archigos: terms a derived head covers"] == 1 and stats["archigos: actors added"] == 2


def test_a_presidential_country_s_leader_heads_both():
    out = archigos.fill_gaps([], _terms(), {"Latveria"}, collections.Counter())
    assert [r for a in out if a.name == "Kovar" for r, _, _ in a.offices] == [
        "Head of Government of Latveria", "Head of State of Latveria"]


def test_the_source_is_read_from_a_copy_and_a_missing_one_is_named(tmp_path):
    (tmp_path / "archigos.csv").write_text(ARCHIGOS, encoding="utf-8")
    (tmp_path / "leaders.csv").write_text(LEADERS, encoding="utf-8")
    texts, origin = archigos.read_source(tmp_path)
    assert texts == [ARCHIGOS, LEADERS] and str(tmp_path) in origin
    try:
        archigos.read_source(tmp_path / "nowhere")
    except archigos.SourceError as e:
        assert "not found" in str(e) and "fetch" in str(e)
    else:
        raise AssertionError("a missing snapshot must raise SourceError")


def test_a_president_or_monarch_of_people_yaml_heads_the_state():
    people = [Actor("Ivo Tamm", "Ruritania", "Tamm", (), (("President of Ruritania", D(1990, 1, 1), None),))]
    out = archigos.fill_gaps([], _terms(), set(), collections.Counter(), people)
    assert [a.offices for a in out if a.name == "Ivo Tamm"] == [
        (("Head of State of Ruritania", D(1950, 1, 1), D(1960, 5, 1)),)]
