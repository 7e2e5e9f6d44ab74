"""WSGI entry point for waitress (personal mode) and gunicorn (hosted mode)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
application = get_wsgi_application()

from tending.housekeeping import start_housekeeping  # noqa: E402 - needs Django set up

start_housekeeping()  # expired sessions and old kept searches: on start, then daily
