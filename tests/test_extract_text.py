"""Sentences of an article (transforms/extract/text.py): split at sentence ends, not at abbreviations, initials
or inside quotes; every line is a paragraph, except the hard-wrapped lines of newswire, which are joined; offsets
always point at the sentence's text."""
import textwrap

from transforms.extract.text import for_parser, paragraphs, sentences


def texts(text):
    return [s.text for s in sentences(text)]


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    assert texts("Kallas met Ozola. Did they agree? They did! Both left.") == [
        "Kallas met Ozola.", "Did they agree?", "They did!", "Both left."]


def test_offsets_point_at_each_sentence():
    text = "  Kallas met Ozola in Tallinn.   They spoke for an hour.\n\nNothing else was said. "
    found = sentences(text)
    assert [(s.start, s.end) for s in found] == [(2, 30), (33, 56), (58, 80)]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_titles_months_and_initials_do_not_end_a_sentence():
    assert texts("Mr. Ozola met Dr. J. R. Okafor on Feb. 4 in Accra. Sen. Lindqvist was there.") == [
        "Mr. Ozola met Dr. J. R. Okafor on Feb. 4 in Accra.", "Sen. Lindqvist was there."]


def test_a_title_in_capitals_does_not_end_a_heading():
    assert texts("STATEMENT BY THE PRIME MINISTER, MR. ANA KOVAR. She left.") == [
        "STATEMENT BY THE PRIME MINISTER, MR. ANA KOVAR.", "She left."]


def test_a_time_of_day_does_not_end_a_sentence():
    assert len(sentences("Kallas met Ozola at 3 p.m. Monday in Riga. They discussed fisheries.")) == 2


def test_an_abbreviated_country_does_not_end_a_sentence():
    assert texts("The U.K. envoy met Kallas. She left.") == ["The U.K. envoy met Kallas.", "She left."]


def test_a_full_stop_after_a_hyphen_is_a_scanning_slip_and_the_parser_does_not_see_it():
    text = "In Riga, Her Excellency the-. President of Latvia met Kallas.\nThey left."
    assert texts(text) == ["In Riga, Her Excellency the-. President of Latvia met Kallas.", "They left."]
    assert for_parser(text) == "In Riga, Her Excellency the-  President of Latvia met Kallas. They left."


def test_a_form_of_address_before_a_name_is_not_given_to_the_parser(parse):
    text = "Kallas welcomed His Excellency Mr Ivars Kalnins to Tallinn for Her Majesty's Government."
    assert for_parser(text) == text.replace("His Excellency", " " * 14)
    assert for_parser("I look forward to meeting Their Majesties during their visit.") == \
        "I look forward to meeting Their Majesties during their visit."  # (no name after it: they are the object)
    doc = parse(for_parser(text))
    assert [t.dep_ for t in doc if t.text == "Kalnins"] == ["dobj"]



def test_an_editors_insertion_in_square_brackets_is_read_in_parentheses(parse):
    text = ("On national television, President Ivo Tamm addressed millions of watching viewers: \u201cAs a result of a "
            "dialogue, which included a phone conversation I had yesterday with President [Gabriel] Boric, we have "
            "been able to make headway.")
    assert for_parser(text) == text.replace("[", "(").replace("]", ")")
    doc = parse(for_parser(text))
    assert "Boric" in [t.text for w in doc if w.text == "with" for t in w.subtree]  # (the one called)
    assert for_parser("all Estonian-Chilean [summit] meetings [1]") == "all Estonian-Chilean [summit] meetings [1]"


def test_acting_before_a_title_is_read_as_part_of_the_title(parse):
    text = "Kallas was to talk with Boric, and acting Latvian President Ivars Kalnins, who is acting as host."
    assert for_parser(text) == text.replace("acting Latvian", "Acting Latvian")
    doc = parse(for_parser(text))
    assert [t.pos_ for t in doc if t.text == "Acting"] == ["PROPN"]


