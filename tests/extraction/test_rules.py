"""How single utterances are read, in English and Korean: intent, the work named, who does it, and the
statements that must not become work (questions, negations, hedges, postponing, small talk)."""

from __future__ import annotations

import pytest

from vori.extraction.rules import english, korean
from vori.extraction.rules.common import split_speaker

EN = [
    # (utterance, intent or why ignored, words of the work, assignee)
    ("The login page is finished, I merged it last night.", "DONE", "login page", None),
    ("I'll add retries to the upload job by Friday.", "TODO", "add retries to the upload job", "Ana"),
    ("Dan, can you take the flaky CI test?", "TODO", "flaky CI test", "Dan"),
    ("I started on the billing dashboard.", "IN_PROGRESS", "billing dashboard", "Ana"),
    ("Still working on the search indexer.", "IN_PROGRESS", "search indexer", "Ana"),
    ("Yeah, it's done.", "DONE", "it", None),
    ("The CSV export shipped yesterday.", "DONE", "CSV export", None),
    ("We need to rotate the API keys before the audit.", "TODO", "rotate the API keys", None),
    ("Priya will write the migration guide.", "TODO", "write the migration guide", "Priya"),
    ("I've wrapped up the onboarding emails.", "DONE", "onboarding emails", "Ana"),
    ("I'm refactoring the payment service.", "IN_PROGRESS", "refactoring the payment service", "Ana"),
    ("We're blocked on the staging credentials.", "BLOCKED", "staging credentials", None),
    ("Let's go with Postgres for the event store.", "DECISION", "Postgres", None),
    ("Is the login page done?", "question", "", None),
    ("The export isn't done yet.", "negated", "", None),
    ("I didn't get to the docs.", None, "", None),
    ("Let's not do dark mode this quarter.", "dropped", "", None),
    ("Maybe someday we could rewrite it in Rust.", "hedged", "", None),
    ("I finally finished that book over the weekend.", "personal", "", None),
    ("They will upgrade their API next month.", "external", "", None),
    ("Nothing blocking me today.", None, "", None),
    # an item named first, then what happened to it
    ("Image rights field: I picked it up Monday.", "IN_PROGRESS", "Image rights field", "Ana"),
    ("Timetable import: wrapped.", "DONE", "Timetable import", None),
    ("Login page: still not started.", "negated", "", None),
    ("What I did do this week: I rotated the payment gateway API keys.", "DONE", "rotated the payment gateway", "Ana"),
    ("We need somebody to write a runbook for the SMS outage.", "TODO", "write a runbook", None),
    ("Dmitri, while you're waiting on Walt, can you look into the slow backup?", "TODO", "slow backup", "Dmitri"),
    # reports in other words: a bare "done" with a time, a second verb sharing the subject, a branch cut
    ("Done as of last night.", "DONE", "", None),
    ("I moved it into this sprint and got going on it yesterday.", "IN_PROGRESS", "it", "Ana"),
    ("I reviewed the spec and merged the parser fix.", "DONE", "parser fix", "Ana"),
    ("Cutting the branch for PAY-12 now.", "IN_PROGRESS", "", "Ana"),
    # what is not in yet is the rest of work under way
    ("I started the importer on Monday, the parsing is written, the validation isn't in yet.", "IN_PROGRESS",
     "", "Ana"),
    ("The audit log and the rollback button both went out in Monday's release.", "DONE", "rollback button", None),
    # what its users get now says which ticket is out; a complaint does not
    ("Dispatchers get a text now when a van runs late.", "in use", "", None),
    ("Users get logged out now when they switch tabs.", None, "", None),
    ("I'll patch the parser to skip empty rows.", "TODO", "patch the parser", "Ana"),
    ("Let's keep it parked for now.", "dropped", "", None),
    ("We updated the status page by hand at six-something.", "timeline", "", None),  # a time said, not written
    ("Could anyone on the data team rebuild the nightly export?", "TODO", "rebuild the nightly export", None),
    # accepted, a pull request up, the item then "I'm on", rejected, not out for real yet
    ("Accepted.", "signed off", "", None),
    ("Search filters, PR's up.", "IN_PROGRESS", "", "Ana"),
    ("Fifty-three I'm on.", "IN_PROGRESS", "Fifty-three", "Ana"),
    ("QA sent it back this morning.", "rolled back", "", None),
    ("The fraud rule is dark launched.", "negated", "", None),
    ("That's finished by the way.", "DONE", "that", None),
    ("Four-two-two's out.", "DONE", "Four-two-two", None),
    ("Done and dusted.", "DONE", "", None),
    ("I already ran the backfill from the gateway buffers.", "DONE", "ran the backfill", "Ana"),
    ("I did knock out the battery panel though.", "DONE", "battery panel", "Ana"),
    ("And the copy rotation weights, I'm killing that.", None, "", None),  # dropping it is not working on it
    ("Not me till the export's out.", None, "", None),
    ("Ama, could you write up a test plan for the merging, so we have it when Ben's done?", "TODO", "test plan",
     "Ama"),
    ("I'd also fix the bug where the progress bar freezes on Safari.", "TODO", "progress bar freezes", "Ana"),
    ("I took a first pass at shrinking the job-site pictures.", "IN_PROGRESS", "shrinking the job-site", "Ana"),
    ("I got the PIN reset emails flowing in dev.", "IN_PROGRESS", "PIN reset emails", "Ana"),
    ("I've been poking at grouping the station pins.", "IN_PROGRESS", "grouping the station pins", "Ana"),
    ("The interaction popup and the refill queue are both out.", "DONE", "interaction popup", None),
    ("501 and 502 were both in the App Store build that went out Wednesday.", "DONE", "501 and 502", None),
    ("Receipts work now.", "DONE", "Receipts", None),
    ("Done.", "DONE", "", None),
    # not work: filing a ticket, postponing, hindsight, beliefs, conditions, folded feedback
    ("I'll open a new ticket for it.", "filed", "", None),
    ("We're pushing it to the next release.", "dropped", "", None),
    ("Let's close it as won't-do.", "dropped", "", None),
    ("Should have run before winter.", None, "", None),
    ("I should have the month view sorted by Thursday.", None, "", None),
    ("We'll see.", "hedged", "", None),
    ("I thought they fixed it last week.", "hedged", "", None),
    ("Kelsey, ping me when the month view's fixed.", None, "", None),
    ("That's part of the redesign.", "folded", "", None),
    ("I noticed the boarding pass shows UTC.", None, "", None),
    ("ARM runners are basically done, just the Docker layer cache left.", "IN_PROGRESS", "ARM runners", None),
    ("We rolled it back at 3am.", "rolled back", "", None),
    ("Move the tooltip as part of it.", "folded", "", None),
    ("So I can't actually test anything against the sandbox.", "BLOCKED", "", None),
    ("Steamworks says my account doesn't have permission for that app.", "BLOCKED", "", None),
    ("I cannot deploy the adapter until the change board approves it.", "BLOCKED", "", None),
    ("I set it up last night.", "DONE", "", None),
    ("I'm on call this week.", None, "", None),
    ("Give it to me.", "TODO", "it", "Ana"),
    ("I consider that item complete.", "DONE", "", None),
    ("Let's defer that.", "dropped", "", None),
    ("Nobody moved the card.", "filed", "", None),
    ("That has to be updated before the rebrand launch.", "TODO", "", None),
    ("It should be fine.", None, "", None),
    ("I will note that in the backlog.", "filed", "", None),
    # indirect and formal reports
    ("I believe that one can be considered complete.", "DONE", "", None),
    ("We can close the SSO ticket.", "DONE", "SSO", None),
    ("We can close the SSO ticket as won't do.", "dropped", "", None),
    ("You can mark the retry logic as done.", "DONE", "retry logic", None),
    ("QA signed off on the export.", "signed off", "", None),  # names a board ticket, never new work
    ("The walk pings are out on both stores as of this morning.", "DONE", "walk pings", None),
    ("The new dashboard is now available to all nurses.", "DONE", "new dashboard", None),
    ("Brand autocomplete I finished Monday.", "DONE", "Brand autocomplete", "Ana"),
    ("The refund flow I started yesterday.", "IN_PROGRESS", "refund flow", "Ana"),
    ("I have commenced the data migration.", "IN_PROGRESS", "data migration", "Ana"),
    ("Oh and I also shut off the old cron poller.", "DONE", "old cron poller", "Ana"),
    ("We should build them an export.", "TODO", "build them an export", None),  # "them" is not "it"
    ("Also fixed the rounding on half-barrel volumes.", "DONE", "rounding on half-barrel volumes", None),
    ("Starting tomorrow.", "TODO", "", None),  # a start in the future is a plan
    ("Next I'm on the hop expiry warnings.", "TODO", "hop expiry warnings", "Ana"),
    ("Next sprint, Hyun's picking it up then.", "TODO", "", "Hyun"),
    ("I started on them after lunch.", "IN_PROGRESS", "", "Ana"),  # "after lunch" with a past start is past
    ("I got an email saying it's fixed.", "quoted", "", None),
    ("I tested it.", None, "", None),  # trying something out is not finishing it
    ("I'd like one more day of data before calling it finished.", "negated", "", None),
    ("Three-thirty-six, done.", "DONE", "Three-thirty-six", None),
    ("Since Wednesday I've actually been on it.", "IN_PROGRESS", "", "Ana"),
    ("I have begun, in a modest way.", "IN_PROGRESS", "", "Ana"),
    ("I started that yesterday, because identity verification keeps failing.", "IN_PROGRESS", "", "Ana"),
    ("Everyone's using the new rota now.", "DONE", "new rota", None),
    ("I'd be comfortable closing that.", "DONE", "", None),
    ("I believe I've made a proper start.", "IN_PROGRESS", "", "Ana"),
    ("I've made a start on that, as it happens.", "IN_PROGRESS", "", "Ana"),
    ("I'll add an alert for when the GPSDO loses lock.", "TODO", "add an alert for when the GPSDO loses lock", "Ana"),
    ("Fixed that over the weekend, merged.", "DONE", "", None),  # a report, not an item named before a comma
    ("I should have mentioned: on Friday I renewed the TLS certificate.", "DONE", "renewed the TLS certificate",
     "Ana"),
    ("I can write up the pre-close state — the copy and the rules — and Ines mocks it.", "TODO",
     "write up the pre-close state", "Ana"),
    ("Two-oh-four is finished.", "DONE", "Two-oh-four", None),  # a ticket number, not "two of them"
    ("I actually started on that yesterday?", "IN_PROGRESS", "", "Ana"),  # a report with a rising voice
    ("Yes, that wrapped Friday.", "DONE", "", None),
    ("That went to a hundred percent Wednesday morning.", "DONE", "", None),
    ("Out.", "DONE", "", None),
    ("That's in.", None, "", None),  # in scope, or in the plan: not said to be done
    ("We can close that one out.", "DONE", "", None),
    ("I'd call RF-88 done.", "DONE", "RF-88", None),
    ("Also went well: the expiry warnings are finally live.", "DONE", "expiry warnings", None),
    ("Actually, I already poked at it last week.", "IN_PROGRESS", "", "Ana"),
    ("I also grabbed the cutoff timezone bug.", "IN_PROGRESS", "cutoff timezone bug", "Ana"),
    ("The hotlist generator ran at 6:55 and the file went out.", "timeline", "", None),
    ("I'd been poking at it Friday before any of this.", "IN_PROGRESS", "", "Ana"),
    ("I did kick off the PDF generation yesterday.", "IN_PROGRESS", "PDF generation", "Ana"),
    ("I pushed the fix last night.", "DONE", "pushed the fix", "Ana"),
    ("I pushed the demo to Friday.", None, "", None),
    ("The override logging is in.", "in use", "", None),  # most likely landed: it says which ticket at most
    ("The request is in.", None, "", None),  # handed in to someone
    ("Mobility aid fields: three of the five are in.", None, "", None),
    ("I got the last of the GS1 parsing in yesterday.", "DONE", "GS1 parsing", "Ana"),
    ("That's me done on that.", "DONE", "", None),
    ("That's off my plate now, Mei has it since she's in the Twilio account.", None, "", None),  # handed over
    ("QA signed it off last night.", "signed off", "", None),
    ("CAL-34, photographer's booked.", "DONE", "CAL-34", None),
    ("Started.", "IN_PROGRESS", "", "Ana"),
    ("Actually I did start that one, the email template's designed.", "IN_PROGRESS", "", "Ana"),
    ("I did start on the export yesterday.", "IN_PROGRESS", "the export", "Ana"),
    ("He asked me to tell you it's finished.", "DONE", "", None),  # a teammate's report, passed on
    ("I'll update the price table this week.", "TODO", "update the price table", "Ana"),
    ("Which means we need a cancel page with that refund rule.", "TODO", "cancel page", None),
    ("Let's table this.", "dropped", "", None),
    ("That's moving to the privacy group, Rafael's team asked for it.", None, "", None),  # handed to others
    ("I passed that to Oksana on Friday.", "external", "", None),
    ("This is the review of Tuesday's billing run.", None, "", None),  # what the meeting is
    ("Tom's dialling in from the train.", None, "", None),
    ("Thursday's cutting it fine, but okay.", None, "", None),
    ("The API half is done.", "IN_PROGRESS", "", None),  # one half of the work
    ("I should not say completed, some work is still there.", "negated", "", None),
    ("The meter-read import failed at two a.m., the billing run kicked off at six regardless.", None, "", None),
    ("The Apple and Google sign-in is merged.", "DONE", "Apple and Google sign-in", None),
    ("Apple rejected the build again.", "external", "", None),
    ("Payroll JE's posted, the ADP register ties.", "DONE", "Payroll JE", None),
    ("I've moved on to the endorsement detection.", "IN_PROGRESS", "endorsement detection", "Ana"),  # started it
    ("Drivers are telling support the statement says Monday.", None, "", None),  # what users say, not work
    ("Yeah, we went through it together yesterday.", None, "", None),  # read it with someone, not finished
    ("I went through all 212 locations by hand on Sunday.", "DONE", "", None),
    ("PR's up, not merged.", "IN_PROGRESS", "", None),  # written, waiting for review
    ("The PR for the CSV export is up.", "IN_PROGRESS", "CSV export", None),
    ("Skip's live.", "DONE", "Skip", None),  # the feature called "skip", not "let's skip it"
    ("Let's skip it this sprint.", "dropped", "", None),
    ("Dock 4 I haven't touched.", "untouched", "", None),  # a part not started
    ("LBLSRV01 is switched off.", "DONE", "LBLSRV01", None),  # a server decommissioned
    ("The flag is switched off for now.", None, "", None),  # turned off for a while, not decommissioned
    ("Refunds are switched off until Stripe is done.", None, "", None),
    ("The old request records, all fourteen years of them, went across over the weekend.", "DONE",
     "old request records", None),
    ("No, you're thinking of the audit log. Nobody's started the PDF.", None, "", None),
    ("Nobody's started the PDF.", "negated", "", None),  # the subject is the negation
    ("It needs tuning before I'd call it finished.", "negated", "", None),
    ("The delivery still shows as completed.", None, "", None),  # what the app says, not work done
    ("We're closed Mondays.", None, "", None),
    ("So we resubmit once those two nights are in.", None, "", None),  # a condition
    ("That went in Thursday, and it caught two bad nights over the weekend.", "DONE", "", None),
    ("The shift export went in with last night's build.", "DONE", "shift export", None),
    ("Sam went in the back door.", None, "", None),
    ("I think we're folding that into the tablet redesign.", "folded", "", None),
    ("It's merged and running in staging, but I wouldn't switch production over until after the payout.",
     "IN_PROGRESS", "", None),
    # session 18: numbers said with spaces, a negated subject after a comma, a thing set against another, board moves,
    # particle verbs, jobs running, a teammate on it, a part not wired in
    ("Three oh seven's done.", "DONE", "three oh seven", None),
    ("That's the export one, forty two, nobody's started it", "negated", "", None),
    ("I also switched off the legacy poller, nothing was reading from it any more.", "DONE", "legacy poller", "Ana"),
    ("The cutoff is two weeks from signup, not activation, fixed that", None, "", None),
    ("You can move that one over.", "DONE", "", None),
    ("I flipped the reminders on for every venue.", "DONE", "reminders", "Ana"),
    ("I threw that together over the weekend.", "DONE", "that", "Ana"),
    ("The reindex is running", "in use", "", None),
    ("The server's running fine", None, "", None),
    ("Dmitri's been on it since Monday.", "IN_PROGRESS", "", "Dmitri"),
    ("It's not wired up to the billing system yet", "negated", "", None),
    ("Merged Friday, and every one of the test phones got the alert.", "DONE", "", None),  # not "one of": a part
    ("The importer I finished Monday", "DONE", "importer", "Ana"),
    ("And that's all in, the desk ran the late show off it", "DONE", "", None),
    ("That's in. Kofi, can you own it?", None, "", None),  # in the plan, not landed
    ("I'm starting it Monday.", "TODO", "", "Ana"),
    ("It's started, first run's done and I'm going through the false positives now.", "IN_PROGRESS", "", None),
    ("I was going to start it today but finance wants to sign off first", "negated", "", None),
    ("The north yard is cut over.", "DONE", "north yard", None),
    ("So I'd say close it.", "DONE", "", None),
    ("Okay, branch is up.", "IN_PROGRESS", "", None),
    ("The audit pack went over yesterday", "DONE", "audit pack", None),
    ("I got going on that last week when I was stuck on the invoices.", "IN_PROGRESS", "that", "Ana"),
    ("Events said they're moving them out Thursday.", "external", "", None),
    ("Iain says the consent signing's finished.", "DONE", "consent signing", "Iain"),  # passed on by a teammate
    ("Both the SLA timers and the greyscale mode are done", "DONE", "SLA timers", None),
    ("I had a go at that on Friday just to see", "IN_PROGRESS", "", "Ana"),
    ("Their audit's booked for the 9th.", None, "", None),  # when it will happen
    ("The venue is booked.", "DONE", "venue", None),
    ("Consent forms for the away buses.", None, "", None),  # "Con" is no one's name, "sent" no report
    ("Reconcile's still going", "IN_PROGRESS", "Reconcile", None),
    ("Index is final.", "DONE", "Index", None),
    ("That's the lot.", "DONE", "", None),
    ("Hank signed them off Thursday at the tech.", "signed off", "", None),
    ("Okay, branch is cut", "IN_PROGRESS", "", None),
    ("Right, I'll not promise it then.", "negated", "", None),  # "I'll not": a promise refused
    ("I just claimed it.", None, "", None),  # a name on the card, nothing started
    ("IDEXX v2, started mapping the payloads this morning", "IN_PROGRESS", "IDEXX v2", None),
    ("It rode out with the same release.", "DONE", "It", None),
    ("matching on microchip number works on her branch", "IN_PROGRESS", "matching on microchip number", "Ana"),
    ("Lin can you put it together", "TODO", "put it together", "Lin"),
]

