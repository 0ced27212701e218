"""A declaration's file read as text: plain text in the usual encodings, or a Word file, within bounds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.language.i18n import N_, _
from app.system import saferead
from app.system.errors import DeclarationImportError

#: Largest declaration file accepted, and largest unpacked .docx.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def _read_text(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise DeclarationImportError(
            _("{name} is not a text file (is it a binary file?).").format(name=name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise DeclarationImportError(
            _("{name} is neither UTF-8 nor Windows-1252 text.").format(name=name)
        ) from None


def _docx_kind():
    """How the refusals of a .docx declaration read (see :mod:`app.docx.package`)."""
    from app.docx.package import PackageKind  # lazily: it pulls in lxml

    return PackageKind(
        N_("{name} is not a Word document that can be read: {reason}"),
        N_("{name} was refused: {reason}"),
        DeclarationImportError,
    )


def _read_docx(data: bytes, name: str) -> str:
    refused = DeclarationImportError(
        _("{name} is not a Word document that can be read.").format(name=name)
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise refused from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DeclarationImportError(
            _("{name} unpacks to too much data to be a declaration.").format(name=name)
        )
    import docx  # lazily: only .docx imports need it

    from app.docx.package import read_package

    checked = read_package(data, name, _docx_kind())
    try:
        document = docx.Document(io.BytesIO(checked.as_document()))
        return "\n\n".join(paragraph.text for paragraph in document.paragraphs)
    except Exception:  # python-docx raises many kinds of errors on damaged files
        raise refused from None


def read_declaration(path: Path | str) -> str:
    """The text of a declaration file: .txt (UTF-8, else Windows-1252) or .docx.

    The type and the size are checked before anything is read: only a regular
    file of at most MAX_FILE_BYTES (a .docx is then checked as a Word package).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".text", ".docx"):
        raise DeclarationImportError(
            _("{name}: only .txt and .docx declarations can be imported.").format(name=path.name)
        )
    try:
        data = saferead.read_regular(path, MAX_FILE_BYTES)
    except saferead.FileRefused as refused:
        raise DeclarationImportError(
            _("Cannot read {name}: {reason}").format(name=path.name, reason=refused.reason)
        ) from None
    return _read_docx(data, path.name) if suffix == ".docx" else _read_text(data, path.name)
