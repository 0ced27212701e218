"""The window's dialogs, one module per dialog, each given what it shows. May use ui.panels,
ui.widgets, the top of ui/ below the window, and app/; never the window or ui.flows.
"""
