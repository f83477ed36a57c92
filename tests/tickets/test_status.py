from __future__ import annotations

import pytest

from vori.tickets.status import Cause, TicketStatus, allowed_transition

T, P, D = TicketStatus.TODO, TicketStatus.IN_PROGRESS, TicketStatus.DONE


@pytest.mark.parametrize(
    ("current", "target", "cause", "allowed"),
    [
        (T, P, Cause.SPEECH, True),   # "I started on the login page" / "로그인 페이지 작업을 시작했습니다"
        (P, D, Cause.SPEECH, True),   # "the login page is done" / "로그인 페이지 구현이 완료되었습니다"
        (T, D, Cause.SPEECH, True),   # done without anyone saying it was started
        (D, P, Cause.SPEECH, False),  # never reopened from speech
        (D, T, Cause.SPEECH, False),
        (P, T, Cause.SPEECH, False),
        (D, D, Cause.SPEECH, False),  # said twice: no second move
        (P, D, Cause.EXTRACTION, True),
        (D, T, Cause.EXTRACTION, False),
        (D, T, Cause.USER, True),     # a person may move a card anywhere
        (P, T, Cause.USER, True),
        (T, T, Cause.USER, False),
    ],
)
def test_transition_rule(current: TicketStatus, target: TicketStatus, cause: Cause, allowed: bool) -> None:
    assert allowed_transition(current, target, cause) is allowed
