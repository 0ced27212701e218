"""Tests for French and Dutch typography."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.language.typography import NBSP, NNBSP, apply, apply_parts, superscripts

# --- French -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'invitation", "l’invitation"),
        ("D'œuvrer aujourd'hui", "D’œuvrer aujourd’hui"),
        ("l’invitation", "l’invitation"),
    ],
)
def test_french_apostrophes_are_curly(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Le "plan" est prêt', f"Le «{NBSP}plan{NBSP}» est prêt"),
        ('"Oui", dit-il.', f"«{NBSP}Oui{NBSP}», dit-il."),
        ('("plan")', f"(«{NBSP}plan{NBSP}»)"),
        ('un " plan "', f"un «{NBSP}plan{NBSP}»"),
        ("«plan»", f"«{NBSP}plan{NBSP}»"),
        ("« plan »", f"«{NBSP}plan{NBSP}»"),
        ("«  plan  »", f"«{NBSP}plan{NBSP}»"),
        (f"«{NBSP}plan{NBSP}»", f"«{NBSP}plan{NBSP}»"),
        (f"«{NNBSP}plan{NNBSP}»", f"«{NBSP}plan{NBSP}»"),
        ("« un « deux » »", f"«{NBSP}un «{NBSP}deux{NBSP}»{NBSP}»"),
        ('"un"\n"deux', f"«{NBSP}un{NBSP}»\n«{NBSP}deux"),
    ],
)
def test_french_quotes_are_guillemets_with_no_break_spaces_inside(text, expected):
    assert apply(text, "fr") == expected


def test_english_curly_quotes_stay_for_quotes_within_quotes():
    assert apply("« il a dit “non” »", "fr") == f"«{NBSP}il a dit “non”{NBSP}»"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('il a dit "oui"', f"il a dit «{NBSP}oui{NBSP}»"),
        ("il a dit “oui”", f"il a dit «{NBSP}oui{NBSP}»"),
        ("il a dit ‘oui’", f"il a dit «{NBSP}oui{NBSP}»"),
        ("il a dit 'oui'", f"il a dit «{NBSP}oui{NBSP}»"),
        ("il a dit „oui”", f"il a dit «{NBSP}oui{NBSP}»"),
        ("le groupe ‘sortants’ ; rapport", f"le groupe «{NBSP}sortants{NBSP}»{NNBSP}; rapport"),
        ("(‘droits’)", f"(«{NBSP}droits{NBSP}»)"),
        ("‘l’invitation’", f"«{NBSP}l’invitation{NBSP}»"),
        ("'l'invitation'", f"«{NBSP}l’invitation{NBSP}»"),
    ],
)
def test_french_quotes_typed_any_way_become_guillemets(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"il a dit "oui" hier"', f"«{NBSP}il a dit “oui” hier{NBSP}»"),
        ("“il a dit ‘oui’ hier”", f"«{NBSP}il a dit “oui” hier{NBSP}»"),
        ("« il a dit ‘oui’ »", f"«{NBSP}il a dit “oui”{NBSP}»"),
        ('‘il a dit "oui"’', f"«{NBSP}il a dit “oui”{NBSP}»"),
        ('"un "deux "trois" deux" un"', f"«{NBSP}un “deux “trois” deux” un{NBSP}»"),
    ],
)
def test_french_quotes_inside_quotes_are_english_double_quotes(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'invitation d'aujourd'hui", "l’invitation d’aujourd’hui"),
        ("les années '90", "les années ’90"),
        ("qu'il", "qu’il"),
        ("un ' seul", "un ’ seul"),
        ("‘seul", "‘seul"),
    ],
)
def test_a_single_quote_that_pairs_with_nothing_is_an_apostrophe(text, expected):
    assert apply(text, "fr") == expected


def test_a_stray_closing_guillemet_is_spaced_but_kept():
    assert apply("la coopération »", "fr") == f"la coopération{NBSP}»"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Objet: la réunion", f"Objet{NBSP}: la réunion"),
        ("Objet : la réunion", f"Objet{NBSP}: la réunion"),
        (f"Objet{NNBSP}: la réunion", f"Objet{NBSP}: la réunion"),
        ("Objet   :", f"Objet{NBSP}:"),
        ("« Note » :", f"«{NBSP}Note{NBSP}»{NBSP}:"),
    ],
)
def test_a_french_colon_takes_a_no_break_space(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quoi?", f"Quoi{NNBSP}?"),
        ("Quoi ?", f"Quoi{NNBSP}?"),
        (f"Quoi{NBSP}?", f"Quoi{NNBSP}?"),
        ("Vite!", f"Vite{NNBSP}!"),
        ("un; deux", f"un{NNBSP}; deux"),
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
        ("(vraiment?)", f"(vraiment{NNBSP}?)"),
        ("« Vraiment ? »", f"«{NBSP}Vraiment{NNBSP}?{NBSP}»"),
        ("Et alors… ?", f"Et alors…{NNBSP}?"),
    ],
)
def test_french_semicolons_and_exclamation_and_question_marks_take_a_narrow_space(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "à 10:30",
        "de 10h30 à 12h",
        "art. 3:2",
        "un rapport 1:1",
        "Réf. 2018/123",
        "./.",
        "Agenda ./. Punt",
        "a;b;c",
        "Yahoo!Mail",
        "? en début de ligne",
        "\n: liste",
    ],
)
def test_colons_and_marks_that_are_not_punctuation_are_left_alone(text):
    assert apply(text, "fr") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100000 euros", f"100{NNBSP}000 euros"),
        ("12345", f"12{NNBSP}345"),
        ("1234567", f"1{NNBSP}234{NNBSP}567"),
        ("10 000 agents", f"10{NNBSP}000 agents"),
        (f"10{NBSP}000", f"10{NNBSP}000"),
        ("1 000 000", f"1{NNBSP}000{NNBSP}000"),
        ("12345,678 €", f"12{NNBSP}345,678 €"),
        ("de 10000 à 20000", f"de 10{NNBSP}000 à 20{NNBSP}000"),
        ("10000–20000", f"10{NNBSP}000–20{NNBSP}000"),
    ],
)
def test_french_thousands_take_narrow_no_break_spaces(text, expected):
    assert apply(text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "en 2018",
        "1000 agents",
        "1234,56",
        "3,14159",
        "0,123456",
        "Réf. 2018/12345",
        "12345/2018",
        "n° 123456",
        "N°123456",
        "réf. : 654321",
        "dossier 20180611",
        "tél. 0475123456",
        "0475123456",
        "+32475123456",
        "02 501 02 11",
        "+32 2 501 02 11",
        "BE0123456789",
        "v2.12345",
        "12345.678",
        "A-12345",
        "12345e",
    ],
)
def test_years_decimals_and_identifiers_are_not_grouped(text):
    assert apply(text, "fr") == text


@pytest.mark.parametrize(
    "text",
    [
        "https://www.example.be/a?b=1&c='d':e;f=g",
        "http://example.be/10000",
        "www.Example.be/page?x=1",
        "jean.dupont@ibz.fgov.be",
        "o'brien@example.com",
        "ftp://example.be/a'b",
    ],
)
def test_urls_and_email_addresses_are_never_touched(text):
    assert apply(text, "fr") == text
    assert apply(f"voir {text} ici", "fr") == f"voir {text} ici"
    assert apply(text, "nl") == text


def test_punctuation_after_a_url_still_follows_the_rules():
    assert apply("voir www.ibz.be : lien", "fr") == f"voir www.ibz.be{NBSP}: lien"
    assert apply("voir https://ibz.be/?", "fr") == "voir https://ibz.be/?"
    assert apply("lien (https://ibz.be). Fin", "fr") == "lien (https://ibz.be). Fin"
    assert apply('"https://ibz.be"', "fr") == f"«{NBSP}https://ibz.be{NBSP}»"


def test_a_private_use_character_in_the_text_survives():
    assert (
        apply("a \ue000 b ? https://x.be \ue000", "fr") == f"a \ue000 b{NNBSP}? https://x.be \ue000"
    )


def test_a_french_sentence_gets_every_rule():
    text = 'L\'ECE "franco-belge" compte 12000 agents : est-ce assez ? Oui; et vite!'
    assert apply(text, "fr") == (
        f"L’ECE «{NBSP}franco-belge{NBSP}» compte 12{NNBSP}000 agents{NBSP}: "
        f"est-ce assez{NNBSP}? Oui{NNBSP}; et vite{NNBSP}!"
    )


# --- Dutch --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zo'n", "zo’n"),
        ("'s avonds", "’s avonds"),
        ("auto's en 't", "auto’s en ’t"),
        ('Het "plan" is klaar', "Het “plan” is klaar"),
        ('Het " plan " is klaar', "Het “plan” is klaar"),
        ("« plan »", "“plan”"),
        (f"«{NBSP}plan{NBSP}»", "“plan”"),
        ("“ plan ”", "“plan”"),
        ("„ plan ”", "“plan”"),
    ],
)
def test_dutch_apostrophes_and_quotes_are_curly_without_spaces_inside(text, expected):
    assert apply(text, "nl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"ja"', "“ja”"),
        ('hij zei "ja"', "hij zei “ja”"),
        ("«vertrouwen»", "“vertrouwen”"),
        ("„ja”", "“ja”"),
        ("„ja“", "“ja”"),
        ('hij zei "het "plan" is klaar"', "hij zei “het ‘plan’ is klaar”"),
        ("“het “plan” is klaar”", "“het ‘plan’ is klaar”"),
        ("« het « plan » is klaar »", "“het ‘plan’ is klaar”"),
        ("de zogenaamde ‘terugkeerders’", "de zogenaamde ‘terugkeerders’"),
        ("de werkgroep 'vrijgelatenen';", "de werkgroep ‘vrijgelatenen’;"),
        ("“hij zei ‘ja’”", "“hij zei ‘ja’”"),
    ],
)
def test_dutch_writes_double_quotes_with_single_ones_inside(text, expected):
    assert apply(text, "nl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'s avonds zei hij 'ja'", "’s avonds zei hij ‘ja’"),
        ("'t is 'goed'", "’t is ‘goed’"),
        ("Kees' fiets", "Kees’ fiets"),
        ("nota's", "nota’s"),
    ],
)
def test_dutch_apostrophes_at_the_start_of_a_word_are_not_quotes(text, expected):
    assert apply(text, "nl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Betreft : de vergadering", "Betreft: de vergadering"),
        (f"Betreft{NBSP}: de vergadering", "Betreft: de vergadering"),
        (f"Waarom{NNBSP}?", "Waarom?"),
        ("Snel !", "Snel!"),
        ("een ; twee", "een; twee"),
        ("Echt ?!", "Echt?!"),
        ("Betreft: ok", "Betreft: ok"),
    ],
)
def test_dutch_has_no_space_before_colons_and_marks(text, expected):
    assert apply(text, "nl") == expected


@pytest.mark.parametrize(
    "text", ["100000 euro", "100.000 euro", "10 000 euro", f"10{NNBSP}000 euro", "om 10:30", "2018"]
)
def test_dutch_numbers_are_left_as_written(text):
    assert apply(text, "nl") == text


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_empty_text_stays_empty(lang):
    assert apply("", lang) == ""


def test_other_languages_are_refused():
    with pytest.raises(ValueError, match="language"):
        apply("text", "en")


# --- properties ---------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "a", "mot", "l'", "'s", "9", "12345", "2018", "000", ",", ".", ":", ";", "!", "?",
        '"', "«", "»", "“", "”", "„", "’", "‘", "'", "(", ")", " ", " ", NBSP, NNBSP,
        "\u2009", "\n", "\t", "-", "/", "@", "x@y.be", "https://a.be/x?y", "www.b.be",
        "n°", "réf.", "…", "%", "\ue000", "10:30", "./.", "1er", "XIXe", "2e",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=25).map("".join) | st.text(max_size=40)


@given(_TEXTS, st.sampled_from(["fr", "nl"]))
@example('"a ""', "fr")
@example("a : :", "nl")
def test_applying_the_rules_twice_changes_nothing_more(text, lang):
    once = apply(text, lang)
    assert apply(once, lang) == once


@given(_TEXTS, st.sampled_from(["fr", "nl"]))
def test_only_quotes_apostrophes_and_spaces_change(text, lang):
    def skeleton(value: str) -> str:
        for ch in " \u00a0\u2009\u202f":
            value = value.replace(ch, "")
        for quote in "'\"«»“”„‘’":
            value = value.replace(quote, "Q")
        return value

    assert skeleton(apply(text, lang)) == skeleton(text)


@given(_TEXTS)
def test_dutch_never_gains_a_space(text):
    result = apply(text, "nl")
    for space in (" ", NBSP, NNBSP, "\u2009"):
        assert result.count(space) <= text.count(space)


# --- parts --------------------------------------------------------------------


def test_parts_keep_their_boundaries():
    parts = ["Le ", "ministre", ' : "', "X", '"']
    assert apply_parts(parts, "fr") == ["Le ", "ministre", f"{NBSP}: «{NBSP}", "X", f"{NBSP}»"]
    assert apply_parts(parts, "nl") == ["Le ", "ministre", ": “", "X", "”"]


def test_a_variable_before_a_colon_gets_the_french_space():
    assert apply_parts(["{minister}", " : texte"], "fr") == ["{minister}", f"{NBSP}: texte"]


@given(st.lists(_TEXTS, max_size=5), st.sampled_from(["fr", "nl"]))
def test_parts_join_into_the_whole_text_with_its_typography(parts, lang):
    result = apply_parts(parts, lang)
    assert len(result) == len(parts)
    assert "".join(result) == apply("".join(parts), lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Paris, 25-26 avril 2018", "fr", "Paris, 25–26 avril 2018"),
        ("le 1er-3 mars", "fr", "le 1er–3 mars"),
        ("Parijs, 25-26 april 2018", "nl", "Parijs, 25–26 april 2018"),
        ("la période 2016-2017", "fr", "la période 2016-2017"),
        ("réf. 10-12", "fr", "réf. 10-12"),
    ],
)
def test_a_range_of_days_takes_an_en_dash(text, lang, expected):
    assert apply(text, lang) == expected


# --- ordinals -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("le 1er février 2016", ["er"]),
        ("la 1re réunion", ["re"]),
        ("les 1ers et les 1res", ["ers", "res"]),
        ("le 2e trimestre", ["e"]),
        ("les 21es rencontres", ["es"]),
        ("le 2d semestre", ["d"]),
        ("la 2de session", ["de"]),
        ("au XIXe siècle", ["e"]),
        ("XIXe-XXe siècles", ["e", "e"]),
        ("la Ve République", ["e"]),
        ("François Ier", ["er"]),
        ("le 1er–3 mars", ["er"]),
        ("(2e)", ["e"]),
        ("le MMe anniversaire", ["e"]),  # a numeral of C, D, L and M only, in any text
        ("le CCe anniversaire du 1er traité", ["e", "er"]),
    ],
)
def test_french_ordinal_suffixes_are_raised(text, raised):
    assert [text[start:end] for start, end in superscripts(text, "fr")] == raised


@pytest.mark.parametrize(
    "text",
    [
        "Le Ce De Me Les Ces Des Mes",  # words, not a single-letter numeral
        "11er",
        "1e",
        "3er",
        "0e",
        "2e-3",  # a number in scientific notation
        "A2e",
        "v1.2e",
        "IIIIe",
        "1ère 2ème",  # not the house forms: left as typed
        "https://x.be/1er",
        "2e@x.be",
        "XIXE SIÈCLE",
    ],
)
def test_what_is_not_a_french_ordinal_is_not_raised(text):
    assert superscripts(text, "fr") == []


@pytest.mark.parametrize("text", ["de 1e keer", "het 2de kwartaal", "de 21ste eeuw", "1er"])
def test_dutch_writes_ordinals_on_the_line(text):
    assert superscripts(text, "nl") == []


@given(_TEXTS, st.sampled_from(["fr", "nl"]))
def test_raised_letters_are_lower_case_suffixes_in_order(text, lang):
    spans = superscripts(text, lang)
    assert spans == sorted(spans)
    for start, end in spans:
        assert 0 < start < end <= len(text)
        assert text[start:end].isalpha() and text[start:end].islower()
        assert text[start - 1].isdigit() or text[start - 1] in "IVXLCDM"
