"""Tests for Belgian dates in French and Dutch."""

from datetime import date, timedelta

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from app.language import i18n
from app.language.dates import format_date, format_range, parse_date, parse_period, place_line
from app.language.period import DateRange

JUNE_11 = date(2018, 6, 11)


@pytest.mark.parametrize(
    ("d", "lang", "expected"),
    [
        (JUNE_11, "fr", "11 juin 2018"),
        (JUNE_11, "nl", "11 juni 2018"),
        (date(2016, 2, 1), "nl", "1 februari 2016"),
        (date(2017, 10, 16), "fr", "16 octobre 2017"),
        (date(2017, 10, 16), "nl", "16 oktober 2017"),
        (date(2018, 8, 2), "fr", "2 août 2018"),
        (date(2018, 12, 31), "fr", "31 décembre 2018"),
    ],
)
def test_dates_are_written_in_full(d, lang, expected):
    assert format_date(d, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("fr", "lundi 11 juin 2018"), ("nl", "maandag 11 juni 2018")]
)
def test_a_weekday_comes_first_when_asked(lang, expected):
    assert format_date(JUNE_11, lang, weekday=True) == expected


def test_first_of_month_is_1er_in_french():
    assert format_date(date(2016, 2, 1), "fr") == "1er février 2016"
    assert format_date(date(2016, 2, 1), "fr", weekday=True) == "lundi 1er février 2016"


def test_only_the_first_takes_the_ordinal():
    assert format_date(date(2016, 2, 11), "fr") == "11 février 2016"
    assert format_date(date(2016, 2, 21), "fr") == "21 février 2016"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_months_and_weekdays_are_lower_case(lang):
    for month in range(1, 13):
        for offset in range(7):
            text = format_date(date(2018, month, 1) + timedelta(days=offset), lang, weekday=True)
            assert text == text.lower()


@pytest.mark.parametrize("lang", ["en", "de", "fr_BE", ""])
def test_other_languages_are_refused(lang):
    with pytest.raises(ValueError, match="language"):
        format_date(JUNE_11, lang)


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (date(2018, 4, 25), date(2018, 4, 26), "fr", "25–26 avril 2018"),
        (date(2018, 4, 25), date(2018, 4, 26), "nl", "25–26 april 2018"),
        (date(2018, 4, 30), date(2018, 5, 2), "fr", "30 avril – 2 mai 2018"),
        (date(2018, 4, 30), date(2018, 5, 2), "nl", "30 april – 2 mei 2018"),
        (date(2018, 12, 28), date(2019, 1, 3), "fr", "28 décembre 2018 – 3 janvier 2019"),
        (date(2018, 12, 28), date(2019, 1, 3), "nl", "28 december 2018 – 3 januari 2019"),
        (date(2018, 9, 1), date(2018, 9, 3), "nl", "1–3 september 2018"),
    ],
)
def test_ranges_use_an_en_dash_and_full_month_names(start, end, lang, expected):
    assert format_range(start, end, lang) == expected


def test_a_french_range_starting_on_the_first_writes_1er():
    assert format_range(date(2018, 3, 1), date(2018, 3, 3), "fr") == "1er–3 mars 2018"
    assert format_range(date(2018, 3, 1), date(2018, 4, 1), "fr") == "1er mars – 1er avril 2018"
    assert (
        format_range(date(2018, 12, 1), date(2019, 1, 1), "fr")
        == "1er décembre 2018 – 1er janvier 2019"
    )


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_range_of_one_day_is_that_day(lang):
    assert format_range(JUNE_11, JUNE_11, lang) == format_date(JUNE_11, lang)


def test_a_range_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="before"):
        format_range(date(2018, 6, 12), JUNE_11, "fr")


@given(st.dates(), st.integers(min_value=0, max_value=800), st.sampled_from(["fr", "nl"]))
def test_a_range_ends_with_its_last_day_written_in_full(start, days, lang):
    end = start + timedelta(days=min(days, (date.max - start).days))
    assert format_range(start, end, lang).endswith(format_date(end, lang))


