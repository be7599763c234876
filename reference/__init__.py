"""One vocabulary for the whole program: countries, the positions a member can take on a vote,
the bodies that vote. Extraction, the store, the answers and the replies all read it here."""
