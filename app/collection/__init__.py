"""Every library a user works with, merged, with its search and where-used indexes, and each
library action as one named operation. May use app.export and below.
"""
