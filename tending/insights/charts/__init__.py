"""Pure geometry and arithmetic for the insights charts: no Django, no database."""
