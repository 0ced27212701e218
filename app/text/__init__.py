"""Formatted text as notes and clauses hold it: runs, lists and their numbers, the Format
commands, text pasted from Word or a browser. May use app.system and app.language.
"""
