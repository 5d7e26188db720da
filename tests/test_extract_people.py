"""Names of people in a sentence and the article's register of them (transforms/extract/people.py): titles and
honorifics stripped from names and kept as titles, the country an adjective before a title gives, one person for
"Tomas K. Lindqvist", "Tomas Lindqvist" and "Lindqvist", a fuller name renaming an earlier short one, quotes and
first-person releases. The titles are configs/titles.yaml's, the places the packaged gazetteer's."""
from types import SimpleNamespace

import pytest

from transforms.extract.people import (Found, Mention, Registry, first_person, in_quotes, names, pronoun_kind,
                                       surname)
from transforms.extract.text import sentences


@pytest.fixture(scope="module")
def titles(packaged_extractor):
    return packaged_extractor.titles


@pytest.fixture(scope="module")
def gaz(packaged_extractor):
    return packaged_extractor.gaz


def found(text, titles, gaz):
    return [(f.name, f.title, f.country, f.titled) for f in names(text, titles, gaz)]


def test_a_title_and_the_country_before_it_are_not_the_name(titles, gaz):
    assert found("Estonian Prime Minister Kaja Kallas arrived.", titles, gaz) == [
        ("Kaja Kallas", "estonian prime minister", "Estonia", True)]


def test_a_malay_head_of_state_s_title_and_royal_orders_are_no_name(titles, gaz):
    assert [f[0] for f in found("Sultan Peeter Tamm, Sultan and Yang Di-Pertuan of Namibia, met the Governor-General, "
                                "Ms Liis Kask AC CVO.", titles, gaz)] == ["Peeter Tamm", "Liis Kask"]


@pytest.mark.parametrize("text", ["the Namibian Prime {}Minister, Dr Hage Geingob, has agreed",
                                  "the Prime {}Minister of Namibia, Dr Hage Geingob, has agreed"])
def test_a_title_broken_over_two_lines_is_the_title_on_one(titles, gaz, text):
    one_line = found(text.format(" "), titles, gaz)
    assert found(text.format("\n"), titles, gaz) == found(text.format(" \n"), titles, gaz) == one_line
    assert one_line[0][1] == "prime minister"


@pytest.mark.parametrize("title", ["Trade Representative", "Special Representative"])
def test_a_representative_of_an_office_is_titled(titles, gaz, title):
    assert found(f"U.S. {title} Jon Balder and Ana Kovar met.", titles, gaz)[0] == (
        "Jon Balder", f"u.s. {title.lower()}", "United States", True)


def test_the_country_after_a_titled_name(titles, gaz):
    assert found("President Ana Kovar of Chile has accepted an invitation.", titles, gaz) == [
        ("Ana Kovar", "president", "Chile", True)]
    assert found("Ana Kovar of Chile spoke.", titles, gaz)[0][2] is None  # untitled: where she comes from, perhaps


def test_an_acronym_before_a_title_is_an_organisation_not_a_titled_person(titles, gaz):
    assert found("Kovar refused to meet the KDP leader.", titles, gaz)[1] == ("KDP", None, None, False)
    assert found("Ana Kovar, President of the KDP, spoke.", titles, gaz)[0][1] == "president"
    assert found("Ana Kovar, co-leader of the KDP, spoke.", titles, gaz)[1] == ("KDP", None, None, False)


def test_a_month_is_a_name_only_where_a_time_cannot_stand(titles, gaz):
    assert [f[0] for f in found("In her talks with June, Kovar said that in June or on 5 June they met.", titles,
                                gaz)] == ["June", "Kovar"]


def test_a_portfolio_is_no_name(titles, gaz):
    assert [f[0] for f in found("Ana Kovar, the Minister for Sport, met the Secretary of Resources.", titles, gaz)] \
        == ["Ana Kovar"]


def test_a_title_in_apposition_before_a_courtesy_title_is_the_title(titles, gaz):
    assert found("The Minister for Fisheries and Forests, Mr. Balder, met the Premier, Sir Jon Kovar.", titles, gaz) == [
        ("Balder", "minister", None, True), ("Jon Kovar", "sir", None, True)]


@pytest.mark.parametrize("text, title", [("Senator Balder, the Minister for Defence, left.", "senator"),
                                         ("Mr Balder, the Minister for Defence, left.", "mr"),
                                         ("The Minister for Defence, Senator Balder, left.", "senator")])
def test_an_office_in_apposition_beside_a_rank_or_courtesy_is_the_office(titles, gaz, text, title):
    [balder] = names(text, titles, gaz)
    assert (balder.name, balder.title, balder.office) == ("Balder", title, "minister")


@pytest.mark.parametrize("text", ["Senator Balder, who chairs the committee, left.",
                                  "Senator Balder, the deputy minister for defence, left."])  # (a deputy's office)
