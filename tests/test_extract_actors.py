"""The people of an article and what the tokens of a parse stand for (transforms/extract/actors.py): names and
surnames, offices resolved by the knowledge base on the article's day ("the Estonian leader"), a role named
beside its holder, pronouns by their antecedents, a first-person release's "I" as its head of government, the
article's home country and where its people travel. The knowledge base is a small one written for these tests;
places and titles are the packaged configs'."""
import datetime

import pytest

from transforms.extract.actors import Article, home_country, names_someone, unknown_names
from transforms.extract.kb import KnowledgeBase, parse_people
from transforms.extract.people import names
from transforms.extract.text import sentences

D = datetime.date
PEOPLE = {"people": [
    {"name": "Kaja Kallas", "country": "Estonia",
     "offices": [{"role": "Prime Minister of Estonia", "from": "2021-01-26", "to": "2024-07-23"}]},
    {"name": "Jüri Ratas", "country": "Estonia", "aliases": ["Juri Ratas"],
     "offices": [{"role": "Prime Minister of Estonia", "from": "2016-11-23", "to": "2021-01-26"}]},
    {"name": "Urmas Reinsalu", "country": "Estonia",
     "offices": [{"role": "Foreign Minister of Estonia", "from": "2022-07-18", "to": "2023-04-17"}]},
    {"name": "Gabriel Boric", "country": "Chile", "offices": [{"role": "President of Chile", "from": "2022-03-11"}]},
    {"name": "Sebastián Piñera", "country": "Chile", "aliases": ["Sebastian Pinera"],
     "offices": [{"role": "President of Chile", "from": "2018-03-11", "to": "2022-03-11"}]},
    {"name": "Hage Geingob", "country": "Namibia", "aliases": ["Hagewi"],
     "offices": [{"role": "President of Namibia", "from": "2014-10-20", "to": "2024-10-20"}]},
    {"name": "Ilze Kalnina", "country": "Latvia", "offices": [{"role": "President of Latvia", "from": "2021-01-07"}]},
    {"name": "Janis Berzs", "country": "Latvia",
     "offices": [{"role": "Prime Minister of Latvia", "from": "2021-01-07"}]},
    {"name": "Park Sung-min", "country": "South Korea",
     "offices": [{"role": "President of South Korea", "from": "2022-05-10"}]},
    {"name": "Mari Saar", "country": "Estonia",
     "offices": [{"role": "National Security Advisor of Estonia", "from": "2021-01-26"},
                 {"role": "Defense Minister of Estonia", "from": "2019-01-01", "to": "2021-01-26"}]},
    {"name": "Arvo Tamm", "country": "Estonia",
     "offices": [{"role": "President of Estonia", "from": "1962-03-01", "to": "1969-03-01"}]},
]}


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase(parse_people(PEOPLE))


@pytest.fixture(scope="module")
def read(parse, kb, packaged_extractor):
    """The Article of a text published on a day, every sentence parsed, and a function from (sentence, word,
    occurrence) to the people that word stands for."""
    def run(text, day):
        sents = sentences(text)
        docs = {i: parse(s.text) for i, s in enumerate(sents)}
        article = Article(sents, docs, kb, packaged_extractor.gaz, packaged_extractor.titles, day)

        def who(i, word, nth=0):
            token = [t for t in docs[i] if t.text == word][nth]
            return article.resolver(i, docs[i])(token)
        return article, who
    return run


def test_a_titled_surname_two_people_share_is_the_one_who_holds_an_office(read):
    _, who = read("President Hage Geingob and his wife Dr. Monica Geingob will visit Estonia. Kallas will welcome "
                  "President Geingob in Tallinn.", D(2022, 9, 13))
    assert who(1, "Geingob") == ["Hage Geingob"]


@pytest.mark.parametrize("before, expected", [
    ("Estonian Foreign Minister Urmas Reinsalu arrived.", ["Urmas Reinsalu"]),
    ("Estonian Deputy Foreign Minister Ana Kovar arrived.", []),  # a deputy holds another office
    ("Estonian Sports Minister Ana Kovar arrived.", []),  # the portfolio is another
])
def test_a_minister_for_a_portfolio_is_one_titled_with_it(read, before, expected):
    _, who = read(f"{before} Hage Geingob met the Minister for Foreign Affairs.", D(2022, 9, 13))
    assert who(1, "Minister") == expected


