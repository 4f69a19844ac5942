"""Settings, all from the environment.

Local use needs nothing set: SQLite under var/, debug on, a development key. With
DJANGO_DEBUG=0 (production) nothing is defaulted silently: a missing or weak
DJANGO_SECRET_KEY stops the start, and DJANGO_ALLOWED_HOSTS must be given.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HOSPITALS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_KEY = "django-insecure-local-development-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = _DEV_KEY
elif not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is too weak for production: use 50+ random characters.")

if DEBUG:
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
else:
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Our apps come before import_export so that our `export` command (which escapes
    # spreadsheet formulae) takes precedence over the library's.
    "core",
    "hospitals",
    "articles",
    "ingest",
    "import_export",
    "simple_history",
    "core.axes.AxesConfig",  # django-axes, named in Chinese in the admin
    "django_tasks",
    "uploads.apps.TasksDatabaseConfig",  # django-tasks-db: the embedded task queue, named in Chinese
    "uploads",  # after django-tasks-db: its admin takes that app's English list away
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.releasefiles.ReleaseFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Errors of ?format=json URLs as JSON: inside CommonMiddleware, so it sees the 404 and 405
    # the views answer, and the 500 a view's exception turns into.
    "core.listing.JsonErrorMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user before checking the password
    "django.contrib.auth.backends.ModelBackend",
]

# Failed-login throttling: after 5 failures from one user name at one address, that pair is
# locked for an hour (a successful login resets the count).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
# A Chinese admin page that says how long the lock lasts (core/security.py).
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'hospitals.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an import writes; the timeout makes a second writer wait
    # for the lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters travel apart from the statement (psycopg's server-side binding) instead of being
    # quoted into its text on the client: an import's documents are megabytes of text (the
    # importer's own instructions -3.8 %, docs/benchmarks.md). psycopg prepares a statement run
    # five times, which a pooler in transaction mode must support (README, DATABASE_URL).
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for what the admin's third-party apps leave in English.
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    if not DEBUG else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG  # in development the files are served straight from the apps
# Dataset releases (manage.py release), served as files under /data/files/ (core/releasefiles.py).
RELEASES_DIR = Path(os.environ.get("HOSPITALS_RELEASES_DIR", VAR_DIR / "releases"))
# The licence of the released database (its structure and the editors' work); the articles' own
# texts stay their publishers', as the /data/ page says.
RELEASE_LICENSE = {
    "name": os.environ.get("RELEASE_LICENSE_NAME", "CC-BY-4.0"),
    "title": os.environ.get("RELEASE_LICENSE_TITLE", "Creative Commons Attribution 4.0"),
    "path": os.environ.get("RELEASE_LICENSE_PATH", "https://creativecommons.org/licenses/by/4.0/"),
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Security ---------------------------------------------------------------------------------
# Secure by default when debug is off; each switch can be turned off for a setup that needs it
# (e.g. DJANGO_SECURE_SSL_REDIRECT=0 when a proxy already redirects to HTTPS).
SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", SECURE)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(31536000 if SECURE else 0)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", SECURE)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", SECURE)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", SECURE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_BEHIND_PROXY", False):
    # The proxy terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# The site's own pages use no inline script and no inline style; the admin's widgets set a few
# style attributes, so only /admin/ allows inline styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
CONTENT_SECURITY_POLICY_ADMIN = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

LOGIN_URL = "admin:login"

# django-import-export: every import and export inside one transaction, formats editors use.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Formulae are escaped by our own formats (core/spreadsheets.py), on every export path.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
from core.spreadsheets import SPREADSHEET_FORMATS  # noqa: E402

IMPORT_EXPORT_FORMATS = SPREADSHEET_FORMATS
# Editors may export what they may view; importing spreadsheets is its own permission.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# The largest file import_seeds reads (bytes); larger ones are refused with an error.
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", str(20 * 1024 * 1024)))
# An import commits the files it writes within this many seconds (or this many files) at once,
# each file in a savepoint of its own (ingest/batches.py); on SQLite an editor's save waits for
# the commit. 0 seconds: a commit per file.
IMPORT_BATCH_SECONDS = float(os.environ.get("IMPORT_BATCH_SECONDS", "0.5"))
IMPORT_BATCH_FILES = int(os.environ.get("IMPORT_BATCH_FILES", "50"))
# How often a running import lets the public pages' cached totals and rankings catch up.
IMPORT_PAGE_REFRESH_SECONDS = float(os.environ.get("IMPORT_PAGE_REFRESH_SECONDS", "10"))
# ... and less often when a refresh, which computes the main pages' aggregates, would take more
# than this share of the import's time (0: every IMPORT_PAGE_REFRESH_SECONDS whatever it costs).
IMPORT_PAGE_REFRESH_SHARE = float(os.environ.get("IMPORT_PAGE_REFRESH_SHARE", "0.05"))
# The pages whose aggregates a change of the data computes before readers see the change
# (core/datacache.py): the first reader of these pages does not wait for them.
PAGE_AGGREGATE_URLS = ["/", "/articles/", "/hospitals/", "/honours/", "/people/", "/sources/"]

# --- Uploads and background jobs (uploads/) ------------------------------------------------------
# Text articles editors upload in the admin are kept here (one folder per upload).
UPLOAD_DIR = Path(os.environ.get("HOSPITALS_UPLOAD_DIR", VAR_DIR / "uploads"))
UPLOAD_MAX_FILES = int(os.environ.get("UPLOAD_MAX_FILES", "200"))  # .txt files in one upload (zips unpacked)
UPLOAD_MAX_TOTAL_BYTES = int(os.environ.get("UPLOAD_MAX_TOTAL_BYTES", str(100 * 1024 * 1024)))  # sent and unpacked
UPLOAD_MAX_ZIP_RATIO = int(os.environ.get("UPLOAD_MAX_ZIP_RATIO", "100"))  # uncompressed : compressed, per entry
DATA_UPLOAD_MAX_NUMBER_FILES = UPLOAD_MAX_FILES
# Django's task API (django-tasks). TASKS_BACKEND: "database" (default: a table, run by
# `manage.py db_worker`, which `.ci/up` starts beside the server), "celery" (production: run by
# `celery -A uploads.celery_backend worker`, broker CELERY_BROKER_URL, Redis or RabbitMQ), or
# "immediate" (runs the task in the request; for trying things out).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "celery": "uploads.celery_backend.CeleryBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("TASKS_BACKEND", "database")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {_task_backend!r}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend]}}
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "hospitals")  # the worker consumes it too
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # an import is long: one at a time per worker process
# An import job of this many files or more is split into tasks of a few files, which any number
# of worker processes or machines run side by side (uploads/jobs.py); a smaller one runs its files
# in its own task, one after the other.
IMPORT_SPLIT_FILES = int(os.environ.get("IMPORT_SPLIT_FILES", "4"))
# Files per task of a split job (at least uploads.jobs.MIN_TASKS tasks): a task's dispatch and
# bookkeeping are paid once for these.
IMPORT_TASK_FILES = int(os.environ.get("IMPORT_TASK_FILES", "8"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
