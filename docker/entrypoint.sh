#!/bin/sh
# The container's start (docs/hosting.md). Given a command, it runs that instead
# (`docker compose run --rm tending tending backup …`); given none, it serves tending with
# gunicorn. `tending serve` first runs any migration not yet run (a new database, or an
# upgrade) and collects the static files, then starts listening.
set -eu

if [ "$#" -gt 0 ]; then
    exec "$@"
fi

exec tending serve --production \
    --host "${TENDING_LISTEN_ADDRESS:-0.0.0.0}" \
    --port "${TENDING_PORT:-8000}" \
    --workers "${TENDING_WORKERS:-3}"