@pytest.mark.parametrize("honorifics", ["Mrs", "the Hon", "Her Excellency"])
def test_a_role_with_a_courtesy_titled_name_after_its_comma_is_that_name(read, honorifics):
    article, who = read(f"The Prime Minister, {honorifics} Ana Kovar, met President Hage Geingob. Estonia and "
                        "Namibia will trade. Estonia will open an embassy.", D(2022, 9, 13))
    assert who(0, "Minister") == ["Ana Kovar"]
    assert "Kaja Kallas" not in article.registry.people  # (not the office's holder the knowledge has)


def test_a_titled_surname_after_a_spouse_of_that_surname_is_the_one_the_knowledge_holds(read):
    # (a release whose date is before the term the text speaks of: the knowledge knows the name, not the office)
    _, who = read("Prime Minister Jüri Ratas will visit Namibia. Prime Minister Ratas will be accompanied by his "
                  "wife, Mrs Liis Ratas. Prime Minister Ratas will meet Hage Geingob.", D(2022, 9, 13))
    assert who(2, "Ratas") == ["Jüri Ratas"]


@pytest.mark.parametrize("first", ["Mr Kask, the Minister for Defence, arrived.",
                                   "Senator Kask, the Minister for Defence, arrived.",
                                   "The Minister for Defence, Senator Kask, arrived."])
def test_the_office_an_apposition_gives_a_courtesy_or_rank_titled_name_is_theirs_later(read, first):
    _, who = read(f"{first} There the Minister met Ana Kovar.", D(1965, 1, 12))
    assert who(1, "Minister") == ["Kask"]


@pytest.mark.parametrize("visit", ["Namibian President Hage Geingob will make a state visit to Estonia next week.",
                                   "Namibia welcomed the visit made by President Hage Geingob and his wife to "
                                   "Estonia."])
def test_the_prime_minister_of_a_story_about_a_foreign_visitor_is_the_hosts(read, visit):
    _, who = read(f"{visit} Namibia hopes for trade. The Prime Minister said she looked forward to it.",
                  D(2022, 9, 13))
    assert who(2, "Minister") == ["Kaja Kallas"]


def test_names_and_later_surnames_are_one_person_with_country_title_and_actor(read):
    article, who = read("Prime Minister Kaja Kallas met President Gabriel Boric in Santiago. Kallas said the talks "
                        "were useful.", D(2022, 5, 4))
    assert [m.key for m in article.registry.mentions[0]] == ["Kaja Kallas", "Gabriel Boric"]
    assert who(1, "Kallas") == ["Kaja Kallas"] and who(0, "Kaja") == ["Kaja Kallas"]
    person = article.registry.person("Gabriel Boric")
    assert (person.country, person.title, person.actor.name) == ("Chile", "president", "Gabriel Boric")


@pytest.mark.parametrize("day, leader, president", [
    (D(2019, 5, 6), "Jüri Ratas", "Sebastián Piñera"),
    (D(2022, 5, 9), "Kaja Kallas", "Gabriel Boric"),
])
def test_an_office_is_its_holder_on_the_articles_day(read, day, leader, president):
    _, who = read("The Estonian leader met the Chilean president in Tallinn on Monday.", day)
    assert (who(0, "leader"), who(0, "president")) == ([leader], [president])


def test_an_office_of_a_country_nobody_holds_in_the_knowledge_base_is_no_one(read):
    _, who = read("The Ghanaian president met the press.", D(2022, 5, 9))
    assert who(0, "president") == []


@pytest.mark.parametrize("text, word", [("A leader met the press.", "leader"),
                                        ("The first world leader to visit was Kallas.", "leader"),
                                        ("Leaders met the press.", "Leaders"),
                                        ("The Chilean president's wife met the press.", "wife"),
                                        ("Kallas met the president of the central bank of Chile.", "president")])
def test_a_role_that_names_no_one_in_particular(read, text, word):
    _, who = read(text, D(2022, 5, 9))
    assert who(0, word) == []


