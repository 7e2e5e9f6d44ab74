"""Invitations to a shared tending, and setting a forgotten password by e-mail."""
