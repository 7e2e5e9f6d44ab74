"""The HTTP API: every part of tending as JSON under /api/v1/, with personal access tokens."""
