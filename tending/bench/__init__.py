"""Tools to put a real tending server under load and check that nothing is lost."""
