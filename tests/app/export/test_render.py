"""Tests for laying a note out for export (note + library → plan)."""

from __future__ import annotations

from datetime import date

import pytest

from app.docx.plan import ClauseFrame, Mark, Paragraph, SideBySide, Style, Table
from app.export.render import build_plan
from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.period import DateRange
from app.library.clauses import Clause, Kind, Library, Status
from app.notes.note import (
    CopiedClause,
    FollowUpRow,
    FollowUpTable,
    LinkedClause,
    Note,
    Section,
    TextBlock,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def library() -> Library:
    clauses = [
        Clause(
            "vd2.1.4",
            Kind.COMMITMENT,
            {"fr": "Financement du terrorisme", "nl": "Terrorismefinanciering"},
            {
                "fr": "Agir contre le financement : vite !",
                "nl": "Optreden tegen financiering: snel!",
            },
            {"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
        ),
        Clause(
            "vd2.2.1",
            Kind.COMMITMENT,
            {"fr": "Retours d’expérience"},
            {"fr": "Échanger avec {minister} le {meeting_date}."},
            {"fr": Status.OFFICIAL},
        ),
    ]
    return Library(clauses={c.id: c for c in clauses})


def note(language=NoteLanguage.FR) -> Note:
    return Note(
        subject={"fr": "Suivi Val Duchesse II", "nl": "Opvolging Val Duchesse II"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        date=date(2016, 2, 1),
        meeting_date=date(2018, 6, 11),
        reference="PM/2018/1",
        classification=Classification.CONFIDENTIAL,
        language=language,
        sections=[
            Section(
                {"fr": "Contexte", "nl": "Context"},
                [
                    TextBlock({"fr": "L'été « chaud »\n- premier point", "nl": "De zomer"}),
                    LinkedClause("vd2.1.4", 1),
                ],
            ),
            Section({"fr": "Engagements", "nl": "Verbintenissen"}, [LinkedClause("vd2.2.1", 1)]),
        ],
    )


def texts(items) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, Paragraph):
            found.append(item.text)
        elif isinstance(item, ClauseFrame):
            found.extend(p.text for p in item.paragraphs)
    return found


def test_a_french_plan_has_title_meta_headings_and_clauses_with_typography():
    plan = build_plan(note(), library())
    assert plan.languages == ("fr",)
    assert plan.title.text == "Suivi Val Duchesse II"
    labels = [line.label.text for line in plan.meta]
    assert labels == ["À", "De", "Date", "Objet", "Réunion", "Réf.", "Classification"]
    values = {line.label.text: line.value.text for line in plan.meta}
    assert values["Date"] == "1er février 2016"
    assert values["Réunion"] == "lundi 11 juin 2018"
    assert values["Classification"] == "CONFIDENTIEL"
    headings = [p.text for p in plan.body if isinstance(p, Paragraph) and p.style is Style.HEADING1]
    assert headings == ["Contexte", "Engagements"]
    body = texts(plan.body)
    assert f"L’été «{NBSP}chaud{NBSP}»" in body
    assert "premier point" in body
    assert f"Agir contre le financement{NBSP}: vite{NNBSP}!" in body
    bullets = [p for p in plan.body if isinstance(p, Paragraph) and p.style is Style.BULLET]
    assert [b.text for b in bullets] == ["premier point"]
    assert [s.text for s in plan.classification] == ["CONFIDENTIEL"]
    assert [s.text for s in plan.page_label] == ["Page"]


def test_linked_clauses_become_tagged_frames():
    plan = build_plan(note(), library())
    frames = [i for i in plan.body if isinstance(i, ClauseFrame)]
    assert [f.tag for f in frames] == ["clausier:vd2.1.4@1:fr", "clausier:vd2.2.1@1:fr"]
    assert frames[0].title == "Financement du terrorisme" and frames[0].linked


def test_dutch_has_no_french_spaces_and_marks_missing_translations():
    plan = build_plan(note(NoteLanguage.NL), library())
    body = texts(plan.body)
    assert "Optreden tegen financiering: snel!" in body
    assert "[Nederlandse tekst ontbreekt]" in body  # vd2.2.1 has no Dutch text
    missing = [w for w in plan.warnings if w.code == "missing_translation"]
    # vd2.2.1 has neither a Dutch title (its lead-in) nor a Dutch text.
    assert len(missing) == 2 and all("vd2.2.1" in w.message for w in missing)
    assert [s.text for s in plan.classification] == ["VERTROUWELIJK"]
    values = {line.label.text: line.value.text for line in plan.meta}
    assert values["Datum"] == "1 februari 2016"
    # Our Dutch texts are unofficial: the document says so once.
    assert any("niet-officiële" in t for t in body)


def test_unfilled_variables_are_marked_and_warned_filled_ones_formatted():
    plan = build_plan(note(), library())
    frame = [i for i in plan.body if isinstance(i, ClauseFrame)][1]
    spans = frame.paragraphs[0].spans
    assert any(s.mark is Mark.UNFILLED and s.text == "{minister}" for s in spans)
    assert any(s.mark is Mark.VARIABLE and s.text == "11 juin 2018" for s in spans)
    assert [w.code for w in plan.warnings].count("unfilled_variable") == 1
    filled = note()
    filled.variables["minister"] = {"fr": "le ministre de l’Intérieur"}
    plan = build_plan(filled, library())
    assert "unfilled_variable" not in [w.code for w in plan.warnings]


def test_a_bilingual_plan_puts_french_left_and_dutch_right_block_by_block():
    plan = build_plan(note(NoteLanguage.BILINGUAL), library())
    assert plan.languages == ("fr", "nl")
    grids = [i for i in plan.body if isinstance(i, SideBySide)]
    assert len(grids) == 2
    left, right = grids[0].rows[1]
    assert left[0].lang == "fr" and right[0].lang == "nl"
    assert left[0].tag.endswith(":fr") and right[0].tag.endswith(":nl")
    labels = [line.label.text for line in plan.meta]
    assert labels[0] == "À / Aan"
    heading = next(p for p in plan.body if isinstance(p, Paragraph) and p.style is Style.HEADING1)
    assert heading.text == "Contexte / Context"
    assert [s.lang for s in heading.spans if s.text.strip(" /")] == ["fr", "nl"]
    assert "".join(s.text for s in plan.page_label) == "Page / Pagina"


def test_characters_word_cannot_hold_are_cleaned_with_a_warning():
    dirty = note()
    dirty.sections[0].blocks[0] = TextBlock({"fr": "Bip\x07 et \ufffe fin\u2028suite"})
    plan = build_plan(dirty, library())
    body = texts(plan.body)
    assert all("\x07" not in t and "\ufffe" not in t for t in body)
    assert any(w.code == "cleaned_characters" for w in plan.warnings)


def test_an_unknown_clause_and_a_copied_clause():
    odd = note()
    odd.sections[1].blocks = [
        LinkedClause("vd9.9.9", 1),
        CopiedClause("vd2.1.4", 1, {"fr": "Titre local"}, {"fr": "Texte adapté localement."}),
    ]
    plan = build_plan(odd, library())
    body = texts(plan.body)
    assert any("vd9.9.9" in t for t in body)
    assert any(w.code == "unknown_clause" for w in plan.warnings)
    frame = [i for i in plan.body if isinstance(i, ClauseFrame)][-1]
    assert not frame.linked and frame.title == "Titre local"


def test_a_follow_up_table_shows_clause_titles_and_dates():
    followed = note()
    followed.sections[1].blocks = [
        FollowUpTable(
            [FollowUpRow(clause_id="vd2.1.4", state={"fr": "En cours"}, deadline="2018-12-01")]
        )
    ]
    plan = build_plan(followed, library())
    table = next(i for i in plan.body if isinstance(i, Table))
    assert [c[0].text for c in table.header] == [
        "Engagement",
        "État des lieux",
        "Service pilote",
        "Échéance",
    ]
    row = table.rows[0]
    assert row[0][0].text == "Financement du terrorisme"
    assert row[3][0].text == "1er décembre 2018"


def test_quotes_around_a_variable_pair_up_and_a_colon_after_it_gets_its_space():
    quoted = note()
    quoted.variables["minister"] = "le ministre"
    quoted.sections[0].blocks = [TextBlock({"fr": 'Selon "{minister}" : oui'})]
    plan = build_plan(quoted, library())
    assert f"Selon «{NBSP}le ministre{NBSP}»{NBSP}: oui" in texts(plan.body)


def test_a_subject_or_addressee_missing_in_dutch_is_marked_and_warned():
    french_only = note(NoteLanguage.NL)
    french_only.subject = {"fr": "Suivi"}
    french_only.addressee = {"fr": "Monsieur le Premier ministre"}
    plan = build_plan(french_only, library())
    assert plan.title.spans[0].mark is Mark.MISSING
    values = {line.label.text: line.value for line in plan.meta}
    assert values["Aan"].spans[0].mark is Mark.MISSING
    messages = [w.message for w in plan.warnings if w.code == "missing_translation"]
    assert any("subject" in m for m in messages) and any("addressee" in m for m in messages)


def test_follow_up_cells_missing_in_one_language_are_marked_and_dates_follow_each_language():
    followed = note(NoteLanguage.BILINGUAL)
    followed.sections[1].blocks = [
        FollowUpTable([FollowUpRow({"fr": "PNR"}, "", {"fr": "En cours"}, {}, "2018-12-01")])
    ]
    plan = build_plan(followed, library())
    table = next(i for i in plan.body if isinstance(i, Table))
    commitment, state, _lead, deadline = table.rows[0]
    assert [p.lang for p in commitment] == ["fr", "nl"]
    assert commitment[1].spans[0].mark is Mark.MISSING
    assert [p.text for p in deadline] == ["1er décembre 2018", "1 december 2018"]


def revised_library(*, keep_first: bool = True, deleted: bool = False) -> Library:
    from dataclasses import replace

    first = library().get("vd2.1.4")
    second = replace(first, revision=2, text={"fr": "Agir autrement.", "nl": "Anders optreden."})
    archive = {1: first} if keep_first else {}
    if deleted:
        return Library(archive={"vd2.1.4": {**archive, 2: second}})
    return Library(clauses={"vd2.1.4": second}, archive={"vd2.1.4": archive})


def linked_note(revision: int) -> Note:
    return Note(
        subject={"fr": "S", "nl": "S"},
        addressee={"fr": "A", "nl": "A"},
        author="Marie Dupont",
        date=date(2018, 6, 11),
        sections=[Section({"fr": "C", "nl": "C"}, [LinkedClause("vd2.1.4", revision)])],
    )


def test_a_linked_clause_is_exported_at_its_own_revision_with_a_warning():
    plan = build_plan(linked_note(1), revised_library())
    assert texts(plan.body) == ["C", "Agir contre le financement\u00a0: vite\u202f!"]
    (warning,) = plan.warnings
    assert warning.code == "outdated_link" and "revision 1" in warning.message
    assert "revision 2" in warning.message


def test_a_kept_old_wording_is_still_listed_as_not_the_newest_revision():
    note = linked_note(1)
    note.sections[0].blocks[0].kept = 2
    plan = build_plan(note, revised_library())
    (warning,) = plan.warnings
    assert warning.code == "outdated_link" and warning.block_id == note.sections[0].blocks[0].id
    assert "revision 1" in warning.message and "revision 2" in warning.message
    assert "chose to keep" in warning.message


def test_a_link_at_the_newest_revision_has_no_warning():
    plan = build_plan(linked_note(2), revised_library())
    assert texts(plan.body) == ["C", "Agir autrement."] and plan.warnings == []


def test_a_revision_no_longer_known_falls_back_to_the_newest_with_a_warning():
    plan = build_plan(linked_note(1), revised_library(keep_first=False))
    assert texts(plan.body) == ["C", "Agir autrement."]
    assert [w.code for w in plan.warnings] == ["unknown_revision"]


def test_a_deleted_clause_keeps_its_wording_with_a_warning():
    plan = build_plan(linked_note(2), revised_library(deleted=True))
    assert texts(plan.body) == ["C", "Agir autrement."]
    assert [w.code for w in plan.warnings] == ["deleted_clause"]


def test_a_bilingual_note_warns_once_per_outdated_link():
    note = linked_note(1)
    note.language = NoteLanguage.BILINGUAL
    plan = build_plan(note, revised_library())
    assert [w.code for w in plan.warnings] == ["outdated_link"]


def meta_values(plan) -> dict[str, str]:
    return {line.label.text: line.value.text for line in plan.meta}


@pytest.mark.parametrize(
    ("days", "fr", "nl"),
    [
        ((date(2018, 4, 25), date(2018, 4, 26)), "25–26 avril 2018", "25–26 april 2018"),
        ((date(2018, 4, 30), date(2018, 5, 2)), "30 avril – 2 mai 2018", "30 april – 2 mei 2018"),
    ],
)
def test_a_meeting_over_several_days_is_written_as_a_range(days, fr, nl):
    ranged = note(NoteLanguage.BILINGUAL)
    ranged.meeting_date = DateRange(*days)
    plan = build_plan(ranged, library())
    assert meta_values(plan)["Réunion / Vergadering"] == f"{fr} / {nl}"
    frame = [i for i in plan.body if isinstance(i, SideBySide)][1].rows[0][0][0]
    assert f"Échanger avec {{minister}} le {fr}." in frame.paragraphs[0].text


def test_a_variable_holding_a_range_is_written_as_one():
    ranged = note()
    ranged.variables["meeting_date"] = "2018-04-25/2018-04-26"
    frame = [i for i in build_plan(ranged, library()).body if isinstance(i, ClauseFrame)][1]
    assert any(
        s.mark is Mark.VARIABLE and s.text == "25–26 avril 2018" for s in frame.paragraphs[0].spans
    )


def test_a_note_with_a_place_opens_with_its_place_line_in_each_language():
    placed = note(NoteLanguage.BILINGUAL)
    placed.date = date(2018, 6, 11)
    placed.place = {"fr": "Bruxelles", "nl": "Brussel"}
    plan = build_plan(placed, library())
    assert [(p.text, p.lang, p.style) for p in plan.place_lines] == [
        ("Bruxelles, le 11 juin 2018", "fr", Style.PLACE_LINE),
        ("Brussel, 11 juni 2018", "nl", Style.PLACE_LINE),
    ]
    assert "Date / Datum" not in meta_values(plan)  # the place line gives the date
    french = build_plan(placed, library(), "fr")
    assert [p.text for p in french.place_lines] == ["Bruxelles, le 11 juin 2018"]


def test_a_place_missing_in_dutch_is_marked_not_copied():
    placed = note(NoteLanguage.BILINGUAL)
    placed.place = {"fr": "Namur"}
    plan = build_plan(placed, library())
    dutch = plan.place_lines[1]
    assert dutch.text == "[Nederlandse tekst ontbreekt], 1 februari 2016"
    assert dutch.spans[0].mark is Mark.MISSING
    assert any(w.code == "missing_translation" and w.lang == "nl" for w in plan.warnings)


def test_without_a_place_or_a_date_there_is_no_place_line():
    assert build_plan(note(), library()).place_lines == []
    undated = note()
    undated.date = None
    undated.place = {"fr": "Bruxelles"}
    assert build_plan(undated, library()).place_lines == []


def test_each_half_of_a_bilingual_label_carries_its_own_language():
    plan = build_plan(note(NoteLanguage.BILINGUAL), library())
    for line in plan.meta:
        french, slash, dutch = line.label.spans
        assert (french.lang, slash.lang, dutch.lang) == ("fr", "nl", "nl")
        assert slash.text == " / " and french.bold and dutch.bold
    table = build_plan(
        Note(
            language=NoteLanguage.BILINGUAL,
            sections=[Section({"fr": "S"}, [FollowUpTable([FollowUpRow(state={"fr": "x"})])])],
        ),
        library(),
    )
    header = next(i for i in table.body if isinstance(i, Table)).header
    assert [(s.text, s.lang) for s in header[0][0].spans] == [
        ("Engagement", "fr"),
        (" / ", "nl"),
        ("Verbintenis", "nl"),
    ]


def test_each_missing_table_cell_is_one_warning_saying_its_section_row_and_column():
    table = FollowUpTable(
        rows=[
            FollowUpRow(state={"fr": "En cours"}),
            FollowUpRow(state={"fr": "Fait"}, lead={"fr": "SPF Intérieur"}),
        ]
    )
    untitled = Section(title={}, blocks=[TextBlock({"fr": "Contexte"})])
    tracked = Section(title={"fr": "Suivi"}, blocks=[table])
    plain = Note(subject={"fr": "Suivi"}, language=NoteLanguage.NL, sections=[untitled, tracked])
    plan = build_plan(plain, library())
    missing = [w for w in plan.warnings if w.code == "missing_translation"]
    cells = [(w.section_id, w.block_id, w.row, w.column, w.lang) for w in missing if w.row >= 0]
    assert cells == [
        (tracked.id, table.id, 0, "state", "nl"),
        (tracked.id, table.id, 1, "state", "nl"),
        (tracked.id, table.id, 1, "lead", "nl"),
    ]
    assert len({w.place for w in missing}) == len(missing)  # one line per place
    by_cell = {(w.row, w.column): w.message for w in missing if w.row >= 0}
    assert by_cell[(1, "lead")].startswith("The follow-up table in “Suivi”, row 2, Lead service:")
    (text,) = [w for w in missing if w.block_id == untitled.blocks[0].id]
    assert text.section_id == untitled.id and "section 1" in text.message
    (subject,) = [w for w in missing if w.field == "subject"]
    assert subject.section_id == "" and subject.lang == "nl"


def test_unfilled_variables_name_the_variable_to_fill():
    plan = build_plan(note(), library())
    (unfilled,) = [w for w in plan.warnings if w.code == "unfilled_variable"]
    assert unfilled.variable == "minister"


# --- what each language's file says: nothing of the other language, nothing left blank ---


def declaration() -> Library:
    """A commitment and a context paragraph with their places in the source, and the others."""
    from app.library.clauses import Origin

    clauses = [
        Clause(
            "vd2.1.2",
            Kind.COMMITMENT,
            {"fr": "Harmonisation des critères biométriques (ADN)", "nl": "Harmonisering (DNA)"},
            {"fr": "De travailler sur l’harmonisation.", "nl": "Werken aan de harmonisering."},
            origin=Origin("vd2", 1, 2),
        ),
        Clause(
            "vd2.0.1",
            Kind.CONTEXT,
            {"fr": "Réunion du 11 juin 2018", "nl": "Bijeenkomst van 11 juni 2018"},
            {
                "fr": "Les Premiers ministres se sont réunis.",
                "nl": "De Eerste Ministers kwamen samen.",
            },
            origin=Origin("vd2", 0, 1),
        ),
        Clause("std.1", Kind.STANDARD, {"fr": "Formule"}, {"fr": "Le cabinet propose."}),
        Clause("tp.1", Kind.TALKING_POINT, {"fr": "Accueil"}, {"fr": "Nous saluons l’accord."}),
        Clause(
            "vd2.3.1",
            Kind.COMMITMENT,
            {"fr": "Titre français seul"},
            {"fr": "De soutenir.", "nl": "Steunen."},
            origin=Origin("vd2", 3, 1),
        ),
    ]
    return Library(clauses={c.id: c for c in clauses})


def complete(language=NoteLanguage.FR, sections=None) -> Note:
    """A note with every detail the check asks for, and ``sections``."""
    return Note(
        subject={"fr": "Suivi", "nl": "Opvolging"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        date=date(2018, 6, 11),
        language=language,
        sections=sections or [],
    )


def frames(plan) -> list[ClauseFrame]:
    found = []
    for item in plan.body:
        if isinstance(item, ClauseFrame):
            found.append(item)
        elif isinstance(item, SideBySide):
            for left, right in item.rows:
                found += [i for i in (*left, *right) if isinstance(i, ClauseFrame)]
    return found


def test_a_free_text_deadline_belongs_to_its_language_and_is_marked_missing_in_the_other():
    row = FollowUpRow({"fr": "PNR", "nl": "PNR"}, deadline_text={"fr": "1er trimestre 2019"})
    table = FollowUpTable([row])
    section = Section({"fr": "Suivi", "nl": "Opvolging"}, [table])
    plan = build_plan(complete(NoteLanguage.FR, [section]), library(), "nl")
    (exported,) = [i for i in plan.body if isinstance(i, Table)]
    (cell,) = exported.rows[0][3]
    assert cell.lang == "nl" and [s.mark for s in cell.spans] == [Mark.MISSING]
    assert cell.text == "[Nederlandse tekst ontbreekt]"
    (warning,) = [w for w in plan.warnings if w.column == "deadline"]
    assert (warning.code, warning.section_id, warning.block_id) == (
        "missing_translation",
        section.id,
        table.id,
    )
    assert (warning.row, warning.lang) == (0, "nl")
    assert "row 1, Deadline" in warning.message
    french = build_plan(complete(NoteLanguage.FR, [section]), library(), "fr")
    (fr_table,) = [i for i in french.body if isinstance(i, Table)]
    assert fr_table.rows[0][3][0].text == "1er trimestre 2019"
    assert not [w for w in french.warnings if w.column == "deadline"]


def test_a_deadline_that_is_a_date_is_written_in_each_language_without_a_warning():
    table = FollowUpTable([FollowUpRow({"fr": "PNR", "nl": "PNR"}, deadline="2019-03-01")])
    note_ = complete(NoteLanguage.BILINGUAL, [Section({"fr": "S", "nl": "S"}, [table])])
    plan = build_plan(note_, library())
    (exported,) = [i for i in plan.body if isinstance(i, Table)]
    assert [(p.lang, p.text) for p in exported.rows[0][3]] == [
        ("fr", "1er mars 2019"),
        ("nl", "1 maart 2019"),
    ]
    assert plan.warnings == []


def test_an_old_single_deadline_text_is_the_text_of_the_first_language():
    table = FollowUpTable([FollowUpRow({"fr": "PNR", "nl": "PNR"}, deadline="fin 2019")])
    note_ = complete(NoteLanguage.BILINGUAL, [Section({"fr": "S", "nl": "S"}, [table])])
    (exported,) = [i for i in build_plan(note_, library()).body if isinstance(i, Table)]
    assert [(p.lang, p.text) for p in exported.rows[0][3]] == [
        ("fr", "fin 2019"),
        ("nl", "[Nederlandse tekst ontbreekt]"),
    ]


def test_a_variable_typed_once_in_a_french_note_is_not_copied_into_the_dutch_file():
    block = TextBlock({"fr": "Avec {function} le {when}.", "nl": "Met {function} op {when}."})
    french = complete(NoteLanguage.FR, [Section({"fr": "S", "nl": "S"}, [block])])
    french.variables = {"function": "le conseiller", "when": "2019-03-01"}
    plan = build_plan(french, library(), "nl")
    (paragraph,) = [p for p in plan.body if isinstance(p, Paragraph) and p.style is Style.BODY]
    assert paragraph.text == "Met {function} op 1 maart 2019."
    assert "conseiller" not in paragraph.text
    (warning,) = [w for w in plan.warnings if w.code == "unfilled_variable"]
    assert (warning.variable, warning.lang) == ("function", "nl")
    assert "no Dutch value" in warning.message
    assert "le conseiller" in texts(build_plan(french, library(), "fr").body)[1]
    # A note in both languages given one text (the command line's --var) uses it in both.
    both = complete(NoteLanguage.BILINGUAL, french.sections)
    both.variables = {"function": "Jan Jambon", "when": "2019-03-01"}
    plan = build_plan(both, library())
    assert not [w for w in plan.warnings if w.code == "unfilled_variable"]


def test_the_authors_function_is_per_language_and_marked_where_missing():
    note_ = complete(NoteLanguage.NL, [Section({"nl": "S"}, [TextBlock({"nl": "Tekst."})])])
    note_.author = "Marie Dupont"
    note_.author_function = {"fr": "conseillère"}
    note_.cabinet = {"fr": "Cabinet du Premier ministre", "nl": "Kabinet van de Eerste Minister"}
    plan = build_plan(note_, library())
    sender = meta_values(plan)["Van"]
    assert sender == "Marie Dupont, [Nederlandse tekst ontbreekt], Kabinet van de Eerste Minister"
    assert "conseill" not in sender
    (warning,) = [w for w in plan.warnings if w.field == "author_function"]
    assert (warning.code, warning.lang) == ("missing_translation", "nl")
    note_.author_function["nl"] = "adviseur"
    plan = build_plan(note_, library(), "fr+nl")
    assert meta_values(plan)["De / Van"] == (
        "Marie Dupont, conseillère, Cabinet du Premier ministre / "
        "Marie Dupont, adviseur, Kabinet van de Eerste Minister"
    )


def test_a_clause_title_missing_in_dutch_is_marked_not_taken_from_french():
    copied = CopiedClause(
        "vd2.3.1", 1, {"fr": "Mon titre"}, {"fr": "De soutenir.", "nl": "Steunen."}
    )
    linked = LinkedClause("vd2.3.1", 1)
    note_ = complete(NoteLanguage.NL, [Section({"nl": "S"}, [linked, copied])])
    plan = build_plan(note_, declaration())
    leads = [f.lead_in.text for f in frames(plan)]
    assert leads == ["3.1 [Nederlandse tekst ontbreekt]"] * 2
    missing = [w for w in plan.warnings if w.code == "missing_translation"]
    assert [(w.block_id, w.lang) for w in missing] == [(linked.id, "nl"), (copied.id, "nl")]
    assert all("title of clause vd2.3.1" in w.message for w in missing)


def test_a_section_without_a_dutch_title_keeps_its_heading_marked_and_warned():
    first = Section({"fr": "Contexte", "nl": "Context"}, [TextBlock({"fr": "Un.", "nl": "Een."})])
    second = Section({"fr": "Engagements"}, [TextBlock({"fr": "Deux.", "nl": "Twee."})])
    plan = build_plan(complete(NoteLanguage.NL, [first, second]), library())
    headings = [p for p in plan.body if isinstance(p, Paragraph) and p.style is Style.HEADING1]
    assert [h.text for h in headings] == ["Context", "[Nederlandse tekst ontbreekt]"]
    assert headings[1].spans[0].mark is Mark.MISSING and headings[1].spans[0].lang == "nl"
    assert [p.text for p in plan.body] == [
        "Context",
        "Een.",
        "[Nederlandse tekst ontbreekt]",
        "Twee.",
    ]
    (warning,) = plan.warnings
    assert (warning.code, warning.section_id, warning.lang) == (
        "missing_translation",
        second.id,
        "nl",
    )
    assert (warning.block_id, warning.field, warning.row) == ("", "", -1)  # the title itself
    assert warning.message.startswith("The title of “Engagements”: no Dutch text")
    bilingual = build_plan(complete(NoteLanguage.BILINGUAL, [first, second]), library())
    heading = [p for p in bilingual.body if isinstance(p, Paragraph)][1]
    assert heading.text == "Engagements / [Nederlandse tekst ontbreekt]"


def test_a_section_with_no_title_at_all_is_marked_in_each_language():
    untitled = Section({}, [TextBlock({"fr": "Deux.", "nl": "Twee."})])
    plan = build_plan(complete(NoteLanguage.BILINGUAL, [untitled]), library())
    heading = plan.body[0]
    assert heading.text == "[texte français manquant] / [Nederlandse tekst ontbreekt]"
    assert [(w.section_id, w.lang) for w in plan.warnings] == [
        (untitled.id, "fr"),
        (untitled.id, "nl"),
    ]
    assert plan.warnings[0].message.startswith("The title of section 1: no French text")


@pytest.mark.parametrize(
    ("lang", "commitment", "context"),
    [
        ("fr", "1.2 Harmonisation des critères biométriques (ADN)", "Réunion du 11 juin 2018"),
        ("nl", "1.2 Harmonisering (DNA)", "Bijeenkomst van 11 juni 2018"),
    ],
)
def test_a_commitment_opens_with_its_number_and_title_and_a_context_with_its_title(
    lang, commitment, context
):
    blocks = [
        LinkedClause("vd2.1.2", 1),
        CopiedClause(
            "vd2.1.2",
            1,
            {"fr": "Harmonisation des critères biométriques (ADN)", "nl": "Harmonisering (DNA)"},
            {"fr": "De travailler.", "nl": "Werken."},
        ),
        LinkedClause("vd2.0.1", 1),
        LinkedClause("std.1", 1),
        LinkedClause("tp.1", 1),
    ]
    language = NoteLanguage(lang)
    plan = build_plan(complete(language, [Section({"fr": "S", "nl": "S"}, blocks)]), declaration())
    leads = [f.lead_in for f in frames(plan)]
    assert [p.text if p else None for p in leads] == [commitment, commitment, context, None, None]
    assert all(p.style is Style.CLAUSE_TITLE and p.lang == lang for p in leads if p)
    assert leads[0].spans[0].text == "1.2"  # the number is its own run, the title follows
    # The lead-in is not part of the clause's text.
    assert frames(plan)[0].paragraphs[0].text != commitment


def test_a_bilingual_clause_has_its_lead_in_in_each_column():
    note_ = complete(
        NoteLanguage.BILINGUAL, [Section({"fr": "S", "nl": "S"}, [LinkedClause("vd2.1.2", 1)])]
    )
    left, right = frames(build_plan(note_, declaration()))
    assert (left.lead_in.lang, left.lead_in.text) == (
        "fr",
        "1.2 Harmonisation des critères biométriques (ADN)",
    )
    assert (right.lead_in.lang, right.lead_in.text) == ("nl", "1.2 Harmonisering (DNA)")


def test_empty_sections_and_tables_are_left_out_and_said_so():
    empty = Section({"fr": "Contexte", "nl": "Context"}, [TextBlock({})])
    table_only = Section({"fr": "Suivi", "nl": "Opvolging"}, [FollowUpTable([])])
    table = FollowUpTable([])
    full = Section(
        {"fr": "Décision", "nl": "Beslissing"}, [TextBlock({"fr": "Oui.", "nl": "Ja."}), table]
    )
    for language in NoteLanguage:
        plan = build_plan(complete(language, [empty, table_only, full]), library())
        headings = [
            p.text for p in plan.body if isinstance(p, Paragraph) and p.style is Style.HEADING1
        ]
        assert len(headings) == 1 and not any(isinstance(i, Table) for i in plan.body)
        found = [(w.code, w.section_id, w.block_id) for w in plan.warnings]
        assert found == [
            ("empty_section", empty.id, ""),
            ("empty_section", table_only.id, ""),  # one line for it, not one more for its table
            ("empty_table", full.id, table.id),
        ]
    assert plan.warnings[0].message == "Empty section, left out of the file: “Contexte”."
    assert plan.warnings[2].message == (
        "The follow-up table in “Décision” has no rows; it is left out of the file."
    )


def test_an_empty_note_lists_its_missing_details_and_its_empty_skeleton():
    bare = Note(sections=[Section({"fr": "Contexte", "nl": "Context"})])
    plan = build_plan(bare, library())
    assert [(w.code, w.field) for w in plan.warnings] == [
        ("missing_detail", "subject"),
        ("missing_detail", "addressee"),
        ("missing_detail", "author"),
        ("missing_detail", "date"),
        ("empty_section", ""),
        ("empty_note", ""),
    ]
    assert [w.message for w in plan.warnings[:4]] == [
        "The note has no subject.",
        "The note has no addressee.",
        "The note has no author or cabinet; its “From” line is left out of the file.",
        "The note has no date.",
    ]
    assert plan.body == []
    assert [w.code for w in build_plan(Note(), library()).warnings][-1] == "empty_note"
    assert (
        build_plan(
            complete(NoteLanguage.FR, [Section({"fr": "S"}, [TextBlock({"fr": "x"})])]), library()
        ).warnings
        == []
    )


# --- typography where text enters the export (issue 10: 13) ---------------------------


def typed_note(language=NoteLanguage.BILINGUAL) -> Note:
    """A note whose every kind of text is typed with straight quotes, apostrophes, ordinals."""
    return Note(
        subject={"fr": 'Le "plan" du 1er semestre', "nl": 'Het "plan" voor het 1e semester'},
        addressee={"fr": "Monsieur l'Ambassadeur", "nl": "De heer 'ambassadeur'"},
        author="Marie D'Hondt",
        cabinet={"fr": "Cabinet de l'Intérieur", "nl": "Kabinet Binnenlandse Zaken"},
        date=date(2016, 2, 1),
        reference="PM/2018/1",
        classification=Classification.RESTRICTED,
        language=language,
        sections=[
            Section(
                {"fr": "Les ‘sortants’", "nl": "De 'vrijgelatenen'"},
                [
                    TextBlock(
                        {
                            "fr": 'Il a dit "oui" à l\'invitation du XIXe siècle.',
                            "nl": "Hij zei \"ja\" tegen de 'uitnodiging'.",
                        }
                    ),
                    CopiedClause(
                        "vd2.1.4",
                        1,
                        {"fr": "Le “financement”", "nl": "De „financiering”"},
                        {
                            "fr": "Agir contre ‘le financement’.",
                            "nl": "Optreden tegen «financiering».",
                        },
                    ),
                    FollowUpTable(
                        [
                            FollowUpRow(
                                {"fr": "L'échange", "nl": "De 'uitwisseling'"},
                                state={
                                    "fr": 'Prévu au 2e trimestre ; "urgent"',
                                    "nl": '"dringend"',
                                },
                                lead={"fr": "Sûreté de l'État", "nl": "Veiligheid van de Staat"},
                                deadline="2019-03-01",
                            )
                        ]
                    ),
                ],
            )
        ],
    )


def _all_paragraphs(plan) -> list[Paragraph]:
    found = [*plan.place_lines, plan.title]
    for line in plan.meta:
        found.append(line.value)

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Paragraph):
                found.append(item)
            elif isinstance(item, ClauseFrame):
                walk([item.lead_in] if item.lead_in else [])
                walk(item.paragraphs)
            elif isinstance(item, Table):
                for row in [item.header, *item.rows]:
                    for cell in row:
                        walk(cell)
            elif isinstance(item, SideBySide):
                for left, right in item.rows:
                    walk(left)
                    walk(right)

    walk(plan.body)
    return found


def _texts_in(plan, lang: str) -> str:
    """Every text of ``lang`` in the plan, one span after another."""
    return "\n".join(
        "".join(s.text for s in p.spans if (s.lang or p.lang) == lang)
        for p in _all_paragraphs(plan)
    )


def test_french_typography_reaches_every_text_of_the_export():
    french = _texts_in(build_plan(typed_note(), library()), "fr")
    for expected in (
        f"Le «{NBSP}plan{NBSP}» du 1er semestre",  # the title and the subject
        "Monsieur l’Ambassadeur",  # the first-page block
        "Marie D’Hondt",
        "Cabinet de l’Intérieur",
        f"Les «{NBSP}sortants{NBSP}»",  # a section title
        f"Il a dit «{NBSP}oui{NBSP}» à l’invitation du XIXe siècle.",  # free text
        f"Le «{NBSP}financement{NBSP}»",  # a copied clause: its title and its text
        f"Agir contre «{NBSP}le financement{NBSP}».",
        "L’échange",  # the follow-up table's cells
        f"Prévu au 2e trimestre{NNBSP}; «{NBSP}urgent{NBSP}»",
        "Sûreté de l’État",
        "1er février 2016",  # dates
    ):
        assert expected in french
    assert "'" not in french and '"' not in french


def test_dutch_typography_reaches_every_text_of_the_export():
    dutch = _texts_in(build_plan(typed_note(), library()), "nl")
    for expected in (
        "Het “plan” voor het 1e semester",
        "De heer ‘ambassadeur’",
        "De ‘vrijgelatenen’",
        "Hij zei “ja” tegen de ‘uitnodiging’.",
        "De “financiering”",
        "Optreden tegen “financiering”.",
        "De ‘uitwisseling’",
        "“dringend”",
    ):
        assert expected in dutch
    assert "'" not in dutch and '"' not in dutch and "«" not in dutch and "„" not in dutch


def test_a_clause_is_named_with_its_typography_in_each_language():
    plan = build_plan(typed_note(), library())
    frames = [
        item
        for block in plan.body
        if isinstance(block, SideBySide)
        for left, right in block.rows
        for item in (*left, *right)
        if isinstance(item, ClauseFrame)
    ]
    assert [(f.lang, f.title) for f in frames] == [
        ("fr", f"Le «{NBSP}financement{NBSP}»"),
        ("nl", "De “financiering”"),
    ]


def test_the_reference_is_an_identifier_and_is_exported_as_typed():
    typed = typed_note(NoteLanguage.FR)
    typed.reference = "CAB/2018/'12345'"
    plan = build_plan(typed, library())
    values = {line.label.text: line.value.text for line in plan.meta}
    assert values["Réf."] == "CAB/2018/'12345'"


def test_typography_never_changes_the_note():
    import copy

    typed = typed_note()
    kept = copy.deepcopy(typed)
    for language in (NoteLanguage.FR, NoteLanguage.NL, NoteLanguage.BILINGUAL):
        build_plan(typed, library(), language)
    assert typed == kept


def _raised(paragraph: Paragraph) -> list[tuple[str, bool, str | None]]:
    return [(s.text, s.superscript, s.lang) for s in paragraph.spans]


def test_french_ordinals_are_raised_spans_in_their_language():
    plan = build_plan(typed_note(), library())
    values = {line.label.text: line.value for line in plan.meta}
    date_line = values["Date / Datum"]
    assert date_line.text == "1er février 2016 / 1 februari 2016"  # the text reads the same
    assert _raised(date_line) == [
        ("1", False, "fr"),
        ("er", True, "fr"),
        (" février 2016", False, "fr"),
        (" / ", False, "nl"),
        ("1 februari 2016", False, "nl"),
    ]
    raised = [
        (s.text, s.lang or p.lang) for p in _all_paragraphs(plan) for s in p.spans if s.superscript
    ]
    assert ("e", "fr") in raised  # XIXe, 2e trimestre
    assert all(lang != "nl" for _text, lang in raised)  # Dutch writes 1e on the line
    assert raised.count(("er", "fr")) >= 2  # the subject's 1er semestre and the date


def test_a_raised_ordinal_in_a_variable_stays_a_variable():
    typed = typed_note(NoteLanguage.FR)
    typed.sections[0].blocks = [TextBlock({"fr": "Réunion du {meeting_date}."})]
    typed.meeting_date = date(2018, 6, 1)
    plan = build_plan(typed, library())
    (paragraph,) = [p for p in _all_paragraphs(plan) if p.text.startswith("Réunion du")]
    assert [(s.text, s.mark, s.superscript) for s in paragraph.spans] == [
        ("Réunion du ", Mark.NONE, False),
        ("1", Mark.VARIABLE, False),
        ("er", Mark.VARIABLE, True),
        (" juin 2018", Mark.VARIABLE, False),
        (".", Mark.NONE, False),
    ]


def test_a_follow_up_table_gives_the_commitment_and_state_the_room():
    plan = build_plan(typed_note(NoteLanguage.FR), library())
    (table,) = [i for i in plan.body if isinstance(i, Table)]
    assert table.widths == [5.0, 4.8, 3.0, 3.2]


# --- formatted text ---------------------------------------------------------------


def formatted_note(fr, nl=None, language=NoteLanguage.FR) -> Note:
    texts = {"fr": fr} if nl is None else {"fr": fr, "nl": nl}
    return Note(
        subject={"fr": "S", "nl": "S"},
        variables={"minister": {"fr": "le ministre", "nl": "de minister"}},
        language=language,
        sections=[Section({"fr": "Points", "nl": "Punten"}, [TextBlock(texts)])],
    )


def body_paragraphs(plan) -> list[Paragraph]:
    found = []
    for item in plan.body:
        if isinstance(item, Paragraph) and item.style is not Style.HEADING1:
            found.append(item)
        elif isinstance(item, SideBySide):
            for left, right in item.rows:
                found.extend(p for p in [*left, *right] if isinstance(p, Paragraph))
    return found


def test_bold_and_italic_runs_reach_the_plan_with_typography_across_their_boundaries():
    from app.text.richtext import TextRun, paragraph, rich

    text = rich(
        [
            paragraph(
                [
                    TextRun('Il a dit "'),
                    TextRun("oui", True),
                    TextRun('" : au '),
                    TextRun("1er", italic=True),
                    TextRun(" point"),
                ]
            )
        ]
    )
    (par,) = body_paragraphs(build_plan(formatted_note(text), library()))
    assert par.text == f"Il a dit «{NBSP}oui{NBSP}»{NBSP}: au 1er point"
    bold = [s.text for s in par.spans if s.bold]
    italic = [(s.text, s.superscript) for s in par.spans if s.italic]
    assert bold == ["oui"]
    assert italic == [("1", False), ("er", True)]  # the ordinal is raised inside the italic run


def test_a_variable_whose_format_changes_inside_it_is_still_filled():
    from app.text.richtext import TextRun, paragraph, rich

    text = rich([paragraph([TextRun("Pour {mini"), TextRun("ster} :", True)])])
    (par,) = body_paragraphs(build_plan(formatted_note(text), library()))
    assert par.text == f"Pour le ministre{NBSP}:"
    (variable,) = [s for s in par.spans if s.mark is Mark.VARIABLE]
    assert variable.text == "le ministre" and not variable.bold  # the format it starts in


def test_characters_word_cannot_hold_are_cleaned_in_each_run():
    from app.text.richtext import TextRun, paragraph, rich

    text = rich([paragraph([TextRun("a\x01b", True), TextRun("c\x92d")])])
    plan = build_plan(formatted_note(text), library())
    (par,) = body_paragraphs(plan)
    assert par.text == "abc’d"
    assert any(w.code == "cleaned_characters" for w in plan.warnings)


def test_lists_get_their_styles_levels_and_an_id_per_list_in_each_language():
    from app.text.richtext import ListKind, paragraph, rich

    def two_lists(word):
        return rich(
            [
                paragraph(f"{word} 1", ListKind.NUMBERED),
                paragraph(f"{word} 2", ListKind.NUMBERED),
                paragraph(f"{word} a", ListKind.BULLET, 1),
                paragraph(""),  # an empty line ends the list, and is left out
                paragraph(f"{word} 3", ListKind.NUMBERED),
                paragraph("- typed dash"),
            ]
        )

    plan = build_plan(
        formatted_note(two_lists("un"), two_lists("een"), NoteLanguage.BILINGUAL), library()
    )
    paragraphs = body_paragraphs(plan)
    fr, nl = paragraphs[:5], paragraphs[5:]
    assert [(p.style, p.level, p.text) for p in fr] == [
        (Style.NUMBER, 0, "un 1"),
        (Style.NUMBER, 0, "un 2"),
        (Style.BULLET, 1, "un a"),
        (Style.NUMBER, 0, "un 3"),
        (Style.BULLET, 0, "typed dash"),  # a line typed "- " is a bullet, as it always was
    ]
    assert fr[0].list_id == fr[1].list_id != fr[3].list_id
    ids = {p.list_id for p in fr if p.style is Style.NUMBER}
    assert ids.isdisjoint({p.list_id for p in nl})  # the Dutch column counts on its own


def test_a_copied_clause_keeps_its_bold_in_the_frame():
    from app.text.richtext import TextRun, paragraph, rich

    copied = CopiedClause(
        "vd2.1.4", 1, {}, {"fr": rich([paragraph([TextRun("Agir "), TextRun("vite", True)])])}
    )
    n = Note(subject={"fr": "S"}, sections=[Section({"fr": "S"}, [copied])])
    (frame,) = [i for i in build_plan(n, library()).body if isinstance(i, ClauseFrame)]
    assert [(s.text, s.bold) for s in frame.paragraphs[0].spans] == [
        ("Agir ", False),
        ("vite", True),
    ]


def cited_rows_note(language: NoteLanguage, *tables: FollowUpTable) -> Note:
    return Note(
        subject={"fr": "Suivi", "nl": "Opvolging"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        date=date(2018, 6, 11),
        language=language,
        sections=[Section({"fr": "Éléments de langage", "nl": "Spreekpunten"}, list(tables))],
    )


@pytest.mark.parametrize("language", list(NoteLanguage))
def test_a_table_of_commitment_names_only_is_one_check_line_counting_its_rows(language):
    names = [FollowUpRow(clause_id="vd2.1.4"), FollowUpRow(clause_id="vd2.2.1")]
    table = FollowUpTable(
        [
            *names,
            FollowUpRow({"fr": "PNR", "nl": "PNR"}, deadline_text={"fr": ""}),
            FollowUpRow({"fr": "Fait", "nl": "Gedaan"}, deadline="2018-12-01"),  # a deadline
            FollowUpRow({"fr": "ECE", "nl": "GOT"}),
        ]
    )
    plan = build_plan(cited_rows_note(language, table), library())
    (line,) = [w for w in plan.warnings if w.code == "incomplete_rows"]
    # An English interface names the section in the file's first language.
    name = "Spreekpunten" if language is NoteLanguage.NL else "Éléments de langage"
    assert line.message == (
        f"The follow-up table in “{name}”: 4 rows (1–3, 5) have no state of play, "
        "lead service or deadline; their cells are exported empty."
    )
    assert (line.block_id, line.row, line.column) == (table.id, 0, "state")
    assert line.section_id == plan.body[0].block_id  # the section, for the click


def test_one_row_without_state_lead_or_deadline_is_said_in_the_singular():
    table = FollowUpTable([FollowUpRow(clause_id="vd2.1.4"), FollowUpRow(state={"fr": "En cours"})])
    plan = build_plan(cited_rows_note(NoteLanguage.FR, table), library())
    assert [w.message for w in plan.warnings if w.code == "incomplete_rows"] == [
        "The follow-up table in “Éléments de langage”: row 1 has no state of play, lead "
        "service or deadline; its cells are exported empty."
    ]
    filled = FollowUpTable([FollowUpRow(clause_id="vd2.1.4", lead={"nl": "FOD"})])
    plan = build_plan(cited_rows_note(NoteLanguage.FR, filled), library())
    assert not [w for w in plan.warnings if w.code == "incomplete_rows"]


@pytest.mark.parametrize(
    ("rows", "text"),
    [([0], "1"), ([0, 1], "1, 2"), ([0, 1, 2, 3], "1–4"), ([4, 0, 1, 2, 6, 7], "1–3, 5, 7, 8")],
)
def test_row_numbers_are_counted_from_one_with_runs_shortened(rows, text):
    from app.export.followup import row_numbers

    assert row_numbers(rows) == text


def test_two_tables_in_one_section_are_told_apart_by_their_rank():
    first = FollowUpTable([FollowUpRow({"fr": "PNR"}, state={"fr": "En cours"})])
    second = FollowUpTable([FollowUpRow(clause_id="vd2.1.4"), FollowUpRow({"fr": "ECE"})])
    empty = FollowUpTable([])
    plan = build_plan(cited_rows_note(NoteLanguage.NL, first, second, empty), library())
    messages = [w.message for w in plan.warnings if w.block_id in (first.id, second.id, empty.id)]
    assert messages == [
        "The 1st follow-up table in “Spreekpunten”, row 1, Commitment: no Dutch text; "
        "it is marked as missing in the file.",
        "The 1st follow-up table in “Spreekpunten”, row 1, State of play: no Dutch text; "
        "it is marked as missing in the file.",
        "The 2nd follow-up table in “Spreekpunten”, row 2, Commitment: no Dutch text; "
        "it is marked as missing in the file.",
        "The 2nd follow-up table in “Spreekpunten”: 2 rows (1, 2) have no state of play, "
        "lead service or deadline; their cells are exported empty.",
        "The 3rd follow-up table in “Spreekpunten” has no rows; it is left out of the file.",
    ]
    alone = build_plan(cited_rows_note(NoteLanguage.NL, second), library())
    assert [w.message for w in alone.warnings if w.code == "incomplete_rows"][0].startswith(
        "The follow-up table in “Spreekpunten”:"
    )


@pytest.mark.parametrize(
    ("interface", "export", "name", "other"),
    [
        ("nl", NoteLanguage.FR, "“Spreekpunten”", "Éléments"),
        ("fr", NoteLanguage.NL, f"«{NBSP}Éléments de langage{NBSP}»", "Spreekpunten"),
        ("en", NoteLanguage.BILINGUAL, "“Éléments de langage”", "Spreekpunten"),
    ],
)
def test_the_check_names_a_section_in_the_interface_language_in_every_line(
    interface, export, name, other
):
    from app.language import i18n

    i18n.set_language(interface)
    table = FollowUpTable([FollowUpRow({"fr": "PNR"}), FollowUpRow(state={"nl": "Bezig"})])
    section = Section(
        {"fr": "Éléments de langage", "nl": "Spreekpunten"},
        [TextBlock({"fr": "Oui.", "nl": ""}), TextBlock({"nl": "Ja."}), table],
    )
    plan = build_plan(
        Note(subject={"fr": "S", "nl": "S"}, language=export, sections=[section]), library()
    )
    lines = [w.message for w in plan.warnings if w.section_id == section.id]
    assert len(lines) >= 2
    assert all(name in line for line in lines), lines
    assert not any(other in line for line in lines)
