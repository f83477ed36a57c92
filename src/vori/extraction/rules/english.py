"""How people report work in English meetings.

A clause is first set aside if it is a question (unless it asks someone to do something), negated, hedged,
dropped or postponed, about someone outside the team, old history or leisure. What is left is matched
against the ways people say that work will be done (future, obligation, requests, volunteering), is under
way (progressive, "started", "picked up") or is finished ("shipped", "X is live", "merged"), and what
blocks it. The phrase naming the work is cut out of the clause for matching and titles.
"""

from __future__ import annotations

import itertools
import re

from vori.extraction.rules.common import NUMBER_WORD, Clause, Intent, Statement, words

_F = re.IGNORECASE

_FILLER = re.compile(
    r"^(?:(?:so|um+|uh+|er+|ah|oh|okay|ok|yeah|yep|yes|right|alright|well|and|also|anyway|like|hmm+|cool|"
    r"great|sure|actually|basically|honestly|quick update|update|for me|on my end|on my side|from my side|"
    r"as for me|me|and then|then|plus|meanwhile|in the meantime|today|yesterday|this morning|last night|"
    r"this afternoon|otherwise|besides|separately|finally|lastly|first|first off|next|after that|since then|"
    r"mine|good|nice|mostly good|all good|good news|on that note|other than that|apart from that|"
    r"on top of that|by the way|btw|quick one|real quick|(?:status|update|news|quick one) from me|from me|unrelated)"
    r"\b[,.!:\-\s]*)+", _F)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\s+-{1,2}\s+")
_SUBJECTS = (r"(?:i|i'll|i'm|i've|i'd|we|we'll|we're|we've|you|you'll|he|he's|she|she's|they|they're|it|it's|"
             r"that|that's|this|there|there's|everything|both)")
_CLAUSE = re.compile(
    rf"(?:\s*,\s*|\s+)(?:but|and then|and also|and|so|plus|then|though|although|however|also)\s+(?={_SUBJECTS}\b)"
    rf"|\s*,\s+(?={_SUBJECTS}\s)|\s*,\s+(?=(?:so|but|and then|then)\s)|\s*,\s+(?=(?-i:[A-Z][A-Za-z]*)\s+\w+ed\b)"
    r"|\s*,\s+(?=(?:about|around|roughly|almost|nearly|maybe)\s+(?:a|an|half|one|two|\d)\b)"
    r"|\s*,\s+(?=(?:the|our|my)\s+\S+(?:\s+\S+)?\s+(?:is|are|was|were|has|have)\b)"
    r"|\s*,\s+(?=(?:the|our|my)\s+(?:\S+\s+)?\S+?'(?:s|re)\s)"
    # "the boarding page was throwing five hundreds over the weekend, patched, it loads now": the fault, then its fix
    r"|\s*,\s+(?=(?:patched|hot-?fixed|fixed|(?:pushed|shipped|put out|deployed) a (?:fix|patch|hotfix))"
    r"(?:\s+(?:last night|yesterday|this morning|today|earlier))?\s*(?:[,.]|$))"
    # "that went out Friday I just never moved the card": the report, then the board not kept up
    r"|\s+(?=(?:i|we)\s+(?:just\s+)?(?:never|didn't|did not|forgot to|haven't)\s+(?:moved?|updated?|dragged?|closed?)\s+"
    r"(?:the\s+|my\s+)?(?:card|ticket|board)\b)"
    # "I've pulled it over and started stubbing the export": a second report, with the same subject
    r"|\s+and\s+(?=(?:started|began|kicked off|got going on)\s+\w+ing\b)"
    # "that's been live since last night's release, and crew support says the calls have stopped": the report,
    # then what someone else says of it
    r"|\s*,\s+and\s+(?=(?:[\w'-]+\s+){0,2}(?:says|said|tells|told)\b)"
    # "Reconcile's still going, renderer's done": a second item and its state
    r"|\s*,\s+(?=(?!(?:the\s+)?(?:pr|mr|branch|build|fix|patch|change|code|ticket|it|that|this|everything|rest|"
    r"nobody|somebody|someone|no one|everyone|everybody|anyone|he|she|who|what|there|here)'s)"
    r"(?:[\w-]+\s+)?[\w-]+'s\s+(?:done|finished|merged|shipped|live|ready|fixed|deployed|still|started|sorted)\b)"
    r"|\s*,\s+(?=(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:of|out of)\s)"
    r"|\s*,\s+(?=(?:actually\s+no|no\s+wait|wait|sorry|oh\s+wait|scratch\s+that|well,?\s+no|no,?\s+sorry|"
    r"no,?\s+no)\b)"
    r"|\s*,\s+and\s+(?=the\s)|\s*,\s+and\s+(?=(?:[A-Za-z]+-)?\d{2,6}\s)", _F)

_PRONOUN_OBJECT = re.compile(
    r"^(?:it|that|this|those|them|these|that one|this one|the thing|that thing|the one|the ticket|that ticket|"
    r"this ticket|the task|that task|one|both|everything|all of it|all of that|all of them|each of them|"
    r"both of them|the rest|mine)$", _F)
# "pair with Carol on it", "follow up on that": the work is what was just talked about.
_ABOUT_IT = re.compile(r"\s(?:on|with|for|to|about|at|into)\s+(?:it|that|this|them|those)$", _F)
# A person's name: capitalized (whatever the pattern's flags), and not a word that starts sentences.
_NOT_NAMES = ("The|This|That|These|Those|Then|Today|Tomorrow|Yesterday|Meanwhile|Also|And|But|So|Oh|Now|Well|Yeah|"
              "Yes|No|Okay|Ok|Sure|Actually|Anyway|Mine|Me|Good|Nice|Great|Cool|Right|It|We|They|He|She|You|There|"
              "Here|What|When|Where|Who|Why|How|Last|Next|Our|My|Your|Their|Everything|Nothing|Both|All|Some|Any|"
              "Maybe|Just|Still|Plus|Otherwise|Finally|First|After|Before|Since|Once|If|Because|Though|Let|Please|"
              "Hey|Hi|Thanks|Honestly|Basically|Quick|Update|Morning|Afternoon|Merged|Shipped|Deployed|Done|Fixed")
_NAME = rf"(?-i:(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+(?:\s(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+)?)"
_WHO = rf"(?P<who>I|we|you|he|she|they|{_NAME})"
_AFTER_WHO = r"(?:\s+|(?='))"  # a space, or "'ve", "'m": not "Con" + "sent forms"

_REQUEST = re.compile(
    rf"^(?:(?P<to>{_NAME})(?:\s*,\s*|\s+(?=(?:can|could|would|will)\s+you\b)))?(?:hey\s+)?"
    r"(?:(?:while|when|once|since|after|before|if)\s+[^,?]{3,60},\s*)?"
    r"(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|one of you)(?:\s+else)?"
    # "can anyone else on the app team pick it up?": who is asked, not the work
    r"(?:\s+(?:on|in|from)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:team|side|squad|crew))?"
    rf"(?:(?:\s+(?:please|maybe|also|quickly))*\s+(?P<obj>.+?))?(?:\s*,?\s*(?P<to2>{_NAME}))?\s*\??$", _F)
_NEED_SOMEONE = re.compile(
    r"^(?:so\s+|also\s+|and\s+)*(?:we|i)\s+(?:still\s+|also\s+|really\s+)*(?:need|want)\s+(?:someone|somebody|"
    r"a volunteer|an owner|one of you|a person)\s+to\s+(?P<obj>.+)$"
    r"|(?:^|\b(?:agreed|said|decided)\s+(?:that\s+)?)(?:someone|somebody|one of us)\s+(?:should|needs to|has to|must|"
    r"will have to|ought to)\s+(?P<obj2>.+)$"
    # "someone add search to it", "also someone write the incident summary": the bare verb, asked of anyone
    r"|^(?:(?:also|and|so|ok|okay|then)\W+)*(?:someone|somebody|one of you)\s+(?!(?:is|was|were|has|had|did|does|said|"
    r"says|asked|told|found|else|who|that|from|on|in|at|with|broke|took|made|left|sent|wrote|got|put|saw|came|went|"
    r"ran|tried|reported|complained|mentioned|noticed|called|emailed|pinged|already|just|probably|must|might|may|"
    r"could|would|will|can|should|needs|'s|'d|'ll)\b)(?P<obj3>(?![a-z]+ed\b)[a-z]+\s+\S.*)$", _F)
_GIVE_ME = re.compile(r"^(?:just\s+)?(?:give|assign|hand|pass|throw)\s+(?:it|that|this|them)\s+(?:to|over to)\s+me\b"
                      r"|^(?:leave|put)\s+(?:it|that|this)\s+(?:with|on)\s+me\b|^put me (?:on|down for) (?:it|that)\b", _F)
_WHO_WANTS = re.compile(r"^(?:does\s+)?(?:someone|anyone|anybody|somebody)\s+want(?:s)?\s+(?:it|that|this|to take (?:it|that))\??$",
                        _F)
_WHO_CAN = re.compile(r"^who(?:'s| is| can| wants to| will| could)\s+(?:going to\s+|able to\s+|want to\s+)?"
                      r"(?P<obj>(?:take|own|grab|handle|pick up|look at|do|write|fix)\b.+?)\??$", _F)
_IMPERATIVE = re.compile(
    rf"^(?:(?P<to>{_NAME})\s*,\s*)?(?:please|pls|make sure (?:to|you)|remember to|don't forget to)\s+(?P<obj>.+)$",
    _F)
_FUTURE = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:(?:'ll|will|shall|am going to|'m going to|is going to|are going to|'re going to|gonna|"
    r"need to|needs to|need(?=\s+(?:a|an|some|more|better|proper)\s)|needs(?=\s+(?:a|an|some|more|better|proper)\s)|"
    r"have to|has to|should|must|plan to|plans to|am planning to|'m planning to|intend to|"
    r"can|am able to|'ll be|will be|want to|wants to|'d like to|would like to|am supposed to|is supposed to|"
    r"'ve got to|got to|have got to|am gonna|'m gonna|will try to|'ll try to|are planning to|'re planning to|"
    r"is planning to|'s going to|'s gonna|'m also going to|'ll also|will also|'ll probably|will probably|"
    r"'ll just|'ll go ahead and|will go ahead and|am taking|'m taking|is taking|'s taking|'m grabbing|"
    r"am grabbing|'ll take care of|'ll handle|'ll own|volunteer to|'m happy to|am happy to|"
    r"'d also|would also|could also|'d(?=\s+(?:fix|do|take|handle|add|build|write|update|clean|own|grab))|"
    r"could(?=\s+(?:start|fix|do|take|handle|add|build|write|own|grab)))\s+)"
    r"(?:(?:also|then|first|definitely|probably|quickly|actually|just|really|still|now|go ahead and|try to|"
    r"be|get to|start to|begin to)\s+)*(?P<obj>.+)$", _F)
_LETS = re.compile(r"^let(?:'s| us)\s+(?!not\b)(?:(?:also|just|go ahead and|make sure (?:we|to))\s+)*(?P<obj>.+)$",
                   _F)
_LET_ME = re.compile(r"^let me\s+(?:(?:also|just|go ahead and|quickly)\s+)*(?P<obj>.+)$", _F)
_ACTION_ITEM = re.compile(
    rf"^(?:(?:an?|one|another|the|my|our)\s+)?(?:action item|todo|to-do|to do|follow-up|follow up|next step|"
    rf"takeaway)s?(?:\s+(?:for|on)\s+(?P<who>me|{_NAME}))?\s*(?:is|are|:|-|will be)?\s*(?:to\s+)?(?P<obj>.+)$", _F)
_OWNERSHIP = re.compile(rf"^(?P<obj>.+?)\s+(?:is|'s)\s+(?:on|with)\s+(?P<who>me|{_NAME})\b", _F)
_ASSIGN = re.compile(rf"^(?P<who>{_NAME})\s+(?:will|'ll|is going to|'s going to|can|should)\s+(?:take|own|"
                     r"handle|grab|pick up|do|look at|look into)\s+(?P<obj>.+)$")

_DONE_WORDS = (r"done|finished|wrapped|complete|completed|shipped|merged|merged in|deployed|live|released|in production|"
               r"cut over|"
               r"out the door|wrapped up|closed|closed out|fixed|resolved|good to go|landed|launched|rolled out|"
               r"sorted|sorted out|signed off|approved|delivered|published|in prod|on prod|up and running|"
               r"working now|all set|over the line|across the line|behind us|booked|paid|locked in|posted|final|finali[sz]ed|"
               r"(?:switched off|shut down|powered down)(?!\s+(?:until|till|for now|temporarily|while))|decommissioned|"
               r"available to (?:all|every|everyone|everybody|users|customers|the public|clients|members|staff)")
_DONE_SUBJECT = re.compile(
    r"^(?P<obj>.+?)(?:'s|'re|\s+(?:is|are|was|were|'s|'re|has been|have been|got|just got|finally got|has|have|"
    r"now|finally|just|went|officially))(?:\s+(?:now|all|finally|fully|officially|totally|completely|already|just|basically|"
    r"pretty much|been|also|actually|successfully|out))*\s+(?P<state>" + _DONE_WORDS + r")\b(?P<rest>.*)$", _F)
