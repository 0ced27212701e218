"""The flat, read-only lists of the library dialogs: one row per item, columns that fit or share."""

from __future__ import annotations

from collections.abc import Collection

from ui.qt import QAbstractItemView, QHeaderView, QTreeWidget


def set_up_rows(tree: QTreeWidget, columns: int, stretch: Collection[int]) -> QTreeWidget:
    """Make ``tree`` a list of rows: ``stretch`` columns share the width, the others fit."""
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(columns):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return tree
