"""One env-driven settings module.

Without configuration nghiquyet runs on a SQLite file under ``NGHIQUYET_DATA_DIR``
(default ``./data``). ``DATABASE_URL`` (``sqlite:///path`` or ``postgres://...``)
selects another database, read the way dj-database-url reads it.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from nghiquyet.lib.env import ConfigError, envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(envstr("NGHIQUYET_DATA_DIR", str(Path.cwd() / "data"))).resolve()

DEBUG = envbool("DEBUG", False)
# Production says so with DEBUG=0 (docs/deploy.md): then a SECRET_KEY is required. Without
# DEBUG set at all (a developer's checkout, the tests, the local demo) a fixed development
# key is used, which `check --deploy` reports.
PRODUCTION = envstr("DEBUG", "").strip() != "" and not DEBUG
SECRET_KEY = envstr("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION or envbool("NGHIQUYET_REQUIRE_SECRET_KEY", False):
        raise ConfigError("SECRET_KEY must be set when DEBUG=0 (production); see docs/deploy.md")
    SECRET_KEY = "nghiquyet-insecure-development-key"  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "nghiquyet.audit",
    "nghiquyet.orgunits",
    "nghiquyet.accounts",
    "nghiquyet.resolutions",
    "nghiquyet.figures",
    "nghiquyet.assessment",
    "nghiquyet.reports",
    "nghiquyet.catalogue",
    "nghiquyet.programmes",
    "nghiquyet.api",
    "nghiquyet.web",
    "nghiquyet.demo",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nghiquyet.web.edge.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (static files come precompressed from whitenoise); above every
    # middleware that reads or writes the body. Django adds random bytes against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nghiquyet.web.edge.IdleSessionMiddleware",
    "nghiquyet.accounts.middleware.PasswordChangeRequiredMiddleware",
    "nghiquyet.web.middleware.HtmxLoginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its refusal page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nghiquyet.urls"
WSGI_APPLICATION = "nghiquyet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

_default_sqlite = f"sqlite:///{DATA_DIR / 'nghiquyet.sqlite3'}"
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", _default_sqlite) or _default_sqlite,
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
        # A kept connection (DB_CONN_MAX_AGE > 0, as docs/deploy.md sets) is checked before a
        # request reuses it, so a restarted PostgreSQL costs no failed page.
        conn_health_checks=envint("DB_CONN_MAX_AGE", 0) > 0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": envint("PASSWORD_MIN_LENGTH", 10)}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Login throttling (django-axes) before the password check: after AXES_FAILURE_LIMIT
    # wrong passwords for one username from one address, that pair is locked for
    # AXES_COOLOFF_TIME hours or until an administrator unlocks it (admin: "Access attempts").
    "nghiquyet.accounts.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind the documented nginx (which overwrites X-Forwarded-For with the client's address)
# the client is read from that header; gunicorn listens on loopback only.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
CSRF_FAILURE_VIEW = "nghiquyet.web.views.csrf_failure"

# The deployment's language, not the browser's: a commune office whose computers say
# "English" still works in Vietnamese. English can be chosen per deployment.
LANGUAGE_CODE = envstr("NGHIQUYET_LANGUAGE", "vi")
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Numbers are formatted explicitly (lib/vnformat); a year must never read "2.025".
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["nghiquyet.formats"]

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders when collectstatic has not run
# (tests, a developer's checkout); production runs collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"

# Uploads: registries, resolution texts and evidence files stay small.
NGHIQUYET_MAX_UPLOAD_BYTES = envint("NGHIQUYET_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = NGHIQUYET_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The review page of an imported resolution posts every target's fields at once
# (about 11 per target); a province resolution can hold a few hundred targets.
DATA_UPLOAD_MAX_NUMBER_FIELDS = envint("DATA_UPLOAD_MAX_NUMBER_FIELDS", 20_000)

# Sessions end after 8 hours without a request: web/edge.py::IdleSessionMiddleware renews
# the expiry at most every SESSION_RENEW_SECONDS (not a write on every page).
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 8 * 3600)
SESSION_RENEW_SECONDS = 300
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# HTTPS settings, from the environment (docs/deploy.md gives the production values).
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", False)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# "HTTP_X_FORWARDED_PROTO,https" behind a reverse proxy that sets that header (and strips
# it from clients); empty (the default) trusts no header.
_proxy_header = envlist("SECURE_PROXY_SSL_HEADER", [])
if _proxy_header and len(_proxy_header) != 2:
    raise ConfigError("SECURE_PROXY_SSL_HEADER must be 'HEADER,value', "
                      "e.g. HTTP_X_FORWARDED_PROTO,https")
SECURE_PROXY_SSL_HEADER = (_proxy_header[0], _proxy_header[1]) if _proxy_header else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts only from our own static files (vendored,
# no CDN, no inline script or event handler); styles may be inline (style attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

# E-mail for reminders (nghiquyet send_reminders): sent only when an SMTP host is given;
# in-app notifications are made either way.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "nghiquyet <noreply@localhost>")
NGHIQUYET_EMAIL_NOTIFICATIONS = envbool("NGHIQUYET_EMAIL_NOTIFICATIONS", bool(EMAIL_HOST))
NGHIQUYET_BASE_URL = envstr("NGHIQUYET_BASE_URL", "")
