"""A note: its model and file format, editing operations and undo history, recovery and locks,
skeletons, quotations, linked-clause updates, where-used. May use app.library and below.
"""
