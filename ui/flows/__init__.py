"""The flows that carry a request of the window through dialogs to core operations. May use
ui.dialogs, ui.panels, ui.widgets and app/; the window is passed in, never imported.
"""
