"""Tests for the shipped library: built from the seed and the overlay, bilingual, consistent."""

from __future__ import annotations

import json
import re

import pytest

from app.library import build as librarybuild
from app.library import clauses as library_mod
from app.library.build import OverlayError, build, fr_digest, is_current, main
from app.library.clauses import Kind, Status

SHIPPED = librarybuild.output_path()
OVERLAY = librarybuild.overlay_path()

#: French source term (regular expression) → the Dutch term our glossary imposes.
GLOSSARY = [
    (r"équipes? communes? d’enquêtes?", "gemeenschappelijke onderzoeksteams"),
    (r"\(ECE\)", "(GOT)"),
    (
        r"centres de coopération policière et douanière",
        "centra voor politie- en douanesamenwerking",
    ),
    (r"\(CCPD\)", "(CPDS)"),
    (r"magistrat de liaison", "verbindingsmagistraat"),
    (r"combattants terroristes étrangers", "buitenlandse terroristische strijders"),
    (r"mineurs revenants", "terugkerende minderjarigen"),
    (r"Système d’Information Schengen", "Schengeninformatiesysteem"),
    (r"preuves? numériques?", "digitaal bewijsmateriaal"),
    (r"\bRGPD\b", "AVG"),
    (r"\bCJUE\b", "Hof van Justitie van de EU"),
    (r"Conseil (JAI|\(Justice et Affaires intérieures\))", "JBZ-Raad"),
    (r"centres? de crise", "crisiscentr"),
    (r"précurseurs (d’)?explosifs", "precursoren voor explosieven"),
    (r"Premiers? ministres?", "Eerste Minister"),
    (r"ministres? de l’Intérieur", "ministers van Binnenlandse Zaken"),
]


@pytest.fixture(scope="module")
def shipped():
    return library_mod.load_file(SHIPPED)


