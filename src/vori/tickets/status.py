"""Ticket statuses and the one rule for moving between them.

A person may move a ticket anywhere (they can see the board). Speech and extraction only move it forward,
TODO -> IN_PROGRESS -> DONE (skipping IN_PROGRESS is allowed): "the login page is done" never reopens a
ticket, and saying the same thing twice changes nothing.
"""

from __future__ import annotations

import enum


class TicketStatus(enum.StrEnum):
    TODO = "TODO"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"


class Cause(enum.StrEnum):
    SPEECH = "speech"
    USER = "user"
    EXTRACTION = "extraction"


ORDER = {TicketStatus.TODO: 0, TicketStatus.IN_PROGRESS: 1, TicketStatus.DONE: 2}


def allowed_transition(current: TicketStatus, target: TicketStatus, cause: Cause) -> bool:
    """Whether `cause` may move a ticket from `current` to `target` (a move to the same status is not a move)."""
    if current == target:
        return False
    if cause == Cause.USER:
        return True
    return ORDER[target] > ORDER[current]