def test_a_rank_without_an_office_of_its_own_has_none(titles, gaz, text):
    [balder] = names(text, titles, gaz)
    assert (balder.title, balder.office) == ("senator", None)


def test_a_rank_of_two_words_after_honorifics_takes_an_office_in_apposition(titles, gaz):
    [balder] = names("His Excellency Field Marshal Balder, the Minister for Defence, left.", titles, gaz)
    assert balder.office == "minister"


def test_a_title_alone_is_no_name(titles, gaz):
    assert [f[0] for f in found("After our talks this morning, Prime Minister, I know we agree with Vice President "
                                "Ana Kovar.", titles, gaz)] == ["Ana Kovar"]


def test_honorifics_are_stripped(titles, gaz):
    assert found("Dr. Maret Lindqvist met Ms Kallas and Sir Aarne Tamm.", titles, gaz) == [
        ("Maret Lindqvist", "dr", None, True), ("Kallas", "ms", None, True), ("Aarne Tamm", "sir", None, True)]


def test_a_form_of_address_in_the_plural_is_no_name(titles, gaz):
    assert [f[0] for f in found("We thank you, Mr. Prime Minister, Excellencies and gentlemen, and welcome Their "
                                "Majesties King Aarne and Queen Liis.", titles, gaz)] == ["Aarne", "Liis"]


def test_letters_after_a_name_are_not_in_it(titles, gaz):
    assert [f[0] for f in found("Sir Jaan Kask AK MC and Kaja Kallas MP met.", titles, gaz)] == [
        "Jaan Kask", "Kaja Kallas"]


def test_offsets_cover_the_name_only(titles, gaz):
    text = "Foreign Minister Peya Mushelenga met Mr. Gabriel Boric."
    assert [text[f.start:f.end] for f in names(text, titles, gaz)] == ["Peya Mushelenga", "Gabriel Boric"]


def test_a_middle_initial_stays_in_the_name(titles, gaz):
    found = names("Speaker Tomas K. Lindqvist met the delegation.", titles, gaz)
    assert [(f.name, f.title) for f in found] == [("Tomas K. Lindqvist", "speaker")]


def test_a_title_with_its_organisation_before_the_name(titles, gaz):
    assert found("Governor of the Bank of Ghana Ernest Addison spoke.", titles, gaz) == [
        ("Ernest Addison", "governor", "Ghana", True)]
    assert found("The Ghanaian government spokesman Kojo Oppong Nkrumah said so.", titles, gaz) == [
        ("Kojo Oppong Nkrumah", "spokesman", "Ghana", True)]


def test_an_organisations_name_is_no_persons(titles, gaz):
    text = "I met Mr. Jaan Kask, head of the United Nations Development Programme, and the World Health Organization."
    assert [f[0] for f in found(text, titles, gaz)] == ["Jaan Kask"]


@pytest.mark.parametrize("text, expected", [
    ("Jaan Kask met April 1 with the bank's adviser, J.K. Tamm, Sepp, Saar Inc.", ["Jaan Kask"]),
    ("Analysts at Tamm Kivi and Co said that Kask Brothers Inc chairman Jaan Kask met Ana Kovar.",
     ["Jaan Kask", "Ana Kovar"]),
    ("Mart Tamm, Co Antrim, met Jaan Kask.", ["Mart Tamm", "Co Antrim", "Jaan Kask"]),
])
def test_the_names_in_a_firms_name_are_no_persons(titles, gaz, text, expected):
    assert [f[0] for f in found(text, titles, gaz) if f[0] != "Analysts"] == expected


@pytest.mark.parametrize("text, expected", [
    ("On Monday the Namibian president met Prime Minister Kaja Kallas.", ("Kaja Kallas", "prime minister", None)),
    ("Namibia's delegate, Jon Balder, replied.", ("Jon Balder", None, "Namibia")),
    ("He met the Chilean special envoy Ana Kovar.", ("Ana Kovar", "envoy", "Chile")),
])
def test_the_country_before_a_name_is_not_that_of_another_title(titles, gaz, text, expected):
    assert found(text, titles, gaz)[-1][:3] == expected


def test_a_title_in_apposition_after_the_name(titles, gaz):
    assert found("Amina Diallo, President of the Senate, arrived.", titles, gaz) == [
        ("Amina Diallo", "president", None, True)]


@pytest.mark.parametrize("text, title", [
    ("Ana Kovar, Chile's deputy minister of trade, arrived.", "minister"),
    ("Ana Kovar, the Chilean foreign minister, arrived.", "minister"),
    ("Talks with Ana Kovar, Chile's new President will say, matter.", None),  # a clause of its own
    ("Ana Kovar, a minister, arrived.", None),
])
def test_a_title_with_a_possessive_country_in_apposition_after_the_name(titles, gaz, text, title):
    assert found(text, titles, gaz)[0][1] == title