KO = [
    ("어제 오후에 트래픽 전부 v2로 돌렸어", "DONE", "", None),  # all of it goes the new way now
    ("A/B 테스트는 오늘 아침에 트래픽 10퍼센트로 켰어요", "IN_PROGRESS", "A/B 테스트", None),
    ("인덱스를 안 타서 피크 때 DB에 부담 줄 수 있어요", None, "", None),  # a risk, not a request
    ("작업실적 넘기는 매핑 테이블 정리 중이에요", "IN_PROGRESS", "매핑 테이블", None),
    ("그건 큐 전환 끝나고 하는 게 맞을 것 같아서", None, "", None),  # after it finishes: a plan
    ("지점 필터 어제 저녁에 프로덕션 나갔어", "DONE", "지점 필터", None),
    ("어제 저녁 배포에 태웠어", "DONE", "", None),
    ("월요일 업데이트로 전 매장에 깔렸고요", "DONE", "", None),
    ("걔 아까 밖에 나갔어", None, "", None),  # went outside
    ("계속 재촉은 하고 있어요", None, "", None),  # chasing someone, not doing the work
    ("로그인 화면 작업 끝났습니다", "DONE", "로그인 화면", None),
    ("로그인 페이지 구현이 완료되었습니다", "DONE", "로그인 페이지", None),
    ("지수 님이 결제 API 문서 정리해 주세요", "TODO", "결제 API 문서 정리", "지수"),
    ("제가 결제 API 문서를 정리하겠습니다", "TODO", "결제 API 문서 정리", "민수"),
    ("검색 기능 개발 시작했습니다", "IN_PROGRESS", "검색 기능", None),
    ("알림 서버 쪽은 지금 작업 중이에요", "IN_PROGRESS", "알림 서버", None),
    ("회원가입 페이지 수정하고 있습니다", "IN_PROGRESS", "회원가입 페이지", None),
    ("배포 스크립트는 어제 머지했습니다", "DONE", "배포 스크립트", None),
    ("CI 테스트 고쳐야 합니다", "TODO", "CI 테스트", None),
    ("스테이징 권한이 없어서 배포를 못 하고 있어요", "BLOCKED", "스테이징 권한", None),
    ("인증은 JWT로 가기로 했습니다", "DECISION", "JWT", None),
    ("로그인 페이지 끝났나요?", "question", "", None),
    ("아직 안 끝났어요", "negated", "", None),
    ("그건 다음 분기로 미루죠", "dropped", "", None),
    ("나중에 다크 모드 해보면 좋을 것 같긴 한데요", "hedged", "", None),
    ("주말에 등산 다녀왔어요", None, "", None),
    ("블로커는 딱히 없습니다", None, "", None),
    ("301번 유통기한 알림, 배포까지 끝", "DONE", "유통기한 알림", None),
    ("90번은 어제 저녁 배포 때 같이 나갔고요", "DONE", "90번", None),
    ("센서별 잔량 모으는 쿼리까지만 짜놨어요", "IN_PROGRESS", "쿼리", None),   # only up to: under way
    ("역할 테이블만 만들어 놨어", "IN_PROGRESS", "역할 테이블", None),
    ("권한 관리 어제 좀 해놨다", "IN_PROGRESS", "권한 관리", None),
    ("네 티켓 넣었어요", "filed", "", None),
    ("그건 그 화면 작업 안에서 같이 처리해 줘요", "folded", "", None),
    ("아직은 잘 모르겠어요", "hedged", "", None),
    ("네, 생각해 볼게요", "hedged", "", None),
    ("코드표가 아직 안 와서 시작을 못 해요", "BLOCKED", "", None),
    ("바로 되돌렸어요", "rolled back", "", None),
    ("구독 일시정지는 완료는 아니에요", "negated", "", None),
    ("그 렌더링 성능 개선 어제 손대기 시작했어요", "IN_PROGRESS", "렌더링 성능", None),
    ("재연결 로직은 배포까지 했어요", "DONE", "재연결 로직", None),
    ("패치 끝나고 목요일부터요", "TODO", "", "민수"),
    # indirect and formal reports
    ("그건 완료 처리하셔도 됩니다", "DONE", "", None),
    ("그건 끝난 걸로 보시면 됩니다", "DONE", "", None),
    ("어제 QA 넘긴 거 오늘 아침에 통과됐어요", "signed off", "", None),
    ("네, 어젯밤에 통과됐어요", None, "", None),  # tests passing is not the work being done
    ("주차 차량 관리는 그냥 닫아도 될 것 같아요", None, "", None),  # closing may be closing as not needed
    ("키오스크에서 QR 찍는 거 이제 다 돼요", "DONE", "키오스크 QR", None),
    ("쿼리 좀 짜 봤어요", "IN_PROGRESS", "쿼리", None),
    ("저는 어 강풍 자동 취소, 그거 오늘 아침에 착수했어요", "IN_PROGRESS", "", "민수"),
    ("그거 제가 목 서버로 먼저 시작은 했어요", "IN_PROGRESS", "", "민수"),
    ("작업지시서 폰으로 보는 거 어제부터 현장에서 다들 쓰고 있어요", "DONE", "작업지시서", None),
    ("재정과에 예산 요청 들어갔어요", "filed", "", None),  # asking someone else is not doing it
    ("오후 2시 10분에 해외결제 룰 4.7 버전이 운영에 배포되었습니다", "timeline", "", None),
    ("제가 보기에는 그건 끝난 걸로 봐도 될 것 같습니다", "DONE", "", "민수"),
    ("그거, 어제 스토어 심사 통과했어요", "signed off", "", None),
    ("별건으로 티켓 새로 파서 내가 고칠게", "TODO", "", "민수"),  # filing is the means, fixing the work
    ("120번은 오늘 착수 예정입니다", "TODO", "120번", None),
    ("재심사 넣었어", "IN_PROGRESS", "", None),  # submitted for review: under way, not done
    ("사실 어제 오후에 좀 손대 봤어요", "IN_PROGRESS", "", None),
    ("주문서에 드롭다운까지는 붙여 놨습니다", "DONE", "드롭다운", None),  # a dropdown is not a drop
    ("리마인더는 오늘 아침부터 실제로 나가고 있어요", "DONE", "리마인더", None),
    ("슬롯 자동 배정은 어제 스테이징 디플로이 했고요", "DONE", "슬롯 자동 배정", None),
    ("그거 조리중, 픽업대기까지는 다 돼", "IN_PROGRESS", "", None),  # done up to a point: under way
    ("보드에 있는 PLC 타임아웃 알람 건도 아직 착수 전입니다", "negated", "", None),
    ("의견을 한 번에 드렸어야 했는데", "negated", "", None),  # should have: was not done
    ("두 건 다 어제 끝내셨대요", "DONE", "", None),  # honorific, and passed on
    ("방금 브랜치 땄어요", "IN_PROGRESS", "", None),
    ("시작은 한 걸로 봐 주세요", "IN_PROGRESS", "", None),
    ("외래 약국에서 어제부터 실제로 쓰고 있어요", "DONE", "외래 약국", None),
    ("재고는 이제 주문 들어오면 자동으로 빠져요", "DONE", "", None),
    ("결제 실패하면 바로 장바구니가 날아가요", None, "", None),  # how it fails, not what now works
    ("DB 용량이 꽤 커지겠네요", None, "", None),  # a prediction, not a promise
    ("정산 배치는 완료 처리할게요", "DONE", "정산 배치", None),  # marking it done is not a plan
    ("승인할게요", "signed off", "", None),
    ("테스트해 보고 반려했어요", "rolled back", "", None),
    ("그거 빼면 다 했어요", "IN_PROGRESS", "", None),  # all but one thing
    ("반만 했어요", "IN_PROGRESS", "", None),
    # what others said is the reason; the speaker's own report follows it
    ("점장님들이 엑셀로 올리고 싶다고 하셔서 엑셀 업로드 만들었어요", "DONE", "엑셀 업로드", None),
    ("지난주에 윤하늘 선임님께 넘겨 드렸습니다", None, "", None),  # handed over, not finished
    ("2015년부터 2019년 건까지 전부 넘어갔고", "DONE", "", None),
    ("폼 작업 다 했다고 생각했는데", "negated", "", None),
    ("어제 협력사 단톡방에 다 뿌렸어요", "DONE", "", None),  # sent round to everyone
    ("월간 보기랑 주간 보기 두 개 만들어 왔습니다", "DONE", "월간 보기", None),
    ("이거 칠이칠 플래너 계정 티켓으로 만들어 놨는데", "filed", "", None),  # a ticket filed, not the work
    ("지금 만들어 봤자 쓸 사람이 없어", None, "", None),  # "even if we made it": not a report
    ("인테리어는 어제 도담디자인이랑 계약했어요", "DONE", "인테리어", None),
    ("공유했습니다", None, "", None),  # the screen, shared in the call
    ("꽤 써 놨어요", "IN_PROGRESS", "", None),  # quite a lot written: a part
    ("베댓 제외 그거 끝, 어제 저녁에 올렸어요", "DONE", "베댓", None),  # 제외 names the item, it drops nothing
    ("그건 이번 스프린트에서 제외하죠", "dropped", "", None),
    ("삼공사 작품 필터는 오늘 아침에 잡았고요", "IN_PROGRESS", "삼공사 작품 필터", None),
    ("그거 됐어요", "DONE", "", None),
    ("카카오 검수 올렸어요", "IN_PROGRESS", "", None),  # sent for review
    ("지훈 님이 어제 작가 일괄 숨김 API 시작했다고 했어요", "IN_PROGRESS", "작가 일괄 숨김 API", "지훈"),  # passed on
    ("머지했다고 말씀드렸는데", "quoted", "", None),  # what was said before, not a report
    ("진행 중인 것부터 보죠", None, "", None),  # the order of the meeting
    ("어제 iOS 배포에 들어갔어요", "DONE", "", None),  # in the release
    ("월요일부터 나가고 있어요", "DONE", "", None),  # 월요일부터 holds 일부 ("a part") only by accident
    ("어젯밤부터 화면에 실시간 비율로 나가고 있어요", "DONE", "", None),
    ("오늘 아침에 전 지점에 열었는데", "DONE", "", None),
    ("수업 전날 카톡 가는 거, 전 지점 다 켰어요", "DONE", "", "민수"),
    # session 18: passed then released, an item named on its own then its report, a side of the item, not needed any
    # more
    ("삼백십이 결제 한도는 QA 통과해서 어제 저녁에 나갔고", "signed off", "", None),
    ("프론트 쪽은 다 됐고 API는 민수 님이", "IN_PROGRESS", "", None),
    ("안 해도 될 것 같아요", "dropped", "", None),
    ("재시도 큐는 지난주부터 운영에 들어가 있고요", "DONE", "큐", None),
    ("검수 사진 첨부는 어제 오후에 잡았어", "IN_PROGRESS", "검수 사진 첨부", None),
    ("배송 예정일 표시는 어제 배포해서, 이제 화면에 날짜가 따로 떠요", "DONE", "배송 예정일 표시", None),
    ("스캐너는 계약서 도장까지 다 찍었습니다", "DONE", "스캐너", None),
    ("해지 화면은 어제 스테이징 반영 완료했고요, 운영은 오늘 저녁 정기 배포 때 같이 나가요.", "IN_PROGRESS", "해지 화면", None),
    ("이건 제가 어제 적용까지 끝내서 2층 키오스크에 이미 들어가 있어요", "DONE", "", "민수"),
]


