"""The library: sources and clauses, the importer, the personal database, the team folder,
search and its index, revisions, translation sync, near-duplicates. May use app.docx and below.
"""
