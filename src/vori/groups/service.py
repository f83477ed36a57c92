from __future__ import annotations

from sqlalchemy.orm import Session

from vori.core.errors import NotFound
from vori.groups.models import LOCAL_GROUP_ID, Group


def ensure_local_group(session: Session) -> Group:
    """The embedded default has one local group until accounts exist."""
    group = session.get(Group, LOCAL_GROUP_ID)
    if group is None:
        group = Group(id=LOCAL_GROUP_ID, name="Local team")
        session.add(group)
        session.flush()
    return group


def get_group(session: Session, group_id: str) -> Group:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(f"group {group_id} not found")
    return group
