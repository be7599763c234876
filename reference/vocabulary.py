"""Positions on a vote and the bodies that vote, with their names in English."""

from __future__ import annotations

from typing import Literal

Position = Literal["yes", "no", "abstain", "absent"]

# Every position a member can take, in the order answers list them.
POSITIONS: tuple[Position, ...] = ("yes", "no", "abstain", "absent")
POSITION_LABELS: dict[Position, str] = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Did not vote"}
# How a country's position reads after its name: "China abstained".
POSITION_VERBS: dict[Position, str] = {
    "yes": "voted yes", "no": "voted no", "abstain": "abstained", "absent": "did not vote",
}
# The UN Digital Library's vote codes (ms_vote): Y, N, A, X or NV (non-voting) for absent.
OFFICIAL_VOTE_CODES: dict[str, Position] = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent", "NV": "absent"}

GENERAL_ASSEMBLY = "UNGA"
SECURITY_COUNCIL = "UNSC"
HUMAN_RIGHTS_COUNCIL = "Human Rights Council"  # by name, as the annotation guide writes it
# Display names of the bodies extraction records by acronym or short name; other bodies are stored by name.
BODY_NAMES = {
    GENERAL_ASSEMBLY: "UN General Assembly",
    SECURITY_COUNCIL: "UN Security Council",
    HUMAN_RIGHTS_COUNCIL: "UN Human Rights Council",
    "ECOSOC": "UN Economic and Social Council",
}
# The bodies whose votes the UN Digital Library's voting data records.
RECORDED_BODIES = (GENERAL_ASSEMBLY, SECURITY_COUNCIL)
# The Security Council's permanent members (UN Charter, Art. 23), the USSR's seat included.
PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "GBR", "RUS", "SUN", "USA"})


def body_name(body: str | None) -> str:
    """``UNGA`` -> ``UN General Assembly``; a Main Committee, stored after its Assembly's acronym
    (``UNGA Third Committee``) -> ``UN General Assembly, Third Committee``; a body stored by name
    stays as it is."""
    if body and body.startswith(GENERAL_ASSEMBLY + " "):
        return f"{BODY_NAMES[GENERAL_ASSEMBLY]}, {body.removeprefix(GENERAL_ASSEMBLY + ' ')}"
    return BODY_NAMES.get(body or "", body or "Unknown body")


# Who official records come from, as answers cite them. Records imported from the UN Digital
# Library's files carry its name; the General Assembly's votes of 2022-2024 that Rollcall ships come
# from Erik Voeten's data (their dataset name starts with "Voeten"), which has no resolution symbols.
UNDL_DATA = "UN Digital Library voting data"
VOETEN_DATA = "Voeten et al., UN General Assembly voting data"


def record_source(dataset: str | None) -> str:
    """Who a record's data comes from, by the name of the dataset it was imported from."""
    return VOETEN_DATA if dataset and dataset.startswith("Voeten") else UNDL_DATA
