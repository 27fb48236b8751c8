"""The desk's workflow on top of the engine: verdicts, the triage queue, the story timeline
and the brief an editor hands on.

Nothing here computes facts: every module takes the engine's facts and the articles as the
service exposes them, so the engine can change underneath without this package changing.
No Textual here either (a test enforces it for all of ``core``).
"""