@pytest.mark.parametrize(
    ("place", "d", "lang", "expected"),
    [
        ("Bruxelles", JUNE_11, "fr", "Bruxelles, le 11 juin 2018"),
        ("Brussel", JUNE_11, "nl", "Brussel, 11 juni 2018"),
        ("Paris", date(2018, 6, 1), "fr", "Paris, le 1er juin 2018"),
        ("Parijs", date(2018, 6, 1), "nl", "Parijs, 1 juni 2018"),
        ("  Lille ", JUNE_11, "fr", "Lille, le 11 juin 2018"),
    ],
)
def test_place_lines_sign_a_text(place, d, lang, expected):
    assert place_line(place, d, lang) == expected


def test_a_place_line_without_a_place_is_the_date():
    assert place_line("", JUNE_11, "fr") == "11 juin 2018"


@pytest.mark.parametrize(
    "text",
    ["2018-06-11", "11/06/2018", "11.06.2018", "11-06-2018", "11/6/2018", " 2018-6-11 "],
)
def test_iso_and_belgian_dates_are_read(text):
    assert parse_date(text) == JUNE_11


def test_belgian_dates_are_day_first():
    assert parse_date("01/02/2018") == date(2018, 2, 1)


@pytest.mark.parametrize(
    "text", ["", "demain", "2018/06/11", "11/06.2018", "juin 2018", "٢٠١٨-٠٦-١١"]
)
def test_unreadable_dates_are_refused_with_the_forms_to_use(text):
    with pytest.raises(ValueError, match="2018-06-11 or 11/06/2018"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31/02/2018", "2018-13-01", "00/01/2018"])
def test_days_that_do_not_exist_are_refused(text):
    with pytest.raises(ValueError, match="not a day of the calendar"):
        parse_date(text)


def test_parse_errors_speak_the_interface_language(monkeypatch):
    monkeypatch.setattr(i18n, "_current", _Upper())
    with pytest.raises(ValueError, match="IS NOT A DATE"):
        parse_date("demain")


class _Upper:
    """A stand-in catalog that shouts, to see that messages go through it."""

    def gettext(self, message: str) -> str:
        return message.upper().replace("{TEXT}", "{text}")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_written_dates_read_back(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%d/%m/%Y")) == d


@pytest.mark.parametrize("interface", ["fr", "nl", "en"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 juin 2018", JUNE_11),
        ("1er juin 2018", date(2018, 6, 1)),
        ("1ᵉʳ juin 2018", date(2018, 6, 1)),
        ("le 1er février 2016", date(2016, 2, 1)),
        ("lundi 11 juin 2018", JUNE_11),
        ("Lundi 11 Juin 2018", JUNE_11),
        ("11 juni 2018", JUNE_11),
        ("maandag 11 juni 2018", JUNE_11),
        ("ma 11 jun 2018", JUNE_11),
        ("lun. 11 juin 2018", JUNE_11),
        ("11 sept. 2018", date(2018, 9, 11)),
        ("11 sep 2018", date(2018, 9, 11)),
        ("11 sept 2018", date(2018, 9, 11)),
        ("11 févr. 2018", date(2018, 2, 11)),
        ("11 fevrier 2018", date(2018, 2, 11)),
        ("11 FÉVRIER 2018", date(2018, 2, 11)),
        ("2 aout 2018", date(2018, 8, 2)),
        ("16 okt 2017", date(2017, 10, 16)),
        ("16 mrt 2017", date(2017, 3, 16)),
        ("31 déc. 2018", date(2018, 12, 31)),
        ("11\u00a0juin\u00a02018", JUNE_11),  # no-break spaces, as copied from Word
    ],
)
def test_dates_written_in_words_are_read_in_french_and_dutch(interface, text, expected):
    i18n.set_language(interface)
    assert parse_date(text) == expected
    assert parse_period(text) == expected


@pytest.mark.parametrize("locale", ["fr_BE", "nl_BE"])
@pytest.mark.parametrize("width", ["wide", "abbreviated"])
def test_every_month_name_babel_writes_is_read(locale, width):
    for number, name in Locale.parse(locale).months["format"][width].items():
        assert parse_date(f"11 {name} 2018") == date(2018, number, 11), name
        assert parse_date(f"11 {name.upper()} 2018") == date(2018, number, 11), name


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["fr", "nl"]),
    st.booleans(),
)
def test_dates_written_in_full_read_back(d, lang, weekday):
    assert parse_date(format_date(d, lang, weekday=weekday)) == d


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("25-26 avril 2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("25–26 avril 2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("25–26 april 2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("1er–3 mars 2018", date(2018, 3, 1), date(2018, 3, 3)),
        ("30 avril – 2 mai 2018", date(2018, 4, 30), date(2018, 5, 2)),
        ("30 april - 2 mei 2018", date(2018, 4, 30), date(2018, 5, 2)),
        ("du 25 au 26 avril 2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("du 30 avril au 2 mai 2018", date(2018, 4, 30), date(2018, 5, 2)),
        ("van 25 tot 26 april 2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("van 25 tot en met 27 april 2018", date(2018, 4, 25), date(2018, 4, 27)),
        ("25 t/m 27 april 2018", date(2018, 4, 25), date(2018, 4, 27)),
        ("lundi 25 – mardi 26 juin 2018", date(2018, 6, 25), date(2018, 6, 26)),
        ("28 décembre – 3 janvier 2019", date(2018, 12, 28), date(2019, 1, 3)),
        ("28 december 2018 – 3 januari 2019", date(2018, 12, 28), date(2019, 1, 3)),
        ("25 avril 2018 – 26/04/2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("25/04/2018 – 26/04/2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("25-26/04/2018", date(2018, 4, 25), date(2018, 4, 26)),
        ("30/12 – 2/01/2019", date(2018, 12, 30), date(2019, 1, 2)),
        ("2018-04-25/2018-04-26", date(2018, 4, 25), date(2018, 4, 26)),
    ],
)
def test_ranges_are_read_in_figures_and_in_words(text, start, end):
    assert parse_period(text) == DateRange(start, end)


@given(
    st.dates(min_value=date(1000, 1, 2), max_value=date(9999, 12, 1)),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(["fr", "nl"]),
)
def test_ranges_written_in_full_read_back(start, days, lang):
    end = min(start + timedelta(days=days), date(9999, 12, 31))
    assert parse_period(format_range(start, end, lang)) == DateRange(start, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lundi 12 juin 2018", "12 June 2018 is a Tuesday"),
        ("maandag 12 juni 2018", "12 June 2018 is a Tuesday"),
        ("11 juin", "has no year"),
        ("11 juni", "has no year"),
        ("11 jui 2018", "names no month"),  # juin or juillet?
        ("11 junio 2018", "names no month"),
        ("30 février 2018", "not a day of the calendar"),
    ],
)
def test_dates_in_words_that_cannot_be_read_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)
    with pytest.raises(ValueError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25-26 avril", "has no year"),
        ("26–25 avril 2018", "ends before it starts"),
        ("du 25 au 31 avril 2018", "not a day of the calendar"),
        ("lundi 25 – lundi 26 juin 2018", "26 June 2018 is a Tuesday"),
    ],
)
def test_ranges_in_words_that_cannot_be_read_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "“mardi 11 juin 2018”: 11 June 2018 is a Monday."),
        ("fr", "«\u00a0mardi 11 juin 2018\u00a0»\u00a0: le 11 juin 2018 est un lundi."),
        ("nl", "“mardi 11 juin 2018”: 11 juni 2018 is een maandag."),
    ],
)
def test_a_wrong_weekday_is_said_wholly_in_the_interface_language(lang, message):
    i18n.set_language(lang)
    with pytest.raises(ValueError) as raised:
        parse_date("mardi 11 juin 2018")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11/6/18", "“11/6/18” has a two-digit year; write the year in full: 11/06/2018."),
        ("11.06.18", "“11.06.18” has a two-digit year; write the year in full: 11/06/2018."),
        ("1-2-16", "“1-2-16” has a two-digit year; write the year in full: 01/02/2016."),
        ("11/06", "“11/06” has no year; write it as 11 juin 2018 or 11/06/2018."),
        ("11.6", "“11.6” has no year; write it as 11 juin 2018 or 11/06/2018."),
    ],
)
def test_a_date_with_no_year_or_two_digits_of_it_says_to_write_the_year_in_full(text, message):
    for parse in (parse_date, parse_period):
        with pytest.raises(ValueError) as raised:
            parse(text)
        assert str(raised.value) == message
