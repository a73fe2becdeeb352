# Shared by the bench/ shell scripts (after deploy/lib.sh): the sync benchmark table, result streaming
# timed with curl, medians and memory sampling. Source it; do not run it.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The sync benchmark's table: its rows and the columns every sync load selects.
BENCH_SYNC_ROWS=${BENCH_SYNC_ROWS:-1000000}
# shellcheck disable=SC2034 # used by the scripts that source this file
BENCH_SYNC_COLUMNS="id, ra, dec, mag, flag, n, s, name, t, v"

# SQL that fills a table with the sync benchmark's rows: "CREATE TABLE x AS" or "INSERT INTO x" followed by
# the one generator (bench/sync_1m.sql); feed it to psql with -v rows=N.
sync_rows_sql() { # statement-prefix
  printf '%s\n' "$1"
  cat "$BENCH_DIR/sync_1m.sql"
  printf ';\n'
}

# The median of numbers, one a line on stdin.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# The pid of the local process listening on a TCP port (empty when none is, or it is not on this machine).
listening_pid() { # port
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}

# Samples a process's resident memory (KiB) every 0.2 s into a file until rss_stop; rss_stop prints the peak.
rss_start() { # pid file
  ( while [ -n "$1" ]; do ps -o rss= -p "$1"; sleep 0.2; done ) > "$2" 2>/dev/null &
  RSS_SAMPLER=$!
}
rss_stop() { # file
  kill "$RSS_SAMPLER" 2>/dev/null; wait "$RSS_SAMPLER" 2>/dev/null || true
  sort -n "$1" | tail -n 1 | tr -d ' ' | grep . || echo 0
}

# One sync TAP request streamed to nowhere: prints "seconds bytes http-status".
stream_sync() { # tap-url format adql maxrec
  curl -sS -o /dev/null -w '%{time_total} %{size_download} %{http_code}' --data-urlencode LANG=ADQL \
    --data-urlencode "QUERY=$3" --data-urlencode "MAXREC=$4" --data-urlencode "RESPONSEFORMAT=$2" "$1/sync"
}

# psql on the archive's database as its read-only query role (the role user queries run on).
query_psql() {
  PGPASSWORD=$ARCHIVE_DB_QUERY_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "${ARCHIVE_DB_HOST:-localhost}" \
    -p "${ARCHIVE_DB_PORT:-5432}" -U "$ARCHIVE_DB_QUERY_USER" -d "${ARCHIVE_DB_NAME:-archive}" "$@"
}

# (Re)creates the sync benchmark table SCHEMA.sync_1m in the archive's database and publishes it through the
# archive at base-url (discovery as a generated administrator, bench_admin).
create_sync_table() { # base-url schema
  local password schema=$2
  password=$(head -c 18 /dev/urandom | base64)
  log "creating $schema.sync_1m ($BENCH_SYNC_ROWS rows, 10 columns)"
  { printf 'CREATE SCHEMA IF NOT EXISTS %s;\nDROP TABLE IF EXISTS %s.sync_1m;\n' "$schema" "$schema"
    sync_rows_sql "CREATE TABLE $schema.sync_1m AS"
    cat <<SQL
-- the query role gets the columns when the table is published below (archive.sync_query_grants)
GRANT USAGE ON SCHEMA $schema TO "$ARCHIVE_DB_APP_USER";
GRANT SELECT ON $schema.sync_1m TO "$ARCHIVE_DB_APP_USER";
VACUUM ANALYZE $schema.sync_1m;
SQL
  } | owner_psql -v rows="$BENCH_SYNC_ROWS"
  echo "$password" | "$ARCHIVE_DEPLOY/user" bench_admin admin >/dev/null
  curl -fsS -o /dev/null -u "bench_admin:$password" -X POST "$1/admin/metadata/discover?schema=$schema"
  owner_psql -c "UPDATE archive.schemas SET published = true WHERE name = '$schema';
    UPDATE archive.tables SET published = true WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = '$schema');"
}

# The reference of the sync loads: the median seconds of n runs of psql's COPY ... TO STDOUT of the same
# columns of SCHEMA.sync_1m as the query role (the database's own fastest export, text format).
copy_seconds() { # n schema
  local times=() t0
  for _ in $(seq 1 "$1"); do
    t0=$(date +%s.%N)
    query_psql -c "COPY (SELECT $BENCH_SYNC_COLUMNS FROM $2.sync_1m) TO STDOUT" > /dev/null
    times+=("$(echo "$(date +%s.%N) - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | median
}
