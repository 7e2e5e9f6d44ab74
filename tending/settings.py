"""Django settings for tending: personal mode (SQLite) by default, hosted mode by environment."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from tending.datadir import keep_private
from tending.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_optional_folder,
    env_path,
    env_str,
    persistent_secret_key,
)
from tending.invitations.links import clean_base_url

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = env_path(
    "TENDING_DATA_DIR", Path(platformdirs.user_data_dir("tending", appauthor=False))
)
# Before anything is written: the database and all beside it are for its owner only.
keep_private(DATA_DIR)
HOSTED = env_bool("TENDING_HOSTED", False)
# A host's own instrument definitions (e.g. a validated scale they are licensed to use).
INSTRUMENTS_DIR = env_optional_folder("TENDING_INSTRUMENTS_DIR")
DEBUG = env_bool("TENDING_DEBUG", False)

if HOSTED:
    SECRET_KEY = env_str("TENDING_SECRET_KEY")
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "Hosted mode needs TENDING_SECRET_KEY: a random value of at least 32 characters "
            '(for example from: python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    ALLOWED_HOSTS = env_list("TENDING_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "Hosted mode needs TENDING_ALLOWED_HOSTS: the host names people use to reach "
            "tending, separated by commas (for example: tending.example.org)."
        )
    CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
else:
    SECRET_KEY = env_str("TENDING_SECRET_KEY") or persistent_secret_key(DATA_DIR)
    ALLOWED_HOSTS = env_list("TENDING_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
    CSRF_TRUSTED_ORIGINS = env_list("TENDING_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "tending.core",
    "tending.circle",
    "tending.moments",
    "tending.checkins",
    "tending.safety",
    "tending.today",
    "tending.journal",
    "tending.search",
    "tending.exchange",
    "tending.insights",
    "tending.mirror",
    "tending.growth",
    "tending.invitations",
    "tending.api",
    "tending.pwa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tending.core.errors.ErrorPageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tending.core.security.SecurityHeadersMiddleware",
    "tending.core.middleware.HttpMethodsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tending.journal.kept_searches.ForgetOldSearchesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tending.core.security.ReferrerlessCsrfMiddleware",
    "tending.core.auth.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tending.core.middleware.UserTimeZoneMiddleware",
    "tending.core.languages.LanguageMiddleware",
    "tending.core.middleware.FirstRunMiddleware",
    "tending.mirror.device.DeviceModeMiddleware",
]

ROOT_URLCONF = "tending.urls"
# Django's widget templates, with the commonest ones written out in Python (same HTML, faster).
FORM_RENDERER = "tending.core.widgets.QuickFormRenderer"
WSGI_APPLICATION = "tending.wsgi.application"

# Every page is a Jinja2 template (docs/performance.md says why); forms draw their widgets
# through tending/core/widgets.py, which needs no template engine here.
TEMPLATES = [
    {
        "BACKEND": "tending.core.jinja.Backend",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "tending.core.jinja.environment",
            "context_processors": [
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        _db = dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL could not be read: {exc}") from None
    if _db["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must be a PostgreSQL address (postgres://user:password@host/name); "
            "leave it unset to use SQLite."
        )
    # Values go to PostgreSQL apart from the query's text, so the same query is the same
    # statement each time and is prepared on its second use: planning was half of what
    # PostgreSQL spent on a page. A pooler that cannot keep prepared statements (PgBouncer
    # before 1.21 in transaction mode) needs TENDING_DB_PREPARED=false.
    # Options given in the address (?sslmode=require) are kept.
    if env_bool("TENDING_DB_PREPARED", True):
        _db.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "tending.sqlite3",
        # Each server thread keeps its connection: opening one, and SQLite reading the
        # schema again, cost a page more than some of its queries did.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # IMMEDIATE takes the write lock at BEGIN, so two writers wait instead of failing.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # FULL: an acknowledged write survives a power cut, not only a crash of the process.
            # secure_delete: what a delete frees is overwritten, so deleted words cannot be
            # read back from the file (tending/search/forget.py does the indexes and log).
            "init_command": (
                "PRAGMA secure_delete=ON;"
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        },
    }
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Nine spaces pass the three above; wherever a password is set, it must be more than that.
    {"NAME": "tending.core.accounts.NotBlankPasswordValidator"},
]
LOGIN_URL = "core:login"
# How many reverse proxies stand in front of tending and append to X-Forwarded-For; the
# visitor's own address (for login throttling) is read from there. Hosted mode expects one.
PROXY_COUNT = env_int("TENDING_PROXY_COUNT", 1 if HOSTED else 0, minimum=0, maximum=5)
# Requests a minute one API token may make (tending.api.auth), counted across all servers.
API_RATE_PER_MINUTE = env_int("TENDING_API_RATE", 300, minimum=1, maximum=100000)
LOGIN_REDIRECT_URL = "today:today"
LOGOUT_REDIRECT_URL = "core:login"

SESSION_ENGINE = "tending.core.sessions"  # Django's database sessions, read faster
SESSION_COOKIE_AGE = env_int("TENDING_SESSION_DAYS", 14, minimum=1, maximum=365) * 86400
SESSION_COOKIE_HTTPONLY = True
# Messages name people ("Sam is in your circle"): keep them server-side, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "tending.core.errors.csrf_failure"  # tending's own page, not Django's
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page's address is ever sent anywhere, not even to tending itself (proxy logs). Browsers
# then send "Origin: null" on form posts; tending.core.security's CSRF check allows for it.
SECURE_REFERRER_POLICY = "no-referrer"

if HOSTED:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("TENDING_SSL_REDIRECT", True)
    # A proxy or uptime monitor probing over plain HTTP must get the answer, not a redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
    SECURE_HSTS_SECONDS = env_int("TENDING_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TENDING_HSTS_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("TENDING_HSTS_PRELOAD", False)

SILENCED_SYSTEM_CHECKS = [
    # Django looks for its own CSRF middleware by name; tending's subclass of it is checked
    # by tending.core.checks (tending.E001 and, for its cookie, tending.W002) instead.
    "security.W003",
    # HSTS for every subdomain, and the browsers' preload list, bind every site under the
    # host's domain to HTTPS for a year or more. Only the host can know that is safe, so
    # they stay off unless TENDING_HSTS_SUBDOMAINS / TENDING_HSTS_PRELOAD turn them on.
    "security.W005",
    "security.W021",
]

LANGUAGE_CODE = "en"
# The languages tending speaks, each named in itself (tending/core/languages.py).
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# TENDING_STATIC_ROOT: a folder of its own, e.g. collected into a container image at build.
STATIC_ROOT = env_path("TENDING_STATIC_ROOT", DATA_DIR / "static") if HOSTED else None
# Personal mode serves static files straight from the package; hosted mode collects them.
WHITENOISE_USE_FINDERS = not HOSTED
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if HOSTED
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outgoing mail (the weekly digest in hosted mode): the usual SMTP settings.
EMAIL_BACKEND = env_str("TENDING_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("TENDING_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("TENDING_EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("TENDING_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("TENDING_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("TENDING_EMAIL_TLS", False)
EMAIL_USE_SSL = env_bool("TENDING_EMAIL_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Use either TENDING_EMAIL_TLS or TENDING_EMAIL_SSL, not both.")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("TENDING_EMAIL_FROM", "tending <tending@localhost>")
# Mail counts as set up only when the host said where it goes: the defaults above would
# try an SMTP server on this machine. Without it, a forgotten password is set by the host
# (hosted) or with `tending password` (personal), and no page offers to send an e-mail.
MAIL_CONFIGURED = bool(env_str("TENDING_EMAIL_HOST") or env_str("TENDING_EMAIL_BACKEND"))
# The address people reach tending at (https://tending.example.org), for the links tending
# hands out: `tending invite`, the invitations page, the password e-mail. Optional: without
# it a page uses its own address, and the terminal the first allowed host (or 127.0.0.1).
try:
    BASE_URL = clean_base_url(env_str("TENDING_BASE_URL")) if env_str("TENDING_BASE_URL") else ""
except ValueError as exc:
    raise ImproperlyConfigured(f"TENDING_BASE_URL: {exc}") from None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line passes through RedactSecrets: no feed link or typed words reach a log.
    "filters": {"secrets": {"()": "tending.core.logs.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["secrets"]}},
    # Django's own handlers for these would print request paths unfiltered; without them,
    # their lines reach the root's filtered handler instead.
    "loggers": {
        name: {"handlers": [], "level": "INFO", "propagate": True}
        for name in ("django", "django.server")
    },
    "root": {
        "handlers": ["console"],
        "level": env_choice(
            "TENDING_LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "WARNING"
        ),
    },
}
