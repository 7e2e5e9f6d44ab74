# tending's container image: gunicorn as a user of its own, data in the volume /data, static
# files collected at build. How to run it (compose.yaml) and every setting: docs/hosting.md.

# Stage 1: the wheel, built from the source as `pip install` builds it.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY tending ./tending
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# Stage 2: the wheel installed into a virtual environment; no compiler, no source tree.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/tending \
    PATH=/opt/tending/bin:$PATH \
    TENDING_HOSTED=true \
    TENDING_DATA_DIR=/data \
    TENDING_STATIC_ROOT=/opt/tending-static \
    TENDING_PORT=8000

RUN groupadd --system --gid 10001 tending \
    && useradd --system --uid 10001 --gid tending --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin tending

COPY --from=build /wheels /wheels
RUN python -m venv /opt/tending \
    && /opt/tending/bin/pip install --no-cache-dir /wheels/*.whl \
    && rm -rf /wheels

# Both keep their modes from the repository (the entry script is executable).
COPY docker/entrypoint.sh docker/healthcheck.py /opt/tending-docker/

# Static files go into the image, not the volume, so an upgrade brings its own. Collecting
# needs hosted mode's settings: a key made up for this step only (the server gets its own).
# `tending serve` collects again at each start (nothing to copy then, under a second), so
# the folder belongs to the user tending runs as.
RUN TENDING_SECRET_KEY=collecting-static-files-only-never-used-to-sign-anything \
    TENDING_ALLOWED_HOSTS=localhost \
    TENDING_DATA_DIR=/tmp/collecting \
    tending manage collectstatic --noinput --verbosity 0 \
    && rm -rf /tmp/collecting \
    && mkdir -p /data \
    && chown -R tending:tending /data /opt/tending-static

USER tending
WORKDIR /data
VOLUME /data
EXPOSE 8000

# No curl in the slim image: the check is Python's own urllib, against /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "/opt/tending-docker/healthcheck.py"]

# With no command: migrations not yet run, then gunicorn on port 8000. With one, that command
# (docker compose run --rm tending tending createuser robin).
ENTRYPOINT ["/opt/tending-docker/entrypoint.sh"]
