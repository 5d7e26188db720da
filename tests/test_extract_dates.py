"""Date expressions: absolute, partial and relative, resolved against the published date, never guessed."""
import datetime

import pytest

from transforms.extract.dates import find_dates, resolve

PUBLISHED = datetime.date(2021, 6, 16)  # a Wednesday


@pytest.mark.parametrize("text, past, future", [
    ("on 16 June 2021", ("2021-06-16", "day"), ("2021-06-16", "day")),
    ("on March 3, 2020", ("2020-03-03", "day"), ("2020-03-03", "day")),
    ("in September 2019", ("2019-09-01", "month"), ("2019-09-01", "month")),
    ("in 2015", ("2015-01-01", "year"), ("2015-01-01", "year")),
    ("on May 3", ("2021-05-03", "day"), ("2022-05-03", "day")),
    ("on October 4 last year", ("2020-10-04", "day"), ("2020-10-04", "day")),
    ("last October", ("2020-10-01", "month"), ("2020-10-01", "month")),
    ("next month", ("2021-07-01", "month"), ("2021-07-01", "month")),
    ("on Monday", ("2021-06-14", "day"), ("2021-06-21", "day")),
    ("yesterday", ("2021-06-15", "day"), ("2021-06-15", "day")),
    ("last night", ("2021-06-15", "day"), ("2021-06-15", "day")),
    ("earlier in the day", ("2021-06-16", "day"), ("2021-06-16", "day")),
    ("two years ago", ("2019-01-01", "year"), ("2019-01-01", "year")),
    ("from 11 to 13 July", ("2020-07-11", "day"), ("2021-07-11", "day")),
    ("November 30 - December 1, 2018", ("2018-11-30", "day"), ("2018-11-30", "day")),
    ("in late August", ("2020-08-01", "month"), ("2021-08-01", "month")),
    ("on March 7 and 8", ("2021-03-07", "day"), ("2022-03-07", "day")),
    ("almost a year ago", ("2020-01-01", "year"), ("2020-01-01", "year")),
    ("in February 2014", ("2014-02-01", "month"), ("2014-02-01", "month")),
    ("last September", ("2020-09-01", "month"), ("2020-09-01", "month")),
    ("on 2 Sept. 2016", ("2016-09-02", "day"), ("2016-09-02", "day")),
])
def test_resolution_against_the_published_date(text, past, future):
    (mention,) = find_dates(text)
    for is_future, expected in ((False, past), (True, future)):
        date, precision = resolve(mention, PUBLISHED, future=is_future)
        assert (date.isoformat(), precision) == expected


@pytest.mark.parametrize("text", ["on May 3", "next month", "on Monday", "last October", "yesterday"])
def test_relative_dates_without_a_published_date_stay_unknown(text):
    (mention,) = find_dates(text)
    assert resolve(mention, None) == (None, None)


def test_a_summit_year_completes_a_partial_date():
    (mention,) = find_dates("in early December")
    assert resolve(mention, None, year=2018) == (datetime.date(2018, 12, 1), "month")


def test_the_verb_may_is_not_a_month():
    assert find_dates("He may meet the chancellor.") == []
    assert [d.text for d in find_dates("They met in May.")] == ["in May"]


def test_only_the_words_a_pattern_needs_let_it_run():
    assert find_dates("The talks in Ankara ran late.") == []
    assert [d.text for d in find_dates("They met on 3 March and again on Friday, 12 days later.")] == [
        "3 March", "on Friday"]


@pytest.mark.parametrize("text, found", [
    ("talks in Tehran, Monday, Jan. 4, 2016", ["Jan. 4, 2016"]),
    ("the 4th of January, Monday", ["4th of January"]),
    ("on Monday and on 4 January", ["on Monday", "4 January"]),
])
def test_a_weekday_beside_its_date_is_that_date(text, found):
    assert [d.text for d in find_dates(text)] == found


@pytest.mark.parametrize("text, expected", [
    ("on Saturday, 9 May", datetime.date(2020, 5, 9)),  # a Saturday in 2020, not in 2021 or 2022
    ("on Sunday, 9 May", datetime.date(2021, 5, 9)),
    ("on 9 May", datetime.date(2022, 5, 9)),  # still to come: the next 9 May
])
def test_the_weekday_beside_a_date_without_a_year_tells_its_year(text, expected):
    assert resolve(find_dates(text)[0], PUBLISHED, future=True)[0] == expected