def _read(clauses: list, expected: str | None) -> tuple[str | None, str, str | None]:
    clause = clauses[0]
    if clause.statement is None:
        return clause.ignored, "", None
    if clause.statement.aside:
        return clause.statement.aside, "", None
    return clause.statement.intent.value, clause.statement.obj, clause.statement.assignee


@pytest.mark.parametrize(("text", "intent", "work", "who"), EN)
def test_english(text: str, intent: str | None, work: str, who: str | None) -> None:
    found_intent, obj, assignee = _read(english.analyze(text, "Ana"), intent)
    assert found_intent == intent
    assert work.lower() in obj.lower()
    if intent in ("TODO", "IN_PROGRESS", "DONE"):
        assert assignee == who


@pytest.mark.parametrize(("text", "intent", "work", "who"), KO)
def test_korean(text: str, intent: str | None, work: str, who: str | None) -> None:
    found_intent, obj, assignee = _read(korean.analyze(text, "민수", {"지수", "민수"}), intent)
    assert found_intent == intent
    assert work in obj
    if intent in ("TODO", "IN_PROGRESS", "DONE"):
        assert assignee == who


def test_clauses_are_read_separately() -> None:
    found = [c.statement.intent.value for c in english.analyze(
        "I finished the invoice PDF and I'll start the refund flow tomorrow.", "Ana") if c.statement]
    assert found == ["DONE", "TODO"]


