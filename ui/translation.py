"""The interface language: our gettext catalog plus Qt's own catalogs, switched without restart."""

from __future__ import annotations

from app import i18n
from app.i18n import _
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

#: Qt's catalogs for its standard dialogs and widgets (buttons, file dialogs, calendars).
QT_CATALOGS = ("qtbase",)


def language_names() -> dict[str, str]:
    """The interface languages, each named in its own language (as language pickers do)."""
    return {"fr": "Français", "nl": "Nederlands", "en": "English"}


def follow_system_label() -> str:
    """The label of the "follow the system" choice, in the current language."""
    return _("System language ({name})").format(name=language_names()[i18n.system_language()])


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
            for translator in self._translators:
                app.removeTranslator(translator)
            self._translators = []
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for catalog in QT_CATALOGS if code != "en" else ():
                translator = QTranslator(self)
                if translator.load(f"{catalog}_{code}", folder):
                    app.installTranslator(translator)
                    self._translators.append(translator)
        QLocale.setDefault(QLocale({"fr": "fr_BE", "nl": "nl_BE"}.get(code, "en_GB")))
        changed = code != self.code
        self.code = code
        if changed:
            self.languageChanged.emit(code)
        return code
