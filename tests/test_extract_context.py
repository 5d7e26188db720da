"""Mentions merged into meetings and what other sentences add to them (transforms/extract/merge.py and
context.py): mentions of the same parties merge unless a date, place, format or status tells them apart;
references ("the talks lasted two hours") add duration, place and date to the meeting last named nearby; what
"the two leaders" discussed adds topics; attendees become the delegation; where a party was last said to be gives
a meeting its place. Built from plain records: no parse is needed."""
import datetime

from transforms.extract import context, merge
from transforms.extract.context import Event
from transforms.extract.places import Location
from transforms.extract.text import Sentence

D = datetime.date
NO_DATE = (None, None, None)


def sentence(paragraph, text="..."):
    return Sentence(paragraph * 100, paragraph * 100 + len(text), text, paragraph)


def mention(parties=("Kaja Kallas", "Hage Geingob"), paragraph=0, status="held", fmt=None, date=NO_DATE,
            city=None, country=None, duration=None, topics=(), **more):
    return merge.Mention(sentence(paragraph), tuple(parties), status, fmt, date, Location(city, country),
                         duration, list(topics), **more)


COUNTRIES = {"Kaja Kallas": "Estonia", "Urmas Reinsalu": "Estonia", "Hage Geingob": "Namibia",
             "Gabriel Boric": "Chile"}


country_of = COUNTRIES.get


def assemble(events):
    return context.assemble(events, country_of)


def named(m):
    return Event("mention", m.sentence, m)


def reference(paragraph, group=False, keys=(), new=False, **attrs):
    m = mention(parties=(), paragraph=paragraph, explicit=False, **attrs)
    return Event("reference", m.sentence, m, group=group, keys=keys, new=new)


# ---------------------------------------------------------------- merge
def test_mentions_of_the_same_meeting_merge():
    first = mention(date=(D(2022, 9, 5), "month", "in September"), city="Windhoek", country="Namibia")
    second = mention(paragraph=1, parties=("Hage Geingob", "Kaja Kallas"), date=(D(2022, 9, 5), "day", "on Monday"),
                     topics=["fisheries"])
    meetings = assemble([named(first), named(second)])
    assert len(meetings) == 1 and meetings[0].parties == ("Kaja Kallas", "Hage Geingob")
    assert merge.best_date(meetings[0]) == (D(2022, 9, 5), "day", "on Monday")
    assert (meetings[0].value("city"), meetings[0].topics) == ("Windhoek", ["fisheries"])


def test_another_place_date_format_or_tense_is_another_meeting():
    base = mention(date=(D(2022, 9, 5), "day", "on Monday"), city="Windhoek", country="Namibia")
    meeting = merge.Meeting(base.parties, [base])
    assert not merge.compatible(meeting, mention(city="Swakopmund", country="Namibia"))
    assert not merge.compatible(meeting, mention(date=(D(2022, 9, 13), "day", "on Tuesday")))
    assert not merge.compatible(meeting, mention(fmt="phone"))
    assert not merge.compatible(meeting, mention(status="planned"))
    assert merge.compatible(meeting, mention(status="cancelled"))
    assert merge.compatible(meeting, mention(date=(D(2022, 9, 1), "month", "in September")))
    assert merge.compatible(meeting, mention(date=(D(2022, 1, 1), "year", "in 2022")))
    assert not merge.compatible(meeting, mention(date=(D(2022, 8, 1), "month", "in August")))


def test_a_cancellation_outranks_every_other_status():
    meeting = merge.Meeting(("A", "B"), [mention(status="planned"), mention(status="cancelled"),
                                         mention(status="proposed")])
    assert merge.status(meeting) == "cancelled"
    assert merge.status(merge.Meeting(("A", "B"), [mention(status=None)])) == "held"
    assert merge.status(merge.Meeting(("A", "B"), [mention(status="proposed"), mention(status="planned")])) == \
        "planned"


def test_adding_a_mention_keeps_topics_and_delegation_once_and_parties_out_of_the_delegation():
    meeting = merge.Meeting(("Kaja Kallas", "Hage Geingob"))
    merge.add(meeting, mention(topics=["fisheries"], delegation=["Urmas Reinsalu", "Hage Geingob"]))
    merge.add(meeting, mention(topics=["fisheries", "visas"], delegation=["Urmas Reinsalu", "Peya Mushelenga"]))
    assert meeting.topics == ["fisheries", "visas"]
    assert meeting.delegation == ["Urmas Reinsalu", "Peya Mushelenga"]


