"""The interface language: our gettext catalog plus Qt's own catalogs, switched without restart."""

from __future__ import annotations

import contextlib
from pathlib import Path

from app.language import i18n
from app.language.i18n import N_, _
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

#: Qt's catalogs for its standard dialogs and widgets (buttons, file dialogs, calendars).
QT_CATALOGS = ("qtbase",)

#: The interface languages Qt's catalogs are loaded for (English is Qt's own).
QT_LANGUAGES = ("fr", "nl")

#: Words of Qt's file dialog that Qt's French and Dutch catalogs leave in English (Qt 6.12),
#: by (context, source text, disambiguation): our own catalog translates them.
QT_GAPS: dict[tuple[str, str, str], str] = {
    ("QFileDialog", "&Look in:", ""): N_("&Look in:"),
    ("QFileDialog", "Files of &type:", ""): N_("Files of &type:"),
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): N_("Folder"),
    ("QAbstractFileIconProvider", "Drive", ""): N_("Drive"),
}


def language_names() -> dict[str, str]:
    """The interface languages, each named in its own language (as language pickers do)."""
    return {"fr": "Français", "nl": "Nederlands", "en": "English"}


def follow_system_label() -> str:
    """The label of the "follow the system" choice, in the current language."""
    return _("System language ({name})").format(name=language_names()[i18n.system_language()])


def qt_translation_folders() -> list[str]:
    """Where Qt's .qm catalogs may be: Qt's own answer, then PySide6's folders (a frozen bundle)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),  # the wheels' layout on Linux and macOS
        str(package / "translations"),  # on Windows
    ]
    return list(dict.fromkeys(folders))


class QtGaps(QTranslator):
    """Translates, through our catalog, the few words of Qt's dialogs its own catalogs lack."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        message = QT_GAPS.get((context, source_text, disambiguation or ""))
        return None if message is None else _(message)  # None: not ours, Qt looks further

    def isEmpty(self) -> bool:
        return False


#: The Qt translators installed now, whichever InterfaceLanguage installed them: switching
#: language removes them all, so no catalog of an earlier language is left behind.
_INSTALLED: list[QTranslator] = []


class InterfaceLanguage(QObject):
    """Applies an interface language to the core's strings and to Qt's; tells the views."""

    languageChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.code = i18n.current_language()

    def apply(self, wanted: str | None) -> str:
        """Switch to ``wanted`` (fr, nl, en; empty or None follows the system); returns the code."""
        code = i18n.set_language(wanted or None)
        app = QCoreApplication.instance()
        if app is not None:
            for translator in _INSTALLED:
                with contextlib.suppress(RuntimeError):  # gone with the object that made it
                    app.removeTranslator(translator)
            _INSTALLED.clear()
            self._translators = []
            if code in QT_LANGUAGES:
                self._install(app, QtGaps(self))  # installed first, so asked last
                for catalog in QT_CATALOGS:
                    self._install_catalog(app, f"{catalog}_{code}")
        QLocale.setDefault(QLocale({"fr": "fr_BE", "nl": "nl_BE"}.get(code, "en_GB")))
        changed = code != self.code
        self.code = code
        if changed:
            self.languageChanged.emit(code)
        return code

    @property
    def qt_catalogs(self) -> list[str]:
        """The files of Qt's catalogs installed now (none in English)."""
        return [t.filePath() for t in self._translators if t.filePath()]

    def _install_catalog(self, app: QCoreApplication, name: str) -> None:
        translator = QTranslator(self)
        for folder in qt_translation_folders():
            if translator.load(name, folder):
                self._install(app, translator)
                return

    def _install(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._translators.append(translator)
        _INSTALLED.append(translator)
