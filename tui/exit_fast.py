"""Let the reader quit while a worker thread is still busy.

Textual runs thread workers on the event loop's default executor, and leaving
``asyncio.run`` joins that executor's threads (as does the interpreter at exit): ``q``,
SIGTERM or SIGHUP during a long computation (a huge or hostile article being analysed)
left the reader waiting for it — minutes, at 100 % CPU, with the terminal restored but the
process alive. A worker's result is useless once the app is leaving, and every index write
is one transaction (abandoning it mid-way is what a kill does, and the index is built for
that), so the reader's executor runs workers on daemon threads and does not wait for them
when it shuts down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class DaemonExecutor(ThreadPoolExecutor):
    """One daemon thread per task; ``shutdown`` never waits for running tasks.

    A ``ThreadPoolExecutor`` subclass because asyncio accepts only those as the default
    executor. Workers are few and long (loading, indexing, facts), so a thread per task
    costs nothing that matters.
    """

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self._closed = False
        self._count = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._closed:
            raise RuntimeError("cannot schedule new work after shutdown")
        future: Future[Any] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)

        self._count += 1
        threading.Thread(target=run, name=f"wiredesk-worker-{self._count}", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._closed = True  # running tasks are abandoned with the process
