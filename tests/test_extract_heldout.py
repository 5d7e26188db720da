"""Held-out style news paragraphs, written for this test, with the packaged gazetteers: other leaders, places and
years than the seed articles. Each asserts what a careful analyst would record, and paragraphs that report no
meeting must give none."""
import datetime

import pytest


D = datetime.date


@pytest.fixture(scope="module")
def extractor(packaged_extractor):
    return packaged_extractor


def only(meetings):
    assert len(meetings) == 1, [(names(m["participants"]), m["evidence"]) for m in meetings]
    return meetings[0]


def names(people):
    return sorted(p["name"] for p in people)


def covered(found, *phrases):
    """Whether each phrase is worded in one of the topics found (topics are the text's phrases, as the real-news
    scorer compares them)."""
    return all(any(p.lower() in t.lower() for t in found) for p in phrases)


def when(m):
    return m["meeting_date"], m["date_precision"]


def where(m):
    return m["city"], m["country"]


def test_bilateral_on_the_sidelines_of_a_summit(extractor):
    text = ("KAZAN, Russia — Indian Prime Minister Narendra Modi and Chinese President Xi Jinping held their first "
            "formal bilateral talks in five years on Wednesday on the sidelines of the BRICS summit in Kazan. "
            "The two leaders discussed the border dispute in the Himalayas and trade, Indian officials said.")
    m = only(extractor.extract(text, D(2024, 10, 23)))
    assert names(m["participants"]) == ["Narendra Modi", "Xi Jinping"]
    assert (m["status"], m["format"]) == ("held", "in_person")
    assert when(m) == (D(2024, 10, 23), "day")
    assert where(m) == ("Kazan", "Russia") and m["event"] == "BRICS summit"
    assert covered(m["topics"], "border dispute", "trade"), m["topics"]


def test_phone_call_between_two_european_leaders(extractor):
    text = ("French President Emmanuel Macron spoke by phone with German Chancellor Olaf Scholz on Tuesday, the "
            "Elysee said. The two leaders discussed energy prices and military aid to Ukraine.")
    m = only(extractor.extract(text, D(2022, 9, 6)))
    assert names(m["participants"]) == ["Emmanuel Macron", "Olaf Scholz"]
    assert {p["role"] for p in m["participants"]} == {"President of France", "Chancellor of Germany"}
    assert (m["status"], m["format"]) == ("held", "phone")
    assert when(m) == (D(2022, 9, 6), "day")
    assert where(m) == (None, None)
    assert covered(m["topics"], "energy prices", "military aid", "Ukraine"), m["topics"]


def test_meeting_in_a_resort_city(extractor):
    text = ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in the Black Sea resort of "
            "Sochi on Monday for talks on reviving the grain deal. The meeting lasted nearly three hours.")
    m = only(extractor.extract(text, D(2023, 9, 4)))
    assert names(m["participants"]) == ["Recep Tayyip Erdogan", "Vladimir Putin"]
    assert (m["status"], m["format"]) == ("held", "in_person")
    assert when(m) == (D(2023, 9, 4), "day")
    assert where(m) == ("Sochi", "Russia")
    assert m["duration_minutes"] == 180
    assert "grain deal" in m["topics"]


def test_white_house_visit(extractor):
    text = ("Brazilian President Luiz Inacio Lula da Silva visited the White House on Friday, where he held talks "
            "with President Joe Biden on climate change and the defence of democracy.")
    m = only(extractor.extract(text, D(2023, 2, 10)))
    assert names(m["participants"]) == ["Joe Biden", "Luiz Inacio Lula da Silva"]
    assert (m["status"], m["format"]) == ("held", "in_person")
    assert when(m) == (D(2023, 2, 10), "day")
    assert (m["venue"], m["city"], m["country"]) == ("White House", "Washington", "United States")
    assert "climate change" in m["topics"]


