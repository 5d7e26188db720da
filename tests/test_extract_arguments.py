"""The parties of a meeting predicate read off the parse (transforms/extract/arguments.py): subjects and what
coordinates with them, objects of the verb or of with/between on a noun, possessives and name compounds, the agent
of a passive, companions ("along with", "accompanied by"), the subject of the verb holding a meeting noun, group
subjects ("the two leaders") and references to a particular meeting. Tokens resolve to people through a plain
table of names here; resolution itself is tested in test_extract_actors.py."""
import pytest
from spacy.tokens import Doc

from pipeline.config import load_yaml
from transforms.extract import arguments, predicates
from transforms.extract.predicates import Lexicon

PEOPLE = ["Kaja Kallas", "Gabriel Boric", "Hage Geingob", "Mette Frederiksen", "Urmas Reinsalu", "Peya Mushelenga",
          "Ana Kovar", "Jon Balder"]
KEYS = {word: name for name in PEOPLE for word in name.split()}


def resolve(token):
    return [KEYS[token.text]] if token.text in KEYS else []


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_config(load_yaml("meetings"))


@pytest.fixture(scope="module")
def read(parse, lexicon):
    """(predicate, Arguments, doc) of each meeting predicate of a sentence."""
    def run(text):
        doc = parse(text)
        out = []
        for p in predicates.find(doc, lexicon):
            spec = (lexicon.verbs if p.kind == "verb" else lexicon.nouns)[p.lemma]
            out.append((p, arguments.of(p, doc, resolve, spec, addressees=lexicon.addressee_verbs), doc))
        return out
    return run


def only(read, text):
    found = read(text)
    assert len(found) == 1, [(f[2][f[0].head].text, f[1]) for f in found]
    return found[0]


def parties(read, text):
    args = only(read, text)[1]
    return args.subjects, args.objects, args.companions


def test_coordinated_subjects_meet_each_other(read):
    text = "Estonian Prime Minister Kaja Kallas and Chilean President Gabriel Boric met in Tallinn on Tuesday."
    assert parties(read, text) == (["Kaja Kallas", "Gabriel Boric"], [], [])


@pytest.mark.parametrize("text", [
    "Kaja Kallas took the opportunity to discuss fisheries with Gabriel Boric.",
    "Kaja Kallas will have a chance to talk to Gabriel Boric.",
])
def test_who_has_a_chance_to_meet_meets(read, text):
    assert parties(read, text)[:2] == (["Kaja Kallas"], ["Gabriel Boric"])


def test_the_chance_given_to_someone_is_theirs_and_a_missed_one_is_no_ones(read):
    assert parties(read, "Hage Geingob gave Kaja Kallas the opportunity to meet Gabriel Boric.")[0] == ["Kaja Kallas"]
    assert parties(read, "Kaja Kallas missed the chance to meet Gabriel Boric.")[0] == []


def test_the_subject_meets_coordinated_direct_objects(read):
    _, args, _ = only(read, "Kaja Kallas met Gabriel Boric and Hage Geingob in Tallinn.")
    assert (args.subjects, args.objects, args.direct) == (["Kaja Kallas"], ["Gabriel Boric", "Hage Geingob"], True)


def test_a_subject_the_parse_apposed_to_a_place_before_the_verb(read):
    text = "In Oslo, Prime Minister Ana Kovar had discussions with President Jon Balder."
    doc = only(read, text)[2]
    assert [t.dep_ for t in doc if t.text == "Kovar"] == ["appos"]  # (the parse this repairs)
    assert parties(read, text) == (["Ana Kovar"], ["Jon Balder"], [])


def test_objects_of_with_are_not_direct(read):
    _, args, _ = only(read, "Kaja Kallas met with Gabriel Boric, Hage Geingob and Mette Frederiksen.")
    assert args.objects == ["Gabriel Boric", "Hage Geingob", "Mette Frederiksen"] and not args.direct


def test_a_party_of_discuss_with_hung_on_the_object(read):
    text = "Officials expect Kaja Kallas to discuss regional security and fisheries with Namibian President Hage Geingob."
    assert parties(read, text)[:2] == (["Kaja Kallas"], ["Hage Geingob"])


def test_a_preposition_repeated_after_each_party(read):
    text = ("Kaja Kallas held talks with the prime minister, Mette Frederiksen, with Gabriel Boric and with Hage "
            "Geingob.")
    assert parties(read, text)[1] == ["Mette Frederiksen", "Gabriel Boric", "Hage Geingob"]


