"""Command-line entry point."""

def main(argv: list[str] | None = None) -> int:
    print("wiredesk")
    return 0