def test_postponed_visit_is_cancelled(extractor):
    text = ("Japanese Prime Minister Fumio Kishida has postponed a planned visit to Canberra, where he was to meet "
            "Australian Prime Minister Anthony Albanese next week, his office said on Thursday.")
    m = only(extractor.extract(text, D(2024, 3, 14)))
    assert names(m["participants"]) == ["Anthony Albanese", "Fumio Kishida"]
    assert m["status"] == "cancelled"
    assert where(m) == ("Canberra", "Australia")


def test_invitation_is_a_proposed_meeting(extractor):
    text = ("Kenyan President William Ruto has invited Nigerian President Bola Tinubu to visit Nairobi later this "
            "year, State House said in a statement on Thursday.")
    m = only(extractor.extract(text, D(2024, 1, 11)))
    assert names(m["participants"]) == ["Bola Tinubu", "William Ruto"]
    assert (m["status"], m["format"]) == ("proposed", "in_person")
    assert where(m) == ("Nairobi", "Kenya")


def test_foreign_ministers_at_a_security_conference(extractor):
    text = ("U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Saturday on the "
            "sidelines of the Munich Security Conference, their first encounter since the balloon incident. "
            "Blinken raised Chinese support for Russia's war in Ukraine, a State Department official said.")
    m = only(extractor.extract(text, D(2023, 2, 18)))
    assert names(m["participants"]) == ["Antony Blinken", "Wang Yi"]
    assert {p["country"] for p in m["participants"]} == {"United States", "China"}
    assert (m["status"], m["format"]) == ("held", "in_person")
    assert when(m) == (D(2023, 2, 18), "day")
    assert m["event"] == "Munich Security Conference"
    assert where(m) == ("Munich", "Germany")
    assert "war" in m["topics"]


def test_a_king_receives_a_prime_minister(extractor):
    text = ("King Abdullah II received Iraqi Prime Minister Mohammed Shia al-Sudani at Al Husseiniya Palace in "
            "Amman on Sunday. The talks focused on regional security and energy cooperation, the Royal Court said.")
    m = only(extractor.extract(text, D(2023, 6, 26)))
    assert names(m["participants"]) == ["King Abdullah II", "Mohammed Shia al-Sudani"]
    assert {p["country"] for p in m["participants"]} == {"Jordan", "Iraq"}
    assert (m["status"], m["format"]) == ("held", "in_person")
    assert when(m) == (D(2023, 6, 25), "day")
    assert where(m) == ("Amman", "Jordan")
    assert covered(m["topics"], "regional security", "energy"), m["topics"]


def test_video_call(extractor):
    text = ("Canadian Prime Minister Justin Trudeau and Mexican President Andres Manuel Lopez Obrador held a video "
            "call on Thursday to discuss trade and migration, Trudeau's office said.")
    m = only(extractor.extract(text, D(2021, 6, 10)))
    assert names(m["participants"]) == ["Andres Manuel Lopez Obrador", "Justin Trudeau"]
    assert (m["status"], m["format"]) == ("held", "video")
    assert when(m) == (D(2021, 6, 10), "day")
    assert set(m["topics"]) == {"trade", "migration"}


def test_planned_trip_next_month(extractor):
    text = ("Italian Prime Minister Giorgia Meloni will travel to Tokyo next month to meet Japanese Prime Minister "
            "Fumio Kishida, her office announced on Wednesday.")
    m = only(extractor.extract(text, D(2023, 12, 6)))
    assert names(m["participants"]) == ["Fumio Kishida", "Giorgia Meloni"]
    assert m["status"] == "planned"
    assert when(m) == (D(2024, 1, 1), "month")
    assert where(m) == ("Tokyo", "Japan")


def test_a_called_off_meeting(extractor):
    text = ("Polish President Andrzej Duda called off a meeting with Hungarian Prime Minister Viktor Orban that "
            "had been scheduled for Friday in Budapest, citing Hungary's stance on the war.")
    m = only(extractor.extract(text, D(2022, 11, 15)))
    assert names(m["participants"]) == ["Andrzej Duda", "Viktor Orban"]
    assert m["status"] == "cancelled"
    assert where(m) == ("Budapest", "Hungary")


