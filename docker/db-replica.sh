#!/usr/bin/env bash
# The db-replica service of docker/compose.cluster.yaml (the database image, this as its command): a hot standby
# of the db service for the archive's read-only queries. On an empty data volume it takes a base backup of the
# primary as the replication role (deploy/provision-db makes it when the secret archive.db.replication.password
# exists; db-init.sh lets it in), with a replication slot of its own, so that the primary keeps the WAL it has
# not received yet; then the image's entrypoint runs PostgreSQL as postgres on it, as a standby (-R).
# Settings: ARCHIVE_DB_PRIMARY_HOST (db), ARCHIVE_REPLICA_SLOT (archive_replica: one a replica),
# ARCHIVE_DB_REPLICATION_USER (archive_replication).
set -euo pipefail
primary=${ARCHIVE_DB_PRIMARY_HOST:-db}
slot=${ARCHIVE_REPLICA_SLOT:-archive_replica}
user=${ARCHIVE_DB_REPLICATION_USER:-archive_replication}
file=${ARCHIVE_SECRETS_DIR:-/run/secrets}/archive.db.replication.password
: "${PGDATA:?db-replica: no PGDATA (run it in the database image)}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -r "$file" ] || { echo "db-replica: no $file (the replication role's password)" >&2; exit 1; }
  until pg_isready -q -h "$primary"; do sleep 2; done
  mkdir -p "$PGDATA"
  chown postgres: "$PGDATA"
  chmod 700 "$PGDATA"
  echo "db-replica: base backup of $primary (slot $slot)" >&2
  # the password in the environment of pg_basebackup only; -R writes it into the standby's primary_conninfo
  # (postgresql.auto.conf, mode 600 in the volume), where the walreceiver needs it at every reconnect.
  # A slot left by an earlier replica of this name is taken over: -C fails (before copying) when it exists.
  PGPASSWORD=$(cat "$file") gosu postgres pg_basebackup -h "$primary" -U "$user" -D "$PGDATA" -R -X stream -C -S "$slot" \
    || PGPASSWORD=$(cat "$file") gosu postgres pg_basebackup -h "$primary" -U "$user" -D "$PGDATA" -R -X stream -S "$slot"
fi
# the standby's settings: queries on it are not cancelled by the primary's vacuum, nor for minutes by replay;
# at least the primary's max_connections (compose.cluster.yaml gives both 300)
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on -c max_standby_streaming_delay=5min \
  -c max_connections=300
