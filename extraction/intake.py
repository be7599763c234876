"""What a source must be to be read: the size it may have, and the error for one that cannot be
read. A module of its own, light to import for the code that receives sources (the bot, the
fetcher) without loading the readers themselves."""

MAX_SOURCE_BYTES = 10 * 1024 * 1024


class SourceError(ValueError):
    """A source that cannot be read, with a message fit to show the user."""
