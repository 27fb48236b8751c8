"""wiredesk: read one story as five outlets tell it, and see where they disagree."""

__version__ = "0.1.0"
