"""Extraction: text in, facts out. No Discord, no SQL.

``extraction.extractor.extract(document)`` reads one cleaned Document
(``extraction.documents.load_document``) and returns the quotations and votes it
states, with character offsets into ``document.text``. It analyses the text once
(``extraction.text.AnalyzedText``: paragraphs, sentences, tokens, quotation spans,
country mentions, date phrases) and hands it to both extractors: ``quotes`` (quotation
spans from ``quote_marks``, speakers from ``attribution``, which reads noun phrases with
``phrases`` and ``lexicon`` through the state of ``discourse`` and the reporting verbs of
``cues``) and ``votes`` (with ``tallies``, ``country_lists``, ``vote_subjects``, ``dates``,
``numbers``).
"""
