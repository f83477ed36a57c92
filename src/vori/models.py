"""Imports every table so that Alembic and `Base.metadata` see the whole schema."""

from vori.core.db import Base
from vori.events.models import OutboxEvent
from vori.groups.models import Group
from vori.meetings.models import Meeting, TranscriptSegment

__all__ = ["Base", "Group", "Meeting", "OutboxEvent", "TranscriptSegment"]
