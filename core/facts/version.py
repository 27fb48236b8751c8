"""The facts engine's version, in a module of its own so reading cached facts never
imports the engine (the reader's first paint waits on that import otherwise)."""

ENGINE_VERSION = "facts-161"
"""Bumped whenever the engine's output changes, so facts cached in an index are redone."""
