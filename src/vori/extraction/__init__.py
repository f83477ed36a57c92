"""Turning what was said into tickets: providers (local, anthropic, openai), the live status detector,
the end-of-meeting flow and the minutes."""