def test_particles_and_arabic_articles_belong_to_the_name(titles, gaz):
    assert [f.name for f in names("Sheikh Tamim bin Hamad al-Thani met Ilse von der Brelje.", titles, gaz)] == [
        "Tamim bin Hamad al-Thani", "Ilse von der Brelje"]
    assert [f.name for f in names("General Zia ul-Haq met Anwar ud-Din.", titles, gaz)] == ["Zia ul-Haq", "Anwar ud-Din"]


def test_dates_and_places_are_not_names(titles, gaz):
    assert [f.name for f in names("On Monday in May the delegation left Accra for Riga.", titles, gaz)] == []


def test_a_place_and_one_untitled_word_are_no_name(titles, gaz):
    assert found("We met on Estonia Day, as Riga Radio said.", titles, gaz) == []
    assert found("Prime Minister of Estonia Kovar spoke.", titles, gaz)[0][0] == "Kovar"


def test_the_country_of_a_title_in_apposition(titles, gaz):
    assert found("We welcomed Her Excellency Ana Kovar, President of Chile, to Tallinn.", titles, gaz) == [
        ("Ana Kovar", "president", "Chile", True)]
    assert found("We met Ana Kovar, President of the Chilean Senate.", titles, gaz) == [
        ("Ana Kovar", "president", None, True)]


@pytest.mark.parametrize("text, expected", [
    # a function word at a heading's line end is not in the name
    ("Statement by the Prime Minister, Mr. Jaak Tamm\nWith the approval of the Cabinet",
     [("Jaak Tamm", "prime minister", None, True)]),
    # a body named in the plural
    ("He met Ana Kovar, Secretary General of the Estonian Council of Trade Unions.",
     [("Ana Kovar", "secretary general", None, True)]),
    # a heading's word of the occasion
    ("Prime Minister Visit to Estonia by the President of Chile Ana Kovar",
     [("Ana Kovar", "president", "Chile", True)]),
    ("Joint Statement by Prime Minister Kovar Visit", [("Kovar", "prime minister", None, True)]),
])
def test_words_of_offices_bodies_and_occasions_are_no_name(titles, gaz, text, expected):
    assert found(text, titles, gaz) == expected


def test_a_country_with_a_possessive_after_a_name_is_not_in_it(titles, gaz):
    assert found("I told Mr Kovar Estonia's position.", titles, gaz) == [("Kovar", "mr", None, True)]


def test_the_role_pattern_finds_offices_standing_for_people(titles, gaz):
    pattern = titles.role_pattern(gaz)
    groups = [(m.group("adj"), m.group("title"), m.group("of")) for m in pattern.finditer(
        "The President of Ghana met the Estonian prime minister and his Chilean counterpart.")]
    assert groups == [(None, "President", "Ghana"), ("Estonian", "prime minister", None),
                      ("Chilean", "counterpart", None)]
    assert pattern.search("the President Nana Akufo-Addo") is None  # a title before a name is not a role


def test_titles_read_the_configs_heads(titles):
    assert (titles.head(["Prime", "Minister"]), titles.head(["Presidents"]), titles.head(["Kallas"])) == (
        "prime minister", "president", None)
    assert titles.title_before("said the government spokesman ") == "spokesman"
    assert titles.title_before("met with ") is None


def test_one_person_by_full_name_with_an_initial_without_it_and_by_surname():
    registry = Registry(None)
    key = registry.add(Found(0, 18, "Tomas K. Lindqvist", title="speaker", country="Latvia"))
    same = (registry.lookup("Tomas Lindqvist"), registry.lookup("Lindqvist"), registry.add(Found(0, 9, "Lindqvist")))
    assert (key, *same) == ("Tomas K. Lindqvist",) * 4
    assert list(registry.people) == ["Tomas K. Lindqvist"]


def test_another_first_name_is_another_person():
    registry = Registry(None)
    registry.add(Found(0, 11, "Kaja Kallas"))
    assert registry.lookup("Peter Kallas") is None
    registry.add(Found(0, 12, "Peter Kallas"))
    assert list(registry.people) == ["Kaja Kallas", "Peter Kallas"]
    assert registry.lookup("Kallas") is None  # two people of that surname: ambiguous


def test_an_unknown_name_one_letter_from_a_known_surname_is_that_person():
    registry = Registry(None)
    registry.add(Found(0, 15, "Gabriel Boric", title="president"))
    assert registry.add(Found(0, 5, "Borie", title="president")) == "Gabriel Boric"  # an OCR misreading
    assert registry.lookup("Borie") == "Gabriel Boric"  # and where the article names it again
    assert registry.add(Found(0, 12, "Maria Borics")) == "Maria Borics"  # another first name: another person
    assert registry.add(Found(0, 4, "Bori")) == "Bori"  # too short to tell


