"""Importers: model files from what architects already have (ArchiMate exchange files, spreadsheet inventories)."""