@pytest.mark.parametrize(("question", "work"), [
    ("Fatima, where's the public API alert?", "public API alert"),
    ("Is the progress tracker out?", "progress tracker"),  # the work asked about, not what is asked of it
    ("Kavya, is the CSV export working yet?", "CSV export"),
    ("Did the accrual thing make it into the Friday build?", "accrual thing"),
])
def test_the_work_a_question_asks_about(question: str, work: str) -> None:
    assert english.asked_about(question) == work


@pytest.mark.parametrize(("line", "speaker", "text"), [
    ("Alice: hello there", "Alice", "hello there"),
    ("민수: 로그인 끝났어요", "민수", "로그인 끝났어요"),
    ("no speaker here", None, "no speaker here"),
    ("see https://example.com for details", None, "see https://example.com for details"),
])
def test_speaker_prefix(line: str, speaker: str | None, text: str) -> None:
    assert split_speaker(line) == (speaker, text)


@pytest.mark.parametrize(("text", "intent", "work"), [
    ("목요일 미팅 자료는 내가 슬라이드로 정리할게", "TODO", "슬라이드"),   # 반말 promise in -ㄹ게
    ("이번 주 안에 닉네임으로 바꿀게요", "TODO", ""),
    ("작년 결과 파일들 외장하드로 다 옮겨 놨어", "DONE", "외장하드"),   # anything left -놨 is done
    ("150은 어제 머지했다고 말씀드렸는데", "quoted", ""),               # what was said before
    ("파서 테스트 케이스 짜 놨고 아직 덜 끝났어", "negated", ""),
])
def test_korean_speech_levels_and_reports(text: str, intent: str, work: str) -> None:
    clauses = korean.analyze(text, "민수", {"민수"})
    last = clauses[-1]
    found = last.statement.intent.value if last.statement else last.ignored
    assert found == intent
    if work:
        assert work in last.statement.obj  # type: ignore[union-attr]