def test_a_list_the_parser_split_is_followed(read):
    text = "Gabriel Boric will meet Kaja Kallas, Hage Geingob of Namibia and Mette Frederiksen."
    assert parties(read, text) == (["Gabriel Boric"], ["Kaja Kallas", "Hage Geingob", "Mette Frederiksen"], [])


def test_talks_between_two_people(read):
    assert parties(read, "Talks between Kaja Kallas and Gabriel Boric ended on Tuesday.") == (
        [], ["Kaja Kallas", "Gabriel Boric"], [])


def test_a_possessive_owns_the_meeting(read):
    assert parties(read, "Kallas's talks with Boric ended on Tuesday.") == ([], ["Kaja Kallas", "Gabriel Boric"], [])


@pytest.mark.parametrize("text", ["The Kallas-Geingob meeting ended on Tuesday.",
                                  "The Reinsalu-Mushelenga talks ended on Tuesday."])
def test_the_names_of_a_hyphenated_compound_are_both_parties(read, text):
    subjects, objects, _ = parties(read, text)
    assert subjects == [] and len(objects) == 2 and set(objects) <= set(PEOPLE)


def test_along_with_makes_a_companion_not_a_party(read):
    text = ("Prime Minister Kaja Kallas, along with Foreign Minister Urmas Reinsalu, met President Gabriel Boric in "
            "Santiago.")
    assert parties(read, text) == (["Kaja Kallas"], ["Gabriel Boric"], ["Urmas Reinsalu"])


def test_those_a_retinue_includes_are_companions(read):
    assert parties(read, "Kaja Kallas and her delegation, including Urmas Reinsalu, met Gabriel Boric.") == (
        ["Kaja Kallas"], ["Gabriel Boric"], ["Urmas Reinsalu"])


def test_accompanied_by_makes_a_companion(read):
    assert parties(read, "Kaja Kallas, accompanied by Urmas Reinsalu, met Gabriel Boric.") == (
        ["Kaja Kallas"], ["Gabriel Boric"], ["Urmas Reinsalu"])


def test_the_agent_of_a_passive_is_the_other_party(read):
    assert parties(read, "Kaja Kallas was received by Gabriel Boric at the presidential palace.") == (
        ["Kaja Kallas"], ["Gabriel Boric"], [])


@pytest.mark.parametrize("text", ["Kaja Kallas held talks with Gabriel Boric in Santiago.",
                                  "Kaja Kallas left Santiago after talks with Gabriel Boric.",
                                  "Kaja Kallas spoke by telephone with Gabriel Boric.",
                                  "Kaja Kallas arrived in Santiago and met Gabriel Boric.",
                                  "Kaja Kallas wants to meet Gabriel Boric."])
def test_the_subject_of_the_holding_or_governing_verb_takes_part(read, text):
    assert parties(read, text) == (["Kaja Kallas"], ["Gabriel Boric"], [])


def test_the_agents_of_a_passive_verb_the_meeting_is_the_time_of_are_its_parties(read):
    assert parties(read, "The accord was initialled on Monday by Kaja Kallas and Gabriel Boric at a summit in Riga.") == (
        ["Kaja Kallas", "Gabriel Boric"], [], [])


def test_an_expletive_it_is_no_subject_of_a_meeting_in_its_clause(read):
    assert parties(read, "Kaja Kallas said that after meeting Gabriel Boric, it was plain that Chile would sign.") == (
        ["Kaja Kallas"], ["Gabriel Boric"], [])


def test_who_reports_what_another_did_at_a_meeting_is_its_other_party(lexicon, parse):
    doc = parse("Kaja Kallas said Gabriel Boric raised fisheries during a meeting yesterday.")
    [p] = predicates.find(doc, lexicon)
    args = arguments.of(p, doc, resolve, lexicon.nouns[p.lemma], reporters=lexicon.reporting_verbs)
    assert (args.subjects, args.objects) == (["Gabriel Boric"], ["Kaja Kallas"])
    doc = parse("Analysts said Gabriel Boric raised fisheries during a meeting yesterday.")
    [p] = predicates.find(doc, lexicon)
    assert arguments.of(p, doc, resolve, lexicon.nouns[p.lemma], reporters=lexicon.reporting_verbs).objects == []


def test_a_relative_pronoun_object_is_the_noun_it_stands_for(read):
    assert parties(read, "Gabriel Boric praised Kaja Kallas, whom Hage Geingob met with last week.") == (
        ["Hage Geingob"], ["Kaja Kallas"], [])


def test_a_relative_clause_meets_through_its_noun(read):
    assert parties(read, "Kaja Kallas, who met Gabriel Boric on Monday, left for Riga.") == (
        ["Kaja Kallas"], ["Gabriel Boric"], [])