def test_a_role_named_earlier_with_its_holder(read):
    _, who = read("Kaja Kallas met Foreign Minister Urmas Reinsalu. The foreign minister said the talks went well.",
                  D(2022, 9, 1))
    assert who(1, "minister") == ["Urmas Reinsalu"]


@pytest.mark.parametrize("text, day, word", [
    ("The Estonian national security adviser met Hage Geingob.", D(2022, 9, 13), "adviser"),
    ("The Estonian defence minister met Hage Geingob.", D(2020, 9, 13), "minister"),
])
def test_a_role_of_several_words_in_either_spelling_is_its_holder(read, text, day, word):
    _, who = read(text, day)
    assert who(0, word) == ["Mari Saar"]


def test_a_role_apposed_to_a_name(read):
    _, who = read("The Estonian prime minister, Kaja Kallas, met Hage Geingob.", D(2022, 9, 13))
    assert who(0, "minister") == ["Kaja Kallas"]
    _, who = read("Boric will visit Estonia at the invitation of the Governor-General, His Excellency General the "
                  "Honourable Sir Jaan Kask.", D(2022, 9, 13))
    assert who(0, "General") == ["Jaan Kask"]  # (not the head of state the office may stand for)


def test_a_pronoun_is_the_person_last_named_as_subject(read):
    _, who = read("Gabriel Boric arrived in Windhoek on Sunday. He met Hage Geingob on Monday.", D(2023, 2, 1))
    assert who(1, "He") == ["Gabriel Boric"]
    _, who = read("Hage Geingob welcomed Gabriel Boric to Windhoek. He then met the press.", D(2023, 2, 1))
    assert who(1, "He") == ["Hage Geingob"]


def test_a_pronoun_after_a_name_in_its_own_sentence(read):
    _, who = read("Hage Geingob met Gabriel Boric. The Namibian president said he was pleased.", D(2023, 2, 1))
    assert who(1, "president") == ["Hage Geingob"] and who(1, "he") == ["Hage Geingob"]


def test_a_pronoun_is_the_main_clauses_subject_before_anyone_named_earlier_in_the_sentence(read):
    text = "After meeting Hage Geingob in Windhoek, Gabriel Boric flew to Swakopmund, where he met the mayor."
    article, who = read(text, D(2023, 2, 1))
    assert who(0, "he") == ["Gabriel Boric"]
    assert article.traveller(0, text.index("Swakopmund")) == "Gabriel Boric"


def test_a_subject_pronoun_is_not_an_object_named_before_it(read):
    _, who = read("Kaja Kallas arrived in Santiago on Monday. After talks with Gabriel Boric, she said trade would "
                  "grow.", D(2022, 5, 4))
    assert who(1, "she") == ["Kaja Kallas"]


def test_an_object_pronoun_is_not_the_subject_of_its_clause(read):
    _, who = read("Kaja Kallas invited Gabriel Boric to visit when she spoke to him by phone.", D(2022, 5, 4))
    assert who(0, "she") == ["Kaja Kallas"] and who(0, "him") == ["Gabriel Boric"]


def test_a_he_that_opens_sentences_in_a_row_is_one_person(read):
    _, who = read("Kaja Kallas called several leaders. He was to talk on Sunday with Hage Geingob. He spoke on "
                  "Saturday to Gabriel Boric.", D(2022, 5, 4))
    assert who(1, "He") == who(2, "He") == ["Kaja Kallas"]


def test_their_is_the_people_named_before_it_in_the_sentence(read):
    _, who = read("Kaja Kallas spoke at a news conference with Gabriel Boric after their talks. Their aides left.",
                  D(2022, 5, 4))
    assert who(0, "their") == ["Kaja Kallas", "Gabriel Boric"] and who(1, "Their") == []


def test_a_plural_role_of_countries_is_the_people_named_after_a_dash(read):
    _, who = read("The presidents of Chile and Namibia \u2013 Gabriel Boric and Hage Geingob, respectively \u2013 will "
                  "hold talks.", D(2022, 9, 4))
    assert who(0, "presidents") == ["Gabriel Boric", "Hage Geingob"]


def test_a_countrys_leader_is_the_head_the_article_names(read):
    _, who = read("Prime Minister Janis Berzs spoke first. Geingob later called the leader of Latvia.", D(2022, 9, 4))
    assert who(1, "leader") == ["Janis Berzs"]