_DONE_VERB = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:(?:have|has|'ve|had|just|finally|already|also|actually|successfully|officially)\s+)*"
    r"(?P<verb>finished|completed|shipped|merged|deployed|released|wrapped up|closed out|closed|fixed|resolved|"
    r"landed|launched|rolled out|pushed out|published|delivered|sorted out|knocked out|got through|took care of|"
    r"finished up|wrapped|nailed down|put out|got done|completed the work on|cut|submitted|sent out|sent|"
    r"migrated|upgraded|cleaned up|set up|wrote up|wrote|added|removed|implemented|built|automated|patched|"
    r"updated|refactored|documented|configured|installed|enabled|disabled|created|moved(?! on\b)|replaced|"
    r"switched|integrated|optimized|rewrote|redesigned|reworked|hooked up|turned on|turned off|killed|"
    r"tracked down|figured out|got rid of|ported|bumped|renamed|split|shipped out|shut off|shut down|switched off|"
    r"took down|tore down|took out|ripped out|threw out|put in|wired up|spun up|stood up|brought up)\s+(?P<obj>.+)$", _F)
_DONE_WITH = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:am|'m|are|'re|is|'s)?\s*(?:all\s+)?(?:done|finished)\s+with\s+(?P<obj>.+)$", _F)
_DONE_VERB_TAIL = re.compile(
    # "we went through it together": people going through something with someone read it, they did not finish
    # it ("I went through all 212 locations by hand" did)
    r"^(?!(?:i|we|you|they|he|she)\s+went through\s+(?:(?:it|that|this|them|those)\b|.*\b(?:together|with)\b))"
    r"(?P<obj>.+?)\s+(?:shipped|landed|went out|went live|launched|merged|deployed|finished|completed|"
    r"wrapped up|wrapped|succeeded|passed|went through|went across|moved across|copied across|got merged|got deployed|"
    r"rode out|"
    r"got shipped|got fixed|got released|"
    # "That went in Thursday", "the fix went in with last night's build": landed, on a day or with a release
    r"(?:went in|went over)(?=\s+(?:on\s+)?(?:yesterday|today|last\s+\w+|this\s+morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"with\s+(?:the|last|this|yesterday's|today's|\w+day's)\b))|"
    r"went to (?:a hundred|one hundred|100)\s?(?:percent|%)|rolled out to (?:everyone|everybody|all|100))\b", _F)
_DID = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:already\s+|actually\s+|also\s+|finally\s+)*did\s+(?:(?:already|actually|finally)\s+)*"
    r"(?:(?P<verb>finish|complete|ship|merge|deploy|release|wrap up|close out|close|fix|resolve|land|launch|"
    r"roll out|publish|deliver|migrate|upgrade|set up|write|add|implement|build|get)\s+)?(?P<obj>.+)$", _F)
_STATUS_WORD = re.compile(r"\b(?:" + _DONE_WORDS + r"|started|starting|working|in progress|begun|kicked off|hooked up|"
                          r"wired up|plugged in|connected)\b", _F)
_NEGATED_END = re.compile(r"(?:n't|\bnot|\bnever|\bno longer|\bnowhere near)\s*$", _F)
_PARTIAL = re.compile(r"^(?:about |around |roughly |almost |nearly |maybe )?(?:a third|a quarter|half|some|most|"
                      r"part|a few|a couple|one|two|three|the first|first (?:run|pass|batch|cut|draft|half|round|part)|\d+\s*(?:%|percent|of\b|out of\b))(?:\b(?!-)|(?<=%))"
                      rf"(?!\s+(?:{NUMBER_WORD})\b)(?: of)?", _F)  # "two oh four's done" is a ticket's number

_PROGRESS_SUBJECT = re.compile(
    r"^(?P<obj>.+?)(?:'s|'re|\s+(?:is|are|'s|'re|has|have))\s+(?:now\s+|currently\s+|still\s+|already\s+|been\s+|"
    r"kind of\s+|sort of\s+|kinda\s+|basically\s+|more or less\s+)*"
    r"(?P<state>in progress|underway|under way|ongoing|in review|in a branch|on a branch|in a draft pr|in code review|being worked on|being reviewed|"
    r"being tested|halfway done|half done|started|in flight|in qa|in testing|moving(?!\s+(?:to|over|across|into|off|out)\b)|coming along|"
    r"partially done|mostly done|almost done|nearly done|close to done|getting there|in the works|in development|"
    r"(?<=still )going(?!\s+(?:to|out|live|in|on|up|through|ahead|away|back|well|fine|ok|okay)\b))\b",
    _F)
_PROGRESS_VERB = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:(?:have|has|'ve|just|finally|already|also|actually|officially|kind of|sort of|kinda|sorta)\s+)*"
    r"(?P<verb>started|starting|started on|moved on to|moving on to|began|begun|commenced|commenced work on|kicked off|grabbed|took on|(?<!just )(?<!only )claimed|"
    r"poked at|poked around in|hacked on|tinkered with|dug into|did kick off|did start|did begin|picked up|jumped on|dove into|dived into|"
    r"got started on|got going on|got going with|made progress on|made a start on|opened a pr for|put up a pr for|"
    r"had a go at|had a crack at|had a stab at|took a stab at|took a crack at|took a first pass at|"
    r"opened a draft for|started looking at|started working on|started digging into|sketched|drafted|mocked up|"
    r"prototyped|spiked)\s+"
    r"(?:(?:working|work|looking|chipping away|chipping|poking|digging|hacking|plugging away|grinding)\s+"
    r"(?:on|at|into|through)\s+)?(?P<obj>.+)$", _F)
_PROGRESSIVE = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:am|'m|are|'re|is|'s)\s+(?:(?:still|currently|now|actively|already|also|just|busy|"
    r"mostly|mainly|right now)\s+)*(?P<verb>[a-z]+ing)\s+(?P<obj>.+)$", _F)
_NOT_PROGRESS = words(
    "going thinking wondering hoping planning waiting having feeling doing being getting trying looking "
    "expecting assuming guessing seeing saying asking talking meaning leaning considering struggling "
    "blocking missing running coming heading leaving taking killing dropping scrapping cancelling canceling parking "
    "shelving closing holding dialling dialing calling joining driving travelling traveling commuting sitting cutting "
    "telling complaining")
_CONTINUING = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO}(?:am|'m|are|'re|is|'s|'ve been|have been|has been|'s been|'d been|had been)\s+)?"
    r"(?:(?:still|currently|now|actively|also|mostly|right now)\s+)*(?:working on|focusing on|busy with|"
    r"continuing (?:with|on)|chipping away at|plugging away at|poking at|hacking on|tinkering with|fiddling with|"
    r"wrestling with|fighting with|grinding on|grinding through|heads down on|deep in|knee-deep in|"
    r"in the middle of|halfway through|making (?:good |some )?progress on)\s+(?P<obj>.+)$", _F)
_ON_IT = re.compile(r"^(?:(?:i'm|i am|we're|we are)\s+)?(?:still\s+|also\s+)?on it\b|^(?:i'm|i am|we're|we are|"
                    r"i've been|i have been|we've been|we have been)\s+"
                    r"(?:(?:still|also|now|currently|mostly|mainly)\s+)*(?:on|taking)\s+(?:the,?\s+(?:um,?\s+|uh,?\s+)?)?"
                    r"(?!(?:call|leave|vacation|holiday|pto|site|the road|a plane|sick leave|parental leave|duty|a break|"
                    r"lunch|mute)\b)(?P<obj>.+)$", _F)

_BLOCKER = re.compile(
    r"\b(?:blocked|blocking|blocker|(?<!was )(?<!were )waiting on|(?<!was )(?<!were )waiting for|waiting to hear|stuck(?!-)|can't proceed|cannot proceed|"
    r"can't move forward|can't continue|can't start|can't finish|cannot (?:begin|start|continue|proceed)|can't begin|can't test|can't deploy|can't merge|"
    r"can't get|can't access|no access|don't have access|don't have permission|lack access|held up|"
    r"holding (?:me|us|it|this|that) up|depends on|dependent on|until we get|until (?:they|we|someone)|"
    r"need (?:access|approval|credentials|sign-off|signoff|the|admin|permission|permissions|rights|keys)|pending (?:approval|review from)|"
    r"is down|are down|keeps failing|keeps crashing|broken|won't build|doesn't build|not working|"
    # "I can't actually test anything", "cannot deploy the adapter until…", "doesn't have permission for that app"
    r"(?:can't|cannot|can not)\s+(?:actually\s+|really\s+|even\s+)?(?:test|deploy|merge|release|ship|push|access|"
    r"retrain|run|build|log in|go (?:much )?further|do anything|move on)|"
    r"(?:can't|cannot)\b[^.]{0,60}\buntil\b|(?:don't|doesn't|do not|does not) have (?:the )?(?:permission|access|rights|"
    r"credentials|keys|production keys|a license)|(?:still )?(?:don't|do not) have (?:production |prod )?(?:keys|credentials|"
    r"access)|because [^.]{0,40}(?:still )?(?:hasn't|haven't|has not|have not) (?:signed off|approved|answered|replied|sent|"
    r"given))\b", _F)
_NOT_BLOCKED = re.compile(r"\b(?:no blockers?|nothing block|not blocked|unblocked|no longer blocked|"
                          r"not stuck|nothing (?:is )?holding|no longer (?:waiting|stuck)|blockers?\?)", _F)
_DECISION = re.compile(
    r"\b(?:we(?:'ve| have)? decided|decision is|we(?:'re| are) going with|let's go with|we agreed|agreed to|"
    r"agreed that|we(?:'ll| will) go with|final answer|settled on|we're sticking with|consensus is|"
    r"decided to|the plan is)\b", _F)

_QUESTION_START = re.compile(
    r"^(?:is|are|was|were|did|do|does|has|have|had|will|would|should|shall|can|could|what|when|where|who|why|"
    r"how|which|any|anything|anyone|any update|how's|what's|where's|who's)\b", _F)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|isn't|aren't|wasn't|weren't|haven't|hasn't|hadn't|didn't|don't|doesn't|won't|"
    r"can't|cannot|couldn't|wouldn't|shouldn't|nothing|nobody|yet to|far from)\b|n't\b", _F)
# Keeping the board up to date is not work either: "I just never moved the card", "nobody moved the ticket".
_CARD = re.compile(r"\b(?:moved?|moving|update[ds]?|updating|drag(?:ged)?)\s+(?:the|that|this|my|its)\s+(?:card|ticket|"
                   r"board|jira)\b|\bforgot to move\b", _F)
# Writing the work down is not doing it: "I'll open a new ticket for it", "I filed a ticket".
_FILED = re.compile(r"\b(?:note|put|add|log|park|stick|throw|keep)\s+(?:it|that|this|them)\s+(?:in|on|to|into)\s+"
                    r"(?:the\s+)?backlog\b|"
                    r"\b(?:open|opened|opening|file|filed|filing|create|created|creating|raise|raised|log|logged|"
                    r"write up|wrote up|make|made|add|added|put in|cut|cutting)\s+(?:a|an|the|one|new|separate|"
                    r"another|a new|a separate|its own|a follow-up)?\s*(?:new\s+|separate\s+|follow-up\s+)?"
                    r"(?:ticket|issue|jira|bug report|card|story)s?\b", _F)
# Feedback folded into work already on the board: "that's part of the redesign", "I'll do it in the same PR".
_FOLDED = re.compile(
    r"\b(?:(?:that's|that is|it's|it is|this is)\s+(?:just\s+)?(?:part of|covered by|included in|in scope (?:of|for))|"
    r"as part of (?:the|that|this|my|our|it)|(?:fold|roll|fold it|roll it|fold that|roll that|put it|put that|"
    r"add it|add that|include it|include that|folding (?:it|that|this|them)|rolling (?:it|that|this|them))\s+"
    r"(?:in|into)\s+(?:the|that|this|my|our)|"
    r"in the same (?:pr|pull request|ticket|change|branch|release)|"
    r"(?:goes|go|belongs)\s+(?:in|into|with|under)\s+(?:the|that|this|my|our)\s+\S+\s+(?:ticket|work|task|pr))\b", _F)
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|might|someday|some day|eventually|one day|would be nice|nice to have|in the future|"
    r"at some point|not sure|wondering|what if|brainstorm|if we have time|if there's time|down the road|"
    r"long term|long-term|could be worth|worth exploring|in theory|i guess we could|we could also|we could|"
    r"could maybe|probably not|i doubt|no idea|i wish|hypothetically|in an ideal world|dream|think about|"
    r"thinking about|consider|considering|mull over|sleep on|if (?:i|we) have to|if needed|if necessary|"
    r"if it comes to that|if it happens again|we'll see|we will see|let's see|let us see|i thought|i assumed|"
    r"i figured|i believed|i was told|supposedly)\b", _F)
