"""Make the README screenshots: the real window under Xvfb, with a note of several commitments.

Run ``xvfb-run -s '-screen 0 1440x900x24' .venv/bin/python docs/screenshots/make.py fr``
(or ``nl``; add ``--scale 2`` with a 2880x1800 screen for 200%). It writes
``docs/screenshots/main-<lang>.png`` with ImageMagick's ``import``. A throw-away user
folder keeps the user's own settings out of it. ``--locale DIR`` points at catalogs not
yet merged into resources/locale.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def sample_note(language: str):
    """A follow-up note on Val Duchesse II, as an adviser would have it half-written."""
    from app.collection.actions import load_all
    from app.language.classification import Classification
    from app.language.codes import NoteLanguage
    from app.notes import skeletons
    from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, TextBlock

    library = load_all().library
    note = skeletons.new_note("bilateral")
    note.language = NoteLanguage(language)
    note.subject = {
        "fr": "Suivi de la déclaration conjointe Val Duchesse II",
        "nl": "Opvolging van de gemeenschappelijke verklaring Val Duchesse II",
    }
    note.author = "Claire Dubois"
    note.cabinet = {"fr": "Cabinet du Premier ministre", "nl": "Kabinet van de Eerste Minister"}
    note.date = date(2018, 6, 20)
    note.meeting_date = date(2018, 6, 25)
    note.reference = "CAB/PM/2018/0611"
    note.classification = Classification.RESTRICTED
    note.variables = {"minister": {"fr": "Premier ministre", "nl": "Eerste Minister"}}

    def linked(clause_id: str) -> LinkedClause:
        return LinkedClause(clause_id, library.get(clause_id).revision)

    context, commitments, state, talking, decision = note.sections
    context.blocks = [
        TextBlock(
            {
                "fr": "La réunion du {meeting_date} fait le point sur la déclaration signée à Paris "
                "le 11 juin 2018, un an après la communication du 16 octobre 2017.",
                "nl": "De vergadering van {meeting_date} maakt de balans op van de verklaring die op "
                "11 juni 2018 in Parijs werd ondertekend.",
            }
        ),
        linked("vd2.0.3"),
    ]
    commitments.blocks = [linked("vd2.1.3"), linked("vd2.2.7"), linked("vd2.3.2")]
    state.blocks = [
        FollowUpTable(
            [
                FollowUpRow(
                    clause_id="vd2.1.3",
                    state={"fr": "Deux ECE constituées", "nl": "Twee GOT opgericht"},
                    lead={"fr": "Parquet fédéral", "nl": "Federaal parket"},
                    deadline="2018-12-31",
                ),
                FollowUpRow(
                    clause_id="vd2.3.2",
                    state={
                        "fr": "Étude de faisabilité en cours",
                        "nl": "Haalbaarheidsstudie lopend",
                    },
                    lead={"fr": "SPF Mobilité", "nl": "FOD Mobiliteit"},
                    deadline="2019-03-31",
                ),
            ]
        )
    ]
    talking.blocks = [
        TextBlock(
            {
                "fr": "- Le {minister} salue la constitution rapide des équipes communes d’enquête.\n"
                "- Il propose d’élargir le PNR ferroviaire aux liaisons Thalys.",
                "nl": "- De {minister} is verheugd over de snelle oprichting van de gemeenschappelijke "
                "onderzoeksteams.\n- Hij stelt voor de spoor-PNR uit te breiden tot de Thalysverbindingen.",
            }
        )
    ]
    decision.blocks = [
        TextBlock(
            {
                "fr": "Prendre acte de l’état d’avancement et charger le {counterpart} de préparer la "
                "prochaine réunion ministérielle.",
            }
        )
    ]
    return note


def main() -> None:
    """Start the window on the sample note, wait for it to settle, and photograph the screen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("interface", choices=["fr", "nl", "en"])
    parser.add_argument("--note-language", default=None, help="fr, nl or fr+nl")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--locale", type=Path, help="a folder of catalogs to use instead")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--focus", type=int, nargs=2, default=(1, 1), metavar=("SECTION", "BLOCK"))
    args = parser.parse_args()
    note_language = args.note_language or {"fr": "fr", "nl": "fr+nl", "en": "fr"}[args.interface]
    output = args.output or ROOT / "docs" / "screenshots" / f"main-{args.interface}.png"
    with tempfile.TemporaryDirectory() as folder:
        for key, name in (
            ("CLAUSIER_DATA_DIR", "data"),
            ("CLAUSIER_CONFIG_DIR", "config"),
            ("CLAUSIER_SITE_CONFIG_DIR", "site"),
            ("CLAUSIER_LOG_DIR", "log"),
        ):
            os.environ[key] = str(Path(folder) / name)
        if args.scale != 1.0:
            os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        config = Path(folder) / "config"
        config.mkdir()
        (config / "clausier.ini").write_text(
            f"[settings]\ninterface_language = {args.interface}\nautosave_seconds = 0\n"
        )
        locale = args.locale
        if locale:
            from app.language import i18n

            i18n.locale_dir = lambda: locale
        from app.notes import file as notefile

        path = Path(folder) / "suivi-val-duchesse-ii.clausier"
        notefile.write(sample_note(note_language), path)

        from ui.main import application, build_services, start
        from ui.qt import QApplication, QCursor, QPoint, QTimer

        app = application()
        workspace = start(build_services(), [str(path)])

        def arrange() -> None:
            window = workspace.windows[0]
            screen = QApplication.primaryScreen().geometry()
            window.setGeometry(screen)
            window.library.search.setText("PNR")
            window.composer.metadata.toggle.setChecked(False)  # the details fold to one line
            section, block = args.focus
            window.composer.focus_block(window.document.note.sections[section].blocks[block].id)
            window.preview.schedule(immediately=True)
            QCursor.setPos(QPoint(screen.width() - 2, screen.height() - 2))  # out of the way
            QTimer.singleShot(1500, shoot)

        def shoot() -> None:
            subprocess.run(["import", "-window", "root", str(output)], check=True)
            print(output)
            app.quit()

        QTimer.singleShot(1200, arrange)
        app.exec()


if __name__ == "__main__":
    main()
