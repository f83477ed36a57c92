"""How people report work in Korean meetings.

Korean puts the predicate last, so a clause is read from its end: the ending says whether work will be done
(-겠습니다, -ㄹ게요, -해야 합니다, -해 주세요, -기로 했습니다), is under way (-하고 있습니다, 진행 중, 시작했습니다)
or is finished (완료했습니다, 끝났어요, 머지했습니다, 배포 나갔습니다); what comes before the predicate names the
work, minus the people (제가, 지수 님이), time words and fillers. Questions, negation (안/못/-지 않-), hedges
(-ㄹ 수도, 좋을 것 같-), postponing (미루-, 보류, 다음 분기) and small talk are set aside first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from vori.extraction.rules.common import Clause, Intent, Statement, words

_SENTENCE = re.compile(r"(?<=[.!?。])\s+|(?<=[다요죠음])\s*[,.]\s+(?=그리고|근데|그런데|그래서|하지만|그리고요)"
                       r"|(?:(?<=어요)|(?<=아요)|(?<=에요)|(?<=예요)|(?<=니다)|(?<=든요)|(?<=데요)|(?<=네요)|(?<=세요)|(?<=로요)|"
                       r"(?<=고요)|(?<=던 거요)|(?<=던 건요))\s+(?=[가-힣A-Za-z0-9])")
# Clauses end in connective endings (-했고, -해서, -는데, -지만, -니까, -면서) as well as at conjunctions.
_CLAUSE = re.compile(r"\s+(?:그리고|근데|그런데|하지만|그래서|그러고|그리고요|또)\s+"
                     r"|(?<=[고데만서며니])\s*,\s+(?=[가-힣A-Za-z])|(?<=요)\s*,\s+(?!그게|그건|이게|이건)(?=[가-힣A-Za-z])"
                     r"|(?<=했고|됐고|있고|이고|였고|왔고|었고|았고|겠고|났고|갔고|냈고|봤고|줬고|켰고|껐고|썼고|렸고|쳤고|졌고|놨고|뒀고|해서|돼서|되서|어서|아서|여서|워서|져서|쳐서|"
                     r"는데|은데|인데|던데|니까|으니|면서|으며|하며)\s+(?!(?:있|계시|싶)[어어요었었습다지는고])"
                     r"|(?<!까지만)(?<=지만)\s+")
_FILLER = re.compile(r"^(?:(?:음+|어+|그+|네+|예|아+|자|일단|그래서|그리고|근데|그럼|그러면|이제|저기|뭐|막|"
                     r"아무튼|암튼|참|또|그니까|그러니까|오케이|넵|넹|좋습니다|좋아요|알겠습니다)[,.…\s]+)+")

_QUESTION_END = re.compile(r"(?:\?|어떻게\s?(?:됐어|돼|되고\s?있어|돼\s?가|됐나|됐니)|나요|까요|습니까|는지요|을까|ㄹ까|한가요|인가요|었나|했나|됐나|건가요|거죠\?|"
                           r"죠\?|어요\?|에요\?|예요\?|[은는던]가요|래요\?|대요\?|니\?)\s*[?]?$")
_REQUEST = re.compile(r"(?:주세요|주시겠어요|주시면|주실 ?수|(?:(?<=[아어여해워와봐줘려내])|(?<=[아어여해워와봐줘려내]\s))줄 ?수 ?있|주실래요|줄래요|부탁(?:드립니다|드려요|해요|합니다)"
                      r"|맡아 ?주|가능할까요|해 ?줘|해 ?주라|하시죠|해 ?주시고)")
_NEGATION = re.compile(r"(?:^|\s)(?:안|못)(?=\s|했|하|해|돼|됐|되|끝|나|갔|썼|봤|만들|올|들어)|않|아니|없습니다|없어요|"
                       r"없었|없네|지 ?말|못했|안됐|안 됐|아직입니다|아직이에요|아직이요|(?:^|\s)덜(?=\s|끝|됐|했)|"
                       # "아직 착수 전입니다": not started; "드렸어야 했는데": should have, so did not
                       r"(?:착수|시작|작업|개발)\s?전(?:입니다|이에요|이야|이고|이라|$)|(?:어|아|여|해|워)야\s?했(?:는데|다|지|어요|죠)")
# "머지했다고 말씀드렸는데": what someone said before, not a report now.
# "지훈 님이 … 시작했다고 했어요", "팀장님이 배포 끝냈다고 하셨어요": a colleague's report, passed on
_RELAYED = re.compile(r"(?<=[었았했됐였왔갔냈놨뒀])다고\s?(?:했어요|하셨어요|했습니다|하셨습니다|하더라고요|하던데요|전해\s?달래요|"
                      r"전해\s?달라고\s?했어요)[.!]?$")
_QUOTED = re.compile(r"(?:다고|라고|냐고|자고)\s?(?:말씀|했|하|들었|들|얘기|그랬|그러)")
_HEDGE = re.compile(r"아마|나중에|생각하자|생각합시다|그때 ?가서|그땐 ?그때|싶긴|싶은데|싶어요|싶습니다|할 ?수도|수도 있|좋을 ?것 ?같|좋겠|어떨까|고민|언젠가|생각해 ?(?:보|볼|봐|봤|봅)|생각 중|모르겠|글쎄|아이디어|혹시(?! ?몰라서)|할지|될지|"
                    r"지도 모르|해 ?볼 ?만|괜찮을 ?것 ?같|나중에 ?해 ?보|여유 ?있으면|시간 ?되면|가능하면|바람")
_DROPPED = re.compile(r"미루|미뤄|미룹|미룰|보류|다음 ?분기|내년|다음 ?달로|다음 ?스프린트|하지 ?말|안 ?하기로|빼기로|"
                      r"빼죠|빼자|제외(?:하죠|하자|하기로|할게요|합시다|하는 ?걸로|시키|했|됐|해요|합니다)|(?:에서|은|는)\s?제외|(?<!자동 )취소(?:하죠|하자|하기로|할게요|합시다|하는 ?걸로|됐|했)|드롭(?!다운)|스킵|나중으로|우선순위에서|접기로|접죠|접자|홀드|중단하기로|"
                      r"안 ?하는 ?걸로|하지 ?않기로|하지 ?않는 ?(?:것|걸)으?로|(?<!불)필요 ?없|"
                      # "이번 달 프로모션 끝났으니까 안 해도 될 것 같아요": not needed any more
                      r"(?:^|\s)안\s?해도\s?(?:될|돼|되|됩)")
_FROM_LATER = re.compile(r"(?:내일|모레|다음 ?주|다음 ?달|월요일|화요일|수요일|목요일|금요일|오후|이따|나중|끝나고|끝나면|"
                         r"끝난 ?다음|하고 ?나서)\S*\s*(?:부터|에)\s*(?:요|할게요|하겠습니다|시작할게요|시작하겠습니다|볼게요)?[.!]?$")
# Writing the work down is not doing it: "티켓 넣었어요", "이슈 따로 팔게요".
_FILED = re.compile(r"요청(?:이|을|은|도)?\s?(?:들어갔|넣었|넣어\s?놨|올렸|드렸)|(?:티켓|이슈|지라|카드)(?:를|을|은|는|도|만|으로|로)?\s?(?:하나\s?|따로\s?|새로\s?)*(?:넣|만들|끊|올리|올렸|올려|등록|생성|"
                    r"파|팠|발행|작성|따)")
# Feedback folded into work already on the board: "그건 그 화면 작업 안에서 같이 처리해 줘요".
_FOLDED = re.compile(r"(?:안에서|에서|하면서|김에|때) ?같이 ?(?:처리|반영|해|하|작업|넣|수정|봐)|에 ?(?:포함|합쳐|묶어|넣어)|"
                     r"(?:같이|함께) ?묶어|(?:그|같은) ?(?:PR|피알|티켓|작업|건)(?:에서|에|으로|로) ?(?:같이|함께|처리|반영)")
_EXTERNAL = re.compile(r"^(?:그쪽|업체|벤더|고객사|고객|클라이언트|외주|협력사|본사)|(?<!우리 )(?<!저희 )(?<!우리)(?<!저희)"
                       r"(?:법무|마케팅|영업|재무|사업|인사|CS|운영|디자인|보안|인프라|QA)?팀(?:에서|이|은|도|쪽에서|쪽)(?=\s)")
_PERSONAL = re.compile(r"영화|소설|점심 ?먹|저녁 ?먹|회식|커피|간식|피자|치킨|케이크|하하|ㅋㅋ|칼국수|국밥|짜장|짬뽕|김밥|떡볶이|"
                       r"삼겹살|맥주|소주|굿굿|대박|여행|등산|캠핑|운동|헬스|생일|결혼|애들|아이들|강아지|"
                       r"고양이|드라마|맛집|날씨|감기|이사|축구|야구|농구|마라톤|콘서트|예전에|옛날|전 ?회사|"
                       r"전 ?직장|명절|추석|설날|연휴|출장 ?갔|낚시|요가|자전거|넷플릭스")
_BLOCKER = re.compile(r"막혀|막혔|막힌|막혀서|블로커|블로킹|대기 ?중|기다리고|기다려야|기다리는|권한이 ?없|권한을 ?못|"
                      r"권한 ?문제|접근이 ?안|접근 ?권한(?:이|을)? ?(?:없|안 ?나|못)|진행이 ?안|진행을 ?못|진행이 ?어렵|못 ?하고 ?있|의존|"
                      r"안 ?돼서|안 ?되서|안 ?되고 ?있|때문에 ?(?:작업|진행|테스트|배포|개발)|회신이 ?없|답이 ?없|"
                      r"답변이 ?없|멈춰|다운돼|다운되|깨져|실패하고 ?있|안 ?올라가|안 ?열려|못 ?받아서|못 ?받았|"
                      r"받아야 ?(?:진행|시작|작업)|나와야 ?(?:진행|시작|작업)|전까지는 ?(?:진행|작업|시작)|"
                      # "코드표가 아직 안 와서 … 시작을 못 해요", "명단을 안 보내 주셔서", "결정을 안 해 주셔서"
                      r"(?:안|못) ?(?:줘서|주셔서|보내 ?주셔서|와서|나와서|들어와서|해 ?주셔서|내 ?주셔서)|"
                      r"(?:주셔야|줘야|와야|들어와야|정해져야|나와야|개통해 ?줘야)\s?(?:\S+\s){0,2}\S*(?:할 ?수|가능|진행|"
                      r"테스트|시작|마무리|하지)|(?:오기|나오기|받기) ?전(?:엔|에는|까지는) ?(?:\S+\s)?\S*못|"
                      r"손도 ?못|(?:설치|테스트|접속|로그인|인증)(?:가|이)? ?안 ?(?:됩니다|돼요|되네요|돼)")
_NOT_BLOCKED = re.compile(r"(?:블로커|막힌 ?(?:건|거|것|부분)|이슈|특이 ?사항|문제)(?:는|은|가|이)? ?(?:없|딱히)|"
                          r"해결됐|풀렸|블로커\s*(?:있나요|있으신가요|없나요)")
_DECISION = re.compile(r"으?로 ?갈게요|으?로 ?가겠습니다|결정했|결정하겠|결정됐|결정입니다|확정했|확정됐|확정입니다|합의했|합의됐|로 ?가기로|로 ?가죠|"
                       r"로 ?하기로 ?(?:했|결정)|방향으로 ?(?:가기로|정했)|정했습니다|정했어요|결론은|결론이")

# Predicates, read at the end of the clause. Each starts where the work's name ends.
_DONE = re.compile(
    # "어제 오후에 트래픽 전부 v2로 돌렸어": all of it now goes the new way
    r"(?:트래픽|요청|호출|사용자|유저)\S*\s?(?:전부|다|모두|100\s?%|백\s?퍼센트)\s?(?:\S+\s)?\S*(?:으로|로)\s?"
    r"(?:돌렸|넘겼|옮겼|전환했|바꿨|돌려\s?놨)|"
    r"(?:완료(?:했|됐|되었|하였|되어|처리|입니다|예요|이에요|상태|했어|됐어|요|하셨|\s*했|\s*됐|$)|끝났|끝냈|끝내셨|마치셨|끝내\s?놨|끝났어|"
    r"마무리(?:\s*(?:했|됐|되었|지었|지어|해\s?놨|해\s?뒀|단계))|마쳤|다\s?(?:했|됐|끝|만들었|고쳤|올렸|넣었|바꿨|옮겼|붙였)|"
    r"완료로\s?(?:보셔도|봐도|처리해도|치셔도|쳐도)|"
    # "그건 닫으셔도 돼요", "완료 처리하셔도 됩니다", "끝난 걸로 보시면 됩니다": declared done, politely
    # (closing alone, "닫아도 될 것 같아요", may be closing it as not needed: not said to be done)
    r"완료\s?처리\s?(?:하셔도|해도|하시면|하면|할게요|하겠습니다|할게|했어요|했습니다)|"
    # "시안이랑도 똑같아요. 승인할게요": the one who checks it accepts it
    r"승인\s?(?:할게요|하겠습니다|할게|했어요|했습니다|했어|됐어요|됐습니다|완료)|끝난\s?(?:걸로|것으로)\s?(?:보시면|봐도|보셔도|치셔도|쳐도|하셔도)|"
    # "QA 통과했습니다", "검수 통과됐어요", "사인오프 받았어요": the acceptance check passed (tests passing is not it)
    r"(?:QA|qa|큐에이|검수|인수\s?테스트|UAT|uat|스토어\s?심사|앱\s?심사|심사)\S*\s?(?:\S+\s){0,5}통과(?:했|됐|되었|하였|"
    # "QA 통과해서 오늘 아침에 나갔고": passed, then released
    r"(?:해서|돼서|되서|하고)\s(?:\S+\s){0,3}\S*(?:나갔|올라갔|반영했|반영됐|배포했|배포됐|릴리즈했|릴리스했))|사인\s?오프\s?(?:받았|났|됐|나왔)|"
    # "작업지시서 폰으로 보는 거, 어제부터 현장에서 다들 쓰고 있어요": in its users' hands
    r"(?:다들|모두|현장에서|고객들이|고객분들이|사용자들이|유저들이|선생님들이|기사님들이|직원들이|매장에서)\s?(?:\S+\s){0,2}"
    r"(?:잘\s?)?(?:쓰고|사용하고|이용하고|쓰시고|사용하시고)\s?(?:있|계시)|"
    # "리마인더는 오늘 아침부터 실제로 나가고 있어요": running for real
    r"(?:실제로|정상적으로|문제 ?없이)\s?(?:나가고|돌아가고|쓰이고|동작하고|발송되고|쓰고|사용하고|이용하고)\s?있|"
    # "이제 처방 나오면 조제기로 바로 넘어가요": what happens now, on its own
    r"(?:^|\s)(?:이제|이젠|지금은|이제는)\s(?:\S+\s){0,6}\S*(?:면|때)\s(?:\S+\s){0,4}(?:바로|알아서|자동으로)\s"
    r"(?:\S+\s){0,3}\S+(?:요|니다)[.!]?$|"
    # "키오스크에서 QR 찍는 거 이제 다 돼요": it works now
    r"(?:이제|다)\s?(?:다\s?|잘\s?)?(?:돼요|됩니다|되네요|돼)[.!]?$|"
    r"(?:배포|디플로이|머지|병합|해결|반영|적용|출시|릴리스|릴리즈|론칭|런칭|오픈|제출|전달|공유|세팅|셋업|설정|추가|제거|"
    r"교체|업데이트|업그레이드|마이그레이션|구현|개발|작성|수정|정리|연동|통합|머지|패치|픽스|처리|테스트|녹화|"
    r"발송|등록|생성|삭제|변경|전환|이관|도입|적용|리팩토링|최적화|자동화|계약|예약|결제|입금|발주|주문|섭외|확정|"
    r"마감)(?:를|을|도|는|가|이)?\s*(?:다\s*)?"
    r"(?:했|됐|되었|하였|하셨|해\s?놨|해\s?뒀|해\s?두었|시켰|완료|끝|나갔|들어갔|돼\s?있|되어\s?있)|"
    r"(?:배포|스토어|운영|프로덕션|릴리즈|릴리스|라이브)\S*\s?(?:\S+\s)?올렸|고쳤|내보냈|보냈|뿌렸|(?:만들어|해|가져|받아)\s?왔(?:습니다|어요|어|고|는데)|(?<!말씀)(?<!건)(?<!넘겨 )(?<!넘겨)드렸|(?:다|전부|모두)\s?(?:올라갔|넘어갔|들어갔|켰어요|켰습니다|켰고|켰어)|붙였|만들었|짰|짜\s?놨|넣었(?!다가)|(?<!다가 )(?<!다가)뺐(?!잖)|바꿨|옮겼|닫았|풀었|나갔습니다|나갔어요|라이브(?:됐|예요|입니다)|(?:프로덕션|운영\s?서버|실서버|상용|라이브)\S*\s?(?:\S+\s)?(?:나갔|올라갔|반영됐|들어갔)|(?:배포|릴리즈|릴리스|업데이트|빌드)(?:에|로)\s?(?:같이\s)?태웠|(?:전|모든)\s?\S*(?:에|에도)\s?(?:다\s)?깔렸|"
    # "어젯밤부터 화면에 실시간 비율로 나가고 있어요": running for real since a day gone by
    r"(?:어제|어젯밤|그제|그저께|지난주|지난\s?\S+|주말|아침|오늘\s?아침|[월화수목금토일]요일|\d+일)\S*부터\s(?:\S+\s){0,5}\S*"
    r"(?:나가고|돌고|쓰고|쓰이고|사용하고|들어오고|운영되고|적용되고|뜨고|동작하고|돌아가고)\s?있|"
    # "오늘 아침에 전 지점에 열었는데": opened to everyone
    r"(?:전\s?지점|전\s?매장|전체|전국|모든\s\S+)(?:에|에게|으로|로)?\s?(?:다\s)?(?:열었|오픈했|풀었)|"
    r"(?:^|\s)(?:그거|그건|이거|이건)\s(?:다\s)?(?:됐어요|됐습니다|됐어|끝(?=[,.!]|$|\s))|(?:배포|릴리즈|릴리스|업데이트)에\s?(?:같이\s)?(?:들어갔|포함됐|실렸|나갔)|"
    r"잘\s?돌아가|정상\s?동작|(?:까지|다|이제)\s?끝[.!]?$|(?:배포|반영|적용|릴리즈|릴리스|머지|검수|QA|테스트)까지\s?(?:다\s?)?(?:했|됐|마쳤|끝냈|끝내서|마쳐서|나갔)|(?:운영|프로덕션|실서버|상용|라이브|배포본|스토어|이미|벌써)\S*\s?(?:\S+\s)?(?:다\s)?들어가\s?(?:있|계)|(?:어제|그제|지난\s?주|오늘\s?(?:아침|오전|새벽)|방금|아까)\S*\s(?:\S+\s){0,2}(?:배포|머지|릴리즈|릴리스)해서|도장\s?(?:까지\s?)?(?:다\s?)?찍었|(?:다|전부|모두)\s?받았|(?:같이|함께|다|이미|벌써)\s?나갔|"
    # "정리해놨어요", "올려뒀어요": done and left in place
    r"\S\s?(?:놨|뒀|두었|놓았)(?:어|어요|습니다|음|다|네|고|는데)|(?:^|\s)다\s?[가-힣]+(?:어서|아서|해서|여서)$|^(?:다\s?)?(?:했어요|했습니다|했음|했어|했죠)[.!]?$)")
_PROGRESS = re.compile(
    # "A/B 테스트는 오늘 아침에 트래픽 10퍼센트로 켰어요": let out to some of its users
    r"트래픽\s?(?:\S+\s)?\d+\s?(?:%|퍼센트|프로)(?:로|만)\s?(?:켰|열었|돌렸|올렸|풀었)|"
    r"(?:(?:하고|보고|만들고|짜고|고치고|찾고|파고|알아보고|살펴보고|붙이고|들여다보고|진행하고|작업하고|개발하고|"
    r"구현하고|수정하고|테스트하고|검토하고|리뷰하고|정리하고|작성하고|준비하고|분석하고|조사하고|디버깅하고|옮기고|"
    r"붙잡고|돌리고|쓰고|그리고|잡고|손대고|만지고|다듬고|고민하고)\s?(?:있|계시)|"
    r"(?:PR|피알|MR|브랜치|드래프트|리뷰)\S*\s?(?:\S+\s)?(?:올렸|올려\s?놨|올려\s?뒀)(?:어요|습니다|어|다|고|는데)?|"
    r"브랜치\S*\s?(?:\S+\s)?(?:땄|팠|만들었|생성했|따\s?놨|파\s?놨)|(?:진행|작업|개발|구현|리뷰|검토|테스트|QA|작성|준비|분석|조사|"
    r"디버깅|수정|마이그레이션|리팩토링|설계|논의|배포|정리|연동|이관|전환|교체|검증|튜닝|개선|적용)\s?중|시작했|시작해서|시작했어|시작됐|착수했|착수해서|착수|"
    r"시작(?:은|도|까지는)\s?(?:했|해\s?놨|해\s?뒀)|"
    # "시작은 한 걸로 봐 주세요": declared started
    r"시작(?:은|도)?\s?(?:한|된)\s?(?:걸로|것으로)\s?(?:봐\s?주세요|보셔도\s?(?:돼요|됩니다)|봐도\s?(?:돼요|됩니다)|"
    r"치셔도\s?(?:돼요|됩니다)|보시면\s?(?:돼요|됩니다)|해\s?주세요)|손\s?대\s?봤|(?:재)?(?:심사|검수)\s?(?:넣었|올렸|요청했|신청했|들어갔)|리뷰\s?(?:요청했|올렸)|들어갔|건드렸|건드려\s?봤|(?:짜|만들어|붙여|구현해|개발해|작업해|그려)\s?봤(?!자)|손\s?봤|1차로?\s?해\s?봤|돌려\s?봤|시작해\s?(?:버렸|봤|놨|뒀)(?:어요|습니다|어|다|고|는데)?|시작하게\s?됐|손\s?대기\s?시작|손\s?댔|잡았어요|잡았습니다|잡았고|잡았어(?=[.!]?$)|(?:데|거|것|까지)까지는\s?(?:다\s)?(?:됐|했|만들었|해\s?놨)|붙었|반쯤|절반\s?정도|거의\s?다\s?(?:됐|왔|끝)|"
    r"진행되고\s?있|진행\s?상황|하는\s?중|반만\s?(?:했|됐|끝냈|끝났|해\s?놨)|"
    # "그거 빼면 다 했어요": all but one thing, so under way
    r"(?:빼면|빼고|빼고는|말고는|제외하면|제외하고)\s?(?:\S+\s)?다\s?(?:했|됐|끝났|끝냈))")
_TODO = re.compile(
    r"(?:겠습니다|겠어요|겠음|(?:야|하|해)겠네요|[ㄹ을할볼갈줄드릴올릴만들잡챙길붙일고칠짤넣을]게요|께요|[할볼갈] ?거예요|[할볼] ?거에요|"
    r"[할볼] ?겁니다|예정(?:입니다|이에요|이고|이라|이요|이니|인데|$)|계획(?:입니다|이에요)|야\s?(?:합니다|해요|돼요|됩니다|겠|할|하고)|"
    r"주세요|주시겠어요|주시면|주실\s?수|(?:(?<=[아어여해워와봐줘려내])|(?<=[아어여해워와봐줘려내]\s))줄\s?수\s?있|주실래요|부탁(?:드립니다|드려요|해요|합니다)|맡겠|맡을게|맡아|"
    r"해\s?줘요|해\s?줘$|해\s?주라|해\s?줄래|"
    r"야\s?(?:하는데|되는데|할\s?것\s?같|될\s?것\s?같|겠어요|겠네요)|"
    r"기로\s?(?:했|하죠|합시다|해요|하겠)|합시다|하시죠|봅시다|해\s?보죠|하죠$|하자$|필요합니다|필요해요|챙기겠|챙길게)")
_CLOCK_TIME = re.compile(r"\d{1,2}\s?시\s?\d{1,2}\s?분|\b\d{1,2}:\d{2}\b")
_SIGNED_OFF = re.compile(r"통과|사인\s?오프|승인")
_STEM_VERB = re.compile(r"(?:하|해|했|할|합|함|하겠|하고|되|돼|됐|됩|될|시켜|시킬|시키)[가-힣]*$")

_PERSON_SUFFIX = re.compile(r"^(?P<name>[가-힣A-Za-z]{1,8}?)\s?(?:님|씨|매니저님|팀장님|책임님|선임님|대리님|과장님|프로님)"
                            r"(?:이|께서|은|는|도|이랑|한테|께|가)?$")
_JOB_TITLES = frozenset(("프로", "팀장", "파트장", "책임", "선임", "수석", "대리", "과장", "차장", "부장", "실장",
                         "매니저", "리드", "대표", "이사", "교수", "선생", "님"))
_TITLE = re.compile(r"^(?P<name>[가-힣A-Za-z]{0,8}?)(?:프로|팀장|파트장|책임|선임|수석|대리|과장|차장|부장|실장|매니저|리드|"
                    r"대표|이사|교수|선생)?님(?:이|께서|은|는|도|이랑|한테|께|가|,)?$")
_SELF = re.compile(r"^(?:제가|저는|저도|전|내가|난|나는|나도|나|저|저희가|저희는|저희도|우리가|우리는|우리|우리도)$")
_DROP_WORD = re.compile(
    r"^(?:음+|어+|그+|네+|예|아+|자|일단|일단은|우선|먼저|그리고|그래서|근데|그럼|이제|오늘|오늘은|어제|어제는|내일|내일은|"
    r"모레|이번|주|이번주|이번주에|다음주|지난주|주말|오전|오후|아침|저녁|점심|방금|아까|드디어|이미|벌써|곧|금방|바로|빨리|"
    r"최대한|계속|아직|거의|다|전부|모두|좀|조금|한번|한|번|중으로|중에|안에|내로|오늘중|오늘까지|내일까지|금주|"
    r"[월화수목금토일]요일(?:까지|에|에는|전까지)?|\d+시(?:까지|에)?|\d+일(?:까지|에)?|까지|쯤|정도|같이|함께|"
    r"혹시|이거|그거|이건|그건|저거|해당|관련|관련해서|관련된|쪽|부분은|건은|건|거|것|네요|일|오늘부터|지금|지금은|"
    r"사실|사실은|여기|거기|생각|진짜|정말|약간|그냥|아예|어제부터|오늘부터|지난주부터|아까부터|요즘|저녁에|아침에|"
    r"오전에|오후에|밤에|새벽에|퇴근|전에|후에|다음|이번에|마지막|처음|따로|바로|다시|또|많이|잘|먼저|누가|누군가|아무나|"
    r"사이|사이에|그|마지막으로|같이|꼭|반드시|우선은|일단|새로|이제|다들|모두들|계속|한번에|동안|걸로|그걸로|이걸로|"
    r"어떻게|어떤가요|어때요|어디까지|언제|뭐|왜|얼마나|감사|감사합니다|고마워요|수고|수고하셨습니다|너무|엄청|되게|"
    r"완전|제일|가장|더|덜|훨씬|살짝|크게|작게|빨리|천천히|확실히|아마도|하나|둘|셋|한두|몇|여러|모든|그런|이런|저런|"
    r"어떤|그동안|보기에는|보기엔|보기에|생각에는|생각엔|형|누나|언니|오빠|선배|후배|전까지|전에|이전|잠깐|잠시)$")
_PRONOUN = re.compile(r"^(?:그거|그것|이거|이것|저거|그건|이건|그 ?건|그 ?부분|그 ?작업|해당 ?작업|그 ?티켓|이 ?티켓|"
                      r"그쪽|그 ?일|이 ?일|그게|이게|그거는|이거는|말씀하신 ?(?:거|것|건)|)$")
_HANGUL_ONLY = re.compile(r"^[가-힣]+$")
_ADNOMINAL = re.compile(r"(?:하는|되는|있는|없는|한|된|할|될|던|는|은)$")
# "제가 해 볼까요?", "내가 할까?": volunteering, put as a question.
_VOLUNTEER = re.compile(r"(?:제가|내가|저희가)\s(?:.*\s)?(?:할까요|해\s?볼까요|할까|해\s?볼까|맡을까요|맡을까)\s*\??$")
_REASON_CLAUSE = re.compile(r"(?:니까|으니까|니까요|서요|거든요|때문에)\s*[.!]?$")
_AUXILIARY = frozenset(("놓", "두", "둘", "드리", "드릴", "보", "볼", "주", "줄", "놔", "둬", "봐", "줘"))
# Time said inside a clause ("이번 스프린트 안에", "오늘 중으로", "금요일까지"): never part of the work's name.
_TIME_PHRASE = re.compile(r"(?:어젯밤|그저께|엊그제|어제|아까|방금)(?:에|에는|부터|까지)?(?=\s|$)|(?:이번|다음|지난|오늘|내일|올해|이번\s?달)\s?(?:주|달|스프린트|분기|주말|안)?"
                          r"\s?(?:안에|안으로|중에|중으로|까지|에는|에|부터|내로|중|동안)?(?=\s|$)"
                          r"|[월화수목금토일]요일\s?(?:까지|에|에는|전까지|오전|오후)?(?=\s|$)"
                          r"|(?:오전|오후|아침|저녁|밤|야간|주간|새벽|심야)\s?(?:까지|에|중에)?(?=\s|$)|\d+\s?(?:시|일|주|분)\s?(?:까지|안에|내로)?(?=\s|$)"
                          r"|\S+기\s?(?:전에|전까지|직전에)(?=\s|$)")
# "초안 만들어 놨어요", "일부만 반영했어요": a piece or a draft is done, so the work is under way.
_PARTIAL_WORK = re.compile(r"는 ?(?:건|거|것)(?:은|는)? ?다 ?\S+|PoC|poc|피오씨|목업|초안|(?<![가-힣])일부|뼈대|프로토타입|1차|부분만|절반만|반만|까지만|까지는 ?다|[가-힣A-Za-z]만 ?(?:만들어|만들었|해 ?놨|해 ?뒀|했|됐|짜)")
# "앱 쪽은", "백엔드 부분은": one side of a piece of work
_SIDE = re.compile(r"(?:^|\s)(?!그\s)[가-힣A-Za-z0-9]+\s?(?:쪽|부분|파트)(?:은|는)\s")
# "절반 정도 옮겼습니다": part of the work is done, so it is under way.
_PARTIAL = re.compile(r"(?:^|\s)(?:절반|반쯤|반 ?정도|일부|대부분|거의|조금|꽤|어느 ?정도|몇 ?개|\d+\s?%|\d+\s?(?:개|건|명|곳|장) ?중|\d+\s?퍼센트|"
                      r"좀\s*$)")
_VERBAL_END = re.compile(r"(?:온|운|한|된|던|할|될|싶|있|없|했|됐|하|되|게|며|요|죠|네|까|는데|은데|야|해서|어서|아서|면서|"
                         r"넣|빼|잡|찾|보|줄|줘|봐|와|가|올|갈|쓰|써)$")
_HONORIFIC = re.compile(r"^(?:님|씨)(?:이|께서|은|는|도|이랑|한테|께|가)?$")
_VERB_LINK = re.compile(r"(?:해|하고|해야|하러|하려고|해서|해둬|해놔|해 ?두|되게|되도록)$")
_PARTICLE = re.compile(r"(?<=[가-힣A-Za-z0-9])(?:이에요|예요|입니다|이었어요|였어요|이죠|이고|이라서|이라|이요|인데|을|를|은|는|이|가|도|에서|에|의|으로|로|와|과|이랑|랑|하고|까지|부터|"
                       r"만|께서|께|한테|에게)$")


def clauses(text: str) -> list[str]:
    parts: list[str] = []
    for sentence in _SENTENCE.split(text):
        for part in _CLAUSE.split(sentence):
            part = _FILLER.sub("", part.strip()).strip(" ,.")
            if part:
                parts.append(part)
    return parts


def _strip_particle(word: str) -> str:
    if len(word) <= 1:
        return word
    if len(word) == 2 and _HANGUL_ONLY.match(word):
        # Two syllables: only particles no noun ends with ("속도" keeps its 도, "쪽은" loses its 은).
        return word[0] if word[1] in "은는을를" else word
    return _PARTICLE.sub("", word)


def _split_people(words: list[str], speaker: str | None, names: Collection[str]) -> tuple[list[str], str | None]:
    """Remove the people from the words naming the work; the last named doer is the assignee."""
    kept: list[str] = []
    who: str | None = None
    for raw in words:
        word = raw.strip(" ,.!?…")
        title = _TITLE.match(word)
        if title:
            # "도현 프로님", "인호 파트장님": a job title after the name; "지수님": the name itself.
            if title.group("name") and title.group("name") not in _JOB_TITLES:
                who = title.group("name")
            elif kept and who is None:
                who = kept.pop()
            continue
        if _HONORIFIC.match(word):
            if kept and who is None:
                who = kept.pop()
            continue
        bare = _strip_particle(word)
        person = _PERSON_SUFFIX.match(word)
        if _SELF.match(word):
            who = speaker if word.startswith(("제", "저", "전", "내", "난", "나")) and "희" not in word else who
        elif person:
            who = person.group("name")
        elif bare in names or word in names:
            who = bare if bare in names else word
        else:
            kept.append(word)
    return kept, who


def _work_words(before: str, stem: str) -> list[str]:
    words = [w for w in _TIME_PHRASE.sub(" ", before).split() if w]
    if stem:
        words.append(stem)
    return words


# Words that are verbs or adjectives, not names ("만들고", "막혀", "맞춰서", "있는"): a title keeps the nouns
# after the last of them.
_VERB_WORD = re.compile(
    r"^(?:[가-힣]*(?:하|되|있|없|싶|만들|따|맞추|맞춰|막히|막혀|넣|빼|올리|올려|줄이|줄여|늘리|늘려|바꾸|바꿔|고치|"
    r"고쳐|붙이|붙여|찾|잡|보이|보여|생각해|나오|나와|들어가|들어와|넘어|쌓여|쌓이|빠지|빠져|틀리|틀렸|"
    r"올라가|내려가|떨어지|떨어져)(?:고|서|어|아|여|면|는|은|을|던|기|게|지|며|니|도|야|요|다|는데|면서)|"
    r"있|없|싶|안|못|넘어온|나온|보인다|보이는|돼|됐|했|"
    r"[가-힣]*(?:막혀|막혔|빠져|나와|들어가|바꿔|고쳐|붙여|올려|줄여|늘려|쌓여|떨어져|걸었|걸려)|"
    r"[가-힣]+(?:해서|돼서|하고|하는|했던|하던|된|되는|한|할|될|해|돼|했고|됐고|하면|되면|하며|이라|이라서|라서|던|"
    r"았을|었을|했을|였을|는데))$")


def _title_words(words: list[str]) -> str:
    out = [w for w in (_strip_particle(w.strip(" ,.!?~…")) for w in words)
           if w and not _DROP_WORD.match(w) and not w.startswith("님")]
    runs: list[list[str]] = [[]]
    for i, word in enumerate(out):
        if _VERB_WORD.match(word) and not (i + 1 < len(out) and _ADNOMINAL.search(word)):
            runs.append([])
        else:
            runs[-1].append(word)  # "저장하는 API": a verb describing the next noun belongs to the name
    # The nouns right before the verb name the work ("…바꿀 수 있게 테마 토큰 정리" → "테마 토큰 정리"); when
    # that is a single word, the longest run does ("보관 정책 만들고 적용" → "보관 정책").
    runs = [run for run in runs if run]
    if not runs:
        return ""
    best = runs[-1] if len(runs[-1]) >= 2 else max(reversed(runs), key=len)
    return " ".join(best)


def _statement(intent: Intent, clause: str, match: re.Match[str], speaker: str | None,
               names: Collection[str], request: bool = False) -> Statement:
    start = match.start()
    word_start = clause.rfind(" ", 0, start) + 1
    before = clause[:word_start]
    head = clause[word_start:start]
    if head in _AUXILIARY and before.strip():
        # "고쳐 놓겠습니다", "만들어 둘게요": the main verb is the word before the auxiliary.
        head = ""
    if not head and before.strip():
        # "정리해 주세요", "수정하고 있습니다": the main verb is the word before the auxiliary.
        previous = before.split()[-1]
        if _VERB_LINK.search(previous) or re.search(r"(?:어|아|워|쳐|져|려|고|봐|해|와|줘|둬|놔)$", previous):
            head = previous
            before = before[: before.rstrip().rfind(previous)]
    stem = _STEM_VERB.sub("", head) if head and _STEM_VERB.search(head) else ""
    if len(stem) < 2:
        stem = ""
    words, who = _split_people(_work_words(before, stem), speaker, names)
    obj = _title_words(words)
    # "그거 제가 한글로 바꿔 놓겠습니다": a clause that starts by pointing back is about that work.
    pronoun = not obj or bool(_PRONOUN.match(obj)) or bool(_DEMONSTRATIVE.match(clause))
    return Statement(intent, clause, obj, who, pronoun, request)


# "…때문에", "…해서요", "…거든요": a reason given, not work described.
_REASON_END = re.compile(r"(?:서요|라서|니까|니까요|때문에|때문이에요|때문입니다|거든요)$")
_DEMONSTRATIVE = re.compile(r"^(?:(?:그건|그거|그것|그것도|그거는|이건|이거|이것|그쪽은|그 ?부분은|그 ?건은),?|그게|이게)(?:\s|$)")
# ("그게," with a comma is a hesitation — "음, 그게, 새 버전은…" — not a pointer)
_COPULA = re.compile(r"(?:이에요|예요|입니다|이었어요|였어요|이죠|이고요|이거든요|이잖아요|인데요|이요)[?.!]*$")
_MENTION_END = re.compile(r"(?:요|다|데|까|죠|네|서|고|며|지|야|음|함|임|듯|걸|게|라)$")


# Endings of verbs and adjectives, and the nouns that happen to end the same way.
_VERBAL_ENDING = re.compile(r"(?:고요|하고|되고|있고|했고|됐고|고서|하면|되면|으면|나면|지면|면서|해서|어서|아서|돼서|여서|"
                            r"하라|거라|이라|라서|지만|는데|하며|으며|려고|도록|겠|잖아|하네|했네|어요|아요|에요|해요|"
                            r"네요|데요|하지|되지|않지|한다|된다|했다|였다|하|되|재밌|싶|있|없|돌리|줄이|나가|들어가|올리|데|면|고|하시|"
                            r"되시|어쩔|충분|보내|덕분|때문|대로|만큼|뿐)$")
_NOUNS_LIKE_VERBS = words("페이지 이미지 메시지 패키지 스토리지 화면 문서 광고 재고 관리자 사용자 장바구니 서버 데이터 "
                              "모니터링 로그 블로그 카탈로그 다이얼로그 프로토타입 시나리오 라디오 비디오 오디오 포트폴리오 "
                              "카테고리 디렉토리 리포지토리 라이브러리 메모리 히스토리 스토리 디자이너 개발자 담당자 "
                              "하드웨어 소프트웨어 펌웨어 미들웨어 게이트웨이 레이어 플레이어 컨테이너 브라우저 "
                              "측면 전면 후면 표면 광고 재고 회고 로고 참고 보고 창고 최고 사고 경고 신고 원고 공고 예고 "
                              "자동화 최적화 정규화 시각화 표준화 고도화 개인화 암호화 다국어화 한글화")


def looks_verbal(word: str) -> bool:
    """A word that ends like a verb ("돌리고", "끝나면", "자동화하", "재밌"): not part of the name of a work item."""
    bare = _strip_particle(word)
    return bool(_HANGUL_ONLY.match(bare)) and bare not in _NOUNS_LIKE_VERBS and bool(_VERBAL_ENDING.search(bare))


def without_predicate(text: str) -> str:
    """ "확인서 PDF 둘 다 어제 끝내셨대요" → "확인서 PDF": the last item of a list, without what is said of it."""
    words = _TIME_PHRASE.sub(" ", text).split()
    while len(words) > 1 and (looks_verbal(words[-1]) or _LIST_TAIL.match(words[-1])
                              or re.search(r"[가-힣](?:요|니다|죠|네|음)[.!]?$", words[-1])):
        words.pop()
    return " ".join(words)


_LIST_TAIL = re.compile(r"^(?:둘|셋|세|두|다|모두|전부|이미|벌써|드디어|개|건|\d+개|\d+건)$")


_TOPIC = re.compile(r"^(?:(?:아|어|음|그|그리고|또|그럼|근데|참|저는|제|제가)\s+)*(?P<np>(?:[^\s,]+\s){0,3}[^\s,]+?)(?:은|는)\s")


def topic_of(clause: str) -> str:
    """ "글자 크기 작업은 어르신 사용자 테스트까지 하고 …": the item the clause is about, marked with 은/는."""
    found = _TOPIC.match(clause.strip())
    if not found or _DEMONSTRATIVE.match(found.group("np")) or looks_verbal(found.group("np").split()[-1] + "는"):
        return ""
    return found.group("np")


def refers_back(clause: str) -> bool:
    """ "그건 …", "그거 …": the clause is about what was just being discussed."""
    return bool(_DEMONSTRATIVE.match(clause.strip()))


def mention(clause: str, names: Collection[str] = ()) -> str:
    """The work a clause describes without saying what happens to it ("다음 주 프로모션 배너 이미지 교체해야
    하는데", "금액에 콤마 빠지는 버그 있었잖아요"), named for a ticket if someone then takes it on."""
    text = clause.strip(" .,!?…")
    if _REASON_END.search(text) or _DEMONSTRATIVE.match(text):
        return ""
    words = [w for w in _TIME_PHRASE.sub(" ", text).split() if w]
    if words and _COPULA.search(words[-1]) and len(_COPULA.sub("", words[-1])) >= 2:
        words[-1] = _COPULA.sub("", words[-1])  # "1순위는 SSO 로그인이에요": the noun is the work
    while words and (_MENTION_END.search(words[-1]) or _VERBAL_END.search(words[-1])):
        last = words.pop()
        stem = _STEM_VERB.sub("", last) if _STEM_VERB.search(last) else ""
        if len(stem) >= 2 and words[-1:] != [stem]:
            words.append(stem)
            break
    kept, _ = _split_people(words, None, names)
    return _title_words(kept)


def analyze_clause(clause: str, speaker: str | None, names: Collection[str] = ()) -> Clause:
    text = clause.strip()
    question = bool(_QUESTION_END.search(text)) or text.endswith("?")
    if _BLOCKER.search(text) and not _NOT_BLOCKED.search(text) and not question:
        return Clause(clause, Statement(Intent.BLOCKED, clause, text.rstrip(".")))
    request = _REQUEST.search(text)
    if question and _VOLUNTEER.search(text):
        return Clause(clause, Statement(Intent.TODO, clause, "", speaker, True, confidence=0.9))
    if question and not request:
        return Clause(clause, None, "question")
    if _DECISION.search(text) and not _NEGATION.search(text):
        return Clause(clause, Statement(Intent.DECISION, clause, text.rstrip(".")))
    for pattern, reason in ((_FILED, "filed"), (_FOLDED, "folded"), (_DROPPED, "dropped"), (_HEDGE, "hedged")):
        found_reason = pattern.search(text)
        if found_reason and not (pattern is _FILED and re.match(r"\S*(?:서|고)\s+\S", text[found_reason.end():])):
            return Clause(clause, None, reason)  # ("티켓 새로 파서 내가 고칠게": filing is the means, fixing the work)
    if _EXTERNAL.search(text):
        return Clause(clause, None, "external")
    relayed = _RELAYED.search(text)
    if relayed:
        # "지훈 님이 어제 가기 전에 API 시작했다고 했어요": someone's report passed on, read as the report itself
        text = clause = text[:relayed.start()] + "어요"
    quoted = _QUOTED.search(text)
    if quoted:
        # "…올리고 싶다고 하셔서 엑셀 업로드 만들었어요": what was said is the reason; the speaker's report follows
        because = re.match(r"\S*(?:서|니까|길래)\s+(?P<rest>\S.*)$", text[quoted.end():])
        if because is None:
            return Clause(clause, None, "quoted")
        said = analyze_clause(because.group("rest"), speaker, names)
        return Clause(clause, said.statement, said.ignored)
    if _FROM_LATER.search(text):
        # "패치 끝나고 목요일부터요": when it will start, so a plan
        return Clause(clause, Statement(Intent.TODO, clause, "", speaker, True, confidence=0.8))
    if re.search(r"되돌렸|되돌려\s?놨|롤백(?:했|됐|시켰|\s했)|원복(?:했|됐|\s했)|리버트|반려(?:했|\s했|시켰|\s?됐(?!던))", text):
        return Clause(clause, None, "rolled back")  # "바로 되돌렸어요": what went out is not out any more
    if re.search(r"(?:완료|끝난 ?(?:건|게|거)|다 ?된 ?(?:건|게|거))(?:는|은)? ?아니", text):
        return Clause(clause, None, "negated")  # "완료는 아니에요": not done
    if re.search(r"(?:했|됐|끝났|끝냈|나갔)다고\s?(?:생각했|알았|믿었)|(?:된|끝난|한)\s?줄\s?알았", text):
        return Clause(clause, None, "negated")  # "다 했다고 생각했는데 …": thought done, and it was not
    if _PRAISE.search(text):
        return Clause(clause, None)  # "잘 정리됐더라고요": how good something someone made is, not a report
    found = _classify(text)
    if found is None:
        return Clause(clause, None)
    if found[0] in (Intent.DONE, Intent.IN_PROGRESS) and _CLOCK_TIME.search(text):
        return Clause(clause, None, "timeline")  # "오후 2시 10분에 … 배포되었습니다": what happened when, not a report
    intent, match = found
    if intent == Intent.TODO and _REASON_CLAUSE.search(text):
        return Clause(clause, None, "reason")  # "계속 요청하고 있으니까": why, not what
    if intent == Intent.DONE and (_PARTIAL.search(text[:match.start()]) or _PARTIAL_WORK.search(text)):
        intent = Intent.IN_PROGRESS
    if intent == Intent.DONE and _SIDE.search(text[:match.start()]) and not _NEGATION.search(text):
        # "앱 쪽은 다 됐고 서버는 …": one side of the item under discussion is done, so that item is under way
        return Clause(clause, Statement(Intent.IN_PROGRESS, clause, "", None, True, confidence=0.9))
    if _NEGATION.search(text[match.start() - 3 if match.start() >= 3 else 0:]) or _NEGATION.search(
            text[:match.start()].split()[-1] if text[:match.start()].split() else ""):
        return Clause(clause, None, "negated")
    statement = _statement(intent, text, match, speaker, names, request=bool(request))
    if intent == Intent.DONE and _SIGNED_OFF.search(match.group()):
        statement.aside = "signed off"  # someone else's check passed: it says which ticket, never new work
    if _PERSONAL.search(text):
        statement.aside = "personal"  # kept only if it clearly names a ticket on the board
    if not statement.pronoun:
        # Verbs left at the end of the words before the predicate ("…노트 써", "…하고 싶") are not the work.
        words = statement.obj.split()
        while words and _VERBAL_END.search(words[-1]):
            words.pop()
        statement.obj = " ".join(words)
        statement.pronoun = not words
    return Clause(clause, statement)


_PROMISE = re.compile(r"(\S)\s?(?:게요|께요|게|께|겁니다|거예요|거에요|거야)[.!~]*$")


def _promise(text: str) -> re.Match[str] | None:
    """ "바꿀게요", "정리할게", "쓸 거예요": a verb in -ㄹ (its last syllable ends in ㄹ) then 게(요): a promise."""
    match = _PROMISE.search(text)
    if match is None:
        return None
    syllable = ord(match.group(1)) - 0xAC00
    return match if 0 <= syllable < 11172 and syllable % 28 == 8 else None


def _classify(text: str) -> tuple[Intent, re.Match[str]] | None:
    """The intent of the clause's final predicate: whichever pattern matches last wins ("시작해서 거의 끝났어요"
    is done-ish progress, "끝나면 배포하겠습니다" is a plan)."""
    best: tuple[Intent, re.Match[str]] | None = None
    for intent, pattern in ((Intent.DONE, _DONE), (Intent.IN_PROGRESS, _PROGRESS), (Intent.TODO, _TODO)):
        for match in pattern.finditer(text):
            # the one that ends last; of two ending together, the longer ("다 올렸" over "올렸")
            if best is None or (match.end(), -match.start()) > (best[1].end(), -best[1].start()):
                best = (intent, match)
    promise = _promise(text)
    if promise is not None and (best is None or promise.start() >= best[1].start()) and not (
            best is not None and best[1].end() >= promise.end()):  # "완료 처리할게요": the promise is part of it
        best = (Intent.TODO, promise)
    if best is not None and best[0] == Intent.DONE and (
            re.search(r"(?:면|으면|고 나서|후에|뒤에)\s", text[best[1].end():])
            # "큐 전환 끝나고 하는 게 맞을 것 같아서": what is done after it finishes, a plan
            or re.match(r"(?:나|내)고\s(?:나서\s)?(?:하는|할|하면|하죠|하자|하려|하기로|진행하|시작하|착수)", text[best[1].end():])):
        return None
    if best is not None and best[0] == Intent.IN_PROGRESS and re.search(
            r"(?:재촉|독촉|닦달|푸시|리마인드)(?:은|는|도|을|를)?\s?(?:계속\s)?(?:하고|드리고)\s?있", text):
        return None  # "계속 재촉은 하고 있어요": chasing whoever the work waits on, not doing it
    return best


_HANDED_OVER = re.compile(r"^(?:공유|전달|제출|발송|송부|납품|업로드|등록)$")


def analyze(text: str, speaker: str | None, names: Collection[str] = ()) -> list[Clause]:
    read = _analyze(text, speaker, names)
    for k, (before, after) in enumerate(itertools.pairwise(read)):
        rest = " ".join(c.text for c in read[k + 1:])  # the rest of the line
        if (before.statement is None and before.ignored is None and re.search(r"(?:어서|아서|해서|여서)$", before.text)
                and after.statement is not None and after.statement.intent in (Intent.DONE, Intent.IN_PROGRESS)
                and not after.statement.aside and _HANDED_OVER.match(after.statement.obj)):
            # "사용 가이드 문서 만들어서 / 공유 드렸어요": the work is what was made, its end the handing over
            work = mention(before.text, names)
            if work:
                after.statement.obj, after.statement.pronoun = work, False
                after.statement.clause = f"{before.text} {after.statement.clause}"
        # "공문 보냈는데 / 아직 답이 없네요": done, but still waiting, so not finished
        if (before.statement is not None and before.statement.intent == Intent.DONE
                and re.search(r"(?:는데|지만|긴 한데|었는데|았는데)요?$", before.text)
                and (re.search(r"아직|(?:^|\s)안\s|못|없", _NO_TROUBLE.sub(" ", after.text))
                     or re.search(r"아직|전까지는?\s|전에는\s", rest))):
            before.statement, before.ignored = None, "negated"
        elif (before.statement is not None and before.statement.intent == Intent.DONE
              and (re.search(r"아직\s?(?:\S+\s){0,4}\S*만\s?(?:돼|되|됐|했|나와|붙|가능)", after.text)
                   # "다 했어요. 아 근데 … 문구가 아직 안 나와서… 그거 빼면 다 했어요": all but one thing
                   or re.search(r"(?:근데|그런데|다만|하지만)\s(?:\S+\s){0,12}?\S*(?:아직|빼면)|빼면\s?(?:다|전부)",
                                text[text.find(before.text) + len(before.text):] if before.text in text else after.text)
                   # "API는 다 됐고 화면은 아직이에요": one part done, the other not
                   or (re.search(r"\S(?:은|는)\s(?:\S+\s){0,3}\S*고$", before.text)
                       and (re.search(r"\S(?:은|는)\s(?:\S+\s){0,2}아직", after.text)
                            # "삼성이랑 DB는 끝났고, 현대는 다음 주에 양식이 바뀐다고 해서 … 기다리고 있습니다"
                            or (re.match(r"\S+(?:은|는)\s", after.text)
                                and re.search(r"아직|기다리고|다음\s?주에", rest))))
                   # "스테이징 반영 완료했고요, 운영은 오늘 저녁 정기 배포 때 같이 나가요": production is to come
                   or (re.match(r"(?:운영|프로덕션|실서버|상용|라이브)\S*(?:은|는)\s", after.text)
                       and _RELEASE_TO_COME.search(after.text))
                   or re.search(r"(?:만|밖에|하나|두 ?개|것만|거만)\s?남았|남은 ?(?:건|거|게)(?!\s?(?:없|하나도 ?없))",
                                after.text)
                   or (re.search(r"(?:는데|지만)요?$", before.text)
                       and re.search(r"여전히|아직도|그대로|남았|남아\s?있", rest)))):
            # "웹소켓 붙였고요, 근데 아직 101동 102동만 돼요": done for a part only, so under way
            before.statement.intent = Intent.IN_PROGRESS
        if (before.statement is not None and before.statement.intent == Intent.DONE
                and (re.search(r"계속\s?(?:이어서\s?)?(?:할|하고|진행|볼|봐야|해야)", after.text)
                     or re.search(r"(?:그거|그건|이건|이거|그것)\S*\s(?:\S+\s)?계속\s?(?:이어서\s?)?(?:할|하고|진행|볼|봐야|해야)", rest)
                     # "계산 로직은 다 됐는데요, … 배치가 계속 실패하고 있어요": done in part, then stuck
                     or (re.search(r"(?:는데|었는데|았는데|했는데)요?$", before.text)
                         and (_WENT_WRONG.search(after.text)
                              or (after.statement is not None and after.statement.intent == Intent.BLOCKED))))):
            # "v2 학습은 돌려놨는데요 / 결과가 좀… 오차가 오히려 커졌어요": done a step, but it did not work out;
            # "열어 드렸고요, 지금 피드백 받고 있어요. 그거는 계속 이어서 할 거고": out, and the work goes on
            before.statement.intent = Intent.IN_PROGRESS
        if (before.statement is not None and before.statement.intent == Intent.DONE
                and re.search(r"(?:니까|니깐)요?$", before.text) and before.statement.obj):
            # "그건 오프라인 모드 끝났으니까 오늘 오후부터 잡으려고요": what is done is the reason, named, not "그건"
            before.statement.pronoun, before.statement.aside = False, "reason"
            topic = re.match(r"(\S+)(?:은|는)\s", before.text)
            if topic and before.statement.obj.startswith(topic.group(1) + " ") and before.statement.assignee:
                # "보강은 준서 씨가 출석부 끝났으니까 …": the topic is what the request is about; what ended is the rest
                before.statement.obj = before.statement.obj[len(topic.group(1)) + 1:]
    if _DRAFT.search(text) and not _RELEASED.search(text):
        # "상세 페이지 3차 시안이에요. … 그 아래에 관련 유물 캐러셀 넣었어요": what a draft shows is work under way, not
        # finished; "배지 시안은 지난주에 끝내서 제플린에 올려놨어요. 개발은 아직이고요": nothing built yet, no report
        unbuilt = _NOT_BUILT.search(text)
        for clause in read:
            if clause.statement is not None and clause.statement.intent == Intent.DONE:
                if unbuilt:
                    clause.statement, clause.ignored = None, "draft"
                else:
                    clause.statement.intent = Intent.IN_PROGRESS
    if any(_ONLY_LEFT.search(c.text) for c in read[1:]):
        # "API는 어제 만들어 놨어요. … 프론트만 붙이면 돼요": one piece is all that is left, so under way
        for k, clause in enumerate(read[:-1]):
            if (clause.statement is not None and clause.statement.intent == Intent.DONE
                    and any(_ONLY_LEFT.search(c.text) for c in read[k + 1:])):
                clause.statement.intent = Intent.IN_PROGRESS
    return read


# A draft being shown: "3차 시안이에요", "목업인데요"; and a release said with it
_DRAFT = re.compile(r"시안|목업|와이어프레임|초안")
_NOT_BUILT = re.compile(r"(?:개발|구현|작업)(?:은|는)?\s?(?:아직|전이|전입|안\s?(?:했|들어갔|시작))")
_RELEASED = re.compile(r"배포|머지|운영|프로덕션|라이브|출시|오픈했|반영했|반영됐")
# "잘 정리됐더라고요", "깔끔하게 잘 만들었던데요": praise of what someone made
_PRAISE = re.compile(r"(?:^|\s)(?:깔끔하게\s|예쁘게\s|정말\s|진짜\s)?잘\s?(?:정리|만들|나왔|뽑|짰)\S*(?:더라고요|더라|던데요|던데|네요)")
# A release still to come: "오늘 저녁 정기 배포 때 같이 나가요", "내일 배포할 예정이에요"
_RELEASE_TO_COME = re.compile(r"(?:나가요|나갑니다|나갈|나가고|나간대|배포해요|배포합니다|배포할|예정|올려요|올립니다|올릴)")
# What went wrong after a step: "오차가 오히려 커졌어요", "에러가 나요", "결과가 이상해요"
_WENT_WRONG = re.compile(r"오히려|에러가?\s?(?:나|났|떠)|오류가?\s?(?:나|났|떠)|이상하게\s?나|(?:결과|성능|정확도)\S*\s?(?:\S+\s)?"
                         r"(?:안\s?좋|나빠|떨어졌|별로)|깨져|깨졌|안\s?먹|실패했")
# No trouble since: "오탐이 한 건도 없었어요", "문제없었어요" (what went well, not what is missing)
_NO_TROUBLE = re.compile(r"(?:문제|오류|에러|오탐|누락|이슈|불만|문의|장애|클레임|실패|틀린\s?(?:거|게|건)|어긋난\s?(?:거|게|건))"
                         r"\S*\s?(?:\S+\s){0,2}?(?:하나도\s?|한\s?(?:건|번|개)도\s?|전혀\s?)?없")
# A step that leads to the next: "QA 통과해서", "테스트 끝나서"
_STEP_THEN = re.compile(r"\S\s?\S*(?:해서|돼서|되서|어서|아서|여서)$")
# An item named on its own: "그 칸별 혼잡도요", "예약 공개는요"
_LABEL = re.compile(r"^(?:그\s|저\s|아\s)?(?!(?:저|제|나|저희|우리|네|예|넵|아니|그거|그건|이거|이건)(?:은|는)?요$)"
                    r"(?P<item>[가-힣A-Za-z0-9]+(?:\s[가-힣A-Za-z0-9]+){0,3}?)(?<![어아에예해세워와봐줘져켜내죠지고까니네데다래대서면게나걸거군잖])(?<![없있했됐같좋]\S)(?<![없있했됐같좋])"
                    r"(?:은|는)?요$")
# "프론트만 붙이면 돼요", "문구만 바꾸면 끝나요": one piece is all that is left
_ONLY_LEFT = re.compile(r"[가-힣A-Za-z]만\s(?:\S+\s){0,2}\S*면\s?(?:돼요|됩니다|돼|된다|끝나요|끝납니다|끝이에요|끝)"
                        r"|[가-힣A-Za-z]만\s?남았")  # "촬영 후 확인 화면만 남았어요"


def _analyze(text: str, speaker: str | None, names: Collection[str] = ()) -> list[Clause]:
    read: list[Clause] = []
    parts = clauses(text)
    skip = False
    for k, clause in enumerate(parts):
        if skip:
            skip = False
            continue
        if k + 1 < len(parts) and _STEP_THEN.search(clause):
            # "세션 7분은 QA 통과해서 / 오늘 아침에 나갔고": one report in two steps, the work named in the first
            alone, after = analyze_clause(clause, speaker, names), analyze_clause(parts[k + 1], speaker, names)
            joined = analyze_clause(f"{clause} {parts[k + 1]}", speaker, names)
            if (alone.statement is None and alone.ignored is None and after.statement is None and after.ignored is None
                    and joined.statement is not None and joined.statement.intent in (Intent.DONE, Intent.IN_PROGRESS)):
                read.append(joined)
                skip = True
                continue
        if (read and read[-1].statement is None and read[-1].ignored is None and _LABEL.match(read[-1].text)):
            labelled = analyze_clause(clause, speaker, names)
            said = labelled.statement
            if (said is not None and said.intent in (Intent.DONE, Intent.IN_PROGRESS)
                    and len(said.obj.split()) <= 1 and not _LABEL.match(clause)):
                # "그 칸별 혼잡도요, / 어제 운영에 붙였어요": the item named first, then what happened to it
                item = _LABEL.match(read[-1].text).group("item")  # type: ignore[union-attr]
                said.obj, said.pronoun = re.sub(r"(?<=[가-힣])(?:은|는)$", "", item), False
                read.append(labelled)
                continue
        if (read and re.match(r"^(?:같이|함께)\s", clause) and re.search(r"(?:하면서|김에|때|하는 ?김에)$", read[-1].text)
                and not _DONE.search(clause)):
            read.append(Clause(clause, None, "folded"))  # "태깅 개발하면서 / 같이 넣을게요": part of that work
        elif _TURN.search(clause):
            read.append(Clause(clause, None))  # "저부터 할게요": whose turn it is to speak
        else:
            read.append(analyze_clause(clause, speaker, names))
    return read


# The meeting's own order: "저부터 할게요", "먼저 진행 중인 거부터 빠르게 보고 가겠습니다", "화면 공유해 주시겠어요".
_TURN = re.compile(r"^(?:제가 |저 |저는 |나 )?(?:먼저|저부터|나부터|제가 먼저)\s?(?:할게요|하겠습니다|할게|갈게요|가겠습니다|할까요)|"
                   r"^(?:화면\s?)?공유\s?(?:했습니다|했어요|할게요|하겠습니다|드릴게요|드렸습니다|됐나요|되나요|됐죠|됐어요)[.!?]?$|"
                   r"(?:보고|공유|말씀) ?(?:가겠습니다|드리겠습니다|드릴게요|하고 ?가겠습니다)|화면 ?공유|거부터 ?(?:빠르게 ?)?(?:보고 ?(?:가|드리|할)|볼게요|보겠습니다)|"
                   r"돌아가면서|^오늘은 .*(?:리뷰|회의|미팅|회고|플래닝)\s?(?:하겠습니다|할게요|진행하겠습니다|시작하겠습니다)|"
                   # "진행 중인 것부터 보죠": the order of the meeting
                   r"(?:것|거|건|티켓)부터\s?(?:보죠|봅시다|볼까요|볼게요|보겠습니다|봐요|할게요|하죠|갈게요|가죠)")