_DROPPED = re.compile(
    r"\b(?:let's not|let us not|not going to|won't|(?:let's|we'll|we will|we can|we should)\s+drop|"
    r"drop(?:ping|ped)?\s+(?:it|that|this|the idea)(?!\s+(?:in|into|on|off|by))|"
    # "let's skip it" drops it; "patch it to skip empty segments" says what the work does
    r"(?<!to )(?<!is )(?<!are )(?<!was )skip(?!'s\b|\s+(?:is|was)\b)|(?<!is )(?<!are )(?<!was )skipping|postpone|"
    r"postponed|"
    r"(?:keep|leave|keeping|leaving) (?:it|that|this|them) parked|"
    r"push(?:ed|ing)? (?:it |that |this )?(?:back|out)|push(?:ed|ing)? .{0,30}?to next|next quarter|next year|"
    r"next half|push(?:ed|ing)? (?:it|that|this|them) (?:to|until|till|into|past)\b|won't-?do|wontfix|"
    r"defer|deferred|deferring|hold (?:it|that|this|off)\b|put (?:it|that|this) on hold|"
    r"(?:not|never) (?:doing|going to do|gonna do) (?:it|that|this)|"
    r"leave (?:it|that|this) (?:where it is|as it is|as is|alone|for now)|next sprint|"
    r"deprioriti[sz]e|deprioriti[sz]ed|out of scope|park(?:ed|ing)? (?:it|that|this)|on hold|"
    r"park|shelve|shelved|(?<!\ba )(?<!\bthe )(?<!\bon )cancel(?! (?:page|button|flow|link|option|screen|endpoint|"
    r"request|reason|policy|fee|window)\b)|cancelled|canceled|descope|descoped|not this sprint|not a priority|"
    r"no longer needed|not needed|scrap|scrapped|abandon|abandoned|put (?:it|that|this) aside|"
    # "Finance said no to the capex, so that's off the list for this year"
    r"off (?:the|our) (?:list|board|roadmap|table) for (?:this \w+|now|the (?:year|quarter|time being|foreseeable))|"
    r"table (?:it|that)|table this(?! (?:week|sprint|month|quarter|morning|afternoon|evening|year)\b)|tabled|revisit (?:it|that|this)? ?later|later this year|not now|for another time)\b",
    _F)
_EXTERNAL = re.compile(
    r"^(?:the\s+)?(?:they|vendor|vendors|client|clients|customer|customers|legal|marketing|sales|finance|"
    r"procurement|the other team|another team|[a-z]+ team|their team|management|leadership|support|"
    r"the contractor|contractors|partner|partners|(?:apple|google|aws|microsoft)(?=\s+(?:is|are|was|were|has|have|"
    r"said|says|will|wants|rejected|approved|asked|changed|'s|came)\b))\b(?!\s+(?:sdk|api|apis|portal|library|"
    r"integration|feed|data|code|app|docs|ui|plugin|widget|module|dashboard|sync|import|export|page|side)\b)", _F)
# "They want the tax ID printed in the footer": what others ask of the team is the team's work to take.
_THEY_WANT = re.compile(r"^(?:the\s+)?\S+(?:\s+team)?\s+(?:want|wants|need|needs|asked for|asked us to|"
                        r"requested|would like|are asking for|is asking for|are asking us to)\b", _F)
_OLD_OR_PERSONAL = re.compile(
    r"\b(?:last year|years ago|months ago|back in (?:the day|20\d\d)|used to|my last job|my old|previous company|"
    r"movie|movies|film|(?:a|the|that|this|my) book|novel|board game|video game|"
    r"(?<!after )(?<!before )(?<!over )(?<!at )(?:dinner|lunch|breakfast)|coffee|marathon|hike|hiking|kids|birthday|road trip|trip to|concert|recipe|garden|"
    r"gym|workout|netflix|camping|beach|wedding|baby|yoga|guitar|piano|soccer|football|baseball|basketball|"
    r"tennis|golf|festival|episode|puzzle|lego|renovation|apartment|my (?:dog|cat|kid|son|daughter|wife|husband|"
    r"partner|parents|mom|dad)|popcorn|snacks?|souvenir|cake|pizza|donuts?|beers?|good luck|my heart|"
    r"team's heart|bake|birthday)\b", _F)

_TRAILING = re.compile(
    r"(?:\s*[,.!?;:]+\s*|\s+)(?:today|tomorrow|tonight|this (?:morning|afternoon|evening|week|sprint)|next week|"
    r"yesterday|last night|earlier|earlier today|this morning|first thing(?: tomorrow| in the morning)?|asap|"
    r"right away|right now|now|later|later today|as well|too|already|again|finally|for now|for sure|"
    r"on (?:monday|tuesday|wednesday|thursday|friday)|(?:right\s+)?(?:by|before|until|after) .*|so .*|because .*|"
    r"since .*|once .*|which .*|while .*|if .*|unless .*|as soon as .*|(?<!for )when .*|then|either|anyway|[—–] .*|"
    r"i think|i guess|i believe|hopefully|probably|basically|for the .* release|in the .* sprint|"
    r"this time|at least|thanks|thank you|please|first|next|though|btw|actually|honestly|really|as it happens|"
    r"in fact|to be honest|"
    r"with .* help|over the weekend|"
    r"last week|over the last .*|end of day|eod|end of week|eow|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|and (?:it|that)(?:'s| is| was) .*|"
    r"and (?:is|was|should|will|it) .*|,? and now .*|,? and we .*|,? and i .*|"
    r"(?:,\s*)?(?:so|and|but) (?:yeah|that's it)|on my end|on my side|from my side|yet|"
    r"(?:this|next|last) (?:monday|tuesday|wednesday|thursday|friday))$", _F)
_LEADING = re.compile(r"^(?:(?:the|a|an|our|my|your|his|her|their|that|this|some|up|on|with|to|all|also|but|and|so|"
                      r"just|then|again|out|in|at|into|over|off|actually|really|definitely|probably|quickly)\s+)+",
                      _F)


_ADVERB = re.compile(r"^(?:(?:actually|really|definitely|probably|quickly|just|also|finally|totally)\s+)+", _F)
_TAKE = re.compile(r"^(?:take|grab|own|handle|pick up|work on|look at|look into|take care of|take over|"
                   r"be responsible for|deal with|on|with|at)\s+(?=\S)", _F)


def _clean_object(text: str) -> str:
    obj = _TAKE.sub("", _ADVERB.sub("", text.strip(" ,.!?;:-\"'")))
    for _ in range(6):
        trimmed = _TRAILING.sub("", obj).strip(" ,.!?;:-\"'")
        if trimmed == obj:
            break
        obj = trimmed
    return obj


def _noun_phrase(text: str) -> str:
    """The work named as a subject ("So the new login page" → "new login page")."""
    return _LEADING.sub("", _clean_object(text)).strip()


_MENTION_LEAD = re.compile(
    r"^(?:(?:there's|there is|there are|we have|we've got|we got|i noticed|i saw|i found|it looks like|looks like|"
    r"turns out|apparently|also|and|so|oh|the thing is|one thing is|another thing is|i think|"
    r"(?:someone|somebody|people|[a-z]+)\s+(?:mentioned|said|reported|complained|flagged|noticed|found|saw)"
    r"(?:\s+that)?|what (?:we|i|they|you) (?:actually |really )?(?:need|needed|want|wanted)(?: on \w+)? (?:is|was)|"
    r"(?:\w+\s+){0,2}(?:emailed|wrote in|called|complained|told us)(?:\s+(?:saying|that))?)\s+)+"
    # "we need booking references on the statement", "florists want to upload a price list": the work asked for
    r"|^(?:(?:so|and|also)\s+)?(?:we|they|(?:the\s+|our\s+)?[a-z]+(?:\s+[a-z]+){0,2})\s+(?:still\s+|really\s+|also\s+|keep\s+)*"
    r"(?:need|needs|want|wants|would like|asked for|are asking for|keep asking for|asking for)\s+(?:us\s+)?(?:to\s+)?",
    _F)
_CHAT = words("good great sound sounds idea thank thanks cool nice fine agree sure right yeah okay ok love perfect "
              "awesome think know mean guess see feel like want true fair point totally exactly makes sense "
              "small big quick easy hard minor major risky simple tiny huge anything something everything both "
              "luck")


_NARRATIVE = re.compile(
    r"^(?:i|we|you|he|she|they|it|that|this|those|these|who|what|yes|no|yeah|nope|so|because|but|if|when|"
    r"i'm|i've|i'd|we're|we've|you're|it's|that's|he's|she's|they're|they've)\b"
    r"|^(?-i:[A-Z][A-Za-z]*)\s+\w+ed\b", _F)
_POINTS_BACK = re.compile(r"\b(?:it|that|them)\b", _F)


def refers_back(clause: str) -> bool:
    """ "That one…", "It…": the clause is about what was just being discussed."""
    return bool(re.match(r"^(?:it|that|that one|this one|this)\b", clause.strip(), _F))


def mention(clause: str) -> str:
    """The work a clause describes without saying what happens to it ("the retry button is missing when a
    payment fails"), named for a ticket if someone then takes it on."""
    text = clause.strip(" .,!?")
    if ": " in text:
        text = text.split(": ", 1)[1]  # "One thing I noticed while testing: the signup endpoint has …"
    text = re.split(r"\s+and\s+(?=nobody|no one|none of us|we\b|i\b|it\b|that\b)", text, maxsplit=1, flags=_F)[0]
    needs = re.match(r"^(?:the\s+)?(?P<what>(?!we\b|they\b|i\b)[a-z][\w-]*(?:\s+[\w-]+){0,3})\s+(?:still\s+|really\s+)?"
                     r"needs?\s+(?:a\s+|an\s+|some\s+|new\s+|proper\s+)*(?P<need>[a-z][\w\s-]{2,40})$", text, _F)
    if needs and not _NARRATIVE.match(text):
        text = f"{needs.group('need')} for the {needs.group('what')}"  # "the bench supplies need labels"
    # "While I was in there I noticed the transfer endpoint has no rate limit": what was noticed
    text = re.sub(r"^(?:while|when) (?:i|we) (?:was|were) (?:in there|at it|there|in (?:the|that) [\w ]{1,25}?)[,]?\s+(?=i\s)",
                  "", text, flags=_F)
    # "From billing's side it would really help to get a list of the affected meter IDs": the list
    text = re.sub(r"^(?:from [\w']+ side,?\s+)?it(?:'d| would)\s+(?:really\s+)?(?:help|be (?:great|nice|good|useful|"
                  r"helpful))\s+(?:if (?:we|someone) (?:could )?(?:get|have|add|make)\s+|to (?:get|have)\s+)?", "", text, flags=_F)
    text = _MENTION_LEAD.sub("", text)
    text = re.split(r"\s+(?:instead of|rather than|so that|so we|because|since|which|so they)\s+", text, maxsplit=1)[0]
    if ", " in text and len(text.split(", ", 1)[0].split()) >= 3:
        text = text.split(", ", 1)[0]  # "the import is mangling accented names, José comes through as…": the first part
    # "it"/"them" anywhere, "that" only as a pointer ("that was still pointing…"), not as a relative pronoun; a
    # negation only when it is not what is wrong ("the order total doesn't show the delivery fee")
    wrong = re.search(r"\b(?:doesn't|don't|isn't|aren't|won't|can't|never)\s+(?:show|work|load|display|save|sync|update|"
                      r"open|print|send|appear|render|match|fit|include|refresh|arrive|count)", text, _F)
    if (_NARRATIVE.match(text) or re.search(r"\b(?:it|them)\b|^that\b", text, _F)
            or (_NEGATION.search(text) and not wrong)):
        return ""  # "I reproduced it…", "QA signed off", "it was still pointing…": telling, not work
    if len(text.split()) < 2 or all(w.lower().strip(",.!?") in _CHAT for w in text.split()):
        return ""
    if _OLD_OR_PERSONAL.search(text):
        return ""
    named = _noun_phrase(text)
    if len(named.split()) < 2:
        # "an alert when the share of estimates jumps": the condition is what makes it this alert
        named = " ".join(_LEADING.sub("", text).split()[:12])
    return named


_ASKED_ABOUT = re.compile(
    rf"^(?:(?:hey\s+)?{_NAME}\s*,\s*)?(?:(?:and|so|okay|also)\s+)?(?:where(?:'s| is| are)|how(?:'s| is| are)|"
    r"what(?:'s| is) (?:the (?:status|latest|story) (?:on|of|with)|up with|happening with)|what about|how about|"
    r"any (?:news|update|updates|progress) (?:on|about|with)|status (?:on|of)|where are we (?:on|with)|"
    r"how are we (?:doing )?(?:on|with)|is|are|did|has|have)\s+(?P<obj>.+?)"
    r"(?:\s+(?:going|at|doing|coming along|looking|progressing|done|finished|ready|merged|live|shipped|out|working|"
    r"fixed|deployed|released|sorted|complete|completed|started|in|now|yet|today|so far|then))*\s*\??$", _F)


def asked_about(clause: str) -> str:
    """The work a question asks about ("Fatima, where's the public API alert?" → "public API alert")."""
    match = _ASKED_ABOUT.match(clause.strip())
    if match:
        # "Did the accrual thing make it into the Friday build?": the thing, not what happened to it.
        obj = re.split(r"\s+(?:make|get|go|land|ship|pass|work|break|run|come|happen|finish|end up|go out|hit)\b",
                       match.group("obj"), maxsplit=1, flags=_F)[0]
        return _noun_phrase(obj)
    bare = re.sub(rf"^(?:(?:hey\s+)?{_NAME}\s*,\s*)?(?:(?:and|so|okay|also)\s+)?", "", clause.strip())
    if bare.endswith("?") and not _QUESTION_START.match(bare) and len(bare.split()) <= 8:
        return _noun_phrase(bare)  # "Mateus, the antenna keep-out?"
    return ""


# "What I did do this week: I rotated the keys", "What I've started instead is a cold tier": a report.
_WHAT_I_DID = re.compile(
    r"^(?:(?:and|so|but|also|oh)\s+)*what (?P<who>i|we)(?P<have>'ve| have)? (?:also |actually )?"
    r"(?P<verb>did do|did|started|finished|built|fixed|shipped|worked on|got done|wrapped up)"
    r"(?:\s+(?:instead|this week|today|yesterday|last week|so far|though))*(?:\s*:\s*|\s+(?:is|was|were)\s+)"
    r"(?P<rest>\S.*)$", _F)


