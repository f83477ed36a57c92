from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from vori.core.db import Base, UtcDateTime, utcnow

LOCAL_GROUP_ID = "00000000-0000-0000-0000-000000000001"


class Group(Base):
    """A tenant: every meeting, ticket and metric belongs to exactly one group."""

    __tablename__ = "groups"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
