from __future__ import annotations

import re
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Response

from vori.core.db import SessionDep
from vori.minutes import service
from vori.minutes.schemas import MinutesRead

router = APIRouter(prefix="/api/meetings", tags=["minutes"])


def filename(minutes: MinutesRead) -> tuple[str, str]:
    """`2026-11-22-sprint-planning-minutes.md`: an ASCII name, and the UTF-8 one (Korean titles) for
    filename*."""
    unicode_slug = "-".join(re.findall(r"\w+", minutes.title.lower()))[:60] or "meeting"
    ascii_slug = "-".join(re.findall(r"[a-z0-9]+", minutes.title.lower()))[:60] or "meeting"
    day = minutes.date.isoformat()
    return f"{day}-{ascii_slug}-minutes.md", f"{day}-{unicode_slug}-minutes.md"


NOT_READY = {"description": "the meeting is not processed yet (its state is in the message)"}


@router.get("/{meeting_id}/minutes", response_model=MinutesRead,
            responses={200: {"content": {"text/markdown": {}}}, 409: NOT_READY})
def get_minutes(meeting_id: str, session: SessionDep,
                format: Literal["json", "markdown"] = Query("json")) -> MinutesRead | Response:
    """The minutes of a processed (`done`) meeting: JSON, or Markdown with `?format=markdown`."""
    row = service.get_minutes(session, meeting_id)
    minutes = MinutesRead.model_validate(row.content)
    if format == "json":
        return minutes
    plain, utf8 = filename(minutes)
    return Response(row.markdown, media_type="text/markdown; charset=utf-8", headers={
        "Content-Disposition": f"inline; filename=\"{plain}\"; filename*=UTF-8''{quote(utf8)}"})
