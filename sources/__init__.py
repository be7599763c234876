"""Where source material comes from: articles fetched from the web."""