def test_a_possessive_in_a_phrase_before_the_subject_is_the_subjects(read):
    _, who = read("Hage Geingob spoke first. In her talks with Geingob, Kaja Kallas raised fisheries.", D(2022, 5, 4))
    assert who(1, "her") == ["Kaja Kallas"]


def test_a_knights_given_name_is_the_knight(read):
    _, who = read("Sir Edmund Larch resigned on Monday. Within hours, Sir Edmund told the nation he was leaving.",
                  D(2022, 5, 4))
    assert who(1, "Edmund") == ["Edmund Larch"]


def test_a_month_is_a_surname_only_of_someone_named_before(read):
    article, who = read("Gabriel Boric met Prime Minister Lena June in Santiago. In his talks with June, Boric "
                        "raised fisheries. They meet again in June.", D(2022, 5, 4))
    assert who(1, "June") == ["Lena June"]
    assert [m.key for m in article.registry.mentions[2]] == []
    article, _ = read("Gabriel Boric met Kaja Kallas. In his talks with June, Boric raised fisheries.", D(2022, 5, 4))
    assert "June" not in article.registry.people


def test_a_family_name_written_first_names_the_person_again(read):
    _, who = read("President Park Sung-min met Kaja Kallas in Tallinn. President Park said trade would grow.",
                  D(2023, 5, 4))
    assert who(1, "Park") == ["Park Sung-min"]


def test_a_surname_alone_does_not_give_its_actor_to_someone_of_another_given_name(read):
    article, _ = read("Siim Kallas met Gabriel Boric. Mr Kallas said the talks went well.", D(2022, 5, 4))
    assert article.registry.person("Siim Kallas").actor is None


def test_a_title_apposed_after_a_name_is_that_person(read):
    _, who = read("Kaja Kallas met Mr Boric, President of Chile, in Tallinn.", D(2022, 5, 4))
    assert who(0, "President") == ["Gabriel Boric"]


def test_an_undated_article_reads_surnames_in_the_years_of_the_people_it_names(read):
    article, _ = read("Kaja Kallas met Gabriel Boric. Mr Tamm, a councillor, joined them.", None)
    assert article.registry.person("Tamm").actor is None
    article, _ = read("Tamm met Boric.", None)
    assert article.registry.person("Arvo Tamm").actor.name == "Arvo Tamm"


def test_a_pronoun_with_no_one_named_before_is_no_one(read):
    _, who = read("It rained. He met the press.", D(2023, 2, 1))
    assert who(1, "He") == []


def test_a_first_person_release_speaks_for_its_head_of_government(read):
    article, who = read("Today I met President Gabriel Boric of Chile in Tallinn. I welcomed the new air link "
                        "between Estonia and Chile. Estonia will open an embassy in Santiago.", D(2022, 9, 13))
    assert article.author == "Kaja Kallas"
    assert who(0, "I") == ["Kaja Kallas"] and who(1, "I") == ["Kaja Kallas"]


