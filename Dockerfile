# syntax=docker/dockerfile:1
# wirefeed: build a virtualenv in one stage, run it as a non-root user in a slim one.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/wirefeed
COPY pyproject.toml README.md ./
COPY app ./app
RUN /opt/wirefeed/bin/pip install --no-cache-dir .

FROM python:3.11-slim AS runtime
RUN groupadd --system --gid 10001 wirefeed \
    && useradd --system --uid 10001 --gid wirefeed --home-dir /srv/wirefeed --shell /usr/sbin/nologin wirefeed \
    && mkdir -p /srv/wirefeed /var/lib/wirefeed \
    && chown wirefeed:wirefeed /var/lib/wirefeed
COPY --from=build /opt/wirefeed /opt/wirefeed
WORKDIR /srv/wirefeed
COPY migrations ./migrations
COPY seeds ./seeds
# Same settings as the README; override WIREFEED_DATABASE_URL with a PostgreSQL URL in production.
ENV PATH="/opt/wirefeed/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    WIREFEED_DATABASE_URL="sqlite:////var/lib/wirefeed/wirefeed.db" \
    WIREFEED_SEEDS_DIR="/srv/wirefeed/seeds"
USER 10001:10001
VOLUME ["/var/lib/wirefeed"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# `wirefeed serve` applies the migrations (`wirefeed db upgrade`), then starts uvicorn.
ENTRYPOINT ["wirefeed"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
