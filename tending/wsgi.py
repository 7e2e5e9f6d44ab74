"""WSGI entry point for waitress (personal mode) and gunicorn (hosted mode)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
application = get_wsgi_application()