def test_two_meetings_in_two_capitals(extractor):
    text = ("French President Emmanuel Macron hosted Ukrainian President Volodymyr Zelensky at the Elysee Palace "
            "on Monday evening.\n\nZelensky then flew to Berlin, where he met Chancellor Olaf Scholz on Tuesday.")
    paris, berlin = sorted(extractor.extract(text, D(2023, 5, 16)), key=lambda m: m["meeting_date"])
    assert names(paris["participants"]) == ["Emmanuel Macron", "Volodymyr Zelensky"]
    assert (paris["venue"], *where(paris), *when(paris)) == ("Elysee Palace", "Paris", "France", D(2023, 5, 15), "day")
    assert names(berlin["participants"]) == ["Olaf Scholz", "Volodymyr Zelensky"]
    assert (*where(berlin), *when(berlin)) == ("Berlin", "Germany", D(2023, 5, 16), "day")


def test_duration_and_an_absolute_date_of_another_year(extractor):
    text = ("Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep Tayyip Erdogan met in Athens on "
            "December 7, 2023. Their talks lasted about two hours and covered migration and trade.")
    m = only(extractor.extract(text, D(2024, 2, 1)))
    assert names(m["participants"]) == ["Kyriakos Mitsotakis", "Recep Tayyip Erdogan"]
    assert when(m) == (D(2023, 12, 7), "day") and m["date_text"] == "December 7, 2023"
    assert where(m) == ("Athens", "Greece")
    assert m["duration_minutes"] == 120
    assert set(m["topics"]) == {"migration", "trade"}


def test_delegation_members_are_not_participants(extractor):
    text = ("South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday. "
            "Yoon was accompanied by Foreign Minister Park Jin.")
    m = only(extractor.extract(text, D(2023, 3, 16)))
    assert names(m["participants"]) == ["Fumio Kishida", "Yoon Suk Yeol"]
    assert names(m["delegation"]) == ["Park Jin"]
    assert where(m) == ("Tokyo", "Japan") and when(m) == (D(2023, 3, 16), "day")


def test_telephone_conversation_between_presidents(extractor):
    text = ("South African President Cyril Ramaphosa had a telephone conversation with Brazilian President Luiz "
            "Inacio Lula da Silva on Friday, the Presidency said in a statement.")
    m = only(extractor.extract(text, D(2024, 7, 5)))
    assert names(m["participants"]) == ["Cyril Ramaphosa", "Luiz Inacio Lula da Silva"]
    assert (m["status"], m["format"]) == ("held", "phone")
    assert when(m) == (D(2024, 7, 5), "day")


def test_state_visit_welcomed_at_the_white_house(extractor):
    text = ("Indian Prime Minister Narendra Modi was welcomed by President Joe Biden at the White House on "
            "Thursday for a state visit. The two leaders discussed defence cooperation and semiconductors.")
    m = only(extractor.extract(text, D(2023, 6, 22)))
    assert names(m["participants"]) == ["Joe Biden", "Narendra Modi"]
    assert (m["venue"], m["city"]) == ("White House", "Washington")
    assert when(m) == (D(2023, 6, 22), "day")
    assert covered(m["topics"], "defence cooperation", "semiconductors"), m["topics"]


def test_surname_only_mentions_after_a_full_name(extractor):
    text = ("Spanish Prime Minister Pedro Sanchez arrived in Rabat on Wednesday.\n\n"
            "Sanchez met King Mohammed VI at the royal palace on Thursday to discuss migration.")
    m = only(extractor.extract(text, D(2023, 2, 2)))
    assert names(m["participants"]) == ["King Mohammed VI", "Pedro Sanchez"]
    assert where(m) == ("Rabat", "Morocco")
    assert when(m) == (D(2023, 2, 2), "day")
    assert m["topics"] == ["migration"]


