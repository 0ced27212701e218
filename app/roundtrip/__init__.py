"""Bring Back Changes from Word: an edited export matched to its note block by block, accepted
changes applied as undoable edits. May use app.export and below.
"""
