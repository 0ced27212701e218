"""The main window's command groups, mixed into ui/mainwindow.py's MainWindow: files, tools, view.
May use what ui/mainwindow.py may (ui/panels/, ui/dialogs/, ui/flows/, ui/widgets/, app/).
"""
