"""Spelling: the Hunspell dictionaries, the words a dictionary does not know, a note's unknown
words as edits. May use app.notes and below.
"""