def test_the_invited_visitor_is_the_subject_of_the_visit(read):
    invited, visit = read("Kaja Kallas invited Gabriel Boric to visit Tallinn.")
    assert (invited[1].subjects, invited[1].objects) == (["Kaja Kallas"], ["Gabriel Boric"])
    assert (visit[1].subjects, visit[1].objects, visit[1].other_object) == (["Gabriel Boric"], [], True)


def test_the_object_of_a_verb_that_leaves_someone_to_meet_is_the_subject(read):
    refused, talks = read("Kaja Kallas refused to meet Gabriel Boric, leaving the envoy to hold talks with Hage "
                          "Geingob instead.")
    assert (talks[1].subjects, talks[1].objects, talks[1].unnamed) == ([], ["Hage Geingob"], True)


def test_a_list_of_objects_ends_at_the_subject_of_the_next_clause(read):
    met, _ = read("Kaja Kallas met for an hour with Gabriel Boric, and Estonian minister Urmas Reinsalu said the two "
                  "men discussed fisheries.")
    assert (met[1].subjects, met[1].objects) == (["Kaja Kallas"], ["Gabriel Boric"])


def test_whom_a_call_addresses_is_its_other_party(read):
    _, args, _ = only(read, "Since her telephone call congratulating Gabriel Boric, Kaja Kallas has said little.")
    assert "Gabriel Boric" in args.objects


def test_a_possessive_before_the_subject_is_not_a_subject(read):
    assert parties(read, "Speaking at Gabriel Boric's morning press conference, Kaja Kallas said she was pleased.") \
        == (["Kaja Kallas"], [], [])


def test_a_list_of_objects_ends_at_an_apposition_with_a_possessive(read):
    _, args, _ = only(read, "Kaja Kallas will meet Mette Frederiksen and Jon Balder, Gabriel Boric's envoy, soon.")
    assert args.objects == ["Mette Frederiksen", "Jon Balder"]


def test_a_journalist_is_no_party(read):
    _, args, _ = only(read, "Kaja Kallas spoke with South Asia correspondent Jon Balder on Friday.")
    assert (args.subjects, args.objects) == (["Kaja Kallas"], [])


def test_a_name_an_organisation_owns_is_no_party(read):
    _, args, _ = only(read, "Speaking to the BBC's Jon Balder on Sunday, Kaja Kallas said she was confident.")
    assert (args.subjects, args.objects) == (["Kaja Kallas"], [])


def test_a_subject_no_one_resolves_holds_the_meeting_with_the_objects(read):
    _, args, _ = only(read, "We have had very good meetings with Gabriel Boric and Hage Geingob this week.")
    assert (args.subjects, args.objects, args.unresolved_subject) == ([], ["Gabriel Boric", "Hage Geingob"], True)


def test_an_object_that_is_no_person(read):
    _, args, _ = only(read, "Kaja Kallas talked to officials in Santiago.")
    assert (args.subjects, args.objects, args.other_object) == (["Kaja Kallas"], [], True)


def test_unnamed_parties(read):
    _, args, _ = only(read, "Estonian officials held talks with Gabriel Boric.")
    assert (args.subjects, args.objects, args.unnamed) == ([], ["Gabriel Boric"], True)


@pytest.mark.parametrize("text", ["The two leaders met on Monday.", "Their talks lasted an hour.",
                                  "A meeting between the presidents took place."])
def test_group_subjects_refer_to_the_parties(read, text):
    p, args, doc = only(read, text)
    assert (args.subjects, args.objects) == ([], [])
    assert arguments.group_subject(p, doc) and arguments.refers(p, doc, args)


@pytest.mark.parametrize("text, refers", [
    ("The talks lasted an hour.", True),
    ("Kaja Kallas refused to meet.", True),
    ("Estonian officials held talks with Gabriel Boric.", False),
    ("A meeting was planned for the spring.", False),
    ("Kaja Kallas met Gabriel Boric in Tallinn.", False),
    ("It is expected that this will be a conversation that will focus on trade.", True),
    ("Chilean opposition leaders are meeting in Santiago.", False),  # others, not the parties
])
def test_a_reference_to_one_particular_meeting(read, text, refers):
    p, args, doc = only(read, text)
    assert arguments.refers(p, doc, args) is refers
    assert not arguments.group_subject(p, doc)


