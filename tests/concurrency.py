"""Running requests at the same moment, each on its own database connection.

For tests that a limit holds when many requests arrive at once: the threads
wait at a barrier and are released together. Use them in a test marked
``django_db(transaction=True)``, so each thread sees what the others commit.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections


def at_once(calls, timeout=60):
    """Run the zero-argument ``calls`` together; their results, in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait(timeout=timeout)
            return call()
        finally:
            connections.close_all()  # this thread's connections

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, call) for call in calls]
        return [future.result(timeout=timeout) for future in futures]