def test_planned_summit_meeting_takes_the_summit_date(extractor):
    text = ("Australian Prime Minister Anthony Albanese is expected to meet Chinese Premier Li Qiang on the "
            "sidelines of the G20 summit in New Delhi, officials said.")
    m = only(extractor.extract(text, D(2023, 9, 1)))
    assert names(m["participants"]) == ["Anthony Albanese", "Li Qiang"]
    assert m["status"] == "planned" and m["event"] == "G20 summit"
    assert where(m) == ("New Delhi", "India")
    assert when(m) == (D(2023, 9, 9), "day")


def test_host_and_joint_news_conference_give_one_meeting(extractor):
    text = ("ANKARA, Turkey (AP) — Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf "
            "Kristersson in Ankara on Tuesday for talks on Sweden's bid to join NATO. Erdogan told a joint news "
            "conference after the talks that Sweden must do more to curb Kurdish militants.")
    m = only(extractor.extract(text, D(2023, 3, 14)))
    assert names(m["participants"]) == ["Recep Tayyip Erdogan", "Ulf Kristersson"]
    assert where(m) == ("Ankara", "Turkey") and when(m) == (D(2023, 3, 14), "day")
    assert "NATO" in m["topics"]


def test_summit_sideline_meeting_at_a_venue_with_duration(extractor):
    text = ("Biden and Xi met for four hours at the Filoli estate near San Francisco on Wednesday, on the sidelines "
            "of the APEC summit.")
    m = only(extractor.extract(text, D(2023, 11, 15)))
    assert names(m["participants"]) == ["Joe Biden", "Xi Jinping"]
    assert (m["venue"], m["country"], m["event"], m["duration_minutes"]) == (
        "Filoli", "United States", "APEC summit", 240)
    assert when(m) == (D(2023, 11, 15), "day")


def test_a_chancellor_receives_a_president_at_his_office(extractor):
    m = only(extractor.extract("Scholz received Kazakh President Kassym-Jomart Tokayev at the Chancellery in Berlin "
                               "on Thursday.", D(2023, 9, 28)))
    assert names(m["participants"]) == ["Kassym-Jomart Tokayev", "Olaf Scholz"]
    assert (m["venue"], *where(m), *when(m)) == ("Chancellery", "Berlin", "Germany", D(2023, 9, 28), "day")


def test_a_leader_reports_his_own_phone_call(extractor):
    text = ("Lula said on Monday he had spoken by telephone with Chinese President Xi Jinping about the war in "
            "Ukraine.")
    m = only(extractor.extract(text, D(2023, 4, 3)))
    assert names(m["participants"]) == ["Luiz Inacio Lula da Silva", "Xi Jinping"]
    assert (m["status"], m["format"]) == ("held", "phone")
    assert when(m) == (None, None)  # "on Monday" is when he said it
    assert where(m) == (None, None)  # a call has no meeting place; Ukraine is what they talked about


def test_a_visit_set_for_next_month(extractor):
    text = ("Indian Prime Minister Narendra Modi is set to visit Moscow next month for talks with Vladimir Putin, "
            "the Kremlin said.")
    m = only(extractor.extract(text, D(2024, 6, 3)))
    assert names(m["participants"]) == ["Narendra Modi", "Vladimir Putin"]
    assert m["status"] == "planned"
    assert when(m) == (D(2024, 7, 1), "month")
    assert where(m) == ("Moscow", "Russia")


def test_a_cancelled_trip_with_three_leaders(extractor):
    text = ("U.S. President Joe Biden cancelled his trip to Australia, where he was due to meet Prime Minister "
            "Anthony Albanese and Japanese Prime Minister Fumio Kishida for a Quad summit in Sydney.")
    m = only(extractor.extract(text, D(2023, 5, 16)))
    assert names(m["participants"]) == ["Anthony Albanese", "Fumio Kishida", "Joe Biden"]
    assert m["status"] == "cancelled"
    assert where(m) == ("Sydney", "Australia")


def test_a_meeting_in_a_relative_clause(extractor):
    text = ("Italian Prime Minister Giorgia Meloni, who met Biden at the White House in July, said on Monday that "
            "Italy would stay in the coalition.")
    m = only(extractor.extract(text, D(2023, 9, 4)))
    assert names(m["participants"]) == ["Giorgia Meloni", "Joe Biden"]
    assert (m["status"], m["venue"]) == ("held", "White House")
    assert when(m) == (D(2023, 7, 1), "month")


