"""The command line, one module per command group, dispatched by command.py. May use all of
app/, never ui/ (the window or the command line is chosen above both, in ui.launch).
"""
