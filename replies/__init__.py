"""The bot's replies: facts from the store turned into Discord embeds, page views and terminal output.

:mod:`replies.embeds` builds the embeds, :mod:`replies.pagination` sends them with page buttons,
:mod:`replies.terminal` prints them for the offline console. Every embed built here fits
Discord's limits (:mod:`replies.limits`).
"""
