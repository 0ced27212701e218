"""The house style's definitions: styles and lists, by built-in name, as WordprocessingML text.

They build the shipped template (:mod:`app.docx.housestyle`) and are copied into a
template that lacks one of them, so both paths give the same look.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.docx.plan import Style

DARK_BLUE = "1F3864"
MID_BLUE = "2F5496"
FONT = "Calibri"  # LibreOffice substitutes the metric-compatible Carlito

#: Built-in (English, as Word stores them) names of the styles a plan's paragraphs use.
PARAGRAPH_STYLE_NAMES: dict[Style, str] = {
    Style.TITLE: "Title",
    Style.HEADING1: "heading 1",
    Style.HEADING2: "heading 2",
    Style.BODY: "Normal",
    Style.BULLET: "List Bullet",
    Style.NUMBER: "List Number",
    Style.CLAUSE_TITLE: "Clausier Clause Title",
    Style.TABLE_TEXT: "Clausier Table Text",
    Style.META_LABEL: "Clausier Meta Label",
    Style.META_VALUE: "Clausier Meta Value",
    Style.PLACE_LINE: "Clausier Place Line",
    Style.QUOTATION: "Clausier Quotation",
    Style.CITATION: "Clausier Citation",
}
HEADER = "header"
FOOTER = "footer"
CLASSIFICATION = "Clausier Classification"  # the level at the top and bottom of each page
TABLE_GRID = "Table Grid"
MISSING = "Clausier Missing"


@dataclass(frozen=True)
class StyleDef:
    """One style: its built-in name, type, preferred id, parents and formatting XML.

    ``body`` holds the elements after ``w:next`` (uiPriority, pPr, rPr, tblPr…);
    a ``{num}`` mark in it is where the list's ``w:numPr`` goes.
    """

    name: str
    type: str
    style_id: str
    body: str = ""
    based_on: str | None = None
    next: str | None = None
    default: bool = False
    custom: bool = False
    numbering: str | None = None  # "headings", "bullets" or "numbers": the list it belongs to
    level: int = 0

    def xml(self, ids: dict[str, str], num_id: int | None, style_id: str | None = None) -> str:
        """The ``<w:style>`` text; ``ids`` maps names to the ids they have in the target."""
        attrs = f'w:type="{self.type}"'
        if self.default:
            attrs += ' w:default="1"'
        if self.custom:
            attrs += ' w:customStyle="1"'
        parts = [f'<w:style {attrs} w:styleId="{style_id or self.style_id}">']
        parts.append(f'<w:name w:val="{self.name}"/>')
        if self.based_on and self.based_on in ids:
            parts.append(f'<w:basedOn w:val="{ids[self.based_on]}"/>')
        if self.next and self.next in ids:
            parts.append(f'<w:next w:val="{ids[self.next]}"/>')
        num = ""
        if self.numbering and num_id is not None:
            ilvl = f'<w:ilvl w:val="{self.level}"/>' if self.level else ""
            num = f'<w:numPr>{ilvl}<w:numId w:val="{num_id}"/></w:numPr>'
        parts.append(self.body.replace("{num}", num))
        parts.append("</w:style>")
        return "".join(parts)


def _rpr(*, bold: bool = False, italic: bool = False, color: str = "", size: int = 0) -> str:
    out = "<w:rPr>"
    if bold:
        out += "<w:b/><w:bCs/>"
    if italic:
        out += "<w:i/><w:iCs/>"
    if color:
        out += f'<w:color w:val="{color}"/>'
    if size:
        out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return out + "</w:rPr>"


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_STORY_PPR = (
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/>'
    '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
)

STYLES: tuple[StyleDef, ...] = (
    StyleDef("Normal", "paragraph", "Normal", "<w:qFormat/>", default=True),
    StyleDef(
        "Default Paragraph Font",
        "character",
        "DefaultParagraphFont",
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
        default=True,
    ),
    StyleDef(
        "Normal Table",
        "table",
        "TableNormal",
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
        default=True,
    ),
    StyleDef(
        "No List",
        "numbering",
        "NoList",
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
        default=True,
    ),
    StyleDef(
        "Title",
        "paragraph",
        "Title",
        '<w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:pBdr>'
        f'<w:bottom w:val="single" w:sz="8" w:space="4" w:color="{DARK_BLUE}"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>'
        + _rpr(bold=True, color=DARK_BLUE, size=36),
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        "heading 1",
        "paragraph",
        "Heading1",
        '<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{num}'
        '<w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
        + _rpr(bold=True, color=DARK_BLUE, size=28),
        based_on="Normal",
        next="Normal",
        numbering="headings",
        level=0,
    ),
    StyleDef(
        "heading 2",
        "paragraph",
        "Heading2",
        '<w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>'
        '<w:keepLines/>{num}<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>'
        "</w:pPr>" + _rpr(bold=True, color=MID_BLUE, size=24),
        based_on="Normal",
        next="Normal",
        numbering="headings",
        level=1,
    ),
    StyleDef(
        "List Bullet",
        "paragraph",
        "ListBullet",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/><w:pPr>{num}'
        '<w:spacing w:after="60"/></w:pPr>',
        based_on="Normal",
        numbering="bullets",
    ),
    StyleDef(
        # Each numbered list of a note counts from 1: the writer gives every list its own
        # w:num (with start overrides) over this style's list definition.
        "List Number",
        "paragraph",
        "ListNumber",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/><w:pPr>{num}'
        '<w:spacing w:after="60"/></w:pPr>',
        based_on="Normal",
        numbering="numbers",
    ),
    StyleDef(
        "Table Grid",
        "table",
        "TableGrid",
        '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240"'
        ' w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr>",
        based_on="Normal Table",
    ),
    StyleDef(
        "header",
        "paragraph",
        "Header",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        + _STORY_PPR
        + _rpr(color="404040", size=18),
        based_on="Normal",
    ),
    StyleDef(
        "footer",
        "paragraph",
        "Footer",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        + _STORY_PPR
        + _rpr(color="404040", size=18),
        based_on="Normal",
    ),
    StyleDef(
        # Belgian practice marks a classified note at the top and the bottom of every page,
        # centred, in bold capitals: plain black at body size, not the grey of the header.
        "Clausier Classification",
        "paragraph",
        "ClausierClassification",
        '<w:qFormat/><w:pPr><w:jc w:val="center"/>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        + _rpr(bold=True, size=22),
        based_on="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Meta Label",
        "paragraph",
        "ClausierMetaLabel",
        '<w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr>' + _rpr(bold=True),
        based_on="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Meta Value",
        "paragraph",
        "ClausierMetaValue",
        '<w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr>',
        based_on="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Place Line",
        "paragraph",
        "ClausierPlaceLine",
        '<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="40"/><w:jc w:val="right"/></w:pPr>',
        based_on="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Clause Title",
        "paragraph",
        "ClausierClauseTitle",
        '<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr>'
        + _rpr(bold=True, color=MID_BLUE, size=20),
        based_on="Normal",
        next="Normal",
        custom=True,
    ),
    StyleDef(
        # A clause quoted word for word from its source: set off by a rule on its left and
        # indented on both sides, in roman (French sets a quotation so, not in italics).
        "Clausier Quotation",
        "paragraph",
        "ClausierQuotation",
        "<w:qFormat/><w:pPr><w:pBdr>"
        f'<w:left w:val="single" w:sz="12" w:space="8" w:color="{MID_BLUE}"/></w:pBdr>'
        '<w:spacing w:after="60"/><w:ind w:left="340" w:right="340"/></w:pPr>',
        based_on="Normal",
        next="Clausier Citation",
        custom=True,
    ),
    StyleDef(
        # Where the quotation above comes from, under it on the right, smaller and grey.
        "Clausier Citation",
        "paragraph",
        "ClausierCitation",
        '<w:qFormat/><w:pPr><w:keepLines/><w:spacing w:before="20" w:after="160"/>'
        '<w:ind w:left="340" w:right="340"/><w:jc w:val="right"/></w:pPr>'
        + _rpr(color="404040", size=18),
        based_on="Normal",
        next="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Table Text",
        "paragraph",
        "ClausierTableText",
        '<w:qFormat/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240"'
        ' w:lineRule="auto"/></w:pPr>' + _rpr(size=20),
        based_on="Normal",
        custom=True,
    ),
    StyleDef(
        "Clausier Missing",
        "character",
        "ClausierMissing",
        "<w:qFormat/>" + _rpr(italic=True, color="C00000"),
        based_on="Default Paragraph Font",
        custom=True,
    ),
)

BY_NAME: dict[str, StyleDef] = {style.name.lower(): style for style in STYLES}

DOC_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/>'
    '<w:lang w:val="fr-BE" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
)


#: How each level of a numbered list counts and is written (``%n`` is the level's number).
_NUMBER_LEVELS = {"decimal": "%{n}.", "lowerLetter": "%{n})", "lowerRoman": "%{n}."}
_LIST_NAMES = {
    "headings": "Clausier headings",
    "bullets": "Clausier bullets",
    "numbers": "Clausier numbers",
}


def _level_xml(kind: str, level: int, pstyle: str) -> str:
    """One ``w:lvl`` of a list definition."""
    if kind == "headings":
        text = ".".join(f"%{n}" for n in range(1, level + 2)) + "."
        indent = 567 + 284 * max(0, level - 1)
        return (
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'{pstyle}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    if kind == "numbers":
        # 1. / a) / i. and again, as the editor and the preview show them (app.text.numbering).
        from app.text.numbering import number_format

        number_format_name = number_format(level)
        text = _NUMBER_LEVELS[number_format_name].format(n=level + 1)
        indent = 425 * (level + 1)
        return (
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{number_format_name}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="425"/></w:pPr></w:lvl>'
        )
    # A nested bullet's dash stands where the text of the level above starts, under a
    # numbered item ("1." then its text at 0.75 cm) as under a bullet.
    indent = 357 if level == 0 else 425 * level + 357
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'{pstyle}<w:lvlText w:val="\u2013"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="357"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:hint="default"/></w:rPr>'
        "</w:lvl>"
    )


def abstract_list_xml(kind: str, abstract_id: int, style_ids: dict[int, str]) -> str:
    """A ``w:abstractNum`` for "headings" (1. / 1.1.), "bullets" (–) or "numbers" (1. / a) / i.).

    ``style_ids`` maps a level to the paragraph style id it is linked to (``w:pStyle``),
    which is what makes Word show heading numbers as real, style-driven numbering.
    """
    from app.docx.oxml import nsid_for

    levels = []
    for level in range(9):
        pstyle = f'<w:pStyle w:val="{style_ids[level]}"/>' if level in style_ids else ""
        levels.append(_level_xml(kind, level, pstyle))
    kind_attr = "multilevel" if kind == "headings" else "hybridMultilevel"
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{nsid_for(f"{kind}:{abstract_id}")}"/>'
        f'<w:multiLevelType w:val="{kind_attr}"/><w:name w:val="{_LIST_NAMES[kind]}"/>'
        + "".join(levels)
        + "</w:abstractNum>"
    )
