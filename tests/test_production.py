"""Served as in production (prefork workers and the gevent worker carrying the
websocket bus), a database with the four addons answers HTTP and /websocket and
logs no traceback."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.request

import pytest
import websocket

from .conftest import MODULES, odoo_cmd, run_odoo
from .test_install import ERROR_LINE

TRACEBACK = re.compile(r"^Traceback \(most recent call last\)", re.MULTILINE)


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            return check()
        except Exception as exc:  # noqa: BLE001 - not up yet: try again
            last = exc
            time.sleep(1)
    raise AssertionError(f"{what} did not answer within {timeout}s: {last!r}")


@pytest.fixture(scope="module")
def suite_db():
    template = os.environ.get("CS_TEMPLATE_DB")
    if not template:
        pytest.skip("needs setup/test (CS_TEMPLATE_DB)")
    db = f"cs_prod_{os.getpid()}"
    try:
        rc, out = run_odoo("duplicate", "--force", template, db, sub=("db",))
        assert rc == 0, out[-3000:]
        rc, out = run_odoo("-d", db, "-i", ",".join(MODULES), "--stop-after-init", "--no-http")
        assert rc == 0, out[-3000:]
        yield db
    finally:
        run_odoo("drop", db, sub=("db",))


def test_workers_serve_http_and_websocket(suite_db, tmp_path):
    http_port, gevent_port = free_port(), free_port()
    log_path = tmp_path / "odoo.log"
    cmd = odoo_cmd(
        "-d",
        suite_db,
        f"--db-filter=^{suite_db}$",
        "--workers=2",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={http_port}",
        f"--gevent-port={gevent_port}",
        "--proxy-mode",
        "--limit-time-real=600",
    )
    with open(log_path, "w") as log:
        # its own session: the master, its workers and the gevent worker stop together
        server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        health = wait_until(
            lambda: json.load(urllib.request.urlopen(f"http://127.0.0.1:{http_port}/web/health")),
            120,
            "the HTTP workers",
        )
        assert health["status"] == "pass"

        def handshake():
            ws = websocket.create_connection(
                f"ws://127.0.0.1:{gevent_port}/websocket?version=18.0-5",
                origin=f"http://127.0.0.1:{http_port}",
                timeout=10,
            )
            assert ws.getstatus() == 101
            return ws

        ws = wait_until(handshake, 120, "/websocket on the gevent port")
        ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        time.sleep(3)  # a worker dying at start restarts within this time
        assert ws.connected, "the websocket was closed by the server"
        ws.close()
        assert server.poll() is None, "the server stopped on its own"
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)  # graceful: the master stops its workers
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    out = log_path.read_text()
    assert "Evented Service (longpolling) running" in out, out[-3000:]
    assert not TRACEBACK.search(out), out[-5000:]
    errors = [m.group(0) for m in ERROR_LINE.finditer(out)]
    assert not errors, "\n".join(errors)