# "He asked me to tell you it's finished": a teammate's report, passed on.
_PASSED_ON = re.compile(r"^(?:(?:and|so|oh)\s+)*(?:he|she|they|[A-Z][a-z]+)\s+(?:asked|wanted|told)\s+me\s+to\s+"
                        r"(?:tell you|tell everyone|say|let you know|let everyone know|pass on)\s+(?:that\s+)?(?P<rest>\S.*)$")


def _report_of(sentence: str) -> str:
    passed = _PASSED_ON.match(sentence)
    if passed:
        return passed.group("rest")
    match = _WHAT_I_DID.match(sentence)
    if not match:
        return sentence
    rest = match.group("rest")
    if re.match(r"^(?:i|we)\b", rest, _F):
        return rest
    verb = "did" if match.group("verb").lower() in ("did do", "did") else match.group("verb")
    return f"{match.group('who')}{match.group('have') or ''} {verb} {rest}"


# "Next I'm on the hop expiry warnings": what comes next, said first; read as "I'm on … next".
_NEXT_UP = re.compile(r"^\W*(?:next|after that|then)\W+(?=(?:i'm|i am|we're|we are|i'll|i will|i'm going)\b)", _F)
# Said of a start or of work under way, these put it in the future: "starting tomorrow", "picking it up then".
_LATER = re.compile(r"\b(?:tomorrow|(?:starting|start|begin|beginning|starts|begins|kick(?:ing)? off)\s+(?:it|that|this|on it)?\s*"
                    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                    r"next (?:week|sprint|month|quarter|cycle|iteration|release)|later (?:today|this week|"
                    r"on)|after (?:lunch|the (?:release|launch|freeze|holidays|break))|(?:then|next)[.!]?$)", _F)
# What a message or someone outside says is done is hearsay, not a report: "I got an email saying it's fixed".
_HEARSAY = re.compile(r"\b(?:an?|the)\s+(?:email|e-mail|message|mail|note|notification|text|ping|slack(?: message)?)\s+"
                      r"(?:saying|that says|which says|says|claiming)\b|\b(?:they|the vendor|vendor|support|someone|"
                      r"somebody|the customer|the client)\s+(?:said|says|claim|claims|claimed|told (?:me|us))\b", _F)


# A recognizer may write a whole turn as one unpunctuated run ("the blister pack thing I got the GS1 parsing in
# yesterday and the nurses were scanning with it all morning so I think that one's done"). Where a long run has
# no commas, a subject after a word that cannot lead into it starts a new clause, and hesitations ("uh", "um")
# and stammered words ("the the") are not words of the report.
_RUN_ON_WORDS = 14
_HESITATION = re.compile(r"\s+(?:uh+|um+|er+|erm)\b(?=\s)", _F)
_STAMMER = re.compile(r"\b(\w+(?:'\w+)?)(?:\s+\1\b)+", _F)
_RUN_ON_SUBJECT = re.compile(
    r"(?<=\w)\s+(?=(?:i|i've|i'm|i'll|i'd|we|we've|we're|we'll|it's|that's|they|they're|they've|he|he's|she|she's|"
    r"there's)\s)", _F)
_LEADS_IN = words("""and but so or that if when whether because since as than which who what where while though
although once until till unless think thought guess know knew mean said says say hope sure seems seemed like feel felt
reckon suppose believe wish saw see noticed realised realized found find heard told tell given before after cause cos
i""")


def _punctuated(sentence: str) -> str:
    """A long run of speech without commas, with clause breaks where a new subject starts."""
    if sentence.count(",") or len(sentence.split()) < _RUN_ON_WORDS:
        return sentence
    sentence = _STAMMER.sub(r"\1", _HESITATION.sub("", sentence))
    pieces = _RUN_ON_SUBJECT.split(sentence)
    out = pieces[0]
    for piece in pieces[1:]:
        last = re.findall(r"[\w']+", out)
        out += (" " if not last or last[-1].lower() in _LEADS_IN else ", ") + piece
    return out


def clauses(text: str) -> list[str]:
    parts: list[str] = []
    for sentence in _SENTENCE.split(text.replace("’", "'").replace("‘", "'")):
        sentence = _report_of(_punctuated(sentence))
        for part in _CLAUSE.split(sentence):
            if _NEXT_UP.match(part.strip()):
                part = _NEXT_UP.sub("", part.strip()).rstrip(" .!") + " next."
            part = _FILLER.sub("", part.strip()).strip(" ,")
            if part:
                parts.append(part)
    return parts


def _who(value: str | None, speaker: str | None) -> str | None:
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("i", "me"):
        return speaker
    if lowered in ("we", "you", "he", "she", "they", "it"):
        return None
    return value


_TIME_ONLY = re.compile(r"^(?:(?:last|this|next|on|yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|"
                        r"friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|earlier|already|"
                        r"again|too|now|finally|overnight)\b\s*)+$", _F)
_REFERS_BACK = re.compile(r"^(?:it|them)\b|^(?:that|this)(?:\s+(?:one|yesterday|today|last|this|on|in|at|over|"
                          r"earlier|already|too|as well|and|so|but)\b|$)|^[a-z]+\s+(?:it|them|both|those|these)\b"
                          r"(?!\s+(?:a|an|the|some|new|proper|our|their|one)\s)"
                          r"|^(?:both(?!\s+(?:the|our|my|a|an)\s)|all of them|each of them)\b|^[a-z]+\s+(?:that|this|it)(?:\s+(?:one|up|out|down|over|in|through))?$"
                          r"|^[a-z]+\s+(?:you|him|her)$", _F)


def _refers_back(obj: str) -> bool:
    """ "it", "that one", "fixing it", "it this morning and …": the work is what was just talked about."""
    bare = _LEADING.sub("", obj) or obj
    return (not obj or bool(_PRONOUN_OBJECT.match(bare)) or bool(_ABOUT_IT.search(obj))
            or bool(_REFERS_BACK.match(obj)) or bool(_TIME_ONLY.match(obj)))


def _statement(intent: Intent, clause: str, obj: str, who: str | None, speaker: str | None,
               request: bool = False, confidence: float = 1.0) -> Statement:
    cleaned = _clean_object(obj)
    pronoun = _refers_back(cleaned)
    return Statement(intent, clause, "" if _TIME_ONLY.match(cleaned) else cleaned, _who(who, speaker), pronoun,
                     request, confidence)