def overlay_copy(tmp_path, change):
    data = json.loads(OVERLAY.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "overlay.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- the shipped file is the build's output ------------------------------------------------


def test_shipped_library_equals_a_fresh_build():
    assert is_current()
    assert SHIPPED.read_text(encoding="utf-8") == library_mod.dumps(build())


def test_check_exits_0_when_current_and_1_when_out_of_date(tmp_path, monkeypatch, capsys):
    assert main(["--check"]) == 0
    stale = tmp_path / "val-duchesse-ii.json"
    stale.write_text(SHIPPED.read_text(encoding="utf-8").replace("Parijs", "Paris"), "utf-8")
    monkeypatch.setattr(librarybuild, "output_path", lambda: stale)
    assert main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert not is_current(tmp_path / "absent.json")


def test_build_writes_the_shipped_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "val-duchesse-ii.json"
    monkeypatch.setattr(librarybuild, "output_path", lambda: target)
    assert main(["--quiet"]) == 0
    assert target.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")
    assert "29 clauses written" in capsys.readouterr().out


def test_overlay_is_not_loaded_as_a_library_file():
    files = library_mod.builtin_library_files()
    assert SHIPPED in files and OVERLAY not in files
    assert OVERLAY.is_file()


# --- the source --------------------------------------------------------------------------


def test_source_metadata(shipped):
    source = shipped.sources["vd2"]
    assert source.title == {
        "fr": "Réunion franco-belge « Val Duchesse II » — Déclaration conjointe",
        "nl": "Frans-Belgische bijeenkomst “Val Duchesse II” — Gemeenschappelijke verklaring",
    }
    assert source.date.isoformat() == "2018-06-11"
    assert source.place == {"fr": "Paris", "nl": "Parijs"}
    assert source.parties == ("France", "Belgique")
    assert source.url.startswith("https://premier.wilmes-ii.archive.belgium.be/fr/")
    assert [p.number for p in source.parts] == [0, 1, 2, 3]
    assert source.part(3).title == {"fr": "Au niveau européen", "nl": "Op Europees niveau"}
    assert all(p.title.get("fr") and p.title.get("nl") for p in source.parts)


# --- the clauses --------------------------------------------------------------------------


def test_ids_and_counts(shipped):
    ids = list(shipped.clauses)
    assert ids == [f"vd2.0.{k}" for k in range(1, 9)] + [
        f"vd2.{part}.{k}" for part in (1, 2, 3) for k in range(1, 8)
    ]
    for clause in shipped:
        _, part, position = clause.id.split(".")
        assert (clause.origin.source, clause.origin.part, clause.origin.position) == (
            "vd2",
            int(part),
            int(position),
        )
        assert clause.kind is (Kind.CONTEXT if part == "0" else Kind.COMMITMENT)


def test_every_clause_is_complete_in_both_languages(shipped):
    for clause in shipped:
        assert clause.title.get("fr") and clause.title.get("nl"), clause.id
        assert clause.text_in("fr").strip() and clause.text_in("nl").strip(), clause.id
        assert clause.status_in("fr") is Status.OFFICIAL, clause.id
        assert clause.status_in("nl") is Status.UNOFFICIAL, clause.id
        assert clause.revision == 1, clause.id
        assert clause.text_in("nl").count("\n") == clause.text_in("fr").count("\n"), clause.id


def test_tags_are_few_consistent_french_keywords(shipped):
    vocabulary = set(json.loads(OVERLAY.read_text(encoding="utf-8"))["vocabulary"])
    used = set()
    for clause in shipped:
        assert 1 <= len(clause.tags) <= 5, clause.id
        assert len(set(clause.tags)) == len(clause.tags), clause.id
        for tag in clause.tags:
            assert tag == tag.lower() or tag.isupper(), tag
            used.add(tag)
    assert used <= vocabulary
    assert {"financement", "frontières", "PNR"} <= used
    assert "PNR" in shipped.get("vd2.3.2").tags
    assert "financement" in shipped.get("vd2.1.4").tags


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_texts_carry_no_damage_and_use_typographic_apostrophes(shipped, lang):
    for clause in shipped:
        for text in (clause.text_in(lang), clause.title[lang]):
            assert not re.search(r"[^\W\d_]\?[^\W\d_]|\?uvr|\?\?", text), clause.id
            assert "?" not in text and "'" not in text, clause.id
            assert "\u00a0" not in text and "\u202f" not in text and "  " not in text, clause.id


def test_french_text_keeps_guillemets_without_added_spacing(shipped):
    assert "(« No Money For Terror », Paris, 25-26 avril 2018) ;" in shipped.get("vd2.1.5").text_in(
        "fr"
    )
    assert "“No Money For Terror”" in shipped.get("vd2.1.5").text_in("nl")
    assert "D’œuvrer à la mise en place d’une « quadripartite ministérielle »" in shipped.get(
        "vd2.1.7"
    ).text_in("fr")


def test_french_texts_are_the_importers(shipped):
    assert shipped.get("vd2.1.1").text_in("fr").endswith("entre nos services.")
    assert "[à court et moyen terme]" in shipped.get("vd2.2.2").text_in("fr")
    assert "[op korte en middellange termijn]" in shipped.get("vd2.2.2").text_in("nl")
    assert shipped.get("vd2.3.7").text_in("fr").endswith("sur l’Internet.")
    assert (
        shipped.get("vd2.3.4")
        .text_in("nl")
        .split("\n")[1]
        .startswith("Om de grensoverschrijdende toegang tot digitaal bewijsmateriaal")
    )


@pytest.mark.parametrize(("french", "dutch"), GLOSSARY)
def test_dutch_follows_the_glossary(shipped, french, dutch):
    concerned = [c for c in shipped if re.search(french, c.text_in("fr"))]
    assert concerned, f"no clause uses {french}"
    for clause in concerned:
        assert dutch in clause.text_in("nl"), clause.id


@pytest.mark.parametrize(("french", "dutch"), GLOSSARY)
def test_dutch_titles_follow_the_glossary_too(shipped, french, dutch):
    for clause in shipped:
        if re.search(french, clause.title["fr"], re.IGNORECASE):
            assert dutch.lower() in clause.title["nl"].lower(), clause.id


def test_glossary_terms_are_used_in_titles_and_texts(shipped):
    titles = " ".join(c.title["nl"] for c in shipped)
    for term in (
        "Hof van Justitie van de EU",
        "Gemeenschappelijke onderzoeksteams",
        "terugkerende minderjarigen",
        "Precursoren voor explosieven",
        "crisiscentra",
        "Eerste Ministers",
        "AVG",
    ):
        assert term in titles, term
    texts = " ".join(c.text_in("nl") for c in shipped)
    assert all(dutch in texts for _french, dutch in GLOSSARY)


#: Calques and misreadings found in review, each with the wording that replaced it.
REVIEWED = [
    ("vd2.0.3", "gerichte uitwisselingen", "uitwisselingen op ad-hocbasis"),
    ("vd2.0.3", "hervormingen te dragen", "hervormingen te steunen"),
    (
        "vd2.0.4",
        "penitentiaire inlichtingen uit",
        "penitentiaire inlichtingenwerking uit te bouwen",
    ),
    ("vd2.0.5", "Prefect van Hauts", "de prefect van de regio Hauts-de-France"),
    ("vd2.0.8", "onverminderd", "onverdroten"),
    ("vd2.1.4", "Onderstrepend", "Wijzend op de noodzaak om"),
    ("vd2.1.5", "Onderstrepend", "Wijzend op de noodzaak om"),
    ("vd2.1.7", "quadripartite", "vierpartijenoverleg op ministerieel niveau"),
    ("vd2.2.2", "van gemeen recht", "gemeenrechtelijke gedetineerden"),
    ("vd2.2.3", "penitentiaire inlichtingen,", "penitentiaire inlichtingenwerking"),
    ("vd2.3.1", "zich de voorbije twee jaar van", "talrijke instrumenten ingevoerd"),
    ("vd2.3.2", "betekent een belangrijke vooruitgang", "is een belangrijke stap vooruit"),
    ("vd2.3.4", "zich voorzien van", "moet een ambitieuze regeling tot stand brengen"),
    ("vd2.3.7", "artisanale", "het zelf vervaardigen van explosieven"),
    ("vd2.3.7", "professionelen", "professionele gebruikers"),
]


@pytest.mark.parametrize(("clause_id", "calque", "wording"), REVIEWED)
def test_dutch_reads_as_belgian_dutch_not_as_french(shipped, clause_id, calque, wording):
    dutch = shipped.get(clause_id).text_in("nl")
    assert calque not in dutch and wording in dutch


def test_no_dutch_text_or_title_keeps_a_known_calque(shipped):
    calques = re.compile(
        r"zich \w+(?: \w+){0,6} voorzien|Onderstrepend|quadripartite|van gemeen recht|"
        r"artisana|professionelen|penitentiaire inlichtingen\b(?!werking)|illustreert"
    )
    for clause in shipped:
        for text in (clause.text_in("nl"), clause.title["nl"]):
            assert not calques.search(text), (clause.id, calques.search(text).group(0))


def test_dutch_quotes_are_double_curly_quotes_as_the_export_writes_them(shipped):
    for clause in shipped:
        for text in (clause.text_in("nl"), clause.title["nl"], clause.remark.split(" / ")[-1]):
            assert not re.search('[«»‘"]', text), clause.id
            assert text.count("“") == text.count("”"), clause.id
    assert "“Val Duchesse II”" in shipped.sources["vd2"].title["nl"]


def test_every_repair_of_the_wording_has_a_bilingual_remark(shipped):
    from app.library.importer import import_file

    imported = import_file(librarybuild.source_text_path(), source_id="vd2", id_prefix="vd2")
    for clause in imported.clauses:
        if clause.remark:
            french, dutch = shipped.get(clause.id).remark.split(" / ")
            assert french and dutch, clause.id
    assert "« en cas de de gestion de crise »" in shipped.get("vd2.1.6").remark
    assert "“./.”" in shipped.get("vd2.3.7").remark


def test_financing_commitments_are_near_duplicates_both_ways(shipped):
    first, second = shipped.get("vd2.1.4"), shipped.get("vd2.1.5")
    assert first.near_duplicates == ("vd2.1.5",)
    assert second.near_duplicates == ("vd2.1.4",)
    assert "vd2.1.5" in first.remark and "vd2.1.4" in second.remark
    assert [c.id for c in shipped if c.near_duplicates] == ["vd2.1.4", "vd2.1.5"]


# --- the overlay guards the translation ------------------------------------------------------


def test_changed_french_text_stops_the_build_until_reviewed(tmp_path):
    def stale(data):
        data["clauses"]["vd2.2.3"]["fr_digest"] = fr_digest("an older French text")

    with pytest.raises(OverlayError, match="vd2.2.3: the French text changed"):
        build(overlay=overlay_copy(tmp_path, stale))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["clauses"].pop("vd2.3.5"), "no entry for vd2.3.5"),
        (lambda d: d["clauses"].update({"vd2.4.1": {}}), "did not produce: vd2.4.1"),
        (lambda d: d["clauses"]["vd2.1.2"]["tags"].append("divers"), "outside the vocabulary"),
        (lambda d: d["clauses"]["vd2.1.2"]["title"].pop("nl"), "vd2.1.2: a title"),
        (lambda d: d["clauses"]["vd2.3.4"].update(nl="Eén alinea."), "as many paragraphs"),
        (lambda d: d["clauses"]["vd2.3.2"].update(near_duplicates=["vd2.3.3"]), "each other"),
        (lambda d: d["source"]["parts"].pop("2"), "title for part 2"),
        (lambda d: d.update(format="other"), "not a library overlay"),
    ],
)
def test_overlay_mistakes_stop_the_build(tmp_path, change, message):
    with pytest.raises(OverlayError, match=re.escape(message)):
        build(overlay=overlay_copy(tmp_path, change))