def test_a_report_in_a_condition_is_what_would_happen() -> None:
    said = english.analyze("We watch the current, and if it drops for ten seconds, we cut the pump.", "Ana")
    assert [c.ignored for c in said if "pump" in c.text] == ["condition"]


def test_work_made_then_handed_over_is_named_by_what_was_made() -> None:
    said = korean.analyze("저는 어제 조교님들용 사용 가이드 문서 만들어서 공유 드렸어요", "민수")
    assert said[-1].statement is not None and said[-1].statement.intent.value == "DONE"
    assert "사용 가이드" in said[-1].statement.obj


def test_a_promise_about_it_made_on_a_condition_is_no_promise_yet() -> None:
    said = english.analyze("If a second one comes in, we'll ticket it.", "Ana")
    assert [c.ignored for c in said] == [None, "condition"]
    said = english.analyze("Can anyone else on the app team pick it up?", "Ana")
    assert said[0].statement is not None and said[0].statement.pronoun  # the item under discussion, not new work


def test_done_with_something_still_left_later_in_the_line_is_under_way() -> None:
    said = korean.analyze("그건 사실상 다 됐는데요, 영문 쪽은 글자 수로 세야 해서 그게 남았어요", "민수")
    assert said[0].statement is not None and said[0].statement.intent.value == "IN_PROGRESS"
    said = korean.analyze("어제 A/B 붙였는데 응답률이 31에서 38퍼로 올랐어. 근데 아직 이틀치라 더 봐야 돼", "민수")
    assert said[0].ignored == "negated"
    said = korean.analyze("고쳐서 월요일에 반영했고, 이걸로 남은 게 없습니다", "민수")
    assert said[1].statement is not None and said[1].statement.intent.value == "DONE"


