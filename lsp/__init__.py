"""``eagraph lsp``: the model in the architect's editor, through the Language Server Protocol.

:mod:`.model` keeps the model warm in memory (every file's bytes, mention index and labels, an
editor's unsaved text in place of the file on disk) and answers with the library's own machinery:
the contract's findings through ``validators.changes`` and ``check`` (what ``validate
--changed-since`` runs), places through ``Workspace.locate`` and the positional parser.
:mod:`.text` reads terms and ranges in a document's text; :mod:`.server` speaks the protocol (pygls).
"""