# ---------------------------------------------------------------- references
def test_a_reference_adds_duration_place_and_date_to_the_meeting_last_named():
    meetings = assemble([
        named(mention()),
        reference(1, duration=120, city="Windhoek", country="Namibia", date=(D(2022, 9, 5), "day", "on Monday")),
    ])
    assert len(meetings) == 1
    (meeting,) = meetings
    assert (len(meeting.mentions), meeting.value("city"), merge.best_date(meeting)) == (
        2, "Windhoek", (D(2022, 9, 5), "day", "on Monday"))
    assert [m.duration for m in meeting.mentions] == [None, 120]


def test_a_bare_reference_does_not_change_the_status():
    meetings = assemble([named(mention(status="planned")), reference(1, status="held", duration=60)])
    assert merge.status(meetings[0]) == "planned" and meetings[0].mentions[-1].duration == 60


def test_a_group_reference_says_how_the_meeting_stands():
    meetings = assemble([named(mention(status="planned")), reference(1, group=True, status="cancelled")])
    assert merge.status(meetings[0]) == "cancelled"


def test_a_reference_goes_to_the_meeting_last_named_not_an_earlier_one():
    first = mention(parties=("Kaja Kallas", "Gabriel Boric"))
    meetings = assemble([named(first), named(mention(paragraph=1)), reference(2, duration=45)])
    assert [[m.duration for m in x.mentions] for x in meetings] == [[None], [None, 45]]


def test_a_reference_too_far_from_the_meeting_adds_nothing():
    meetings = assemble([named(mention()), reference(4, duration=90)])
    assert [m.duration for m in meetings[0].mentions] == [None]
    meetings = assemble([named(mention()), reference(3, duration=90)])
    assert [m.duration for m in meetings[0].mentions] == [None, 90]


def test_a_reference_that_contradicts_the_meeting_and_names_its_own_place_is_another_meeting_as_it_stands():
    meetings = assemble([
        named(mention(city="Windhoek", country="Namibia")),
        reference(1, new=True, status="planned", city="Tallinn", country="Estonia"),
    ])
    assert [(m.parties, m.value("city"), merge.status(m)) for m in meetings] == [
        (("Kaja Kallas", "Hage Geingob"), "Windhoek", "held"), (("Kaja Kallas", "Hage Geingob"), "Tallinn", "planned")]


def test_a_reference_naming_someone_outside_the_focus_adds_nothing():
    meetings = assemble([named(mention(parties=("Kaja Kallas", "Gabriel Boric"))),
                                 named(mention(parties=("Hage Geingob", "Peya Mushelenga"), paragraph=1)),
                                 reference(2, keys=("Gabriel Boric",), duration=30)])
    assert [[m.duration for m in x.mentions] for x in meetings] == [[None], [None]]


def test_a_reference_naming_a_party_of_the_focus():
    pair = mention(parties=("Kaja Kallas", "Gabriel Boric"))
    other = mention(parties=("Hage Geingob", "Peya Mushelenga"))
    other.sentence = pair.sentence  # one sentence names both meetings: both are in focus
    meetings = assemble([named(pair), named(other), reference(1, keys=("Gabriel Boric",), duration=30)])
    assert [[m.duration for m in x.mentions] for x in meetings] == [[None, 30], [None]]


# ---------------------------------------------------------------- topics, delegation, whereabouts
def test_what_the_two_leaders_discussed_becomes_the_meetings_topics():
    meetings = assemble([named(mention(topics=["fisheries"])),
                                 Event("topics", sentence(1), items=["visas", "fisheries"], group=True)])
    assert meetings[0].topics == ["fisheries", "visas"]


def test_topics_far_from_any_mention_go_to_the_main_meeting_when_the_group_said_them():
    main = mention()
    other = mention(parties=("Kaja Kallas", "Gabriel Boric"), paragraph=1)
    events = [named(main), named(mention(paragraph=1)), named(other),
              Event("topics", sentence(5), items=["visas"], group=True)]
    meetings = assemble(events)
    assert [m.topics for m in meetings] == [["visas"], []]
    assert context.main(meetings) is meetings[0]


def test_topics_a_named_speaker_stated_go_to_that_speakers_meeting():
    pair = mention(parties=("Kaja Kallas", "Gabriel Boric"))
    other = mention(parties=("Hage Geingob", "Peya Mushelenga"))
    other.sentence = pair.sentence
    meetings = assemble([named(pair), named(other),
                                 Event("topics", sentence(1), items=["copper"], keys=("Gabriel Boric",))])
    assert [m.topics for m in meetings] == [["copper"], []]


