"""Export: a note laid out as a rendering plan for one language, named by the convention and
written through app.docx. May use app.notes and below.
"""
