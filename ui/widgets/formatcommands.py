"""The names of the Format commands an editor carries out and the format toolbar offers.

Apart from :mod:`ui.widgets.formattededit`, so that the toolbar, painted with the window's
frame, names them without loading the editor (it comes with the composer, right after).
"""

BOLD, ITALIC = "bold", "italic"
BULLETS, NUMBERS = "bullets", "numbers"
DEEPER, SHALLOWER = "deeper", "shallower"
COMMANDS = (BOLD, ITALIC, BULLETS, NUMBERS, DEEPER, SHALLOWER)
