"""A bounded load test: gunicorn on 127.0.0.1, concurrent clients on the public pages and search
for a fixed time, then throughput, p50/p99 latency and errors. Not part of the test suite.

    python manage.py loadtest --seconds 20 --clients 8 [--workers 2] [--json]
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from hospitals.models import Hospital

QUERIES = ["党建", "医院", "綦江区人民医院", "胸痛中心", "高质量发展", "院长", "荣誉", "市二院"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_server(server: subprocess.Popen, grace: float = 30) -> None:
    """Stop a server started with `start_new_session=True`, and every process it forked: SIGTERM,
    then SIGKILL once `grace` seconds are up. Bounded, so that a server that does not stop costs
    neither the run's report nor a worker left behind."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    try:  # also workers that outlived their master
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait()


class Command(BaseCommand):
    help = "对本机 gunicorn 做有界压力测试。Bounded load test of the public pages on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=20)
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, seconds, clients, workers, json: bool, **options):
        urls = ["/", "/articles/", "/hospitals/", "/honours/", "/articles/?format=json"]
        urls += [a.get_absolute_url() for a in Article.objects.public()[:20]]
        urls += [h.get_absolute_url() for h in Hospital.objects.public()[:20]]
        urls += [f"/search/?q={urllib.request.quote(q)}" for q in QUERIES]
        port = free_port()
        env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
               "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_HSTS_SECONDS": "0",
               "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "load-" + os.urandom(40).hex()}
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, check=True,
                       cwd=settings.BASE_DIR)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
             str(workers), "--preload", "--log-level", "warning"],
            env=env, cwd=settings.BASE_DIR, start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            self._wait_until_up(base)
            result = self._drive(base, urls, seconds, clients)
        finally:
            stop_server(server)
        result.update(seconds=seconds, clients=clients, workers=workers, urls=len(urls))
        if json:
            self.stdout.write(_dumps(result))
        else:
            for key, value in result.items():
                self.stdout.write(f"{key:<14} {value}")
        if result["errors"]:
            raise CommandError(f"{result['errors']} requests failed", returncode=1)

    @staticmethod
    def _wait_until_up(base: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise CommandError("gunicorn did not start within 60 s")

    @staticmethod
    def _drive(base: str, urls: list[str], seconds: float, clients: int) -> dict:
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < stop:
                url = base + rng.choice(urls)
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(url, timeout=30) as response:
                        response.read()
                        ok = response.status == 200
                except Exception as exc:  # any failure is an error of the run
                    ok, reason = False, f"{url}: {exc}"
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors.append(reason if not ok else "")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        latencies.sort()
        count = len(latencies)
        return {
            "requests": count + len(errors),
            "errors": len(errors),
            "throughput_rps": round(count / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(latencies[min(count - 1, int(count * 0.99))] * 1000, 1) if latencies else None,
            "first_errors": errors[:3],
        }


def _dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False)