def _searching(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern found after other words ("Meanwhile I kicked off …"), with a subject required."""
    prefix = f"^(?:{_WHO}{_AFTER_WHO})?"
    assert pattern.pattern.startswith(prefix), pattern.pattern[:40]
    subject = rf"(?<![\w'])(?P<who>I|we|you|he|she|they|{_NAME}){_AFTER_WHO}"
    return re.compile(subject + pattern.pattern[len(prefix):], pattern.flags)


_FRONTED_NOT = re.compile(r"\b(?:is|are|was|were|be|been|and|but|so|because|then|if|when|while|that|which|who|said|"
                          r"think|guess|also|yesterday|today|tonight|last|this|actually|honestly|um|uh|oh|well|okay|"
                          r"yeah|yes|no|right|sorry|anyway|meanwhile|basically|after|before|since|as)\b|\d", _F)


def _fronted(clause: str, match: re.Match[str], obj: str) -> str:
    """ "Brand autocomplete I finished Monday", "The refund flow, I started it yesterday": the item said first,
    then what the speaker did to it. The report's own object is then only "it" or a time."""
    if match.start() == 0 or not _refers_back(_clean_object(obj)):
        return obj
    item = clause[:match.start()].strip(" ,:;-—")
    if not item or len(item.split()) > 6 or _FRONTED_NOT.search(item) or not re.search(r"[A-Za-z]{3}", item):
        return obj
    return item


def _first(patterns: tuple[re.Pattern[str], ...], clause: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.match(clause)
        if match:
            return match
    for pattern in patterns:
        match = _SEARCHING[pattern].search(clause) if pattern in _SEARCHING else None
        if match:
            return match
    # "I pulled that into this sprint and got going on it this morning": the verb after "and" has the
    # clause's subject
    shared = _SHARED_SUBJECT.match(clause)
    if shared:
        return _first(patterns, f"{shared.group('who')} {shared.group('rest')}")
    return None


_SHARED_SUBJECT = re.compile(r"^(?P<who>i|we)\s+(?!(?:will|'ll|am|'m|was|want|need|think|guess|hope)\b)[^,.;?]{3,60}?"
                             r"\s+and\s+(?:then\s+|also\s+|just\s+)?(?P<rest>(?:[a-z]+ed|got|began|begun|kicked|picked|dove|jumped|made|"
                             r"took|put|wrote|built|set|shipped|finished)\b.+)$", _F)


def _request(clause: str, speaker: str | None) -> Statement | None:
    match = _REQUEST.match(clause)
    if match:
        to = match.group("to") or match.group("to2")
        return _statement(Intent.TODO, clause, match.group("obj") or "it", to, speaker, request=True, confidence=0.9)
    if _WHO_WANTS.match(clause):
        return _statement(Intent.TODO, clause, "it", None, speaker, request=True, confidence=0.8)
    match = _NEED_SOMEONE.search(clause)
    if match:
        return _statement(Intent.TODO, clause, match.group("obj") or match.group("obj2") or match.group("obj3"), None,
                          speaker, request=True,
                          confidence=0.8)
    match = _WHO_CAN.match(clause)
    if match:
        return _statement(Intent.TODO, clause, match.group("obj"), None, speaker, request=True, confidence=0.7)
    return None


_MEETING_ORDER = re.compile(
    r"^(?:do|start with|go through|go over|walk through|look at|begin with|take)\s+(?:the\s+)?(?:todo|to-do|done|"
    r"in progress|in-progress|doing|review|blocked)?\s*(?:column|board|list|agenda|updates|status|round|items)\b"
    r"|^(?:go|start|begin) (?:around|first)\b", _F)


# "That has to be updated before the launch", "it must be done by the 15th": work owed, nobody named yet.
_MUST_BE = re.compile(r"^(?:that|it|this|these|those|they)\s+(?:has to|have to|must|needs to|need to|will have to|"
                      r"'s got to|has got to)\s+be\s+(?:\w+ed|done|fixed|rewritten|rebuilt|written|redone|sorted)\b", _F)


def _future(clause: str, speaker: str | None) -> Statement | None:
    if _MUST_BE.match(clause):
        return Statement(Intent.TODO, clause, "", None, True, confidence=0.8)
    if _GIVE_ME.match(clause):
        return _statement(Intent.TODO, clause, "it", "I", speaker)
    for pattern in (_ASSIGN, _ACTION_ITEM, _IMPERATIVE, _LET_ME, _LETS, _FUTURE, _OWNERSHIP, _SEARCHING[_FUTURE]):
        match = pattern.match(clause) if pattern is not _SEARCHING[_FUTURE] else pattern.search(clause)
        if not match:
            continue
        groups = match.groupdict()
        who = groups.get("who") or groups.get("to")
        if pattern is _ACTION_ITEM and not re.search(r"[^\W\d_]{3}", groups["obj"]):
            return None  # "Action items." announces a list; it is not one
        if pattern is _LETS and _MEETING_ORDER.match(groups["obj"]):
            return None  # "Let's do the TODO column first": the meeting's own order
        if pattern is _LET_ME:
            who = "I"
        if pattern in (_FUTURE, _SEARCHING[_FUTURE]) and (who or "").lower() == "it":
            return None  # "it should be fine" says nothing about who does what
        if pattern in (_FUTURE, _SEARCHING[_FUTURE]) and (who or "").lower() == "you" and re.search(
                r"\byou\s+(?:can|could|'d)\b", clause, _F):
            return None  # "you can hit it a thousand times a minute": anyone, not a plan
        if re.match(r"^have\s+(?:\w+ed|been|done|run|gone|seen|known|caught|written|built|had)\b", groups["obj"], _F) \
                and re.search(r"\b(?:should|could|would|must|might)\b", clause[:match.start("obj")], _F):
            return None  # "should have run before winter": hindsight, not a plan
        if re.match(r"^have\s+.+\s+(?:done|sorted|finished|fixed|ready|wrapped up|merged|out|in)\b", groups["obj"], _F):
            return None  # "I should have month view sorted by Thursday": a forecast for work under way
        return _statement(Intent.TODO, clause, groups["obj"], who, speaker,
                          request=pattern is _IMPERATIVE)
    return None


# "I'm calling it fixed", "that one can be closed", "so that's off the list": the speaker declares it done.
_DECLARED_DONE = re.compile(
    r"^(?:(?:i|we|he|she|they)\s*(?:'ve|have|has|just|finally)?\s+)?(?:closed|wrapped|knocked|finished|signed|"
    r"sorted|rounded|tied|buttoned|set|hooked|wired|cleaned|patched|locked)\s+(?:it|that|this|them)\s+(?:out|up|off|down)\b|\b(?:(?:calling|call|consider|mark|marking|count|counting)\s+(?:it|that|this|them)(?:\s+(?:one|item|ticket|task|piece))?\s+(?:as\s+)?"
    r"(?:done|fixed|finished|complete|closed|resolved)|(?:it|that|this)(?:\s+one)?\s+can\s+(?:be\s+)?close[d]?|"
    r"(?:i'd|i would|i'll)\s+say\s+(?:we\s+)?(?:can\s+)?close\s+(?:it|that|this)\b|"
    r"(?:that's|it's|that is|it is|this is)\s+off\s+(?:the|my|our)\s+(?:list|plate|board)(?!\s+for\s+(?:this|now|the)\b)"
    r"(?!.*\b(?:has|have|'s got|took|taken|taking|owns|picked)\s+(?:it|that|this)\b)|"
    r"(?:qa|legal|product|design|security|compliance|the client|the customer|ops|finance|(?-i:[A-Z][a-z]+))\s+"
    r"(?:has\s+|have\s+)?signed\s+(?:it|that|this|them)\s+off\b|"
    r"^(?:and\s+|so\s+)?(?:that's|that is)\s+(?:the lot|all of them|the last of (?:them|it))(?=\s*[.!]*$)|"
    r"(?:that's|that is)\s+me\s+(?:all\s+)?done\b(?!\s+(?:for|with)\s+(?:today|now|the day|this))|"
    r"(?:we|you)\s+can\s+close\s+(?:it|that|this)|ready\s+to\s+close|"
    r"(?:comfortable|happy|fine|okay|ok)\s+(?:closing|to close|calling)\s+(?:it|that|this)(?:\s+(?:done|finished|complete))?|"
    r"can\s+(?:now\s+|safely\s+)?be\s+(?:considered|called|marked(?:\s+as)?|treated\s+as)\s+(?:done|complete|completed|"
    r"finished|closed|resolved)|(?:mark|move|moving|marking)\s+(?:it|that|this)(?:\s+one)?\s+(?:as|to|over to|into)\s+"
    r"(?:done|complete|completed|closed)|(?:feel free|free|good|safe|okay|ok)\s+to\s+close\s+(?:it|that|this)|"
    # "I clicked through it on staging, accepted": the one who checks it accepts it
    r"^(?:(?:and|so|okay|ok)\s+)?(?:accepted|i(?:'ve| have)? accepted (?:it|that|this)|i'm accepting (?:it|that|this)|"
    r"i'll accept (?:it|that|this))(?=[.!]?$))\b", _F)
# "We can close the SSO ticket", "you can mark the retry logic as done", "the export can be considered complete",
# "QA signed off on the importer": done, said of a named item.
_CLOSE_NAMED = re.compile(
    r"^(?:(?:i think|i believe|so|and|then)\s+)*(?:we|you)\s+can\s+(?:go ahead and\s+|now\s+|safely\s+|officially\s+)*"
    r"(?:close(?:\s+out)?\s+(?P<obj>.+?)(?:\s+out)?(?:\s+(?:as|to|over to|into)\s+(?:done|complete|completed|closed|"
    r"resolved))?|"
    r"(?:mark|move)\s+(?P<obj1>.+?)\s+(?:as|to|over to|into)\s+(?:done|complete|completed|closed|resolved))[.!]?$"
    r"|^(?P<obj2>(?!(?:i|it|that|this|we|they|so)\b).+?)\s+can\s+(?:now\s+|safely\s+)?be\s+(?:considered|called|marked(?:\s+as)?|treated\s+as|closed)"
    r"(?:\s+(?:done|complete|completed|finished|closed|resolved))?\b"
    r"|^(?:(?:i'd|i would|i'll|we can|let's|so)\s+)?(?:call|consider|mark)\s+(?P<obj4>(?!(?:it|that|this|them)\b).+?)\s+"
    r"(?:as\s+)?(?:done|finished|complete|completed|closed)[.!]?$"
    r"|^(?:qa|product|design|legal|security|compliance|finance|ops|the client|the customer|the auditors?|the reviewers?|"
    r"(?-i:[A-Z][a-z]+))\s+(?:(?:has|have|just|finally|already|officially)\s+)*(?:signed off on|signed off|approved|"
    r"accepted|passed)\s+(?:on\s+)?(?P<obj3>[^,;]+)", _F)
_WONT_DO = re.compile(r"\b(?:won't|wont|will not|not)\s+(?:do|doing|fix|fixing)\b|\bduplicate\b|\bobsolete\b|"
                      r"\bwithout\b|\bnot needed\b|\bno longer needed\b|\bwontfix\b", _F)
_PARTIAL_OBJECT = re.compile(r"\b(?<!last )(?<!final )(?<!remaining )(?<!every )(?<!each )(?:part|parts|piece|first half|half|some of|one of|a few of|the first|"
                             r"the basic|a draft|the draft|skeleton|prototype|first pass|first cut)\b(?!-)", _F)


# "I kicked it off this morning", "Already started, actually", "call it in progress": under way, said briefly.
_STARTED_IT = re.compile(
    r"\b(?:i've got|i have|i got|we've got|there's|there is)\s+(?:a\s+)?(?:branch|draft pr|pr|draft|prototype|spike|poc)\s+"
    r"(?:going|up|open|started|in progress)\b|^(?:(?:i|we|he|she|they)\s*(?:'ve|have|has)?\s+)?(?:(?:already|just|actually)\s+)*"
    r"(?:kicked|started|picked|spun|fired)\s+(?:it|that|this|them)\s+(?:off|up)\b"
    r"|^(?:(?:i|we)\s*(?:'ve|have)?\s+)?(?:already|just)\s+(?:started|begun|kicked off)\b"
    r"|^(?:(?:i|we)\s*(?:'ve|have)?\s+)?(?:started|begun)\s+(?:already|yesterday|today|this morning|last week)\b"
    r"|^(?:started|begun|kicked off)\s*(?:on\s+\w+day\s*)?[.!]*$"
    r"|^(?:i|we)\s*(?:'ve|have)\s+(?:begun|started|commenced)\s*(?:[,.!]|$|in a\b|on it\b)"
    r"|\b(?:i|we)\s*(?:'ve|have)?\s+made\s+(?:a|an)\s+(?:\w+\s+)?start\s*(?:[,.!:;]|$)"
    r"|\b(?:call|calling|consider|mark|marking)\s+(?:it|that|this)\s+(?:as\s+)?(?:in progress|started|underway)\b"
    r"|(?:^|,\s*)(?:the\s+|my\s+|a\s+)?(?:pr|pull request|mr|merge request)(?:'s|\s+is)\s+(?:up|open|out)\b"
    # "creating the branch for ARR-311 now", "I'm branching off main for it": the work's first step
    r"|\b(?:creating|cutting|making|opening|created|cut|made|opened)\s+(?:a|the|my)\s+(?:new\s+)?(?:feature\s+)?"
    r"branch\s+(?:for|on)\b|\bbranch(?:ing|ed)\s+off\s+(?:of\s+)?(?:main|master|develop|dev|trunk)\b", _F)


_CONDITION = re.compile(r"\b(?:when|once|if|until|till|unless|after|before|as soon as|whether)\b", _F)
_STILL_LEFT = re.compile(
    r"\b(?:only|one|last|two|three|a few|couple of)\s+(?:\w+\s+)?(?:bit|bits|thing|things|part|parts|piece|pieces|item|"
    r"items|step|steps)\s+(?:is\s+|are\s+)?(?:left|remaining|to go|outstanding)\b|\bthat's one\b(?:\s+(?:of|down))?|"
    r"\bone down\b|\bready (?:to start|to pick up|for dev|for development|to go into dev)\b|\b(?:staying|stays|stay|keep it|leave it|leaving it)\s+open\b|\bin shadow mode\b|"
    r"\bbefore (?:calling|we call|i call|marking|we mark|i mark) (?:it|that|this) (?:done|finished|complete|closed)\b|"
    r"\bnot (?:calling|ready to call) (?:it|that) (?:done|finished)\b|"
    r"\bbehind a (?:feature )?flag\b|\bdark[- ]launch(?:ed)?\b|\b(?:is|are|'s|'re|still)\s+in uat\b|\bcode[- ]complete\b|\bnot (?:blocking|enforcing|enabled|turned on) (?:anything|yet)\b", _F)
_LEFT_TO_DO = re.compile(r"\b(?:left|remaining|to go|outstanding|still (?:missing|open|pending)|except|apart from|"
                         r"other than|minus)\b", _F)
# "we rolled it back", "reverted it": what just went out is not out any more.
_ROLLED_BACK = re.compile(r"\b(?:roll(?:ed|ing)?|rolled)\s+(?:it|that|this|them|everything)?\s*back\b|\brolled back\b|"
                          # "QA sent it back", "I bounced it", "it failed UAT", "we reopened it": not accepted
                          r"\b(?:sent|kicked|bounced|pushed)\s+(?:it|that|this|them)\s+back\b|\brejected (?:it|that|this)\b|"
                          r"\bfailed (?:qa|uat|review|acceptance)\b|\breopened (?:it|that|this|the ticket)\b|"
                          r"\brevert(?:ed|ing)?\s+(?:it|that|this|them|the)\b|"
                          # "the rollback thing went out": a piece of work named by what it does, not a rollback
                          r"\brollback\b(?!\s+(?:thing|feature|button|script|flow|plan|option|support|ticket|logic|tool|"
                          r"path|step|work|job|story|one|bit|part|piece|item|fix|handling|mechanism|process|ui|screen|"
                          r"page|api|endpoint|command|switch|toggle))", _F)
# "Done.", "Fixed!", "All merged": the answer to what was just asked about.
_BARE_DONE = re.compile(r"^(?:(?:it's|it is|that's|that is|they're|they are)\s+(?:all\s+)?in\s+(?:prod|production|main|"
                        r"master)[.!]*$)|^out[.!]*$|^(?:i\s+)?(?:already did|already done|did it already|done already)[.!]*$|^(?:all |totally |fully |finally |already )?(?:done|finished|fixed|merged|shipped|deployed|"
                        r"live|sorted|wrapped up|complete|completed|resolved|done and dusted|done done|patched|hot-?fixed|"
                        r"(?:pushed|shipped|put out|deployed) a (?:fix|patch|hotfix))(?:\s+(?:(?:as of|since)\s+)?(?:last night|yesterday|this morning|"
                        r"today|earlier|on (?:monday|tuesday|wednesday|thursday|friday)|(?:monday|tuesday|wednesday|"
                        r"thursday|friday)))?[.!]*$", _F)
# "it's in the 4.12 build", "were both in the App Store build that went out", "are in and live", "both out".
_IN_RELEASE = re.compile(
    r"^(?P<obj>.+?)(?:\s+(?:is|are|was|were)|\s*'s|\s*'re)\s+(?:now\s+|both\s+|all\s+|already\s+)*(?:in\s+(?:the\s+|"
    r"today's\s+|yesterday's\s+|last night's\s+|this morning's\s+|monday's\s+|tuesday's\s+|wednesday's\s+|"
    r"thursday's\s+|friday's\s+)?(?:[\w.]+\s+){0,2}(?:build|release|deploy|deployment|hotfix|patch|rollout)\b|"
    r"in and (?:live|working|deployed|merged|shipped)\b|out\s+on\s+(?:both|all|the|each)?\s*(?:app\s+)?(?:stores?|"
    r"platforms|play store|app store|ios and android|android and ios)\b|out(?!\s+(?:of|for|sick|today|tomorrow|this|"
    r"next|until|on|there))\b)", _F)
_WORKS_NOW = re.compile(r"^(?P<obj>.+?)\s+(?:works?|is working|are working)\s+(?:now|fine now|properly now|again)\b",
                        _F)
# "I got the reset emails flowing in dev": works somewhere, not yet for users.
_WORKS_SOMEWHERE = re.compile(
    r"^(?:i|we)\s+(?:'ve\s+|have\s+)?got\s+(?P<obj>.+?)\s+(?:working|running|flowing|going|passing)\s+"
    r"(?:in dev|locally|on staging|in staging|on my machine|in the sandbox|against the sandbox)\b"
    # "dedupe on import, matching on microchip number works on her branch"
    r"|^(?P<obj2>.+?)\s+(?:works|is working|runs|passes)\s+(?:on (?:my|his|her|their|our|a|the) (?:branch|machine|laptop)|"
    r"locally|in dev|on staging|in staging|in (?:the )?sandbox|against the sandbox)\b", _F)
# "I took a first pass at shrinking the pictures", "opened a draft PR that removes 3.8": started.
_FIRST_GO = re.compile(
    r"^(?:i|we)\s+(?:'ve\s+|have\s+)?(?:took|taken|had|made)\s+(?:a\s+)?(?:first\s+)?(?:pass|stab|go|crack|"
    r"start|first cut)\s+(?:at|on)\s+(?P<obj>.+)$|^(?:i|we)\s+(?:'ve\s+|have\s+)?(?:opened|put up|pushed)\s+"
    r"(?:a\s+)?(?:draft\s+)?(?:pr|pull request|mr|branch)\s+(?:for|that|which|to)\s+(?P<obj2>.+)$", _F)


# "Everyone's using it now", "the nurses are already using the new rota": in the hands of its users, so done.
_IN_USE = re.compile(r"^(?:everyone|everybody|people|customers|users|clients|the (?:team|nurses|doctors|drivers|agents|"
                     r"staff|ops team|field team|users|customers|clinicians|cashiers))(?:'s|'re|\s+is|\s+are)\s+"
                     r"(?:already\s+|now\s+|all\s+|actually\s+)*using\s+(?P<obj>.+?)(?:\s+(?:now|already|daily|every day))?"
                     r"[.!]?$", _F)


# "Ops gets paged in Slack now when a box goes over five degrees", "Owners can see the vet's ETA now": what its
# users get now, so the work is out
_NOW_HAPPENS = re.compile(
    r"^(?!(?:i|we|you|it|that|this|there|let's|let me|if|when)\b)[\w' -]{2,50}?\s+(?:now\s+|already\s+|also\s+)*"
    r"(?:gets?|sees?|receives?|can|shows?|appears?|pops? up|lands?|syncs?|goes|go)\b[^?]*\bnow\b[^?]*$", _F)
_WHEN_NOW = re.compile(r"\bnow\b[^?]*\b(?:when|whenever|every time|each time|as soon as|automatically|on (?:its|their) "
                       r"own|instead of|without)\b|^[^?]*\bcan\b[^?]*\bnow[.!]?$", _F)
_COMPLAINT = re.compile(r"\b(?:bad|broken|bug|buggy|wrong|issue|problem|fail|fails|failing|error|errors|crash|crashes|"
                        r"logged out|stuck|annoying|complain|complaining|slow|twice|double)\b", _F)
_MODAL = re.compile(r"\b(?:will|'ll|would|'d|should|could|might|may|going to|gonna|need|needs|want|wants|wish|"
                    r"hope|supposed to|if|can't|cannot|doesn't|don't|won't|isn't|aren't|no longer)\b", _F)


# "I flipped those on for everything", "I threw that together on Sunday": done, said with a particle
_PARTICLE_DONE = re.compile(
    rf"^(?:{_WHO}{_AFTER_WHO})?(?:(?:have|has|'ve|just|finally|already|also|actually|quickly)\s+)*"
    r"(?:(?:flipped|switched|turned)\s+(?P<on>it|that|this|those|them|these|(?:the|a|an|our|all)\s[\w' -]{2,40}?)\s+on|"
    r"(?:threw|put|knocked|pulled|hacked|cobbled)\s+(?P<together>it|that|this|those|them|these|(?:the|a|an|our)\s[\w' -]{2,40}?)"
    r"\s+together)\b", _F)
# "You can move that one over", "drag it to done": the item under discussion is finished
_MOVE_IT_OVER = re.compile(r"\b(?:move|drag|slide|shift|put)\s+(?:that|it|this)(?:\s+one)?\s+(?:over|across|to done|into done|"
                           r"to the done column|to complete|to closed)\b(?!\s+(?:to|into)\s+(?:next|in progress|doing|the next|"
                           r"backlog|the backlog))", _F)


def _done(clause: str, speaker: str | None) -> Statement | None:
    if _MOVE_IT_OVER.search(clause) and not _NEGATION.search(clause):
        return Statement(Intent.DONE, clause, "", None, True, confidence=0.9)
    match = _PARTICLE_DONE.match(clause)
    if match:
        return _statement(Intent.DONE, clause, match.group("on") or match.group("together"), match.group("who"), speaker,
                          confidence=0.9)
    match = _IN_USE.match(clause)
    if match:
        return _statement(Intent.DONE, clause, _noun_phrase(match.group("obj")), None, speaker, confidence=0.9)
    shared = _SHARED_SUBJECT.match(clause)
    if shared and _PAST_START.match(shared.group("rest")):
        return None  # "I moved it into this sprint and got going on it": the report is the start
    if (_NOW_HAPPENS.match(clause) and _WHEN_NOW.search(clause) and not _MODAL.search(clause)
            and not _COMPLAINT.search(clause)):
        now = _statement(Intent.DONE, clause, clause, None, speaker, confidence=0.7)
        now.aside = "in use"  # it says which ticket is out; it is never the name of new work
        return now
    match = _CLOSE_NAMED.match(clause)
    if match and not _WONT_DO.search(clause) and not _NEGATION.search(clause):
        obj = (match.group("obj") or match.group("obj1") or match.group("obj2") or match.group("obj3")
               or match.group("obj4") or "")
        closed = _statement(Intent.DONE, clause, _noun_phrase(obj), None, speaker)
        if match.group("obj3"):
            closed.aside = "signed off"  # someone else's check passed: it says which ticket, never new work
        return closed
    if _DECLARED_DONE.search(clause) or _BARE_DONE.match(clause.strip()):
        return Statement(Intent.DONE, clause, "", None, True)
    if _BARE_IN.match(clause):
        return Statement(Intent.DONE, clause, "", None, True, confidence=0.7)  # "back timing's mine and that's all in"
    match = _IS_IN.match(clause)
    if match and not _SENT_IN.search(clause) and not _PARTIAL.match(match.group("obj")) \
            and not _refers_back(_clean_object(match.group("obj"))) \
            and not _CONDITION.search(match.group("obj")):  # "we resubmit once those two nights are in"
        # "the override logging is in": most likely landed, but "in" may be in scope or one part in ("Diversity's
        # in, I'm doing the stock boost now"), so it says which ticket at most, and is never new work
        landed = _statement(Intent.DONE, clause, _noun_phrase(match.group("obj")), None, speaker, confidence=0.7)
        landed.aside = "in use"
        return landed
    match = _IN_RELEASE.match(clause) or _WORKS_NOW.match(clause)
    if match and not _NEGATED_END.search(match.group("obj")) and not _CONDITION.search(match.group("obj")):
        return _statement(Intent.DONE, clause, _noun_phrase(match.group("obj")), None, speaker)
    match = _first((_DID,), clause)
    if match and re.match(r"(?:start|begin|kick|pick|get going|make a start)\b", match.group("obj"), _F):
        rest = re.sub(r"^(?:start(?:ed)?|begin|kick(?:ed)? off|pick(?:ed)? up|get going|make a start)(?:\s+(?:on|with))?\s*",
                      "", match.group("obj"), flags=_F)  # "I did start that one", "I did start on the export"
        return _statement(Intent.IN_PROGRESS, clause, rest, match.group("who"), speaker, confidence=0.9)
    if match and (match.group("verb") or _refers_back(_clean_object(match.group("obj")))):
        return _statement(Intent.DONE, clause, match.group("obj"), match.group("who"), speaker)
    match = _first((_DONE_WITH, _DONE_VERB), clause)
    if match and _PARTIAL_OBJECT.search(match.group("obj").split(",")[0]):
        # "I finished the colour contrast part": a piece of the work, so the work is under way.
        return Statement(Intent.IN_PROGRESS, clause, "", None, True, confidence=0.9)
    if (match and _TIME_ONLY.match(match.group("obj").split(",")[0].strip(" ."))
            and _fronted(clause, match, match.group("obj")) == match.group("obj")):
        return Statement(Intent.DONE, clause, "", match.groupdict().get("who"), True)  # "Merged Friday, and …"
    if match:
        obj = _fronted(clause, match, match.group("obj"))
        verb = match.groupdict().get("verb")
        if verb and verb.lower() in _CREATIVE_VERBS and obj == match.group("obj"):
            obj = f"{verb} {obj}"
        return _statement(Intent.DONE, clause, obj, match.groupdict().get("who"), speaker)
    match = _GOT_IN.match(clause)
    if match:
        return _statement(Intent.DONE, clause, match.group("obj"), match.group("who"), speaker, confidence=0.8)
    match = _DONE_PAST.match(clause)
    if match and (match.group("verb").lower() not in _NOT_WORK_VERBS or _PUSHED_FIX.match(clause)):
        # "I rotated the payment gateway API keys": work the speaker did, in the speaker's verb.
        return _statement(Intent.DONE, clause, f"{match.group('verb')} {match.group('obj')}", match.group("who"),
                          speaker, confidence=0.8)
    match = _DONE_SUBJECT.match(clause) or _DONE_VERB_TAIL.match(clause)
    if match and _NEGATED_END.search(match.group("obj")):
        return None  # "the settings redesign isn't finished"
    if match and _CONDITION.search(match.group("obj")):
        return None  # "ping me when the month view's fixed": a condition, not a report
    if match and (_STATE_LABEL.search(match.group("obj")) or (
            match.groupdict().get("state", "").lower() == "closed" and _PERSON.match(match.group("obj")))):
        return None  # "the delivery still shows as completed", "we're closed Mondays": a state, not work done
    if match:
        rest = match.groupdict().get("rest") or ""
        if re.match(r"\s*(?:yet|soon|by(?! the way)|next|tomorrow|later|in\s+\w+\s+(?:days|weeks))", rest, _F):
            return None  # "will be done by Friday" / "done soon" is a plan, not a report
        if (match.groupdict().get("state", "").lower() in ("booked", "locked in")
                and re.match(r"\s*(?:for|on)\s+(?:the\s+)?(?:\d|next|tomorrow|\w+day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                             r"oct|nov|dec)\w*)", rest, _F)):
            return None  # "their audit's booked for the 9th": when it will happen
        if (_PARTIAL.match(match.group("obj")) or _PARTIAL.match(match.group("obj").split(",")[-1].strip())
                or re.search(r"\b(?:half|part|side|bit|piece)$", match.group("obj"), _F)):
            # "about a third of the sections are done", "the API half is done": the work it belongs to is under way.
            return Statement(Intent.IN_PROGRESS, clause, "", None, True, confidence=0.9)
        before_state = clause[:match.start("state")] if "state" in match.groupdict() else ""
        if _LEFT_TO_DO.search(rest) or re.search(r"\b(?:almost|nearly|mostly|basically|practically|pretty much)\s+$",
                                                 before_state, _F):
            # "ARM runners are basically done, just the cache left": under way, not finished.
            return _statement(Intent.IN_PROGRESS, clause, _noun_phrase(match.group("obj")), None, speaker, confidence=0.9)
        return _statement(Intent.DONE, clause, _noun_phrase(match.group("obj")), None, speaker)
    return None


# What a screen or record says ("shows as completed", "is marked as done"), and who is closed (a shop on Mondays)
_STATE_LABEL = re.compile(r"\b(?:shows?|showing|shown|displays?|displayed|appears?|marked|flagged|listed|recorded|"
                          r"comes up|came up|reads?|says?|stays?)\s+(?:up\s+)?as$", _F)
_PERSON = re.compile(r"^(?:i|we|you|they|he|she)$", _F)
_DONE_PAST = re.compile(r"^(?:(?:on|last|this)\s+\w+\s+|yesterday\s+|over the weekend\s+)?"
                        r"(?P<who>i|we)\s+(?:(?:also|just|finally|already|actually|quickly|successfully)\s+)*"
                        # "I already ran the backfill", "I did knock out the battery panel": irregular, or stressed
                        r"(?:did\s+)?(?P<verb>[a-z]{3,}ed|ran|wrote|rewrote|built|rebuilt|made|sent|set up|spun up|"
                        r"wired up|knocked out|knock out|hooked up|snuck|swapped)\s+"
                        r"(?P<obj>(?:the|a|an|our|all|every|both|some|their)\b.+)$", _F)
_IS_IN = re.compile(r"^(?P<obj>.+?)(?:\s+(?:is|are)|\s*'s|\s*'re)\s+(?:now\s+|all\s+|both\s+|finally\s+)*in(?=\s*[.!]*$|\s*,)",
                    _F)
_BARE_IN = re.compile(r"^(?:(?:yeah|yep|yes|so|and|oh)\W+)*(?:it's|it is|that's|that is)\s+(?:now\s+|already\s+)?all\s+in"
                      r"\s*(?:[.!,]|$)", _F)
_SENT_IN = re.compile(r"\b(?:request|requests|application|order|orders|form|forms|paperwork|claim|submission|"
                      r"ticket|invoice|po|ask|bid|quote|vote|votes|entry|entries)(?:'s|\s+(?:is|are|was|were)"
                      r"(?:\s+(?:now|already|all))*)\s+in\s*(?:[.!]*$|,)", _F)
# "I got the last of the GS1 parsing in yesterday": landed.
_GOT_IN = re.compile(r"^(?P<who>i|we)\s+(?:finally\s+|just\s+|also\s+)*got\s+(?:the\s+last\s+(?:bit\s+|piece\s+)?of\s+)?"
                     r"(?P<obj>(?:the|a|an|our|my|all)\b.+?)\s+in(?:\s+(?:yesterday|today|last night|this morning|"
                     r"on \w+|before \w+|over the weekend))?\s*[.!]*$", _F)
# "I pushed the fix last night": pushed out, where "I pushed the demo" is put off.
_PUSHED_FIX = re.compile(r"^(?:i|we)\s+(?:\w+\s+)?pushed\s+(?:the|a|my|our)\s+(?:\w+\s+)?(?:fix|patch|hotfix)\b", _F)
# Past-tense verbs that tell of something other than work done: "I noticed the…", "we asked the vendor…".
_NOT_WORK_VERBS = words("""grabbed claimed noticed asked pinged emailed called talked mentioned realized realised wanted needed
tried missed forgot liked loved hated watched played visited attended joined checked looked listened heard
learned learnt discussed showed pointed agreed suggested proposed promised expected assumed guessed hoped
worried wondered decided planned scheduled booked waited reviewed skimmed followed chased nudged reminded
messaged texted contacted informed warned reported flagged escalated raised opened filed logged received
started used spent passed pushed helped covered shadowed paired observed noted counted compared measured
estimated reproduced traced investigated explored researched analysed analyzed considered requested received
waited ordered""")

# Verbs whose object alone would not name the work ("added rate limiting" is the work "add rate limiting").
_CREATIVE_VERBS = words("""added removed implemented built automated patched updated refactored documented
tested configured installed enabled disabled created moved replaced switched integrated optimized rewrote
redesigned reworked migrated upgraded ported bumped renamed split killed wrote""")


def _progress(clause: str, speaker: str | None) -> Statement | None:
    statement = _under_way(clause, speaker)
    if statement is not None and _LATER.search(clause) and not _PAST_START.search(clause):
        # "Starting tomorrow", "Hyun's picking it up then", "I'm on the labels next": a plan, not work under way
        return Statement(Intent.TODO, clause, statement.obj, statement.assignee, statement.pronoun,
                         confidence=0.8)
    return statement


# "Forty-two I'm on", "the audit table, I'm on it": the item, then that the speaker works on it
_ITEM_THEN_ON_IT = re.compile(r"^(?P<obj>(?!(?:i|we|you|it|that|this|what|which|who)\b)[\w'-]+(?:\s+[\w'-]+){0,5}?)\s*,?\s+"
                              r"(?:i'm|i am|we're|we are)\s+(?:already\s+|now\s+)?on(?:\s+it)?\s*(?:[,.!]|$)", _F)
_PAST_START = re.compile(r"\b(?:started|began|begun|kicked|picked|got going|jumped|dove|dived|opened|put up|made a start)\b",
                         _F)
_I_AM_ON = re.compile(r"(?<![\w'])(?:i'm|i am|we're|we are|i've been|i have been|we've been|we have been)\s", _F)


# "backfill's running", "okay that's running": a job of the work under way
_RUNNING = re.compile(r"^(?:(?:so|okay|ok|and|yeah|right)\W+)*(?:(?:that's|that is|it's|it is)\s+(?:(?:that's|it's)\s+)?|"
                      r"(?P<obj>(?:the\s+)?[\w-]+(?:\s[\w-]+){0,2}?)(?:'s|\s+is)\s+)(?:now\s+|already\s+)?running\b"
                      r"(?!\s+(?:late|behind|slow|slowly|out|fine|ok|okay|low|hot|smoothly|well|again|on|off|around|a\b))", _F)
# "No, Brandon's been on it": a teammate has been working on it
_BEEN_ON_IT = re.compile(rf"^(?:no,?\s+|yeah,?\s+|actually,?\s+)?(?P<who>{_NAME})(?:'s|\s+has)\s+been\s+on\s+it\b")


def _under_way(clause: str, speaker: str | None) -> Statement | None:
    if _STARTED_IT.search(clause):
        return Statement(Intent.IN_PROGRESS, clause, "", speaker, True)
    match = _RUNNING.match(clause)
    if match and not _NEGATION.search(clause):
        if not match.group("obj"):
            return Statement(Intent.IN_PROGRESS, clause, "", None, True, confidence=0.8)
        running = _statement(Intent.IN_PROGRESS, clause, match.group("obj"), None, speaker, confidence=0.8)
        running.aside = "in use"  # says which ticket is under way at most; never the name of new work
        return running
    match = _BEEN_ON_IT.match(clause)
    if match:
        return Statement(Intent.IN_PROGRESS, clause, "", match.group("who"), True, confidence=0.9)
    match = _ITEM_THEN_ON_IT.match(clause)
    if match:
        return _statement(Intent.IN_PROGRESS, clause, match.group("obj"), "I", speaker, confidence=0.9)
    match = _WORKS_SOMEWHERE.match(clause) or _FIRST_GO.match(clause)
    if match:
        obj = match.group("obj") or match.groupdict().get("obj2") or ""
        return _statement(Intent.IN_PROGRESS, clause, obj, "I", speaker, confidence=0.9)
    match = _ON_IT.match(clause)
    if match is None:
        # "since Wednesday I've actually been on it": the report after a time said first
        plain = re.sub(r"\s+(?:actually|really|honestly|basically)\s+", " ", clause, flags=_F)
        subject = _I_AM_ON.search(plain)
        if subject is not None and 0 < subject.start() <= 30 and _TIME_ONLY.match(
                re.sub(r"^(?:since|from|as of|ever since)\s+", "", plain[:subject.start()].strip(" ,"), flags=_F)):
            match = _ON_IT.match(plain[subject.start():])
    if match:
        return _statement(Intent.IN_PROGRESS, clause, match.group("obj") or "it", "I", speaker, confidence=0.9)
    match = _first((_CONTINUING,), clause)
    if match:
        return _statement(Intent.IN_PROGRESS, clause, match.group("obj"), match.group("who") or "I", speaker)
    match = _first((_PROGRESS_VERB,), clause)
    if match:
        return _statement(Intent.IN_PROGRESS, clause, _fronted(clause, match, match.group("obj")), match.group("who"),
                          speaker)
    match = _PROGRESS_SUBJECT.match(clause)
    if match and not re.search(r"\b(?:said|says|told|tell|reckons?|thinks?)\b", match.group("obj"), _F):
        # ("Events said they're moving them out Thursday": what someone else said they are doing)
        return _statement(Intent.IN_PROGRESS, clause, _noun_phrase(match.group("obj")), None, speaker)
    match = _first((_PROGRESSIVE,), clause)
    if match and match.group("verb").lower() not in _NOT_PROGRESS and (match.group("who") or "").lower() not in (
            "they", "you", "it"):
        verb = match.group("verb")
        obj = match.group("obj")
        if verb.lower() in ("working", "focusing", "concentrating"):
            obj = re.sub(r"^(?:on|at)\s+", "", obj, flags=_F)
            return _statement(Intent.IN_PROGRESS, clause, obj, match.group("who"), speaker)
        return _statement(Intent.IN_PROGRESS, clause, f"{verb} {obj}", match.group("who"), speaker, confidence=0.9)
    return None


_SEARCHING = {p: _searching(p) for p in (_FUTURE, _DID, _DONE_WITH, _DONE_VERB, _PROGRESS_VERB, _PROGRESSIVE)}


def _reported_before_reason(clause: str, speaker: str | None) -> bool:
    """ "I started that yesterday, because verification keeps failing": a report, with the problem as its reason."""
    scope = re.split(r"\b(?:because|since|as|'cause|cause|when|while)\b", clause, maxsplit=1, flags=_F)[0]
    return scope != clause and not _BLOCKER.search(scope) and _under_way(scope.strip(" ,"), speaker) is not None


# "I actually started on that yesterday?": a report said with a rising voice, not a question.
_UPTALK = re.compile(r"^(?:i|we)\s+(?:(?:actually|already|just|kind of|sort of)\s+)*(?:started|finished|merged|fixed|"
                     r"shipped|deployed|did|picked up|kicked off|wrapped up)\b", _F)


# "Priya's out today", "He's at the dentist": who is away, never the name of work.
_AWAY = re.compile(r"^(?:(?-i:[A-Z][a-z]+)|he|she|they)(?:'s|\s+is|\s+are|'re)\s+(?:out|off|away|sick|ill|on leave|"
                   r"on holiday|on vacation|at the (?:dentist|doctor|hospital)|travelling|traveling)"
                   r"(?:\s+(?:today|this week|tomorrow|sick|ill|all week|until \w+|till \w+))?[.!]*$", _F)


# "I passed that to Oksana on Friday", "IT … they're owning that end to end now, … so that's off our list": the
# work went to someone else, which says nothing of it being done.
_HANDED_ON = re.compile(r"\b(?:passed|handed|gave)\s+(?:it|that|this|them)\s+(?:over\s+|on\s+)?to\s+\S"
                        r"|\b(?:passed|handed)\s+(?:over|on)\s+to\s+\S"
                        r"|\b(?:they're|they are|(?:\w+\s+)?team (?:is|are)|(?:\w+\s+)?team's)\s+(?:now\s+)?(?:owning|taking over|"
                        r"handling|taking)\s+(?:it|that|this)\b", _F)
# "This is the review of Tuesday's billing run": what the meeting is, not work under way.
_THIS_MEETING = re.compile(r"^(?:so\s+)?(?:this is|it's|welcome to)\s+(?:the|our)\s+(?:\w+\s+)?(?:review|retro|"
                           r"retrospective|postmortem|post-mortem|standup|stand-up|sync|planning|meeting|call)\b", _F)
# "PR's up, not merged", "the MR for the export is open": written, waiting for review.
_UP_FOR_REVIEW = re.compile(r"^(?:so\s+|and\s+|yeah,?\s+|okay,?\s+)?(?:the\s+|my\s+|a\s+)?(?:pr|pull request|mr|merge request|branch)"
                            r"(?:\s+for\s+(?P<obj>.+?))?(?:'s|\s+is)\s+(?:up|open|cut)\b(?!\s+(?:to|with)\b)", _F)
_NOT_TOUCHED = re.compile(r"\b(?:touched|got to|gotten to|looked at)\b", _F)
# "I should not say completed, some work is still there": a report taken back.
# "Iain says …", "Priya told me …": a teammate's report, passed on
_RELAYED = re.compile(rf"^(?P<who>{_NAME})\s+(?:says|said|tells me|told me|told us|asked me to say|wanted me to say)"
                      r"(?:\s+(?:that|to tell you))?\s+(?=\S)")
# "I was going to start it today but …": meant to, so not started
_MEANT_TO = re.compile(r"\b(?:was|were)\s+(?:going to|gonna|planning to|meaning to|about to)\s+(?:start|begin|pick|kick|do|"
                       r"get going|make a start)\b", _F)
_UNSAY = re.compile(r"\b(?:should(?:n't| not)|shouldn't have)\s+(?:say|said|call(?:ed)? it)\s+(?:it's\s+|it\s+)?"
                    r"(?:done|completed|complete|finished)\b|\bwork is still there\b", _F)


# "IDEXX v2, started mapping the payloads this morning", "RTK pairing, started poking at it Friday": the item said
# first, then what was done to it, with no one named
_FRONTED_REPORT = re.compile(
    r"^(?P<obj>(?!(?:so|and|but|yeah|yes|ok|okay|well|also|then|me|um|uh|oh|sorry|actually|anyway|right|now|today|"
    r"yesterday|this morning|last night|on monday|on friday)\b)[\w' .&/+-]{3,50}?),\s+(?:(?:i|we)\s+)?"
    r"(?:just\s+|already\s+|finally\s+)?(?P<verb>started|got going on|began|picked up|kicked off|poked at|finished|merged|"
    r"shipped|deployed|wrapped up)\b(?!\s+(?:it|that)\s+(?:back|off)\b)", _F)
_STARTING = ("started", "got going on", "began", "picked up", "kicked off", "poked at")


def _fronted_report(clause: str, speaker: str | None) -> Statement | None:
    match = _FRONTED_REPORT.match(clause)
    if match is None or _NEGATION.search(clause):
        return None
    intent = Intent.IN_PROGRESS if match.group("verb").lower() in _STARTING else Intent.DONE
    return _statement(intent, clause, match.group("obj"), None, speaker, confidence=0.8)


def analyze_clause(clause: str, speaker: str | None) -> Clause:
    if _AWAY.match(clause):
        return Clause(clause, None, "personal")
    if _HANDED_ON.search(clause):
        return Clause(clause, None, "external")
    if _THIS_MEETING.match(clause):
        return Clause(clause, None)
    if _UNSAY.search(clause) or _MEANT_TO.search(clause):
        return Clause(clause, None, "negated")
    review = _UP_FOR_REVIEW.match(clause)
    if review:
        # "PR's up, not merged": under way, waiting for review (the "not merged" says no more than that)
        return Clause(clause, Statement(Intent.IN_PROGRESS, clause, review.group("obj") or "", None,
                                        not review.group("obj")))
    question = (clause.rstrip().endswith("?") or bool(_QUESTION_START.match(clause) and "?" in clause)) \
        and not _UPTALK.match(clause)
    if (_BLOCKER.search(clause) and not _NOT_BLOCKED.search(clause) and not question
            and not (_done(clause, speaker) and not _NEGATION.search(clause))  # "I fixed the broken link"
            and not _reported_before_reason(clause, speaker)):
        return Clause(clause, Statement(Intent.BLOCKED, clause, _clean_object(clause)))
    if _HEARSAY.search(clause) and not question:
        return Clause(clause, None, "quoted")
    relayed = _RELAYED.match(clause)
    if relayed and not question:
        # "Iain says the consent signing's finished": a teammate's report passed on, read as the report itself
        said = analyze_clause(clause[relayed.end():], speaker)
        if said.statement is not None and said.statement.intent in (Intent.DONE, Intent.IN_PROGRESS):
            said.statement.clause, said.statement.assignee = clause, said.statement.assignee or relayed.group("who")
        return Clause(clause, said.statement, said.ignored)
    if question:
        request = _request(clause, speaker)
        return Clause(clause, request, None if request else "question")
    if _DECISION.search(clause) and not _NEGATION.search(clause) and not _NEED_SOMEONE.search(clause):
        return Clause(clause, Statement(Intent.DECISION, clause, _clean_object(clause)))
    if _FILED.search(clause) or _CARD.search(clause):
        return Clause(clause, None, "filed")
    if _ROLLED_BACK.search(clause):
        return Clause(clause, None, "rolled back")
    if _STILL_LEFT.search(clause):
        return Clause(clause, None, "negated")  # "the only bit left is the labels": not finished
    if _FOLDED.search(clause):
        return Clause(clause, None, "folded")
    if _CLOSE_NAMED.match(clause):
        closed = _done(clause, speaker)  # "we can close the SSO ticket": not a plan, a report
        if closed is not None:
            return Clause(clause, closed)
    declared_at = _DECLARED_DONE.search(clause)
    if declared_at and _CONDITION.search(clause[:declared_at.start()]):
        return Clause(clause, None, "negated")  # "the thresholds need tuning before I'd call it finished"
    if declared_at and not _NEGATION.search(clause):
        declared = Statement(Intent.DONE, clause, "", None, True)  # "I consider that item complete"
        if re.search(r"\baccept|\bsigned\s+(?:it|that|this|them)\s+off\b", clause, _F):
            declared.aside = "signed off"  # accepted by whoever checks it: says which ticket, never new work
        return Clause(clause, declared)
    if _DROPPED.search(clause):
        return Clause(clause, None, "dropped")
    if _HEDGE.search(clause):
        return Clause(clause, None, "hedged")
    if _EXTERNAL.match(clause) and not _THEY_WANT.match(clause):
        return Clause(clause, None, "external")
    # "Ama, could you write up a test plan for the merging, so we have it when Ben's done?": the question mark
    # went with the last clause, the request is still this one.
    asked = _NEED_SOMEONE.search(clause) or _REQUEST.match(clause)
    statement = (_request(clause, speaker) if asked else None) or _future(
        clause, speaker) or _done(clause, speaker) or _progress(clause, speaker) or _fronted_report(clause, speaker)
    if statement is None:
        if _NEGATION.search(_without_contrast(clause)) and _STATUS_WORD.search(clause):
            return Clause(clause, None, "negated")  # "it's not merged yet"
        if _NEGATION.search(clause) and _NOT_TOUCHED.search(clause):
            return Clause(clause, None, "untouched")  # "Dock 4 I haven't touched": a part not started
        return Clause(clause, None)
    # A negation counts in the main clause only ("I kicked that off because I was bored, don't tell my partner" is
    # a report), and a subject with a negated verb in it ("we don't plan stuff that's moving") is no subject.
    scope = re.split(r"\b(?:because|since|although|though|whereas|unless|until|don't tell)\b", clause, maxsplit=1,
                     flags=_F)[0]
    if (statement.intent == Intent.DONE and re.search(r"\b(?:flag|toggle|feature)\b", statement.obj, _F)
            and re.search(r"\b(?:switched off|shut down|powered down)\b", clause, _F)):
        return Clause(clause, None, "rolled back")  # "the flag is switched off for now": turned off, not finished
    if _negated(statement, scope):
        # "I started it yesterday, the endpoints are written, the query params aren't in yet": not finished, but
        # what is not done yet is the rest of work under way
        started = _progress(clause, speaker) if statement.intent == Intent.DONE else None
        if started is None or started.intent != Intent.IN_PROGRESS or _negated(started, scope):
            return Clause(clause, None, "negated")
        statement = started
    if _OLD_OR_PERSONAL.search(scope):
        statement.aside = "personal"  # kept only if it clearly names a ticket on the board
    if statement.intent in (Intent.DONE, Intent.IN_PROGRESS) and _CLOCK.search(clause):
        return Clause(clause, None, "timeline")  # "the generator ran at 6:55, …": what happened when, not a report
    return Clause(clause, statement)


# A time of day, as written or said: "at 6:55", "at six-something", "at 2 a.m.", "around half past four"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:at|around|about|by|until|till)\s+(?:(?:one|two|three|four|five|six|seven|eight|"
                    r"nine|ten|eleven|twelve)(?:[- ](?:something|ish|thirty|fifteen|forty(?:-five)?|twenty|o'clock))|"
                    r"\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)|half past \w+|quarter (?:past|to) \w+|"
                    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock))"
                    r"(?!\w)", _F)


