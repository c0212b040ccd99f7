"""Debian's PostgreSQL, Redis and Varnish, started by a test on loopback ports.

Each is a context manager that runs the server in the foreground as the
test's own process (never a system service), in a throwaway folder, on the
first free port of a range, and stops it (by its process id) on the way out.
A missing package fails the test with the command that installs it: these
tests are never skipped (``make system-packages`` installs them).
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.loadtools import stop_process_group, this_workers_ports

STARTUP_TIMEOUT = 30


def require(path, package):
    if not Path(path).exists():
        raise RuntimeError(
            f"{path} is missing: install Debian's {package} "
            f"(`make system-packages`, or `apt-get install {package}`)."
        )


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_port(process, port, log):
    """True once ``port`` answers; False if ``process`` exited first."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if listening(port):
            return True
        time.sleep(0.05)
    stop_process_group(process)
    raise RuntimeError(f"Nothing answered on port {port}:\n{Path(log).read_text()}")


def start_on_free_port(command_for, ports, log):
    """Start ``command_for(port)`` on the first port of ``ports`` it can
    bind; ``(process, port)``."""
    ports = this_workers_ports(ports)
    for port in ports:
        if listening(port):
            continue
        with open(log, "ab") as out:
            process = subprocess.Popen(  # noqa: S603
                command_for(port),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if wait_for_port(process, port, log):
            return process, port
        process.wait(timeout=10)  # another run took the port first: next one
    raise RuntimeError(f"No free port among {list(ports)}:\n{Path(log).read_text()}")


@contextlib.contextmanager
def shared_folder(prefix):
    """A throwaway folder the servers' own users (postgres, varnish) can
    enter: pytest's temporary folders are private to the test's user."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def postgresql(ports):
    """A PostgreSQL server of its own; yields its ``DATABASE_URL``.

    PostgreSQL refuses to run as root: as root (CI) it runs as the
    ``postgres`` user that Debian's package creates.
    """
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        require("/usr/lib/postgresql/<version>/bin/initdb", "postgresql")
    bindir = Path(initdbs[-1]).parent
    as_postgres = (
        ["/usr/sbin/runuser", "-u", "postgres", "--"] if not os.geteuid() else []
    )
    with shared_folder("clinic-pg-") as folder:
        if as_postgres:
            shutil.chown(folder, "postgres")
        data, log = folder / "data", folder / "log"
        subprocess.run(  # noqa: S603
            [
                *as_postgres,
                bindir / "initdb",
                "-D",
                data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )

        def command(port):
            return [
                *as_postgres,
                bindir / "postgres",
                "-D",
                data,
                "-p",
                str(port),
                "-k",
                folder,
                "-c",
                "listen_addresses=127.0.0.1",
                # A test database: nothing here needs to survive a power cut.
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
            ]

        process, port = start_on_free_port(command, ports, log)
        try:
            yield f"postgres://postgres@127.0.0.1:{port}/postgres"
        finally:
            # SIGINT is PostgreSQL's fast shutdown (SIGTERM waits for every
            # client to leave).
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                stop_process_group(process)


@contextlib.contextmanager
def redis(ports):
    """A Redis server of its own, in memory only; yields its ``REDIS_URL``."""
    require("/usr/bin/redis-server", "redis-server")
    with shared_folder("clinic-redis-") as folder:

        def command(port):
            return [
                "/usr/bin/redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ]

        process, port = start_on_free_port(command, ports, folder / "log")
        try:
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            stop_process_group(process)


@contextlib.contextmanager
def varnish(vcl, ports):
    """Varnish with the VCL text ``vcl``; yields its base URL."""
    require("/usr/sbin/varnishd", "varnish")
    with shared_folder("clinic-varnish-") as folder:
        (folder / "clinic.vcl").write_text(vcl)

        def command(port):
            return [
                "/usr/sbin/varnishd",
                "-F",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(folder / "clinic.vcl"),
                "-n",
                str(folder / "work"),
                "-s",
                "malloc,64m",
                # No management port: the test stops it by its process id.
                "-T",
                "none",
            ]

        process, port = start_on_free_port(command, ports, folder / "log")
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            stop_process_group(process)