def test_a_long_unpunctuated_turn_is_read_clause_by_clause() -> None:
    """A recognizer may write a whole turn without commas: a new subject starts a new clause."""
    said = english.analyze("um so me I started on PH two fourteen the expiry alerts for the controlled drugs so like "
                           "the morphine and the the oxycodone I've got the nightly job pulling the dates it's just "
                           "not sending anything yet", "Ana")
    assert said[0].statement is not None and said[0].statement.intent.value == "IN_PROGRESS"
    assert "expiry alerts" in said[0].statement.obj
    assert len(said) == 3 and "the the" not in said[0].text


@pytest.mark.parametrize("text", [
    "그거 API는 어제 만들어 놨어요. 항목별로 내려가고 스테이징에 올라가 있어요. 프론트만 붙이면 돼요.",
    "삼성이랑 DB는 끝났고, 현대는 다음 주에 양식이 바뀐다고 해서 새 양식 받을 때까지 기다리고 있습니다.",
])
def test_done_with_one_piece_left_or_waited_for_is_under_way(text: str) -> None:
    intents = [c.statement.intent.value for c in korean.analyze(text, "민수") if c.statement is not None]
    assert intents[0] == "IN_PROGRESS" and "DONE" not in intents


def test_what_is_done_given_as_the_reason_for_a_plan_names_its_item() -> None:
    first = korean.analyze("그건 오프라인 모드 끝났으니까 오늘 오후부터 잡으려고요.", "민수")[0]
    assert first.statement is not None and first.statement.obj == "오프라인 모드" and not first.statement.pronoun


