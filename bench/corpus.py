"""Meeting-like English speech for the benchmarks, made with espeak-ng, with its reference text."""

from __future__ import annotations

import random

from vori.testing.speech import Speech, conversation

SENTENCES = [
    "Good morning everyone, let's start the weekly planning meeting.",
    "The login page is finished and deployed to staging.",
    "I will start working on the payment service tomorrow.",
    "We are still waiting for the security review of the new API.",
    "The mobile team fixed the crash on the settings screen.",
    "Can someone take the task of updating the user documentation?",
    "I can do that by Thursday afternoon.",
    "The database migration is blocked because the staging server is down.",
    "Please send the customer survey results to the whole team.",
    "Our sprint velocity dropped a little this week.",
    "Let's move the design review to Friday morning.",
    "The search feature needs more testing before the release.",
    "I talked to the marketing team about the product launch.",
    "We should add monitoring for the checkout service.",
    "The invoice export is done and the finance team is happy.",
    "Next week I will focus on the onboarding flow.",
    "There is a bug in the notification emails that we need to fix.",
    "The new office printer finally works.",
    "Who is responsible for the backup of the production database?",
    "I will write the report and share it before the end of the day.",
    "The performance of the dashboard is much better now.",
    "We need a decision on the pricing page before Monday.",
    "Let's wrap up, thank you all for your time.",
    "The support tickets from last night are all resolved.",
]
VOICES = ["en-us", "en-gb", "en-us+f3", "en-gb-x-rp", "en-us+m3"]


def meeting(index: int, sentences: int = 8) -> Speech:
    """The `index`-th benchmark meeting: its own order of sentences, voice and pace, pauses of 0.6-1.4 s."""
    rng = random.Random(index)
    chosen = rng.sample(SENTENCES, sentences)
    voice = VOICES[index % len(VOICES)]
    return conversation(chosen, pause_ms=rng.choice([600, 800, 1000, 1400]), voice=voice,
                        speed=rng.choice([150, 160, 170]))