@pytest.mark.parametrize("text", [
    # a citizen of its own country named: its country is still its own
    "Today I met President Gabriel Boric of Chile in Tallinn with the Estonian entrepreneur Mr Mart Kask. I welcomed "
    "the new air link between Estonia and Chile. Estonia will open an embassy in Chile.",
    # its heading names its author
    "STATEMENT BY THE PRIME MINISTER, THE HON K KALLAS MP VISIT TO NAMIBIA. I will visit Namibia next week. I will "
    "meet President Hage Geingob in Windhoek.",
    # the country its author travels to is not its own
    "I will visit Ghana next week. In Accra I will meet the Ghanaian president. Ghana is a partner of Estonia. My "
    "visit to Ghana will open new markets.",
    # its heading names its author with his given name and honours
    "BROADCAST BY THE PRIME MINISTER, THE RT HON KAJA KALLAS CH MP. I will visit Namibia next week. I will meet "
    "President Hage Geingob in Windhoek.",
    # an interview's 'PRIME MINISTER:' turns: the first prime minister it names
    "HOST: Prime Minister Kaja Kallas is back from Chile, where she met President Gabriel Boric. PRIME MINISTER: I "
    "think Chile matters. HOST: Chile and Chile again? PRIME MINISTER: I think so.",
    # an interview naming no prime minister: of the country it names most, its own minister named or not
    "JOURNALIST: Will Estonia sign with Namibia? PRIME MINISTER: I think Estonia will, and Foreign Minister Urmas "
    "Reinsalu agrees. JOURNALIST: And Estonia's farmers? PRIME MINISTER: I will ask.",
    # an interview's prime minister is of a country that has one
    "JOURNALIST: What about Chile? PM: I think Chile and Estonia will trade. JOURNALIST: Chile's copper? PM: I will "
    "ask Chile.",
    # a past leader of its own country named ('as Mr X hoped') is not one of its counterparts
    "I will visit Chile and meet President Gabriel Boric. I think Chile and Estonia will trade, as Mr Arvo Tamm "
    "hoped when Estonia and Chile first met. Chile exports copper. Namibia exports fish.",
    # a release that names no country: of the country of the cities it names
    "I have had a report from the minister after his talks in Tartu. I will meet Mr Mart Kask in Tallinn.",
    # the one country a foreign head of state visits is its host's, though its own minister and the guest's
    # country are named as often
    "I look forward to welcoming President Gabriel Boric. President Boric is the first Chilean president to visit "
    "Estonia. His visit follows Foreign Minister Urmas Reinsalu's visit to Chile in May. I will host a dinner.",
])
def test_the_i_of_a_release_or_an_interview_is_its_head_of_government(read, text):
    assert read(text, D(2022, 9, 13))[0].author == "Kaja Kallas"


def test_the_prime_minister_a_transcripts_heading_names_after_with_is_not_its_i(parse, kb, packaged_extractor):
    sents = sentences("PRIME MINISTER: Prime Minister Janis Berzs, today is a historic day. I think Estonia and Latvia "
                      "will work together. I thank you. Estonia and Latvia will trade.")
    docs = {i: parse(s.text) for i, s in enumerate(sents)}
    article = Article(sents, docs, kb, packaged_extractor.gaz, packaged_extractor.titles, D(2022, 9, 13),
                      heading="Remarks at the Treaty Signing with Prime Minister Janis Berzs of Latvia")
    assert article.author == "Kaja Kallas"


def test_a_counterpart_titled_as_no_role_of_theirs_is_still_of_their_country(read):
    article, _ = read("Prime Minister Boric, your Excellency, ladies and gentlemen. I welcome you to Chile's partner. "
                      "Chile and Estonia trade, Chile exports copper and Chile imports software. I thank you.",
                      D(2022, 9, 13))
    assert article.author == "Kaja Kallas"  # (not one of Chile, named most: Boric's, known only by his surname)


@pytest.mark.parametrize("text, addressed", [
    ("President Gabriel Boric, your Excellency, ladies and gentlemen. I welcome you to Tallinn. I think Estonia and "
     "Chile will trade.", "Gabriel Boric"),
    ("PRIME MINISTER: Your Excellency President Boric, today is a historic day. I think Estonia and Chile will "
     "trade. I thank you.", "Boric"),
    # a release that opens with a name is not a speech to its bearer
    ("President Gabriel Boric, who arrives today, will visit Tartu. I will meet him. I think Estonia and Chile will "
     "trade.", None),
])
def test_a_speech_addresses_the_one_its_opening_names(read, text, addressed):
    article, _ = read(text, D(2022, 9, 13))
    assert (article.author, article.addressee) == ("Kaja Kallas", addressed)


def test_an_interviewer_speaks_to_the_one_interviewed(read):
    article, who = read("PRIME MINISTER: I think Estonia will trade with Chile. I think so.\nJOURNALIST:\nHow do you "
                        "feel about your talks? I wonder.\nTEL: 24 Sep 2022\nPRIME MINISTER: I feel fine.\nJOURNALIST: "
                        "Will Namibia talk to yourself?", D(2022, 9, 13))
    assert article.author == "Kaja Kallas"
    assert (who(3, "you"), who(4, "I")) == (["Kaja Kallas"], [])  # the interviewer's "you" and "I"
    assert who(7, "yourself") == ["Kaja Kallas"]
    assert who(6, "I") == ["Kaja Kallas"]  # (a fax header is no speaker)


