"""Open a Word template safely and find its styles by their built-in identity.

A template comes from IT or a user, so it is checked before the export opens it
(:mod:`app.docx.package`: a zip of sane size and compression ratio, entry names
inside the package, every XML part parsed safely with no DTD, a main part that
is a Word document with a body) and edited as a :class:`~app.docx.opc.WordPackage`.
Styles are looked up by their built-in English name (which Word stores whatever
the interface language), never by display name or id: a French Word calls
heading 1 ``Titre1``. A needed style the template lacks is copied in from
the house style, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.docx import oxml, package
from app.docx.opc import RT_NUMBERING, MissingPart, WordPackage
from app.docx.plan import PlanWarning, Style
from app.docx.styles import (
    BY_NAME,
    CLASSIFICATION,
    FOOTER,
    HEADER,
    MISSING,
    PARAGRAPH_STYLE_NAMES,
    TABLE_GRID,
    StyleDef,
    abstract_list_xml,
)
from app.language.i18n import _
from app.system.errors import ExportError
from app.system.paths import templates_dir

TEMPLATE_NAME = "clausier-house.docx"
#: Styles copied from the house style without a warning when a template lacks them: those
#: added to the house style since templates were first made from it.
_QUIET = frozenset({CLASSIFICATION, "Clausier Quotation", "Clausier Citation"})
#: Styles looked for only when the plan uses them: a template made before numbered lists
#: existed is not warned about on every export, only on one that has a numbered list.
_WHEN_USED = {Style.NUMBER}
#: The numbering levels a list restarts at ("w:lvlOverride/w:startOverride").
_LEVELS = range(9)


def builtin_template() -> Path:
    """The shipped house template."""
    return templates_dir() / TEMPLATE_NAME


def load_template(path: Path | None, warnings: list[PlanWarning]) -> WordPackage:
    """Open ``path`` (None: the house template) as a package to write into, or raise ExportError."""
    if path is None and not builtin_template().is_file():
        from app.docx.housestyle import build_bytes

        warnings.append(
            PlanWarning(
                "template",
                _("The built-in Word template is missing; Clausier's default styles were used."),
            )
        )
        name = TEMPLATE_NAME
        checked = package.read_package(build_bytes(), name, package.TEMPLATE)
    else:
        source = Path(path) if path is not None else builtin_template()
        name = source.name
        checked = package.read_file(source, package.TEMPLATE)
    try:
        document = WordPackage(checked)
    except MissingPart:
        raise ExportError(
            _("The Word template {name} cannot be read: it is not a valid .docx file.").format(
                name=name
            )
        ) from None
    oxml.replace_body(document.body, [])
    return document


def check_package(data: bytes, name: str) -> bytes:
    """Refuse anything but a sane .docx/.dotx; return the bytes a .docx reader may open.

    A .dotx is accepted: its main part's content type is switched to a document's.
    """
    return package.read_package(data, name, package.TEMPLATE).as_document()


@dataclass
class StyleMap:
    """The style ids a template uses for each role, found by built-in name."""

    paragraph: dict[Style, str]
    header: str
    footer: str
    table_grid: str
    missing: str
    classification: str
    _column_numbering: dict[str, tuple[int, int]] | None = field(default=None, repr=False)
    _lists: dict[int, int] = field(default_factory=dict, repr=False)  # plan list id → numId
    _number_abstract: int | None = field(default=None, repr=False)
    _bullets: tuple[int | None, ...] = field(default=(), repr=False)  # looked up once

    def numbered_list(self, document: WordPackage, list_id: int) -> int:
        """The numId of numbered list ``list_id``: a list of its own, counting from 1.

        Each list gets a new ``w:num`` over the List Number style's list definition with
        a start override on every level, so it never continues the one before (the
        trap of python-docx issue #25, in Word and LibreOffice alike). A template whose
        List Number style has no usable list gets the house definition.
        """
        num_id = self._lists.get(list_id)
        if num_id is None:
            numbering = _numbering_element(document, create=True)
            assert numbering is not None
            if self._number_abstract is None:
                self._number_abstract = _number_abstract(document, self, numbering)
            num_id = oxml.add_num(numbering, self._number_abstract, restart=_LEVELS)
            self._lists[list_id] = num_id
        return num_id

    def bullet_list(self, document: WordPackage) -> int | None:
        """The numId of the List Bullet style's list, for bullets nested a level or more."""
        if not self._bullets:
            own = oxml.style_numbering(document.styles, self.paragraph[Style.BULLET])
            self._bullets = (own[1] if own else None,)
        return self._bullets[0]

    def second_column_numbering(self, document: WordPackage) -> dict[str, tuple[int, int]]:
        """Direct (ilvl, numId) for headings of a second column, counting on their own.

        Empty when the template's headings are not numbered.
        """
        if self._column_numbering is None:
            self._column_numbering = _second_column_numbering(document, self)
        return self._column_numbering


def resolve_styles(
    document: WordPackage, warnings: list[PlanWarning], used: frozenset[Style] = frozenset(Style)
) -> StyleMap:
    """Find every style a plan needs; copy the house definition of those that are missing.

    ``used`` are the paragraph styles the plan has; a style of :data:`_WHEN_USED` it does
    not use is not looked for (the body style stands in for it).
    """
    styles = document.styles
    found = oxml.style_ids_by_name(styles)
    roles = {
        role: name
        for role, name in PARAGRAPH_STYLE_NAMES.items()
        if role not in _WHEN_USED or role in used
    }
    needed: list[tuple[str, str]] = [("paragraph", name) for name in roles.values()]
    needed += [("paragraph", HEADER), ("paragraph", FOOTER), ("paragraph", CLASSIFICATION)]
    needed += [("table", TABLE_GRID), ("character", MISSING)]
    absent = [BY_NAME[name.lower()] for kind, name in needed if (kind, name.lower()) not in found]
    if absent:
        _add_styles(document, absent, found)
        # Templates made from an older house template lack the classification style; the
        # house one is what they would have, so its copy is not worth a warning per export.
        told = [style.name for style in absent if style.name not in _QUIET]
        if told:
            warnings.append(
                PlanWarning(
                    "template",
                    _(
                        "The Word template lacks the styles {names}; Clausier's own definitions "
                        "were used for them."
                    ).format(names=", ".join(told)),
                )
            )
        found = oxml.style_ids_by_name(styles)

    def ident(kind: str, name: str) -> str:
        return found[(kind, name.lower())]

    paragraph = {role: ident("paragraph", name) for role, name in roles.items()}
    for role in PARAGRAPH_STYLE_NAMES:
        paragraph.setdefault(role, paragraph[Style.BODY])
    return StyleMap(
        paragraph=paragraph,
        header=ident("paragraph", HEADER),
        footer=ident("paragraph", FOOTER),
        table_grid=ident("table", TABLE_GRID),
        missing=ident("character", MISSING),
        classification=ident("paragraph", CLASSIFICATION),
    )


def _add_styles(
    document: WordPackage, absent: list[StyleDef], found: dict[tuple[str, str], str]
) -> None:
    """Copy house definitions into the template, with ids and parents it understands."""
    styles = document.styles
    taken = oxml.all_style_ids(styles)
    ids = {name: style_id for (_kind, name), style_id in found.items()}
    new_ids: dict[str, str] = {}
    for style in absent:
        style_id, n = style.style_id, 1
        while style_id in taken:
            n += 1
            style_id = f"{style.style_id}{n}"
        taken.add(style_id)
        new_ids[style.name] = style_id
    ids_by_name = {**{BY_NAME[k].name: v for k, v in ids.items() if k in BY_NAME}, **new_ids}

    numbered = {style.name for style in absent if style.numbering}
    # A copied heading gets numbers only if both headings are copied (a level 2 alone
    # would count "0.1."); a copied bullet style gets its own bullet list.
    headings_ok = {"heading 1", "heading 2"} <= numbered
    num_ids: dict[str, int] = {}
    if headings_ok:
        num_ids["headings"] = _add_list(
            document, "headings", {0: new_ids["heading 1"], 1: new_ids["heading 2"]}
        )
    if "List Bullet" in numbered:
        num_ids["bullets"] = _add_list(document, "bullets", {0: new_ids["List Bullet"]})
    if "List Number" in numbered:
        num_ids["numbers"] = _add_list(document, "numbers", {0: new_ids["List Number"]})

    defaults = {
        s.get(oxml.qn("w:type"))
        for s in styles.iterchildren(oxml.qn("w:style"))
        if s.get(oxml.qn("w:default")) in ("1", "true", "on")
    }
    for style in absent:
        xml = style.xml(ids_by_name, num_ids.get(style.numbering or ""), new_ids[style.name])
        if style.numbering and style.numbering not in num_ids:
            xml = oxml.strip_numbering(xml)
        if style.default and style.type in defaults:
            xml = xml.replace(' w:default="1"', "", 1)
        oxml.add_style(styles, xml)


def _numbering_element(document: WordPackage, create: bool) -> etree._Element | None:
    return document.part_of_document(RT_NUMBERING, create=create)


def _add_list(document: WordPackage, kind: str, style_ids: dict[int, str]) -> int:
    numbering = _numbering_element(document, create=True)
    assert numbering is not None
    max_abstract, max_num = oxml.numbering_ids(numbering)
    abstract_id, num_id = max_abstract + 1, max_num + 1
    oxml.add_list(numbering, abstract_list_xml(kind, abstract_id, style_ids), num_id, abstract_id)
    return num_id


def _number_abstract(document: WordPackage, styles: StyleMap, numbering: etree._Element) -> int:
    """The list definition numbered lists use: the List Number style's, else the house one."""
    own = oxml.style_numbering(document.styles, styles.paragraph[Style.NUMBER])
    if own is not None:
        abstract_id = oxml.usable_abstract(numbering, own[1])
        if abstract_id is not None:
            return abstract_id
    max_abstract, _max_num = oxml.numbering_ids(numbering)
    abstract_id = max_abstract + 1
    oxml.add_abstract(numbering, abstract_list_xml("numbers", abstract_id, {}))
    return abstract_id


def _second_column_numbering(document: WordPackage, styles: StyleMap) -> dict[str, tuple[int, int]]:
    styles_element = document.styles
    heading1 = styles.paragraph[Style.HEADING1]
    own = oxml.style_numbering(styles_element, heading1)
    numbering = _numbering_element(document, create=False)
    if own is None or numbering is None:
        return {}
    new_num = oxml.independent_copy(numbering, own[1])
    if new_num is None:
        return {}
    result: dict[str, tuple[int, int]] = {}
    for role, fallback_level in ((Style.HEADING1, 0), (Style.HEADING2, 1)):
        style_id = styles.paragraph[role]
        style_num = oxml.style_numbering(styles_element, style_id)
        if style_num is None or style_num[1] != own[1]:
            continue
        level = oxml.level_for_style(numbering, own[1], style_id)
        if level is None:
            level = style_num[0] if style_num[0] else fallback_level
        result[style_id] = (level, new_num)
    return result
