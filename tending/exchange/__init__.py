"""Backups of the SQLite database, and restoring from one."""
