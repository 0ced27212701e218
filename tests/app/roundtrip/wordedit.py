"""Edit an exported .docx the way Word writes its XML: a sample note, lxml edits, a new zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from app.docx import export_plan
from app.export.render import build_plan
from app.export.word import default_template
from app.language.codes import NoteLanguage
from app.library import clauses as library_mod
from app.notes.note import LinkedClause, Note, Section, TextBlock

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NS = {"w": W_NS}
AUTHOR = "Chef de cabinet"
DATE = "2026-01-05T10:12:00Z"


def sample_note(language: NoteLanguage = NoteLanguage.FR) -> Note:
    """Context (two free texts, one with a variable) and three linked commitments."""
    return Note(
        subject={"fr": "Réunion Val Duchesse", "nl": "Vergadering Val Duchesse"},
        language=language,
        variables={"minister": {"fr": "M. Dupont", "nl": "de heer Dupont"}},
        sections=[
            Section(
                {"fr": "Contexte", "nl": "Context"},
                [
                    TextBlock(
                        {
                            "fr": "Le ministre {minister} rappelle les engagements pris.\n"
                            "La coopération reste étroite.",
                            "nl": "De minister {minister} herinnert aan de verbintenissen.\n"
                            "De samenwerking blijft nauw.",
                        },
                        id="t1",
                    ),
                    TextBlock(
                        {"fr": "Un paragraphe de conclusion.", "nl": "Een slotalinea."},
                        id="t2",
                    ),
                ],
                id="s1",
            ),
            Section(
                {"fr": "Engagements", "nl": "Verbintenissen"},
                [
                    LinkedClause("vd2.1.1", 1, id="c1"),
                    LinkedClause("vd2.1.2", 1, id="c2"),
                    LinkedClause("vd2.1.3", 1, id="c3"),
                ],
                id="s2",
            ),
        ],
    )


def export(note: Note, path: Path, language: NoteLanguage | None = None, library=None) -> Path:
    """Write ``note`` as Clausier exports it (with the built-in library unless told)."""
    plan = build_plan(note, library or library_mod.builtin(), language)
    export_plan(plan, path, template=default_template())
    return path


class WordXml:
    """An exported .docx opened for editing: its document part as an lxml tree."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.entries = {info.filename: archive.read(info) for info in archive.infolist()}
        self.root = etree.fromstring(self.entries["word/document.xml"])
        self.body = self.root.find(W + "body")

    # -- finding ---------------------------------------------------------------------

    def paragraphs(self) -> list[etree._Element]:
        return list(self.body.iter(W + "p"))

    def paragraph(self, containing: str) -> etree._Element:
        for paragraph in self.paragraphs():
            if containing in "".join(paragraph.itertext()):
                return paragraph
        raise KeyError(containing)

    def control(self, tag: str) -> etree._Element:
        for sdt in self.body.iter(W + "sdt"):
            found = sdt.find(f"{W}sdtPr/{W}tag")
            if found is not None and found.get(W + "val") == tag:
                return sdt
        raise KeyError(tag)

    # -- Word's way of writing runs ---------------------------------------------------

    def split_runs(self) -> None:
        """Each word its own run with rsids, proofErr and a _GoBack bookmark, as Word saves."""
        number = 0
        for paragraph in self.paragraphs():
            paragraph.set(W + "rsidR", "00A1B2C3")
            paragraph.set(W + "rsidRDefault", "00A1B2C3")
            for run in list(paragraph.iter(W + "r")):
                text = run.find(W + "t")
                if text is None or not text.text or " " not in text.text:
                    continue
                words = text.text.split(" ")
                parent = run.getparent()
                at = parent.index(run)
                for index, piece in enumerate(words):
                    piece = piece + (" " if index < len(words) - 1 else "")
                    if not piece:
                        continue
                    clone = etree.fromstring(etree.tostring(run))
                    clone.set(W + "rsidR", f"00{number:06X}")
                    clone.find(W + "t").text = piece
                    clone.find(W + "t").set(
                        "{http://www.w3.org/XML/1998/namespace}space", "preserve"
                    )
                    number += 1
                    if index == 1:
                        parent.insert(at, etree.Element(W + "proofErr", {W + "type": "spellStart"}))
                        at += 1
                    parent.insert(at, clone)
                    at += 1
                    if index == 1:
                        parent.insert(at, etree.Element(W + "proofErr", {W + "type": "spellEnd"}))
                        at += 1
                parent.remove(run)
        first = self.paragraphs()[0]
        first.append(etree.Element(W + "bookmarkStart", {W + "id": "900", W + "name": "_GoBack"}))
        first.append(etree.Element(W + "bookmarkEnd", {W + "id": "900"}))

    def wrap_in_smart_tag(self, containing: str) -> None:
        paragraph = self.paragraph(containing)
        runs = paragraph.findall(W + "r")
        tag = etree.SubElement(paragraph, W + "smartTag", {W + "element": "PersonName"})
        paragraph.insert(paragraph.index(runs[0]), tag)
        tag.append(runs[0])

    # -- edits --------------------------------------------------------------------------

    def replace_word(self, old: str, new: str, *, tracked: bool = False) -> None:
        """Replace ``old`` by ``new`` in the run holding it (with Track Changes: w:del + w:ins)."""
        for run in list(self.body.iter(W + "r")):
            text = run.find(W + "t")
            if text is None or not text.text or old not in text.text:
                continue
            if not tracked:
                text.text = text.text.replace(old, new, 1)
                return
            before, after = text.text.split(old, 1)
            parent = run.getparent()
            at = parent.index(run)
            pieces = []
            if before:
                pieces.append(self._run_like(run, before))
            deleted = etree.Element(
                W + "del", {W + "id": "101", W + "author": AUTHOR, W + "date": DATE}
            )
            gone = self._run_like(run, old)
            gone.find(W + "t").tag = W + "delText"
            deleted.append(gone)
            inserted = etree.Element(
                W + "ins", {W + "id": "102", W + "author": AUTHOR, W + "date": DATE}
            )
            inserted.append(self._run_like(run, new))
            pieces += [deleted, inserted]
            if after:
                pieces.append(self._run_like(run, after))
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(at + offset, piece)
            return
        raise KeyError(old)

    @staticmethod
    def _run_like(run: etree._Element, text: str) -> etree._Element:
        clone = etree.fromstring(etree.tostring(run))
        for child in list(clone):
            if child.tag != W + "rPr":
                clone.remove(child)
        t = etree.SubElement(clone, W + "t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return clone

    def bold_word(self, word: str) -> None:
        """Set ``word`` in bold, splitting its run as Word does."""
        for run in list(self.body.iter(W + "r")):
            text = run.find(W + "t")
            if text is None or not text.text or word not in text.text:
                continue
            before, after = text.text.split(word, 1)
            parent = run.getparent()
            at = parent.index(run)
            bold = self._run_like(run, word)
            rpr = bold.find(W + "rPr")
            rpr.insert(0, etree.Element(W + "b"))
            pieces = [self._run_like(run, before), bold, self._run_like(run, after)]
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(at + offset, piece)
            return
        raise KeyError(word)

    def insert_paragraph_after(self, containing: str, text: str, *, tracked: bool = False) -> None:
        """A new paragraph after the one holding ``containing`` (outside its content control)."""
        anchor = self.paragraph(containing)
        while anchor.getparent().tag == W + "sdtContent":
            anchor = anchor.getparent().getparent()
        new = etree.Element(W + "p")
        ppr = etree.SubElement(new, W + "pPr")
        rpr = etree.SubElement(ppr, W + "rPr")
        if tracked:
            etree.SubElement(
                rpr, W + "ins", {W + "id": "201", W + "author": AUTHOR, W + "date": DATE}
            )
        run = etree.Element(W + "r")
        etree.SubElement(run, W + "t").text = text
        if tracked:
            wrapper = etree.SubElement(
                new, W + "ins", {W + "id": "202", W + "author": AUTHOR, W + "date": DATE}
            )
            wrapper.append(run)
        else:
            new.append(run)
        anchor.addnext(new)

    def delete_control(self, tag: str) -> None:
        """Delete a clause: its content control and everything in it."""
        sdt = self.control(tag)
        sdt.getparent().remove(sdt)

    def delete_paragraph(self, text: str) -> None:
        """Delete the paragraph that reads exactly ``text`` (its bookmarks go with it, as in Word)."""
        for paragraph in self.paragraphs():
            if "".join(paragraph.itertext()).strip() == text:
                paragraph.getparent().remove(paragraph)
                return
        raise KeyError(text)

    def row(self, containing: str) -> etree._Element:
        for row in self.body.iter(W + "tr"):
            if containing in "".join(row.itertext()):
                return row
        raise KeyError(containing)

    def add_row_after(self, containing: str, cells: list[str]) -> None:
        """A new table row after the one holding ``containing``, as Word's Insert Row Below."""
        anchor = self.row(containing)
        new = etree.fromstring(etree.tostring(anchor))
        for mark in [*new.iter(W + "bookmarkStart"), *new.iter(W + "bookmarkEnd")]:
            mark.getparent().remove(mark)
        for cell, text in zip(new.findall(W + "tc"), cells, strict=True):
            paragraphs = cell.findall(W + "p")
            for extra in paragraphs[1:]:
                cell.remove(extra)
            texts = list(paragraphs[0].iter(W + "t"))
            if not texts:
                run = etree.SubElement(paragraphs[0], W + "r")
                texts = [etree.SubElement(run, W + "t")]
            texts[0].text = text
            for extra in texts[1:]:
                extra.text = ""
        anchor.addnext(new)

    def insert_table_after(self, containing: str, rows: list[list[str]]) -> None:
        """A table after the paragraph holding ``containing``, as Word's Insert Table writes it."""
        anchor = self.paragraph(containing)
        while anchor.getparent().tag == W + "sdtContent":
            anchor = anchor.getparent().getparent()
        table = etree.Element(W + "tbl")
        properties = etree.SubElement(table, W + "tblPr")
        etree.SubElement(properties, W + "tblStyle", {W + "val": "TableGrid"})
        etree.SubElement(properties, W + "tblW", {W + "w": "0", W + "type": "auto"})
        grid = etree.SubElement(table, W + "tblGrid")
        for _cell in rows[0]:
            etree.SubElement(grid, W + "gridCol", {W + "w": "2000"})
        for cells in rows:
            row = etree.SubElement(table, W + "tr", {W + "rsidR": "00C0FFEE"})
            for text in cells:
                cell = etree.SubElement(row, W + "tc")
                etree.SubElement(
                    etree.SubElement(cell, W + "tcPr"),
                    W + "tcW",
                    {W + "w": "2000", W + "type": "dxa"},
                )
                paragraph = etree.SubElement(cell, W + "p", {W + "rsidR": "00C0FFEE"})
                if text:
                    run = etree.SubElement(paragraph, W + "r", {W + "rsidR": "00C0FFEE"})
                    etree.SubElement(run, W + "t").text = text
        anchor.addnext(table)

    def delete_row(self, containing: str) -> None:
        """Delete the table row holding ``containing`` (Word's Delete Rows)."""
        row = self.row(containing)
        row.getparent().remove(row)

    def delete_table(self, containing: str) -> None:
        """Delete the whole table holding ``containing``, its bookmarks with it."""
        table = self.row(containing).getparent()
        for mark in list(table.itersiblings()):
            if mark.tag == W + "bookmarkEnd":
                mark.getparent().remove(mark)
            break
        table.getparent().remove(table)

    def unwrap_control(self, tag: str) -> None:
        """Remove a content control but keep its text (Word's "Remove Content Control")."""
        sdt = self.control(tag)
        parent, at = sdt.getparent(), sdt.getparent().index(sdt)
        for offset, child in enumerate(list(sdt.find(W + "sdtContent"))):
            parent.insert(at + offset, child)
        parent.remove(sdt)

    def move_control_before(self, tag: str, other: str) -> None:
        sdt = self.control(tag)
        self.control(other).addprevious(sdt)

    def drop_marks(self) -> None:
        """Remove every Clausier bookmark and content control (a flattened file)."""
        for mark in list(self.body.iter(W + "bookmarkStart")):
            mark.getparent().remove(mark)
        for mark in list(self.body.iter(W + "bookmarkEnd")):
            mark.getparent().remove(mark)
        for sdt in list(self.body.iter(W + "sdt")):
            parent, at = sdt.getparent(), sdt.getparent().index(sdt)
            for offset, child in enumerate(list(sdt.find(W + "sdtContent"))):
                parent.insert(at + offset, child)
            parent.remove(sdt)

    def set_cell(self, label: str, value: str) -> None:
        """Put ``value`` in the first-page line labelled ``label``."""
        for row in self.body.iter(W + "tr"):
            cells = row.findall(W + "tc")
            if len(cells) == 2 and "".join(cells[0].itertext()).strip() == label:
                texts = list(cells[1].iter(W + "t"))
                texts[0].text = value
                for extra in texts[1:]:
                    extra.text = ""
                return
        raise KeyError(label)

    def comment(self, containing: str, text: str) -> None:
        """A comment anchored on the paragraph holding ``containing``, with its part."""
        paragraph = self.paragraph(containing)
        runs = paragraph.findall(f".//{W}r")
        start = etree.Element(W + "commentRangeStart", {W + "id": "7"})
        runs[0].addprevious(start)
        runs[-1].addnext(etree.Element(W + "commentRangeEnd", {W + "id": "7"}))
        reference = etree.SubElement(paragraph, W + "r")
        etree.SubElement(reference, W + "commentReference", {W + "id": "7"})
        self.entries["word/comments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="7" w:author="{AUTHOR}" '
            f'w:date="{DATE}" w:initials="CC"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            f"</w:comment></w:comments>"
        ).encode()
        rels = self.entries["word/_rels/document.xml.rels"].decode()
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/comments" Target="comments.xml"/></Relationships>',
        )
        self.entries["word/_rels/document.xml.rels"] = rels.encode()
        types = self.entries["[Content_Types].xml"].decode()
        types = types.replace(
            "</Types>",
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
        )
        self.entries["[Content_Types].xml"] = types.encode()

    # -- saving -------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        self.entries["word/document.xml"] = etree.tostring(
            self.root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.entries.items():
                archive.writestr(name, data)
        target.write_bytes(out.getvalue())
        return target
