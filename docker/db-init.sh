#!/usr/bin/env bash
# Run once by the postgres image's entrypoint on an empty data directory, as the postgres user
# with the server on its socket: the archive's roles, database and pg_sphere, by deploy/provision-db.
set -euo pipefail
for v in ARCHIVE_DB_OWNER_PASSWORD ARCHIVE_DB_APP_PASSWORD ARCHIVE_DB_QUERY_PASSWORD; do
  # the passwords are secret files named by their setting (ARCHIVE_DB_APP_PASSWORD: archive.db.app.password)
  file=${ARCHIVE_SECRETS_DIR:-/run/secrets}/$(printf '%s' "$v" | tr 'A-Z_' 'a-z.')
  if [ -z "${!v:-}" ] && [ -r "$file" ]; then
    printf -v "$v" '%s' "$(cat "$file")"
    export "${v?}"
  fi
  [ -n "${!v:-}" ] || { echo "db-init: no $file (the secret files give the passwords; there are no defaults)" >&2; exit 1; }
done
# (deploy/check-containers runs this on the host, against the host's cluster, with ARCHIVE_DEPLOY_DIR)
ARCHIVE_DB_HOST=/var/run/postgresql PGUSER=postgres ARCHIVE_STATE_DIR=/tmp/voarchive \
  ARCHIVE_ENV_FILE=/tmp/voarchive/archive.env "${ARCHIVE_DEPLOY_DIR:-/opt/voarchive/deploy}/provision-db"
rm -f /tmp/voarchive/archive.env # the passwords stay in the secret files only
