"""Files and the machine: where things live, settings, safe reads, atomic writes, OS errors,
the core's errors. May use the standard library, platformdirs and app.language.
"""