def test_one_part_in_and_one_part_not_is_under_way() -> None:
    said = english.analyze("Diversity's in, I'm doing the stock boost now.", "Ana")
    assert said[0].statement is not None and said[0].statement.intent.value == "IN_PROGRESS"
    said = korean.analyze("그건 API는 다 됐고 화면은 아직이에요", "민수")
    assert said[0].statement is not None and said[0].statement.intent.value == "IN_PROGRESS"
    said = korean.analyze("다 했어요. 아 근데 확인 모달 문구가 법무 검토가 아직 안 나와서… 그거 빼면 다 했어요.", "민수")
    assert said[0].statement is not None and said[0].statement.intent.value == "IN_PROGRESS"
    assert korean.analyze("리뷰 신고 기능, 스프린트에 넣었다가 뺐잖아요", "민수")[0].statement is None  # taken out
    said = korean.analyze("진행률 바는 붙였는데, 이벤트가 10% 단위로만 와요. 1% 단위로 바꿔 주기 전까지는 더 할 게 없어요.",
                          "민수")
    assert said[0].ignored == "negated"


def test_work_handed_to_another_team_is_not_done() -> None:
    said = english.analyze("IT told me they're owning that end to end now, so that's off our list.", "Ana")
    assert all(c.statement is None for c in said)


