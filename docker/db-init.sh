#!/usr/bin/env bash
# Run once by the postgres image's entrypoint on an empty data directory, as the postgres user
# with the server on its socket: the archive's roles, database and pg_sphere, by deploy/provision-db.
set -euo pipefail
# the passwords are secret files named by their setting (ARCHIVE_DB_APP_PASSWORD: archive.db.app.password)
secret_file() { printf '%s/%s' "${ARCHIVE_SECRETS_DIR:-/run/secrets}" "$(printf '%s' "$1" | tr 'A-Z_' 'a-z.')"; }
for v in ARCHIVE_DB_OWNER_PASSWORD ARCHIVE_DB_APP_PASSWORD ARCHIVE_DB_QUERY_PASSWORD; do
  file=$(secret_file "$v")
  if [ -z "${!v:-}" ] && [ -r "$file" ]; then
    printf -v "$v" '%s' "$(cat "$file")"
    export "${v?}"
  fi
  [ -n "${!v:-}" ] || { echo "db-init: no $file (the secret files give the passwords; there are no defaults)" >&2; exit 1; }
done
# optional: the replication role for the replicas of docker/compose.cluster.yaml (db-replica)
file=$(secret_file ARCHIVE_DB_REPLICATION_PASSWORD)
if [ -z "${ARCHIVE_DB_REPLICATION_PASSWORD:-}" ] && [ -r "$file" ]; then
  ARCHIVE_DB_REPLICATION_PASSWORD=$(cat "$file")
  export ARCHIVE_DB_REPLICATION_PASSWORD
fi
# (deploy/check-containers runs this on the host, against the host's cluster, with ARCHIVE_DEPLOY_DIR)
ARCHIVE_DB_HOST=/var/run/postgresql PGUSER=postgres ARCHIVE_STATE_DIR=/tmp/voarchive \
  ARCHIVE_ENV_FILE=/tmp/voarchive/archive.env "${ARCHIVE_DEPLOY_DIR:-/opt/voarchive/deploy}/provision-db"
rm -f /tmp/voarchive/archive.env # the passwords stay in the secret files only
# Replicas connect over the compose network as the replication role: a pg_hba.conf line for it, only in the
# image's own data directory (PGDATA; the entrypoint's final start reads it) and only when the role exists.
# On the host (check-containers) PGDATA is unset: the host's pg_hba.conf is not ours to change.
if [ -n "${PGDATA:-}" ] && [ -n "${ARCHIVE_DB_REPLICATION_PASSWORD:-}" ] && [ -w "$PGDATA/pg_hba.conf" ] \
    && ! grep -q "^host replication ${ARCHIVE_DB_REPLICATION_USER:-archive_replication} " "$PGDATA/pg_hba.conf"; then
  echo "host replication ${ARCHIVE_DB_REPLICATION_USER:-archive_replication} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
fi
