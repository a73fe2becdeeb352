# The database: the official PostgreSQL 15 image with pg_sphere from its packages; on first start
# (an empty data volume) the archive's roles, database and extension are made by
# deploy/provision-db, the script a host runs, with the passwords of the container's secret files.
FROM postgres:15
# postgres joins group 10001, which the secret files are readable by (the archive images' voarchive): the
# entrypoint reads POSTGRES_PASSWORD_FILE and the init script the archive's passwords as postgres
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15-pgsphere \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 voarchive && usermod -aG voarchive postgres
COPY deploy/lib.sh deploy/provision-db /opt/voarchive/deploy/
COPY pom.xml /opt/voarchive/pom.xml
COPY docker/db-init.sh /docker-entrypoint-initdb.d/50-voarchive.sh
# the command of a replica of this database (docker/compose.cluster.yaml's db-replica)
COPY docker/db-replica.sh /opt/voarchive/docker/db-replica.sh
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD pg_isready -U postgres -d "${ARCHIVE_DB_NAME:-archive}" || exit 1