@pytest.mark.parametrize(("clause", "topic"), [
    ("글자 크기 작업은 어르신 사용자 테스트까지 하고 어제 오후에 배포 나갔어요", "글자 크기 작업"),
    ("케이터링은 테이블모어로 픽스했어요", "케이터링"),
    ("그건 API는 다 됐고", ""),  # "그건" points back; the topic is not named here
    ("어제 협력사 단톡방에 다 뿌렸어요", ""),
])
def test_the_item_a_korean_clause_is_about_is_marked_as_its_topic(clause: str, topic: str) -> None:
    assert korean.topic_of(clause) == topic


def test_a_label_clause_that_is_a_sentence_names_nothing() -> None:
    """ "폼은 기다릴 필요가 없네요" is a remark, not an item named on its own for the next clause."""
    read = korean.analyze("폼은 기다릴 필요가 없네요. 저 지금 바로 브랜치 땄어요", "예린")
    assert all("필요" not in c.statement.obj for c in read if c.statement is not None)


def test_a_step_done_that_went_wrong_is_under_way() -> None:
    read = korean.analyze("모델 재학습은 돌려놨는데요 결과가 좀… 정확도가 오히려 떨어졌어요", "태민")
    assert read[0].statement is not None and read[0].statement.intent.value == "IN_PROGRESS"


def test_an_item_named_on_its_own_then_reported_is_what_the_report_is_about() -> None:
    read = korean.analyze("아 그 주문 내역 필터요, 어제 운영에 붙였어요", "도윤")
    said = read[-1].statement
    assert said is not None and said.intent.value == "DONE" and said.obj == "주문 내역 필터"


def test_done_then_no_trouble_since_stays_done() -> None:
    """ "…다 들어갔는데 오탐이 한 건도 없었어요": no false alarms is how it went, not something missing."""
    read = korean.analyze("누수 센서 알림 그거 어제 전 층에 다 들어갔는데 밤새 오탐이 한 건도 없었어요", "다은")
    assert read[0].statement is not None and read[0].statement.intent.value == "DONE"
    waiting = korean.analyze("공문 보냈는데 아직 답이 없네요", "다은")
    assert waiting[0].statement is None


@pytest.mark.parametrize("text", [
    "알림 베타는 지난주에 열어 드렸고요, 지금 피드백 받고 있어요. 그거는 계속 이어서 할 거고.",
    "주간 리포트는 집계 로직은 다 됐는데요, 원천 데이터 받아오는 배치가 새벽부터 계속 실패하고 있어요.",
])
def test_done_in_part_while_the_work_goes_on_or_is_stuck_is_under_way(text: str) -> None:
    first = korean.analyze(text, "수빈")[0].statement
    assert first is not None and first.intent.value == "IN_PROGRESS"


def test_praise_of_what_someone_made_is_no_report() -> None:
    assert all(c.statement is None for c in korean.analyze("네, 아까 봤어요. 잘 정리됐더라고요.", "상철"))


def test_what_ended_as_the_reason_for_a_request_is_named_without_the_requests_topic() -> None:
    said = korean.analyze("보강은 준서 씨가 출석부 끝났으니까 다음으로 잡아 줘", "태호")[0].statement
    assert said is not None and said.aside == "reason" and said.obj == "출석부"


def test_done_that_waits_until_something_else_is_ready_is_under_way() -> None:
    read = english.analyze("I set up the A/B test yesterday. It's sitting at zero percent traffic until the card's ready.",
                           "Sipho")
    assert read[0].statement is not None and read[0].statement.intent.value == "IN_PROGRESS"


def test_what_a_draft_shows_is_not_work_finished() -> None:
    read = korean.analyze("상세 페이지 3차 시안이에요. 그 아래에 관련 유물 캐러셀 넣었어요.", "수빈")
    assert all(c.statement is None or c.statement.intent.value != "DONE" for c in read)
    released = korean.analyze("시안대로 만들어서 어제 운영에 배포했어요", "수빈")
    assert any(c.statement is not None and c.statement.intent.value == "DONE" for c in released)


def test_a_need_said_to_someone_by_name_is_asked_of_them_and_a_fault_with_its_fix_is_no_blocker() -> None:
    need = english.analyze("Hamid, we need the university test plots booked for drift testing", "Marta")
    asked = need[-1].statement
    assert asked is not None and asked.intent.value == "TODO" and asked.assignee == "Hamid" and asked.request
    alone = english.analyze("we need the creds from IT", "Marta")[0].statement
    assert alone is not None and alone.intent.value == "BLOCKED"
    fixed = english.analyze("embed player on Safari, scrubbing was broken, pushed a fix last night, it's out", "Theo")
    assert all(c.statement is None or c.statement.intent.value != "BLOCKED" for c in fixed)
    report = english.analyze("that's been live since last night's release, and crew support says the calls stopped",
                             "Ines")
    assert report[0].statement is not None and report[0].statement.intent.value == "DONE"


def test_a_fault_named_with_던_거요_is_a_sentence_of_its_own_before_its_fix() -> None:
    read = korean.analyze("사진 업로드가 3G에서 타임아웃 나던 거요 업로드 전에 이미지 압축하게 바꿔서 어제 배포했어요", "동혁")
    assert read[0].text.endswith("나던 거요") and read[0].statement is None
    assert read[-1].statement is not None and read[-1].statement.intent.value == "DONE"
