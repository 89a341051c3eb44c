# cvmock in a container. The build stage compiles cvmock, cvctl and cvmock-fixtures with Debian's -dev packages
# (scripts/setup.sh --server, the same path as scripts/start.sh); the runtime stage holds only the shared libraries
# they load, and runs cvmock as a non-root user on 0.0.0.0:8808 with its database in the /data volume.
#   docker build -t cvmock .    docker run --rm -p 8808:8808 cvmock
# Arguments replace the default `--data-dir /data`: `docker run cvmock --seed 1` keeps everything in memory.
# Not built on the machines that develop cvmock (no container engine there): tests/tooling checks its structure.
ARG DEBIAN_IMAGE=debian:12.11-slim

FROM ${DEBIAN_IMAGE} AS build
WORKDIR /src
COPY . .
RUN bash scripts/setup.sh --server \
 && strip build/mock_server/cvmock build/client/cvctl/cvctl build/fixtures/cvmock-fixtures

FROM ${DEBIAN_IMAGE} AS runtime
# The shared libraries the three binaries load come with these (httplib brings OpenSSL, brotli and zlib);
# libjpeg62-turbo is the runtime half of setup.sh's libjpeg62-turbo-dev.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcpp-httplib0.11 libsqlite3-0 libstb0 libjpeg62-turbo \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 cvmock \
 && useradd --system --uid 10001 --gid cvmock --home-dir /data --no-create-home --shell /usr/sbin/nologin cvmock \
 && mkdir /data && chown cvmock:cvmock /data
COPY --from=build /src/build/mock_server/cvmock /src/build/client/cvctl/cvctl /src/build/fixtures/cvmock-fixtures \
     /usr/local/bin/

USER cvmock
WORKDIR /data
ENV CVMOCK_HOST=0.0.0.0 CVMOCK_PORT=8808
VOLUME ["/data"]
EXPOSE 8808
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=5 CMD ["cvmock", "healthcheck"]
ENTRYPOINT ["cvmock"]
CMD ["--data-dir", "/data"]
