"""Find a key the user's keymap gives to two bindings that are active at the same time.

``"claim.next" = "q"`` silently took ``q`` from ``app.quit``: whichever binding Textual
checks first wins and the other key stops working. Bindings are checked per scope (the
sets of bindings active together: the app and the reader screen with one focused pane, or
the app with one dialog), after the user's keys replace the defaults, and only conflicts
that involve a binding the user moved are reported (defaults are known to be consistent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Scope = Mapping[str, str]
"""Binding id -> its default keys (comma-separated), for the bindings active together."""


def find_conflict(keymap: Mapping[str, str], scopes: Iterable[Scope]) -> str | None:
    """One line naming the first key bound twice in a scope because of ``keymap``, or None."""
    for scope in scopes:
        owners: dict[str, list[str]] = {}
        for binding_id, default in scope.items():
            for key in _keys(keymap.get(binding_id, default)):
                for other in owners.setdefault(key, []):
                    moved = other in keymap or binding_id in keymap
                    shared_before = key in _keys(scope[other]) and key in _keys(default)
                    if moved and not shared_before:  # (help.close and app.quit share q by design)
                        return f"key {key!r} is bound to both {other} and {binding_id}"
                owners[key].append(binding_id)
    return None


def _keys(keys: str) -> set[str]:
    return {k.strip() for k in keys.split(",") if k.strip()}