def test_foreign_ministers_with_counterpart(extractor):
    text = ("Indian External Affairs Minister Subrahmanyam Jaishankar met his Russian counterpart Sergey Lavrov in "
            "Moscow on Wednesday to discuss oil supplies and defence cooperation.")
    m = only(extractor.extract(text, D(2024, 7, 10)))
    assert names(m["participants"]) == ["Sergey Lavrov", "Subrahmanyam Jaishankar"]
    assert where(m) == ("Moscow", "Russia") and when(m) == (D(2024, 7, 10), "day")
    assert covered(m["topics"], "oil supplies", "defence cooperation"), m["topics"]


def test_downing_street_and_a_day_month_date(extractor):
    text = ("British Prime Minister Keir Starmer hosted Canadian Prime Minister Mark Carney at Downing Street on "
            "12 March. The two men discussed trade and security guarantees for Ukraine.")
    m = only(extractor.extract(text, D(2025, 3, 20)))
    assert names(m["participants"]) == ["Keir Starmer", "Mark Carney"]
    assert where(m) == ("London", "United Kingdom") and when(m) == (D(2025, 3, 12), "day")
    assert {"trade", "security"} <= set(m["topics"])


def test_crown_prince_receives_an_adviser_last_saturday(extractor):
    text = ("Saudi Crown Prince Mohammed bin Salman received Jake Sullivan, the U.S. national security adviser, in "
            "Dhahran last Saturday, the Saudi Press Agency reported.")
    m = only(extractor.extract(text, D(2024, 5, 20)))
    assert names(m["participants"]) == ["Jake Sullivan", "Mohammed bin Salman"]
    assert where(m) == ("Dhahran", "Saudi Arabia") and when(m) == (D(2024, 5, 18), "day")


def test_foreign_ministers_agree_in_a_phone_call(extractor):
    text = ("Tokyo — Japanese Foreign Minister Takeshi Iwaya and South Korean Foreign Minister Cho Tae-yul agreed "
            "in a phone call on Thursday to keep close communication on North Korea.")
    m = only(extractor.extract(text, D(2025, 1, 10)))
    assert names(m["participants"]) == ["Cho Tae-yul", "Takeshi Iwaya"]
    assert (m["format"], *where(m), *when(m)) == ("phone", None, None, D(2025, 1, 9), "day")
    assert covered(m["topics"], "North Korea"), m["topics"]


def test_the_speaker_said_after_meeting_two_leaders(extractor):
    text = ("NATO Secretary General Jens Stoltenberg said after meeting Erdogan and Kristersson in Vilnius on "
            "Monday that Turkey had agreed to back Sweden's membership.")
    m = only(extractor.extract(text, D(2023, 7, 11)))
    assert names(m["participants"]) == ["Jens Stoltenberg", "Recep Tayyip Erdogan", "Ulf Kristersson"]
    assert where(m) == ("Vilnius", "Lithuania") and when(m) == (D(2023, 7, 10), "day")


def test_talks_during_a_state_visit_starting_on_a_weekday(extractor):
    text = ("Chinese President Xi Jinping will arrive in Moscow on Monday for a three-day state visit, during which "
            "he will hold talks with Russian President Vladimir Putin, the Kremlin said on Friday.")
    m = only(extractor.extract(text, D(2023, 3, 17)))
    assert names(m["participants"]) == ["Vladimir Putin", "Xi Jinping"]
    assert m["status"] == "planned"
    assert where(m) == ("Moscow", "Russia") and when(m) == (D(2023, 3, 20), "day")


def test_three_leaders_by_video_link_in_a_past_month(extractor):
    text = "Macron and Scholz held talks via video link with Zelensky in March 2022, officials recalled."
    m = only(extractor.extract(text, D(2022, 6, 1)))
    assert names(m["participants"]) == ["Emmanuel Macron", "Olaf Scholz", "Volodymyr Zelensky"]
    assert (m["format"], *when(m)) == ("video", D(2022, 3, 1), "month")