def test_a_place_compound_is_where_the_talks_are_not_who_holds_them(parse, lexicon):
    doc = parse("The Tallinn talks covered fisheries.")
    p = predicates.find(doc, lexicon)[0]
    spec = lexicon.nouns[p.lemma]
    blind = arguments.of(p, doc, resolve, spec)
    assert blind.unnamed and not arguments.refers(p, doc, blind)
    args = arguments.of(p, doc, resolve, spec, place=lambda t: t.text == "Tallinn")
    assert (args.objects, args.unnamed, args.other_object) == ([], False, False)
    assert arguments.refers(p, doc, args)


def test_group_words_come_from_the_lexicon(lexicon):
    words = arguments.group_words(lexicon)
    assert {"leaders", "sides", "they", "men", "presidents"} <= words and "officials" not in words


def test_a_person_the_parser_hung_inside_the_next_name_is_an_object_too(read):
    _, args, doc = only(read, "Kaja Kallas will also will meet Finance Secretary Peya Mushelenga and Trade and "
                              "Industry Secretary Urmas Reinsalu.")
    assert sorted(args.objects) == ["Peya Mushelenga", "Urmas Reinsalu"]


@pytest.mark.parametrize("text", [
    "Kaja Kallas accepted Hage Geingob's invitation to visit Namibia next year.",
    "Kaja Kallas accepted an invitation from Hage Geingob to visit Namibia.",
])
def test_the_one_invited_to_visit_is_the_guest_and_the_one_inviting_the_host(read, text):
    found = [(p.lemma, args.subjects, args.objects) for p, args, _ in read(text) if p.lemma == "visit"]
    assert found == [("visit", ["Kaja Kallas"], ["Hage Geingob"])]


def test_named_objects_and_other_officials_are_one_group(read):
    _, args, _ = only(read, "Kaja Kallas met Hage Geingob, Peya Mushelenga and other officials of the union.")
    assert (args.objects, args.with_others) == (["Hage Geingob", "Peya Mushelenga"], True)
    _, args, _ = only(read, "Kaja Kallas met Hage Geingob, Peya Mushelenga and leaders of the union.")
    assert not args.with_others


@pytest.mark.parametrize("text", [
    "Kaja Kallas had spoken to four other leaders on Saturday, including Gabriel Boric and Hage Geingob.",
    "She said Kaja Kallas had spoken to four other world leaders Saturday, including Gabriel Boric and Hage Geingob.",
])
def test_an_including_phrase_on_the_verb_names_members_of_a_plural_object(read, text):
    found = [(args.subjects, args.objects, args.with_others) for p, args, _ in read(text) if p.lemma == "speak"]
    assert found == [(["Kaja Kallas"], ["Gabriel Boric", "Hage Geingob"], False)]


def test_companions_of_a_lone_subject_with_no_object_meet_it(read):
    text = "Kaja Kallas, along with Hage Geingob and Gabriel Boric, are due to meet in Tallinn on Thursday."
    assert parties(read, text) == (["Kaja Kallas", "Hage Geingob", "Gabriel Boric"], [], [])
    text = "Kaja Kallas, along with Urmas Reinsalu, met Hage Geingob."
    assert parties(read, text) == (["Kaja Kallas"], ["Hage Geingob"], ["Urmas Reinsalu"])


@pytest.mark.parametrize("words, heads, deps, pos, tags", [
    # 'the call between U.S. President A and Turkish President B': a real sentence's parse made A a modifier of B
    ("the call between President Kallas and President Geingob", [1, 1, 1, 4, 7, 4, 4, 2],
     "det ROOT prep compound nmod cc conj pobj", "DET NOUN ADP PROPN PROPN CCONJ PROPN PROPN",
     "DT NN IN NNP NNP CC NNP NNP"),
    # 'a call between A and Japanese Prime Minister B': A a modifier of B's title, 'and' after it
    ("the call between Kallas and Namibian President Geingob", [1, 1, 1, 6, 3, 3, 7, 2],
     "det ROOT prep amod cc conj compound pobj", "DET NOUN ADP PROPN CCONJ ADJ PROPN PROPN",
     "DT NN IN NNP CC JJ NNP NNP"),
])
def test_a_name_the_parse_hangs_inside_another_party_s_name_is_a_party(parse, lexicon, words, heads, deps, pos, tags):
    doc = Doc(parse("x").vocab, words=words.split(), heads=heads, deps=deps.split(), pos=pos.split(),
              tags=tags.split(), lemmas=words.split())
    [p] = predicates.find(doc, lexicon)
    args = arguments.of(p, doc, resolve, lexicon.nouns[p.lemma])
    assert sorted(args.objects) == ["Hage Geingob", "Kaja Kallas"]
