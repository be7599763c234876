"""Extraction: text in, facts out. No Discord, no SQL.

``extraction.extractor.extract(document)`` reads one cleaned Document
(``extraction.documents.load_document``) and returns the quotations and votes it
states, with character offsets into ``document.text``.
"""