def test_a_summit_reported_over_two_paragraphs(extractor):
    text = ("Biden and Putin met for about three hours at a lakeside villa in Geneva on Wednesday.\n\n"
            "The talks were constructive, Putin told reporters afterwards. The two leaders agreed to return "
            "ambassadors and to start a dialogue on arms control and cyber security.")
    m = only(extractor.extract(text, D(2021, 6, 17)))
    assert names(m["participants"]) == ["Joe Biden", "Vladimir Putin"]
    assert (*where(m), *when(m), m["duration_minutes"]) == ("Geneva", "Switzerland", D(2021, 6, 16), "day", 180)
    assert covered(m["topics"], "arms control", "cyber security"), m["topics"]


def test_he_in_the_next_sentence_is_the_arriving_leader(extractor):
    text = ("Zelensky arrived in Hiroshima on Saturday to attend the G7 summit. He met Indian Prime Minister "
            "Narendra Modi on the sidelines, their first face-to-face meeting since the war began.")
    m = only(extractor.extract(text, D(2023, 5, 20)))
    assert names(m["participants"]) == ["Narendra Modi", "Volodymyr Zelensky"]
    assert (*where(m), m["event"]) == ("Hiroshima", "Japan", "G7 summit")
    assert when(m) == (D(2023, 5, 20), "day")


def test_a_guest_to_be_welcomed_at_the_white_house(extractor):
    text = ("Japanese Prime Minister Fumio Kishida will be welcomed at the White House by President Joe Biden on "
            "Wednesday for an official visit and state dinner.")
    m = only(extractor.extract(text, D(2024, 4, 10)))
    assert names(m["participants"]) == ["Fumio Kishida", "Joe Biden"]
    assert (m["status"], m["venue"], *when(m)) == ("planned", "White House", D(2024, 4, 10), "day")


def test_a_held_meeting_and_a_cancelled_summit_in_one_sentence(extractor):
    text = ("Biden met Netanyahu in Tel Aviv on Wednesday, then flew home after a planned summit in Amman with King "
            "Abdullah II, Egyptian President Abdel Fattah el-Sisi and Palestinian President Mahmoud Abbas was "
            "cancelled.")
    held, cancelled = extractor.extract(text, D(2023, 10, 18))
    assert names(held["participants"]) == ["Benjamin Netanyahu", "Joe Biden"]
    assert (held["status"], *where(held)) == ("held", "Tel Aviv", "Israel")
    assert names(cancelled["participants"]) == ["Abdel Fattah el-Sisi", "Joe Biden", "King Abdullah II",
                                                "Mahmoud Abbas"]
    assert (cancelled["status"], *where(cancelled)) == ("cancelled", "Amman", "Jordan")


def test_a_meeting_then_a_phone_call(extractor):
    text = ("Israeli Prime Minister Naftali Bennett flew to Moscow on Saturday for a three-hour meeting with Putin, "
            "then spoke by phone with Zelensky.")
    meeting, call = extractor.extract(text, D(2022, 3, 7))
    assert names(meeting["participants"]) == ["Naftali Bennett", "Vladimir Putin"]
    assert (meeting["format"], *where(meeting), meeting["duration_minutes"]) == ("in_person", "Moscow", "Russia", 180)
    assert when(meeting) == (D(2022, 3, 5), "day")
    assert names(call["participants"]) == ["Naftali Bennett", "Volodymyr Zelensky"]
    assert (call["format"], *where(call), call["duration_minutes"]) == ("phone", None, None, None)


def test_a_visit_to_a_capital_at_war(extractor):
    text = ("Modi met Zelensky in Kyiv on Friday, hugging the Ukrainian leader weeks after he embraced Putin in "
            "Moscow.")
    m, before = extractor.extract(text, D(2024, 8, 23))  # (the embrace in Moscow: an earlier meeting, undated)
    assert names(m["participants"]) == ["Narendra Modi", "Volodymyr Zelensky"]
    assert (*where(m), *when(m)) == ("Kyiv", "Ukraine", D(2024, 8, 23), "day")
    assert names(before["participants"]) == ["Narendra Modi", "Vladimir Putin"]
    assert (before["status"], *where(before), *when(before)) == ("held", "Moscow", "Russia", None, None)


