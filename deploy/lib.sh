# Shared by the deploy/ commands: paths, settings, logging. Source it; do not run it.
# shellcheck shell=bash

# Every path here is absolute: the scripts hand them to other processes (the integration tests run
# in archive-it/, Payara in its domain), where a path relative to the caller's directory means nothing.
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
ARCHIVE_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The deploy/ commands, for scripts that call each other or hand a command to a test.
# shellcheck disable=SC2034 # used by the scripts that source this file
ARCHIVE_DEPLOY=$ARCHIVE_REPO/deploy
# Local runtime state: Payara installs, generated credentials, logs, pid files.
ARCHIVE_STATE_DIR=$(absolute "${ARCHIVE_STATE_DIR:-$ARCHIVE_REPO/.archive}")
# Generated on first provisioning (mode 600); sourced by every command.
ARCHIVE_ENV_FILE=$(absolute "${ARCHIVE_ENV_FILE:-$ARCHIVE_STATE_DIR/archive.env}")

PAYARA_VERSION=${PAYARA_VERSION:-$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ARCHIVE_REPO/pom.xml")}
PG_VERSION=${PG_VERSION:-15}

ARCHIVE_HTTP_PORT=${ARCHIVE_HTTP_PORT:-8080}
ARCHIVE_ADMIN_PORT=${ARCHIVE_ADMIN_PORT:-4848}
ARCHIVE_HEAP=${ARCHIVE_HEAP:-512m}
ARCHIVE_HTTP_THREADS=${ARCHIVE_HTTP_THREADS:-64}
ARCHIVE_LOG_FORMAT=${ARCHIVE_LOG_FORMAT:-json}
ARCHIVE_READY_TIMEOUT=${ARCHIVE_READY_TIMEOUT:-300}

log() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${0##*/}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Exports the settings of the env file (credentials, database URL) to child processes.
load_env() {
  [ -r "$ARCHIVE_ENV_FILE" ] || die "no $ARCHIVE_ENV_FILE: run deploy/provision-db first (or set ARCHIVE_ENV_FILE)"
  set -a
  # shellcheck disable=SC1090
  . "$ARCHIVE_ENV_FILE"
  set +a
  load_secret_files
  # links on pages follow the port the scripts serve on, unless the operator set a public URL
  export ARCHIVE_BASE_URL=${ARCHIVE_BASE_URL:-http://localhost:$ARCHIVE_HTTP_PORT}
  # async job results (UWS); the operator may put them on a larger disk
  ARCHIVE_UWS_RESULTS_DIR=$(absolute "${ARCHIVE_UWS_RESULTS_DIR:-$ARCHIVE_STATE_DIR/jobs}")
  export ARCHIVE_UWS_RESULTS_DIR
  # the archive's own files (scans, previews) that /files/... serves and datalinks point to
  ARCHIVE_FILES_DIR=$(absolute "${ARCHIVE_FILES_DIR:-$ARCHIVE_STATE_DIR/files}")
  export ARCHIVE_FILES_DIR
}

# A random secret (passwords the scripts generate): 32 hex digits.
random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

# The servers (Payara Server and Micro) run as this system user, never as root: deploy/ creates it when
# run as root. Run as another user, the scripts start the servers as that user.
ARCHIVE_SERVER_USER=${ARCHIVE_SERVER_USER:-voarchive}
[ "$(id -u)" = 0 ] || ARCHIVE_SERVER_USER=$(id -un)

# The settings a server reads from files (MicroProfile Config's directory source) and never from its
# environment: a process's environment is readable in /proc and passed to everything it starts.
SERVER_SECRET_KEYS="archive.db.owner.password archive.db.app.password archive.db.query.password archive.datacite.password
  archive.oai.token-secret"

# The environment variable of a setting, as MicroProfile Config maps them (archive.db.app.password: ARCHIVE_DB_APP_PASSWORD).
setting_variable() { printf '%s' "$1" | tr 'a-z.-' 'A-Z__'; }

# Secrets given as files, one a setting and named by its key (archive.db.app.password), in ARCHIVE_SECRETS_DIR:
# how containers receive them (Docker and Kubernetes secrets under /run/secrets) instead of variables. A file
# fills its variable for the scripts and tools; the servers get the secrets as files again (write_server_secrets),
# and as_server keeps the variables out of their environment.
load_secret_files() {
  # (the images name /run/secrets, which exists only where secrets are mounted)
  [ -n "${ARCHIVE_SECRETS_DIR:-}" ] && [ -d "$ARCHIVE_SECRETS_DIR" ] || return 0
  local key var
  for key in $SERVER_SECRET_KEYS; do
    var=$(setting_variable "$key")
    if [ -z "${!var:-}" ] && [ -f "$ARCHIVE_SECRETS_DIR/$key" ]; then
      [ -r "$ARCHIVE_SECRETS_DIR/$key" ] || die "$ARCHIVE_SECRETS_DIR/$key is not readable by $(id -un)"
      printf -v "$var" '%s' "$(cat "$ARCHIVE_SECRETS_DIR/$key")"
      export "${var?}"
    fi
  done
}

ensure_server_user() {
  [ "$(id -u)" = 0 ] || return 0
  id -u "$ARCHIVE_SERVER_USER" >/dev/null 2>&1 && return 0
  log "creating the system user $ARCHIVE_SERVER_USER (the servers run as it)"
  # a home of its own: Java takes user.home from the user database, and asadmin keeps its client files there
  # ARCHIVE_SERVER_UID: a fixed id (the container images' 10001, which mounted secret files are given to)
  useradd --system --user-group --create-home --home-dir "/var/lib/$ARCHIVE_SERVER_USER" --shell /usr/sbin/nologin \
    ${ARCHIVE_SERVER_UID:+--uid "$ARCHIVE_SERVER_UID"} "$ARCHIVE_SERVER_USER" \
    || die "could not create the system user $ARCHIVE_SERVER_USER"
}

# Gives files and directories to the server user (when run as root).
own_by_server() {
  if [ "$(id -u)" = 0 ]; then chown -R "$ARCHIVE_SERVER_USER:" "$@"; fi
}

# Runs a command as the server user, without the secret variables in its environment.
as_server() {
  local unset=() key
  for key in $SERVER_SECRET_KEYS; do unset+=(-u "$(setting_variable "$key")"); done
  if [ "$(id -u)" = 0 ]; then
    # -m keeps the environment (the archive's settings, which the server reads); HOME is the user's own
    env "${unset[@]}" HOME="$(getent passwd "$ARCHIVE_SERVER_USER" | cut -d: -f6)" \
      runuser -m -u "$ARCHIVE_SERVER_USER" -- "$@"
  else
    env "${unset[@]}" "$@"
  fi
}

# Forgets the secret variables (a foreground script that goes on running once the server has its files).
forget_secrets() {
  local key
  for key in $SERVER_SECRET_KEYS; do unset "$(setting_variable "$key")"; done
}

# Writes the secret settings of the environment as files, one a setting, readable by the server user only.
write_server_secrets() { # directory
  local dir=$1 key var
  rm -rf "$dir"
  (umask 077 && mkdir -p "$dir")
  for key in $SERVER_SECRET_KEYS; do
    var=$(setting_variable "$key")
    if [ -n "${!var:-}" ]; then (umask 077 && printf '%s' "${!var}" > "$dir/$key"); fi
  done
  own_by_server "$dir"
}

# The server user must reach the state directory: every directory above it must let others pass.
check_server_reaches() { # path
  [ "$(id -u)" = 0 ] || return 0
  runuser -u "$ARCHIVE_SERVER_USER" -- test -x "$1" \
    || die "the server user $ARCHIVE_SERVER_USER cannot reach $1: set ARCHIVE_STATE_DIR to a directory it can (e.g. under /var/lib)"
}

# Runs a PostgreSQL client (psql, pg_dump, pg_restore ...) as the owner role on the archive's database
# (after load_env; an explicit -d names another database).
as_owner() {
  PGPASSWORD=$ARCHIVE_DB_OWNER_PASSWORD PGHOST=${ARCHIVE_DB_HOST:-localhost} PGPORT=${ARCHIVE_DB_PORT:-5432} \
    PGUSER=$ARCHIVE_DB_OWNER_USER PGDATABASE=${ARCHIVE_DB_NAME:-archive} "$@"
}
owner_psql() { as_owner psql -X -q -v ON_ERROR_STOP=1 "$@"; }
# The same as the application role, which owns the tables in users' schemas (personal tables, kept results).
as_app() {
  PGPASSWORD=$ARCHIVE_DB_APP_PASSWORD PGHOST=${ARCHIVE_DB_HOST:-localhost} PGPORT=${ARCHIVE_DB_PORT:-5432} \
    PGUSER=$ARCHIVE_DB_APP_USER PGDATABASE=${ARCHIVE_DB_NAME:-archive} "$@"
}

# psql as the postgres superuser of the local cluster (root only).
local_superuser_psql() {
  PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -p "${ARCHIVE_DB_PORT:-5432}" -X -q -v ON_ERROR_STOP=1 "$@"
}

# The pid of the Payara Server that runs a domain of this state directory (the archive's, or a cluster node's:
# ARCHIVE_DOMAIN), for the benchmarks' memory readings and deploy/cluster's kill-node.
payara_server_pid() { # [domain]
  pgrep -f "$ARCHIVE_STATE_DIR/payara-[^ ]*/domains/${1:-${ARCHIVE_DOMAIN:-archive}}/config" | head -n 1
}

# Installs Debian packages that are missing (root only; apt-get update once).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing packages ${missing[*]}: install them or run as root"
  log "installing ${missing[*]}"
  if [ -z "${ARCHIVE_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
    export ARCHIVE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed"
}

# Build tools: a JDK 17 and Maven (Maven Central is the only source of Java artifacts), Node and npm for the
# portal's front end (Debian 12's nodejs 18 and npm 9 are enough; its packages come from the npm registry,
# pinned by archive-web/src/main/portal/package-lock.json), curl for readiness checks, unzip for the Payara
# Server distribution.
ensure_build_tools() {
  command -v javac >/dev/null && command -v mvn >/dev/null || apt_install openjdk-17-jdk-headless maven
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  command -v curl >/dev/null && command -v unzip >/dev/null || apt_install curl unzip
}

# Fetches an artifact from Maven Central into the local repository; prints its path.
maven_artifact() { # groupId artifactId version packaging
  local path
  path="${MAVEN_REPO:-$HOME/.m2/repository}/$(echo "$1" | tr . /)/$2/$3/$2-$3.$4"
  if [ ! -s "$path" ]; then
    mvn -q -B dependency:get -Dtransitive=false -Dartifact="$1:$2:$3:$4" >&2 \
      || die "cannot fetch $1:$2:$3:$4 from Maven Central"
  fi
  echo "$path"
}

# Runs a command-line tool of the archive (a main class in archive-ejb) with its runtime class path.
run_tool() { # main-class args...: a command-line tool of the product (archive-ejb)
  run_tool_of archive-ejb "$@"
}

# A tool of a module: its jar with the runtime class path its build wrote beside it (target/tools.classpath).
run_tool_of() { # module main-class args...
  local module=$1 jar candidate classpath_file="$ARCHIVE_REPO/$1/target/tools.classpath"
  shift
  jar=
  for candidate in "$ARCHIVE_REPO/$module/target/$module"-*.jar; do
    case $candidate in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) [ -r "$candidate" ] && jar=$candidate && break ;; esac
  done
  [ -n "$jar" ] && [ -r "$classpath_file" ] || die "no build of $module found: run deploy/build first"
  load_env
  exec java -cp "$jar:$(cat "$classpath_file")" "$@"
}

# Waits until URL answers 200 with a body containing TEXT; fails early when CHECK fails
# (a command that says whether the server is still alive and deploying).
wait_for() { # url text timeout check-command
  local url=$1 text=$2 deadline=$((SECONDS + $3)) check=$4 body
  while [ $SECONDS -lt $deadline ]; do
    if body=$(curl -fsS --max-time 10 "$url" 2>/dev/null) && grep -q "$text" <<<"$body"; then
      return 0
    fi
    $check || return 1
    sleep 1
  done
  log "no answer from $url within $3 s"
  return 1
}