def test_a_closing_quote_stays_with_its_sentence():
    assert texts('Kallas said: "We agreed on fisheries." Ozola nodded.') == [
        'Kallas said: "We agreed on fisheries."', "Ozola nodded."]


def test_a_full_stop_before_a_lower_case_word_goes_on():
    assert texts("The talks, held in Tallinn approx. three weeks ago, ended well.") == [
        "The talks, held in Tallinn approx. three weeks ago, ended well."]


def test_every_line_is_a_paragraph_and_ends_a_sentence():
    found = sentences("Kallas met Ozola\nPhoto: Tallinn harbour\n\nThey talked. Then they left.")
    assert [(s.text, s.paragraph) for s in found] == [
        ("Kallas met Ozola", 0), ("Photo: Tallinn harbour", 1), ("They talked.", 2), ("Then they left.", 2)]


def test_blank_text_has_no_sentences():
    assert sentences("") == [] and sentences("  \n\n \t\n") == []


# Newswire of the 1980s: paragraphs indented, lines wrapped at a fixed width.
INDENTED = textwrap.dedent("""\
        TALLINN, Oct 9 - Estonian Prime Minister Kaja Kallas met the
    Latvian prime minister in Tallinn on Tuesday and discussed
    fisheries and port investment, officials said.
        The two leaders also agreed to hold another round of talks
    in Riga later this year, the officials added.
        Kallas is expected to travel to Latvia in the spring.
    """)


def test_indented_wrapped_lines_are_joined_into_their_paragraphs():
    found = sentences(INDENTED)
    assert [(s.paragraph, s.text.replace("\n", " ")) for s in found] == [
        (0, "TALLINN, Oct 9 - Estonian Prime Minister Kaja Kallas met the Latvian prime minister in Tallinn on "
            "Tuesday and discussed fisheries and port investment, officials said."),
        (1, "The two leaders also agreed to hold another round of talks in Riga later this year, the officials "
            "added."),
        (2, "Kallas is expected to travel to Latvia in the spring."),
    ]
    assert all(INDENTED[s.start:s.end] == s.text for s in found)


def test_wrapped_lines_without_indents_are_joined_until_a_sentence_ends():
    text = textwrap.fill("Estonian Prime Minister Kaja Kallas met her Latvian counterpart in Tallinn on "
                         "Tuesday, and the two discussed fisheries, port investment and a new ferry line across "
                         "the Baltic for almost two hours.", 50) + "\n" + textwrap.fill(
        "Officials said the two leaders would meet again in Riga in the spring to sign the agreements.", 50)
    assert len(text.splitlines()) > 4
    found = list(paragraphs(text))
    assert len(found) == 2
    assert found[1][1].startswith("Officials said") and text[found[1][0]:].startswith("Officials said")


def test_wrapped_paragraphs_among_paragraphs_typed_on_one_line_are_joined():
    long = ("Dr Geingob is visiting Latvia that week, and I suggested such a meeting in Estonia on his way back "
            "from Riga to Windhoek. ")
    text = ("I am pleased to announce that, in response to my invitation, the Prime\n"
            "Minister of Namibia, Dr Geingob, has agreed to an informal meeting in\n"
            "Tallinn on 29 March. " + long + "\n"
            "We shall have a broad ranging discussion about our bilateral\n"
            "relationship and other regional and global issues of mutual interest.\n" + long + "\n" + long + "\n")
    assert texts(text)[0] == ("I am pleased to announce that, in response to my invitation, the Prime\nMinister of "
                              "Namibia, Dr Geingob, has agreed to an informal meeting in\nTallinn on 29 March.")