def test_bilateral_meeting_at_a_palace_with_a_day_month_date(extractor):
    text = ("President of the United Arab Emirates Sheikh Mohamed bin Zayed Al Nahyan held a bilateral meeting with "
            "South Korean President Yoon Suk Yeol at the Blue House in Seoul on 29 May.")
    m = only(extractor.extract(text, D(2024, 6, 6)))
    assert names(m["participants"]) == ["Mohamed bin Zayed", "Yoon Suk Yeol"]
    assert (m["venue"], *where(m), *when(m)) == ("Blue House", "Seoul", "South Korea", D(2024, 5, 29), "day")


def test_a_foreign_minister_visits_and_meets_a_president(extractor):
    text = ("Chinese Foreign Minister Wang Yi visited Tehran on Tuesday and met Iranian President Ebrahim Raisi. "
            "The two sides discussed the nuclear deal and regional security.")
    m = only(extractor.extract(text, D(2023, 8, 10)))
    assert names(m["participants"]) == ["Ebrahim Raisi", "Wang Yi"]
    assert (*where(m), *when(m)) == ("Tehran", "Iran", D(2023, 8, 8), "day")
    assert covered(m["topics"], "nuclear deal", "regional security"), m["topics"]


def test_an_offer_to_host_talks_is_a_proposal(extractor):
    m = only(extractor.extract("Erdogan has offered to host talks between Putin and Zelensky in Istanbul.",
                               D(2022, 5, 12)))
    assert names(m["participants"]) == ["Vladimir Putin", "Volodymyr Zelensky"]
    assert (m["status"], *where(m)) == ("proposed", "Istanbul", "Turkey")


def test_a_planned_meeting_postponed_indefinitely(extractor):
    text = ("A planned meeting between Spanish Prime Minister Pedro Sánchez and Moroccan King Mohammed VI has been "
            "postponed indefinitely, officials said.")
    m = only(extractor.extract(text, D(2024, 9, 2)))
    assert names(m["participants"]) == ["King Mohammed VI", "Pedro Sanchez"]
    assert (m["status"], *when(m)) == ("cancelled", None, None)


def test_later_this_month_and_earlier_this_month(extractor):
    planned = only(extractor.extract("Albanese is due to meet New Zealand Prime Minister Christopher Luxon in "
                                     "Wellington later this month.", D(2024, 9, 2)))
    assert names(planned["participants"]) == ["Anthony Albanese", "Christopher Luxon"]
    assert (planned["status"], *where(planned), *when(planned)) == (
        "planned", "Wellington", "New Zealand", D(2024, 9, 1), "month")
    held = only(extractor.extract("Meloni met with Tunisian President Kais Saied in Tunis earlier this month to "
                                  "discuss migration.", D(2024, 9, 20)))
    assert names(held["participants"]) == ["Giorgia Meloni", "Kais Saied"]
    assert (held["status"], *where(held), *when(held), held["topics"]) == (
        "held", "Tunis", "Tunisia", D(2024, 9, 1), "month", ["migration"])


def test_telephone_talks_reported_by_an_office(extractor):
    text = ("The Kremlin said Putin held telephone talks with Kazakh President Kassym-Jomart Tokayev on Monday. "
            "The leaders discussed energy cooperation and preparations for the CSTO summit in Minsk.")
    m = only(extractor.extract(text, D(2023, 11, 20)))
    assert names(m["participants"]) == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    assert (m["format"], *where(m), *when(m)) == ("phone", None, None, D(2023, 11, 20), "day")
    assert "energy" in m["topics"]


def test_spoken_to_told_at_a_news_conference(extractor):
    text = "Sunak told a news conference in London that he had spoken to Biden about Gaza."
    m = only(extractor.extract(text, D(2023, 10, 20)))
    assert names(m["participants"]) == ["Joe Biden", "Rishi Sunak"]
    assert (m["status"], *where(m), *when(m)) == ("held", None, None, None, None)


