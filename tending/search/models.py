"""Searching everything keeps no models of its own: its index is an FTS5 table (index.py).

This module still has to exist: Django sends `post_migrate` only to apps with a models
module, and that signal is what puts the index's triggers back when a migration or a
restore left them out.
"""
