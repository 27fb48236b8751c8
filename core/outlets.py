"""Naming an article's outlet: the registered domain of its URL, and the user's aliases.

Ingest fills ``outlet`` from the strongest thing an article says about where it came from:
its feed, an explicit ``Outlet:``/``Source:`` line or front matter, the page's site name,
and last the registered domain of its URL (``https://www.apnews.com/x`` -> ``apnews.com``,
``news.bbc.co.uk`` -> ``bbc.co.uk``: the Public Suffix List knows where a domain ends). A
file name is never an outlet: two files by one outlet are one source, whatever they are
called.

Aliases (``[outlets]`` in ``config.toml``) map an outlet name or a registered domain to the
name the desk uses (``"apnews.com" = "AP"``). They are applied when articles are read, not
stored, so editing them takes effect without re-indexing.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


def registered_domain(url: str | None) -> str | None:
    """The registrable domain of an http(s) URL (``apnews.com``), or None.

    Hosts the Public Suffix List cannot place (``localhost``, an IP address) give the bare
    host, so a local feed still names a source.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    from tld import get_fld  # lazy: the suffix list costs ~0.1 s to load

    try:
        found = get_fld(f"http://{host}", fail_silently=True)
    except Exception:  # tld raises its own errors for odd hosts: fall back to the host
        found = None
    return str(found) if found else host.removeprefix("www.")


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class OutletAliases:
    """``[outlets]`` from config: outlet name or domain -> shown name (case-insensitive)."""

    table: Mapping[str, str] = field(default_factory=dict)
    error: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "table", {_key(k): v for k, v in self.table.items()})

    def __bool__(self) -> bool:
        return bool(self.table)

    def resolve(self, outlet: str | None, url: str | None = None) -> str | None:
        """The alias of ``outlet``, else of the URL's registered domain, else ``outlet``."""
        if not self.table:
            return outlet
        if outlet:
            found = self.table.get(_key(outlet))
            if found:
                return found
        if url:
            domain = registered_domain(url)
            if domain:
                found = self.table.get(domain)
                if found:
                    return found
        return outlet

    def fingerprint(self) -> str:
        """Changes when the table changes: part of the cached facts' key (sources count outlets)."""
        if not self.table:
            return ""
        text = json.dumps(sorted(self.table.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def parse_aliases(text: str) -> OutletAliases:
    """The ``[outlets]`` table of config text; a bad table yields no aliases and one error line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return OutletAliases(error=f"config.toml is not valid TOML: {exc}")
    table = data.get("outlets", {})
    if not isinstance(table, dict):
        return OutletAliases(error='config.toml: [outlets] must be a table of "name or domain" = "shown name"')
    bad = [k for k, v in table.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        return OutletAliases(error=f"config.toml: outlets.{bad[0]} must be a non-empty string")
    return OutletAliases({k: " ".join(v.split()) for k, v in table.items()})


def load_aliases(path: Path) -> OutletAliases:
    """Aliases from the config file at ``path``; a missing file means none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return OutletAliases()
    except (OSError, UnicodeDecodeError) as exc:
        return OutletAliases(error=f"config.toml cannot be read: {exc}")
    return parse_aliases(text)
