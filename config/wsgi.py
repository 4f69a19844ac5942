"""WSGI entry point. jieba is loaded here, before gunicorn forks its workers, so that each
worker shares the loaded dictionary instead of paying a second of start-up on its first request."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from articles.extraction.segmenter import warm_up  # noqa: E402
from hospitals.lexicon import teach_jieba  # noqa: E402

warm_up()
teach_jieba()
