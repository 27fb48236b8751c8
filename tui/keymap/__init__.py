"""The user's reader config: key remapping and the preferred theme."""

from .config import ReaderConfig, load_config

__all__ = ["ReaderConfig", "load_config"]
