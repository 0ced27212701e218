"""Edit Word files in LibreOffice as users do, through Python-UNO; run with the system Python.

``/usr/bin/python3 lo_edit.py JOBS.json PROFILE_DIR`` starts one headless soffice, and
for each job (``src``, ``dst``, ``ops``) opens ``src``, makes the edits and saves
``dst`` as .docx. Ops: ``replace`` (old, new), ``delete`` (the paragraphs containing
any of ``texts``, with their breaks), ``insert_after`` (a new paragraph after the one
containing ``containing``), ``track`` (record changes from now on, as ``author``),
``comment`` (at the start of the paragraph containing ``containing``).
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

PARAGRAPH_BREAK = 0


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(profile):
    pipe = f"clausier{os.getpid()}"
    process = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _attempt in range(300):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return process, context
        except Exception:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("LibreOffice did not start")


def set_author(context, author):
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _space, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def paragraphs(doc):
    """Every paragraph of the body, in tables too, in order."""
    found = []

    def walk(text):
        enum = text.createEnumeration()
        while enum.hasMoreElements():
            element = enum.nextElement()
            if element.supportsService("com.sun.star.text.Paragraph"):
                found.append(element)
            elif element.supportsService("com.sun.star.text.TextTable"):
                for name in element.getCellNames():
                    walk(element.getCellByName(name).getText())

    walk(doc.getText())
    return found


def find(doc, containing):
    for paragraph in paragraphs(doc):
        if containing in paragraph.getString():
            return paragraph
    raise SystemExit(f"no paragraph contains {containing!r}")


def run_op(doc, context, op):
    kind = op["op"]
    if kind == "replace":
        search = doc.createReplaceDescriptor()
        search.SearchString, search.ReplaceString = op["old"], op["new"]
        if doc.replaceAll(search) != 1:
            raise SystemExit(f"{op['old']!r} is not in the document once")
    elif kind == "delete":
        for paragraph in [
            p for p in paragraphs(doc) if any(t in p.getString() for t in op["texts"])
        ]:
            cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
            cursor.gotoEndOfParagraph(True)
            cursor.goRight(1, True)
            cursor.setString("")
    elif kind == "insert_after":
        paragraph = find(doc, op["containing"])
        text = paragraph.getText()
        cursor = text.createTextCursorByRange(paragraph.getEnd())
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, op["text"], False)
    elif kind == "track":
        set_author(context, op["author"])
        doc.setPropertyValue("RecordChanges", True)
    elif kind == "comment":
        paragraph = find(doc, op["containing"])
        text = paragraph.getText()
        cursor = text.createTextCursorByRange(paragraph.getStart())
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.setPropertyValue("Author", op["author"])
        note.setPropertyValue("Content", op["text"])
        text.insertTextContent(cursor, note, False)
    else:
        raise SystemExit(f"unknown op {kind}")


def main():
    jobs = json.loads(open(sys.argv[1], encoding="utf-8").read())
    process, context = connect(sys.argv[2])
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    try:
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["src"]))
            doc = None
            for _attempt in range(3):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                if doc is not None:
                    break
                print("retry", job["src"], file=sys.stderr)
                time.sleep(1)
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {job['src']}")
            for op in job["ops"]:
                run_op(doc, context, op)
            target = uno.systemPathToFileUrl(os.path.abspath(job["dst"]))
            doc.storeToURL(target, (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    main()
