"""WSGI entry point. jieba is loaded here, before gunicorn forks its workers, so that each
worker shares the loaded dictionary instead of paying a second of start-up on its first request."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from django.db import connections  # noqa: E402

from articles.extraction.segmenter import warm_up  # noqa: E402
from articles.lexicon import ensure_taught  # noqa: E402
from core.forking import freeze_loaded  # noqa: E402

warm_up()
ensure_taught()  # the workers inherit jieba taught, and do not ask the database again
freeze_loaded()  # the workers' collectors leave the shared tables (and their pages) alone
# Teaching jieba read the hospital names: the master serves no request, so it keeps no session
# open (each worker also forgets inherited connections, core/forking.py).
connections.close_all()