def test_attendees_become_the_delegation_of_the_meeting_in_focus():
    meetings = assemble([named(mention()), Event("delegation", sentence(1),
                                                         items=["Urmas Reinsalu", "Kaja Kallas", "Peya Mushelenga"])])
    assert meetings[0].delegation == ["Urmas Reinsalu", "Peya Mushelenga"]


def test_attendees_before_any_meeting_go_nowhere():
    meetings = assemble([Event("delegation", sentence(0), items=["Urmas Reinsalu"]),
                                 named(mention(paragraph=1))])
    assert meetings[0].delegation == []


def test_a_meeting_without_a_place_is_where_a_party_was_last_said_to_be():
    events = [Event("whereabouts", sentence(0), items=[("Kaja Kallas", Location("Swakopmund", "Namibia"))]),
              named(mention(paragraph=1))]
    (meeting,) = assemble(events)
    assert context.place(meeting, country_of) == ("Swakopmund", "Namibia")


def test_a_visitor_meets_in_the_hosts_country():
    (meeting,) = assemble([named(mention(hosts=("Hage Geingob",)))])
    assert context.place(meeting, country_of) == (None, "Namibia")


def test_a_bare_cancellation_right_after_a_planned_meeting_cancels_it():
    (meeting,) = assemble([named(mention(status="planned")), reference(1, status="cancelled")])
    assert merge.status(meeting) == "cancelled"
    (meeting,) = assemble([named(mention(status="planned")), reference(3, status="cancelled")])
    assert merge.status(meeting) == "planned"


def test_the_one_city_a_party_stays_in_within_the_meetings_country_is_its_city():
    here = Event("whereabouts", sentence(3), items=[("Kaja Kallas", Location("Windhoek", "Namibia"))])
    going = Event("whereabouts", sentence(4), items=[("Kaja Kallas", Location("Walvis Bay", "Namibia"))], ahead=True)
    stayed = context.stays([here, going])
    assert context.city_in(("Kaja Kallas", "Hage Geingob"), "Namibia", stayed) == "Windhoek"
    assert context.city_in(("Kaja Kallas", "Hage Geingob"), "Estonia", stayed) is None
    elsewhere = Event("whereabouts", sentence(5), items=[("Hage Geingob", Location("Swakopmund", "Namibia"))])
    assert context.city_in(("Kaja Kallas", "Hage Geingob"), "Namibia", context.stays([here, elsewhere])) is None


def test_earlier_whereabouts_in_another_country_than_the_hosts_are_not_the_place():
    events = [Event("whereabouts", sentence(0), items=[("Kaja Kallas", Location("Tallinn", "Estonia"))]),
              named(mention(paragraph=3, hosts=("Hage Geingob",)))]
    (meeting,) = assemble(events)
    assert context.place(meeting, country_of) == (None, "Namibia")


def test_whereabouts_said_just_before_beat_the_hosts_country():
    events = [Event("whereabouts", sentence(0), items=[("Kaja Kallas", Location("Tallinn", "Estonia"))]),
              named(mention(paragraph=1, hosts=("Hage Geingob",)))]
    (meeting,) = assemble(events)
    assert context.place(meeting, country_of) == ("Tallinn", "Estonia")


def test_where_a_traveller_will_be_places_a_planned_meeting_only():
    beijing = Location("Beijing", "China")
    events = [Event("whereabouts", sentence(0), items=[("Kaja Kallas", beijing)], ahead=True),
              named(mention(paragraph=1, status="planned")), named(mention(paragraph=1, status="held"))]
    planned, held = assemble(events)
    assert context.place(planned, country_of) == ("Beijing", "China")
    assert context.place(held, country_of) == (None, None)


def test_a_party_country_places_a_meeting_of_one_country():
    (meeting,) = assemble([named(mention(parties=("Kaja Kallas", "Urmas Reinsalu")))])
    assert context.place(meeting, country_of) == (None, "Estonia")


def test_the_purpose_of_a_trip_gives_topics_to_a_meeting_there():
    events = [Event("whereabouts", sentence(0), items=[("Kaja Kallas", Location("Swakopmund", "Namibia"))],
                    topics=["uranium exports"]),
              named(mention(paragraph=1))]
    (meeting,) = assemble(events)
    assert meeting.topics == ["uranium exports"]