def _negated(statement: Statement, scope: str) -> bool:
    """A negation in the statement's scope, or in its subject ("we don't plan stuff that's moving"). Work under way
    is said up to the next clause with a subject of its own ("I started it, the params aren't in yet")."""
    obj = statement.obj
    scope = _without_contrast(scope)
    if statement.intent == Intent.IN_PROGRESS:
        scope, obj = _NEW_SUBJECT.split(scope, maxsplit=1)[0], _NEW_SUBJECT.split(obj, maxsplit=1)[0]
    return bool(_NEGATION.search(scope.replace(obj, " ", 1) if obj else scope) or re.search(
        r"\b(?:don't|doesn't|didn't|won't|can't|isn't|aren't)\b|^(?:nobody|no one|no-one|none of us|nothing)\b|"
        r",\s*(?:nobody|no one|no-one|none of us)\b|^not\b",  # "I'll not promise it": "not" went with the work
        obj,
        _F))  # "Nobody's started the PDF": the subject is the negation


def _without_contrast(text: str) -> str:
    """The text without a thing set against another ("…from randomisation, not screening, fixed that")."""
    return _CONTRAST.sub(lambda m: m.group() if _STATUS_WORD.search(m.group()) or re.search(r"(?:ed|n't)\b", m.group())
                         else ",", text)


