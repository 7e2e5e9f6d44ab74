#!/usr/bin/env python
"""Django's command-line utility, for developers; people use the `tending` command."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
