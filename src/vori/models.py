"""Imports every table so that Alembic and `Base.metadata` see the whole schema."""

from vori.core.db import Base
from vori.events.models import ConsumerOffset, OutboxEvent, ProcessedEvent
from vori.extraction.models import MeetingExtraction
from vori.groups.models import Group
from vori.meetings.models import Meeting, TranscriptCursor, TranscriptSegment
from vori.minutes.models import MeetingMinutes
from vori.tickets.models import Ticket, TicketEvent, TicketSuggestion

__all__ = [
           "Base",
           "ConsumerOffset",
           "Group",
           "Meeting",
           "MeetingExtraction",
           "MeetingMinutes",
           "OutboxEvent",
           "ProcessedEvent",
           "Ticket",
           "TicketEvent",
           "TicketSuggestion",
           "TranscriptCursor",
           "TranscriptSegment",
]