def test_the_one_a_question_addresses_is_the_one_interviewed(read):
    article, _ = read("QUESTION: Mr. Kallas, would you explain the visit? PRIME MINISTER: I think Namibia and Chile "
                      "matter. I think so. QUESTION: And Chile?", D(2022, 9, 13))
    assert article.author == "Kaja Kallas"


def test_a_name_the_parser_hangs_on_a_thing_in_apposition_is_not_that_thing(kb, packaged_extractor, nlp_model):
    from spacy.tokens import Doc  # noqa: PLC0415
    words = ["He", "welcomed", "the", "comment", "of", "the", "President", ",", "Hage", "Geingob", "."]
    doc = Doc(nlp_model.vocab, words=words, heads=[1, 1, 3, 1, 3, 6, 4, 3, 9, 3, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct", "compound", "appos", "punct"],
              pos=["PRON", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT"])
    sents = sentences(doc.text)
    article = Article(sents, {0: doc}, kb, packaged_extractor.gaz, packaged_extractor.titles, D(2022, 9, 13))
    resolve = article.resolver(0, doc)
    assert (resolve(doc[3]), resolve(doc[9])) == ([], ["Hage Geingob"])  # the comment is no one
    assert article.personal(doc[6]) and not article.personal(doc[3])


def test_a_title_is_its_literal_holder_before_another_head_of_the_same_kind(parse, packaged_extractor):
    kb = KnowledgeBase(parse_people({"people": [
        {"name": "Queen Liv", "country": "Estonia", "offices": [{"role": "Queen of Estonia", "from": "2001-01-01"}]},
        {"name": "Mari Saar", "country": "Estonia",
         "offices": [{"role": "Governor-General of Estonia", "from": "2019-01-01"}]}]}))
    sents = sentences("Estonia and Namibia will sign a treaty. Geingob will meet the Queen in Tallinn.")
    docs = {i: parse(s.text) for i, s in enumerate(sents)}
    article = Article(sents, docs, kb, packaged_extractor.gaz, packaged_extractor.titles, D(2022, 5, 4))
    queen = next(t for t in docs[1] if t.text == "Queen")
    assert article.resolver(1, docs[1])(queen) == ["Queen Liv"]


def test_a_reported_i_is_the_one_who_says_it_not_an_author(read):
    article, who = read('Kallas said: "I met President Gabriel Boric." Boric said Estonia was a friend.',
                        D(2022, 9, 13))
    assert article.author is None and who(0, "I") == ["Kaja Kallas"]
    _, who = read('"I have met no one," a spokesman said. Boric left.', D(2022, 9, 13))
    assert who(0, "I") == []


@pytest.mark.parametrize("day, known", [(D(2022, 9, 1), ["Hage Geingob"]),
                                        (D(2020, 9, 1), ["Hage Geingob", "Jüri Ratas"])])
def test_a_surname_alone_is_a_person_when_a_head_of_government_or_state_bears_it(read, day, known):
    article, _ = read("Geingob met Ratas in Tallinn.", day)
    assert [m.key for m in article.registry.mentions[0]] == known


@pytest.mark.parametrize("day, known", [(D(2022, 9, 1), ["Urmas Reinsalu", "Hage Geingob"]),
                                        (D(2024, 9, 1), ["Hage Geingob"])])
def test_a_surname_alone_is_a_person_when_its_only_bearer_is_in_office(read, day, known):
    article, _ = read("Reinsalu met Geingob in Tallinn. The Prime Minister spoke.", day)
    assert [m.key for m in article.registry.mentions[0]] == known and not article.registry.mentions.get(1)


def test_a_bare_office_among_several_holders_named_is_the_one_of_the_sentences_own_people(read):
    _, who = read("President Gabriel Boric and President Ilze Kalnina spoke by phone. Prime Minister Janis Berzs went "
                  "to see the president on Friday.", D(2022, 9, 13))
    assert who(1, "president") == ["Ilze Kalnina"]


def test_a_hyphenated_pair_of_leaders_is_two_people(read):
    article, _ = read("The Geingob-Kallas meeting took place in Tallinn.", D(2022, 9, 1))
    assert [(m.key, m.start, m.end) for m in article.registry.mentions[0]] == [
        ("Hage Geingob", 4, 11), ("Kaja Kallas", 12, 18)]


@pytest.mark.parametrize("text, leader", [("President Gabriel Boric met the Latvian leader.", ["Ilze Kalnina"]),
                                          ("Prime Minister Kaja Kallas met the Latvian leader.", ["Janis Berzs"]),
                                          ("The Latvian leader met no one.", [])])
def test_a_leader_of_a_country_with_two_heads_is_of_the_rank_of_who_he_meets(read, text, leader):
    _, who = read(text, D(2022, 5, 4))
    assert who(0, "leader") == leader


def test_an_office_of_a_country_needs_no_article(read):
    _, who = read("President of Chile met the press.", D(2022, 5, 4))
    assert who(0, "President") == ["Gabriel Boric"]
    _, who = read("Chilean President of the Senate Ana Rojas met the press.", D(2022, 5, 4))
    assert who(0, "President") == []  # an office of something else than the country


def test_leaders_of_several_countries(read):
    article, _ = read("Kaja Kallas met Hage Geingob and Urmas Reinsalu.", D(2022, 9, 13))
    assert article.leaders_of_several_countries(["Kaja Kallas", "Hage Geingob"])
    assert not article.leaders_of_several_countries(["Kaja Kallas", "Urmas Reinsalu"])


def test_a_traveller_is_the_person_named_before_the_place_or_the_one_he_stands_for(read):
    text = "Gabriel Boric flew to Windhoek on Sunday. On Monday he arrived in Swakopmund."
    article, _ = read(text, D(2023, 2, 1))
    assert article.traveller(0, article.sentences[0].text.index("Windhoek")) == "Gabriel Boric"
    assert article.traveller(1, article.sentences[1].text.index("Swakopmund")) == "Gabriel Boric"


def test_the_home_country_is_the_one_named_most(packaged_extractor):
    gaz = packaged_extractor.gaz
    text = sentences("Estonia and Chile signed a deal. Estonian officials were pleased. Chile said little.")
    assert home_country(text, gaz) == "Estonia"
    assert home_country(text, gaz, exclude={"Estonia"}) == "Chile"
    assert home_country(sentences("Estonia met Estonia."), gaz, exclude={"Estonia"}) == "Estonia"
    assert home_country(sentences("Nothing here."), gaz) is None
    assert home_country(sentences("A Downing Street spokesman said nothing."), gaz) == "United Kingdom"
    # an article that names no country, by the cities it names ("the meeting in Tartu next week")
    text = sentences("Talks in Tartu and Tallinn went well. Santiago waits.")
    assert (home_country(text, gaz), home_country(text, gaz, by_cities=True)) == (None, "Estonia")
    assert home_country(sentences("Talks in Tartu and Tallinn went well. Chile waits."), gaz, by_cities=True) == "Chile"


@pytest.mark.parametrize("text, unknown", [
    ("Prime Minister Kaja Kallas met Gabriel Boric in Santiago.", False),  # titled, and known
    ("Kaja Kallas met the union's Maria Tamm in Tallinn.", True),  # no title, not in the knowledge
    ("Kaja Kallas flew to Buenos Aires.", False),  # a place
])
def test_names_only_the_entity_recogniser_can_tell(kb, packaged_extractor, text, unknown):
    ex = packaged_extractor
    assert unknown_names(names(text, ex.titles, ex.gaz), kb, ex.gaz) is unknown


@pytest.mark.parametrize("text, someone", [
    ("The presidents of Chile and Namibia met.", True),  # a title word
    ("The Boric-Kallas meeting was short.", True),  # surnames the knowledge holds
    ("Kaja Kallas met the press.", True),
    ("Maria Tamm called the meeting a success.", False),  # no title, not in the knowledge
    ("The car, called the ID, was shown at the meeting.", False),
])
def test_a_sentence_worth_parsing_may_name_someone(kb, packaged_extractor, text, someone):
    ex = packaged_extractor
    assert names_someone(text, names(text, ex.titles, ex.gaz), kb, ex.titles) is someone