def test_a_heading_in_capitals_is_not_joined_to_the_wrapped_text_after_it():
    text = ("VISIT OF THE PRESIDENT OF NAMIBIA TO THE REPUBLIC OF ESTONIA\n" + textwrap.fill(
        "The Prime Minister, Ms Kaja Kallas, announced today that the President of Namibia, Mr Hage Geingob, will "
        "make an official visit to Estonia from Sunday 17 October to Friday 29 October. He will be accompanied by "
        "Mrs Geingob and by the Foreign Minister.", 60))
    assert texts(text)[0] == "VISIT OF THE PRESIDENT OF NAMIBIA TO THE REPUBLIC OF ESTONIA"


def test_the_headline_byline_and_subheadings_of_a_web_page_are_not_wrapped_lines():
    lines = ["Leaders Agree on Fisheries Deal in Tallinn", "By Liis Kask, Baltic Correspondent",
             "Kaja Kallas met the Namibian president in Tallinn on Tuesday and the two leaders agreed on a fisheries "
             "deal that officials said would open both markets.", "Ferry line",
             "The two leaders also discussed a new ferry line across the Baltic, which both governments want to open "
             "next year, officials said after the meeting.", "Related: Kallas visits Riga",
             "Geingob left for Riga on Wednesday, where he is to meet the Latvian president and the speaker of the "
             "Saeima before flying home."]
    assert [p for _, p in paragraphs("\n".join(lines))] == lines


def test_long_lines_without_full_stops_are_sentences_of_their_own():
    lines = ["Estonian and Namibian Leaders Meet in Tallinn", "Kaja Kallas met Hage Geingob in Tallinn on Tuesday "
             "and the two leaders discussed fisheries, port investment and a new ferry line across the Baltic Sea",
             "The talks lasted two hours, officials said, and a second round of talks is planned in Windhoek in the "
             "spring, when the two leaders are expected to sign the agreements",
             "Geingob left for Riga on Wednesday, where he is to meet the Latvian president and the speaker of the "
             "Saeima before flying home on Friday",
             "Officials in Windhoek said the visit was the first by a Namibian head of state to the Baltic countries "
             "since independence", "He will return home on Friday"]
    assert texts("\n".join(lines)) == lines


def test_a_wrapped_line_ending_in_an_abbreviation_goes_on():
    text = ("    Officials said Kallas will meet Latvian Prime Minister Ozola to\n"
            "discuss the ferry line and to show continued U.S.\n"
            "Support for the project, which the European Union backs.\n"
            "    Ozola is expected to travel to Estonia in the spring.\n")
    assert [p.split()[-1] for _, p in paragraphs(text)] == ["backs.", "spring."]


def test_lines_of_ordinary_paragraphs_and_a_caption_are_not_joined():
    text = ("Kallas met Ozola in Tallinn on Tuesday.\nPhoto: Kallas and Ozola in Tallinn\nThe talks lasted two "
            "hours, officials said.\nOzola left for Riga on Wednesday.")
    assert [p for _, p in paragraphs(text)] == text.splitlines()


def test_a_headline_glued_to_the_first_sentence_by_a_hyphen_is_a_sentence_of_its_own():
    text = "Leaders Agree to Back Fisheries Accord in Windhoek-WINDHOEK \u2014 -The Estonian and Namibian leaders met."
    found = sentences(text)
    assert [s.text for s in found] == ["Leaders Agree to Back Fisheries Accord in Windhoek",
                                       "WINDHOEK \u2014 -The Estonian and Namibian leaders met."]
    assert all(text[s.start:s.end] == s.text for s in found)
    assert texts("Tensions Rise in Nagorno-Karabakh -The presidents of both countries will meet soon.") == [
        "Tensions Rise in Nagorno-Karabakh", "The presidents of both countries will meet soon."]
    for kept in ("King Kalev received Prime Minister Aivar al-Sudani at the palace in Tallinn on Sunday.",
                 "PRIME MINISTER'S VISIT - JOINT COMMUNIQUE BY THE PRESIDENT AND THE PRIME MINISTER"):
        assert texts(kept) == [kept]
