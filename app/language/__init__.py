"""The two languages and their rules: codes, dates and periods, typography, characters Word can
hold, the words a note prints, classifications, the core's catalogs. May use app.system.
"""
