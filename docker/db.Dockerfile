# The database: the official PostgreSQL 15 image with pg_sphere from its packages; on first start
# (an empty data volume) the archive's roles, database and extension are made by
# deploy/provision-db, the script a host runs, with the passwords the container is given.
FROM postgres:15
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15-pgsphere \
 && rm -rf /var/lib/apt/lists/*
COPY deploy/lib.sh deploy/provision-db /opt/voarchive/deploy/
COPY pom.xml /opt/voarchive/pom.xml
COPY docker/db-init.sh /docker-entrypoint-initdb.d/50-voarchive.sh
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD pg_isready -U postgres -d "${ARCHIVE_DB_NAME:-archive}" || exit 1
