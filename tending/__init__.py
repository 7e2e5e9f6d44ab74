"""tending: a private companion for healing and self-care through closeness."""

__version__ = "0.1.0"