def test_a_state_visit_at_the_invitation_of_a_king(extractor):
    text = ("Macron will travel to Morocco at the end of October for a state visit at the invitation of King "
            "Mohammed VI.")
    m = only(extractor.extract(text, D(2024, 10, 2)))
    assert names(m["participants"]) == ["Emmanuel Macron", "King Mohammed VI"]
    assert (m["status"], m["country"], *when(m)) == ("planned", "Morocco", D(2024, 10, 1), "month")


def test_two_visitors_meet_a_host(extractor):
    text = "Macron and European Commission President Ursula von der Leyen met Xi in Beijing on Thursday."
    m = only(extractor.extract(text, D(2023, 4, 6)))
    assert names(m["participants"]) == ["Emmanuel Macron", "Ursula von der Leyen", "Xi Jinping"]
    assert (*where(m), *when(m)) == ("Beijing", "China", D(2023, 4, 6), "day")


def test_one_sentence_two_meetings_and_later(extractor):
    text = "Netanyahu met Biden at the White House on Thursday, and later met Kamala Harris separately."
    first, second = extractor.extract(text, D(2024, 7, 25))
    assert names(first["participants"]) == ["Benjamin Netanyahu", "Joe Biden"]
    assert names(second["participants"]) == ["Benjamin Netanyahu", "Kamala Harris"]
    assert when(first) == when(second) == (D(2024, 7, 25), "day")


@pytest.mark.parametrize("text", [
    # a speech
    "Kenyan President William Ruto delivered a speech at the UN General Assembly on Tuesday, calling for reform "
    "of the Security Council and debt relief for African countries.",
    # a press conference that names another leader
    "At a press conference in Brasilia on Monday, Brazilian President Luiz Inacio Lula da Silva said Argentine "
    "President Javier Milei owed him an apology.",
    # an interview
    "In an interview with the BBC, Polish President Andrzej Duda said Ukrainian President Volodymyr Zelensky had "
    "shown great courage.",
    # a phone call with a journalist
    "In a phone call with a reporter on Sunday, Israeli Prime Minister Benjamin Netanyahu criticised French "
    "President Emmanuel Macron's remarks on arms sales.",
    # a statement about someone
    "German Chancellor Olaf Scholz said in a statement that he welcomed the election of Keir Starmer as British "
    "prime minister.",
    # past meetings in general terms
    "Modi and Japanese Prime Minister Shinzo Abe met more than a dozen times over the years and often spoke of a "
    "special friendship between their countries.",
    # a rally
    "Turkish President Recep Tayyip Erdogan told a rally in Istanbul on Sunday that Greek Prime Minister Kyriakos "
    "Mitsotakis could not be trusted.",
    # a televised address and a message
    "Erdogan praised Putin in a televised address on Sunday, calling him a reliable partner.",
    "Macron congratulated Keir Starmer in a message on social media on Friday.",
    # a speech by video link to a summit
    "Ukrainian President Volodymyr Zelensky addressed a summit of EU leaders, including Emmanuel Macron and Olaf "
    "Scholz, by video link on Wednesday.",
    # a denied meeting
    "Sanchez will not meet Milei during his visit to Madrid, government sources said.",
    "Biden has not spoken to Netanyahu since Thursday, the White House said.",
    # attending the same summit of many, and an invitation to one
    "Scholz and Orban clashed at an EU summit in Brussels on Thursday over the bloc's top jobs.",
    "Lula, who will host the G20 summit in Rio de Janeiro in November, has invited Biden and Xi.",
    # a refusal in a speech, and an answer to a question about a meeting
    "In a speech to parliament on Monday, Scholz said he had no intention of meeting Putin.",
    "Asked whether he would meet Putin, Zelensky said he saw no point in talks with the Russian leader.",
])
def test_no_meeting_is_reported(extractor, text):
    assert extractor.extract(text, D(2024, 5, 16)) == []