# "seven days from randomisation, not screening, fixed that": a thing set against another, not a negated verb
_CONTRAST = re.compile(r",\s*not\s+(?:the\s+|a\s+|an\s+)?(?!(?:yet|quite|really|sure|now|today|ready|all|everything|much|"
                       r"that|this|it|so|too|just|there|always|even|only|for|in|on|at|to|until|till|before|by|a lot|"
                       r"everyone|everybody|anymore|any more|production|prod|live|main|master|staging|customers|users)\b)[a-z]+(?:\s+[a-z]+)?\s*(?=,)", _F)


_NEW_SUBJECT = re.compile(r",\s+(?:but\s+|and\s+)?(?=(?:the|a|an|my|our|its|this|that|those|these)\s)", _F)


# "Image rights field: I picked it up Monday", "Payments: done.": an item named, then what happened to it.
_LABEL = re.compile(r"^(?P<label>[^:,.!?]{3,60}?)\s*:\s+(?P<rest>\S.*)$")
_LABEL_NOT = re.compile(r"\b(?:i|i'm|i've|we|we're|you|he|she|they|is|are|was|were|has|have|had|will|'ll|"
                        r"one thing|another thing|the thing|question|idea|good news|bad news|update|reminder|"
                        r"note|fyi|heads up|plan|agenda|first|second|third|next|last|also)\b|\d:\d", _F)
