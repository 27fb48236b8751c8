"""A terminal that goes away under the reader: the screen writer must not block the event
loop (which would keep the SIGHUP handler from ever running) and must say it once."""

from __future__ import annotations

import threading

from wiredesk.tui.terminal_loss import SafeWriterThread, safe_driver


class _GoneTerminal:
    """A file whose writes fail as a closed pty's do."""

    def __init__(self, fail_after: int) -> None:
        self.fail_after = fail_after
        self.written: list[str] = []

    def write(self, text: str) -> int:
        if len(self.written) >= self.fail_after:
            raise OSError(5, "Input/output error")
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        if len(self.written) >= self.fail_after:
            raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        return 1


def test_writes_after_the_terminal_is_gone_never_block_and_the_loss_is_told_once() -> None:
    lost: list[bool] = []
    writer = SafeWriterThread(_GoneTerminal(fail_after=3), on_lost=lambda: lost.append(True))  # type: ignore[arg-type]
    writer.start()
    done = threading.Event()

    def frames() -> None:
        for i in range(500):  # far past the 30 queued writes that used to block forever
            writer.write(f"frame {i}")
        done.set()

    threading.Thread(target=frames, daemon=True).start()
    assert done.wait(5), "a write blocked on the dead terminal"
    writer.stop()
    writer.join(5)
    assert not writer.is_alive()
    assert writer.lost and lost == [True]


def test_a_live_terminal_gets_every_write_in_order() -> None:
    term = _GoneTerminal(fail_after=10_000)
    writer = SafeWriterThread(term, on_lost=lambda: None)  # type: ignore[arg-type]
    writer.start()
    for i in range(100):
        writer.write(f"{i};")
    writer.stop()
    assert "".join(term.written) == "".join(f"{i};" for i in range(100)) and not writer.lost


def test_the_reader_runs_on_a_driver_with_the_safe_writer() -> None:
    from textual.drivers.linux_driver import LinuxDriver
    from wiredesk.tui.app import WiredeskApp

    driver = WiredeskApp.get_driver_class(WiredeskApp.__new__(WiredeskApp))
    assert issubclass(driver, LinuxDriver) and driver is not LinuxDriver
    assert safe_driver(LinuxDriver).__name__ == "SafeLinuxDriver"
