"""The panes of the main window: the library panel, the composer and its blocks, the preview.
May use ui.widgets, the modules at the top of ui/ below the window, and app/.
"""