_BARE_STATE = re.compile(
    rf"^(?:(?:all|now|finally|fully|basically|officially)\s+)*(?P<state>{_DONE_WORDS}|in progress|underway|"
    r"under way|started|in review|in code review|in qa|in testing|half done|halfway|halfway there|sorted|good|"
    r"on it|ongoing|in flight|mostly done)\b(?P<rest>.*)$", _F)
_STARTED_STATES = ("in progress", "underway", "under way", "started", "in review", "in code review", "in qa",
                   "in testing", "half done", "halfway", "halfway there", "on it", "ongoing", "in flight",
                   "mostly done")


# "Three-thirty-six, done.", "The wallet pass, merged": an item, a comma, then only its state.
_COMMA_LABEL = re.compile(r"^(?P<label>[^:,.!?]{3,60}?),\s+(?P<rest>(?:(?:all|now|finally|fully|officially)\s+)*"
                          r"(?:done|merged|shipped|finished|deployed|live|fixed|released|started|in progress|in review|"
                          r"underway)\b[^,]*)$", _F)


# "I should have mentioned: on Friday I renewed…", "Good news: …": a lead-in, then the report itself.
_LEAD_IN_LABEL = re.compile(r"\b(?:mention(?:ed)?|good news|bad news|update|fyi|heads up|one more thing|quick one|"
                            r"side note|for the record|timeline|went well|went badly|didn't go well|what worked)\b", _F)


def _labelled(clause: str, speaker: str | None) -> Clause | None:
    """A clause headed by the item it is about: the report in it is about that item."""
    match = _LABEL.match(clause)
    if match and _LEAD_IN_LABEL.search(match.group("label")):
        after = analyze_clause(match.group("rest"), speaker)
        return Clause(clause, after.statement, after.ignored)
    if match is None:
        match = _COMMA_LABEL.match(clause)
        if match and (re.match(r"^\w+ed\b", match.group("label")) or _POINTS_BACK.search(match.group("label"))):
            return None  # "Fixed that over the weekend, merged": a report, not an item named first
    if not match or len(match.group("label").split()) > 6 or _LABEL_NOT.search(match.group("label")):
        return None
    label = _noun_phrase(match.group("label"))
    rest = match.group("rest")
    if not label or _TIME_ONLY.match(label):
        return None
    read = analyze_clause(rest, speaker)
    if read.statement is not None and read.statement.intent in (Intent.DONE, Intent.IN_PROGRESS, Intent.TODO) \
            and (read.statement.pronoun or not read.statement.obj):
        statement = read.statement
        return Clause(clause, Statement(statement.intent, clause, label, statement.assignee, False,
                                        statement.request, statement.confidence, statement.aside))
    if read.statement is None and read.ignored is None:
        bare = _BARE_STATE.match(rest.strip(" .!"))
        if bare and not _NEGATION.search(rest) and not re.match(r"\s*(?:soon|by|next|tomorrow|later)\b",
                                                                 bare.group("rest"), _F):
            intent = Intent.IN_PROGRESS if bare.group("state").lower() in _STARTED_STATES else Intent.DONE
            return Clause(clause, Statement(intent, clause, label, None, False))
    if read.statement is None:
        return Clause(clause, None, read.ignored)
    return None


# Work someone outside the team owns: "the fixture's the mechanical team's, Lars is building it, so that's on them".
_THEIRS = re.compile(r"\b(?:(?:that's|that is|it's|it is|this is) on them|not ours|their (?:project|thing|side|call|job|"
                     r"problem)|on their (?:side|end)|[a-z]+ team's\b)", _F)


# "…, and if it drops under the threshold for ten seconds": the clause ends inside a condition
_IF_CLAUSE = re.compile(r"(?:^|,\s*|\band\s+|\bso\s+|\bbut\s+)(?:if|when|whenever|once|as soon as|every time|each time)\b"
                        r"(?![^.!?]*\b(?:is|are|was|were)\s+(?:done|finished|live|merged|deployed)\b)[^.!?]*$", _F)


_MORE_TO_DO = re.compile(r"\b(?:i'm|i am|we're|we are)\s+(?:now\s+)?(?:doing|on|working|finishing)\b|\bneeds?\s+to\b|"
                         r"\bleft\b|\bstill\b|\bnot yet\b|\byet\s*[.!]*$", _F)


# What is done waits for something before it counts: "it's sitting at zero percent traffic until the card's ready"
_WAITS_UNTIL = re.compile(r"\b(?:sitting|sits|parked|waiting|stays|held|hidden|switched off|turned off|dark)\b[^.]*\b(?:until|till)\b"
                          r"[^.]*\b(?:ready|done|merged|live|approved|signed off|finished|in)\b", _F)
_BUT_NOT_UNTIL = re.compile(r"^[\s,;-]*but\b[^.]*\b(?:until|till|before)\b", _F)


_FIX_ONLY = re.compile(r"^(?:patched|hot-?fixed|fixed|(?:pushed|shipped|put out|deployed) a (?:fix|patch|hotfix))\b", _F)
_VOCATIVE = re.compile(rf"^(?:(?:and|so|ok|okay)\s+)?(?P<name>{_NAME})\s*[,.]?$", _F)
_WE_NEED = re.compile(r"^(?:we|i)\s+(?:still\s+|really\s+)?need\s+(?P<obj>.+?)[.!]*$", _F)


def analyze(text: str, speaker: str | None) -> list[Clause]:
    read = [_labelled(clause, speaker) or analyze_clause(clause, speaker) for clause in clauses(text)]
    for before, after in itertools.pairwise(read):
        # "if it drops under the threshold for ten seconds, we cut the pump": what would happen, not a report
        if (_IF_CLAUSE.search(before.text) and after.statement is not None
                and (after.statement.intent in (Intent.DONE, Intent.IN_PROGRESS)
                     # "If a second one comes in, we'll ticket it": a promise only if it happens
                     or (after.statement.intent == Intent.TODO and after.statement.pronoun))):
            after.statement, after.ignored = None, "condition"
    for before, after in itertools.pairwise(read):
        # "embed player on Safari, scrubbing was broken, pushed a fix last night": a fault told with its fix is the
        # work done, not a blocker
        if (before.statement is not None and before.statement.intent == Intent.BLOCKED and after.statement is not None
                and after.statement.intent == Intent.DONE and _FIX_ONLY.match(after.text)):
            before.statement = None
        # "Hamid, we need the university test plots booked": a need said to someone by name is asked of them
        name, need = _VOCATIVE.match(before.text), _WE_NEED.match(after.text)
        if (before.statement is None and name and need and after.statement is not None
                and after.statement.intent == Intent.BLOCKED):
            after.statement = Statement(Intent.TODO, after.text, need.group("obj"), name.group("name"), False,
                                        request=True, confidence=0.8)
    for k, clause in enumerate(read):
        if (clause.statement is not None and clause.statement.intent == Intent.DONE and clause.statement.pronoun
                and any(_HANDED_ON.search(c.text) for c in read[:k])):
            clause.statement, clause.ignored = None, "external"  # "… they're owning that now, so that's off our list"
            continue
        landed = clause.statement
        if (landed is not None and landed.intent == Intent.DONE and landed.aside == "in use" and any(
                (c.statement is not None and c.statement.intent in (Intent.IN_PROGRESS, Intent.TODO))
                or _MORE_TO_DO.search(c.text) for c in read[k + 1:])):
            landed.intent = Intent.IN_PROGRESS  # "Diversity's in, I'm doing the stock boost now": one part in
        if (landed is not None and landed.intent == Intent.DONE and any(
                c.statement is None and _WAITS_UNTIL.search(c.text) for c in read[k + 1:])):
            landed.intent = Intent.IN_PROGRESS  # "I set up the A/B test … It's sitting at zero traffic until the card's ready"
        tail = text[text.find(clause.text) + len(clause.text):] if clause.text in text else ""
        if (landed is not None and landed.intent == Intent.DONE and not clause.text.rstrip().endswith((".", "!", "?"))
                and _BUT_NOT_UNTIL.match(tail) and _NEGATION.search(tail.split(".")[0])):
            # "It's merged and running in staging, but I wouldn't switch production over until after the payout"
            landed.intent = Intent.IN_PROGRESS
    if _THEIRS.search(text):
        for clause in read:
            if clause.statement is not None and clause.statement.intent in (Intent.TODO, Intent.IN_PROGRESS,
                                                                             Intent.DONE):
                clause.statement.aside = "external"
    return read
