"""Widgets that know nothing of the window: text editors, date field, diff view, row list,
icons, drag and drop, keys. May use ui.qt, ui.labels and app/.
"""