def test_of_several_names_one_letter_from_a_misreading_the_one_the_knowledge_holds_is_it():
    registry = Registry(None)
    registry.add(Found(0, 17, "Karl von Steinner"))  # a misreading of its own
    registry.add(Found(0, 15, "Karl von Steiner"), actor=SimpleNamespace(name="Karl von Steiner", country=None))
    assert registry.add(Found(0, 10, "von Steiiner")) == "Karl von Steiner"


def test_a_particle_is_no_first_name():
    registry = Registry(None)
    registry.add(Found(0, 15, "Karl von Steiner"))
    assert registry.lookup("von Steiner") == "Karl von Steiner"


def test_a_full_name_after_a_surname_renames_the_person_and_their_mentions():
    registry = Registry(None)
    registry.add(Found(0, 6, "Kallas"))
    registry.mentions[0] = [Mention(0, 6, "Kallas")]
    key = registry.add(Found(20, 31, "Kaja Kallas", title="prime minister", country="Estonia"))
    assert key == "Kaja Kallas" and list(registry.people) == ["Kaja Kallas"]
    assert registry.mentions[0] == [Mention(0, 6, "Kaja Kallas")]
    person = registry.person("Kaja Kallas")
    assert (person.title, person.country, person.surname) == ("prime minister", "Estonia", "Kallas")


def test_a_royal_is_found_by_the_given_name_after_the_patronymic():
    registry = Registry(None)
    registry.add(Found(0, 24, "Tamim bin Hamad al-Thani", title="sheikh"))
    assert registry.lookup("Tamim") == "Tamim bin Hamad al-Thani"


def test_a_first_word_names_a_person_of_a_country_that_puts_the_family_name_first():
    registry = Registry(None, first_word_names=frozenset({"South Korea"}))
    registry.add(Found(0, 13, "Park Sung-min", title="president", country="South Korea"))
    registry.add(Found(0, 10, "Lena Marsh", title="president", country="Canada"))
    assert (registry.lookup("Park"), registry.lookup("Lena")) == ("Park Sung-min", None)


def test_a_word_inside_a_long_name_is_its_bearer_when_no_one_else_bears_it():
    registry = Registry(None)
    registry.add(Found(0, 15, "Ana Ortiz Baeza", title="president"))
    registry.add(Found(0, 14, "Jon Ruiz-Tagle Ortiz"))
    assert (registry.lookup("Ruiz"), registry.lookup("Baeza"), registry.lookup("Ortiz")) == (
        "Jon Ruiz-Tagle Ortiz", "Ana Ortiz Baeza", "Jon Ruiz-Tagle Ortiz")


def test_surname_is_the_last_word():
    assert (surname("Tamim bin Hamad al-Thani"), surname("Kaja Kallas"), surname("Kallas")) == (
        "al-Thani", "Kallas", "Kallas")


def test_quotes_and_pronouns():
    text = 'Kallas said: "I met him in Tallinn." I agree.'
    assert in_quotes(text, text.index("I met")) and not in_quotes(text, text.index("I agree"))
    assert [pronoun_kind(w) for w in ("He", "her", "my", "I", "they", "Kallas")] == [
        "third", "third", "first", "first", None, None]


def test_a_release_in_the_first_person():
    release = sentences("Today I met the President of Ghana in Accra. We discussed cocoa prices. "
                        "Tomorrow I will open an embassy there.")
    assert first_person(release)
    reported = sentences('Kallas said: "I met the President of Ghana." She told reporters I was wrong. Nothing '
                         "else.")
    assert not first_person(reported)


@pytest.mark.parametrize("text, expected", [
    ("Russian and U.S. Presidents Vladimir Putin and Donald Trump met.",
     [("Vladimir Putin", "president", "Russia"), ("Donald Trump", "president", "United States")]),
    ("Estonian and Latvian Prime Ministers Kaja Kallas and Krisjanis Karins met.",
     [("Kaja Kallas", "prime minister", "Estonia"), ("Krisjanis Karins", "prime minister", "Latvia")]),
])
def test_a_plural_title_shared_by_two_names_gives_each_its_country(titles, gaz, text, expected):
    assert [(f.name, f.title, f.country) for f in names(text, titles, gaz)] == expected


def test_an_organisation_and_a_list_title_are_not_part_of_a_name(titles, gaz):
    text = ("They met British Chancellor of the Exchequer Nigel Lawson, Foreign Secretary Geoffrey Howe and "
            "Governor of the Bank of England Robin Leigh-Pemberton.")
    assert [(f.name, f.title, f.country) for f in names(text, titles, gaz)] == [
        ("Nigel Lawson", "chancellor", "United Kingdom"), ("Geoffrey Howe", "foreign secretary", None),
        ("Robin Leigh-Pemberton", "governor", None)]