@pytest.mark.parametrize("clause_id", ["vd2.1.6", "vd2.3.7", "vd2.1.1"])
def test_a_clause_whose_wording_the_importer_repaired_needs_a_remark(tmp_path, clause_id):
    def forget(data):
        data["clauses"][clause_id].pop("remark")

    with pytest.raises(OverlayError, match=f"{re.escape(clause_id)}: the importer changed"):
        build(overlay=overlay_copy(tmp_path, forget))


def test_glossary_violation_in_a_title_stops_the_build(tmp_path):
    def drift(data):
        data["clauses"]["vd2.3.6"]["title"]["nl"] = "AVG, rechtspraak van het Hof en terrorisme"

    with pytest.raises(OverlayError, match=re.escape("vd2.3.6 (title): “CJUE”")):
        build(overlay=overlay_copy(tmp_path, drift))


def test_glossary_violation_stops_the_build(tmp_path):
    def drift(data):
        entry = data["clauses"]["vd2.2.4"]
        entry["nl"] = entry["nl"].replace("Schengeninformatiesysteem", "Schengen-systeem")

    with pytest.raises(OverlayError, match="vd2.2.4: “Système d’Information Schengen”"):
        build(overlay=overlay_copy(tmp_path, drift))


def test_build_errors_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "overlay.json"
    broken.write_text("{", encoding="utf-8")
    monkeypatch.setattr(librarybuild, "overlay_path", lambda: broken)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Cannot read overlay.json") and err.count("\n") == 1
