"""What the client checks need inside the archive under test: users (made by deploy/user, as operators make
them) and SQL as the owner role (psql, with the ARCHIVE_DB_* settings of the environment, which deploy/test
exports), and the checks' way of failing. Nothing here talks HTTP: the checks use the archive's public
interfaces for the rest."""
import os
import secrets
import subprocess
import sys


def check(condition, message):
    """Stops the check script with FAIL and the message, exit status 1, unless the condition holds."""
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def answered(response, status, what):
    """The response, after checking its HTTP status (a requests.Response)."""
    check(response.status_code == status, f"{what}: HTTP {response.status_code}, expected {status}: {response.text}")
    return response

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def password():
    """A fresh password for a test user."""
    return "pw-" + secrets.token_urlsafe(18)


def make_user(name, pw, *groups):
    """Creates or resets a user with exactly these groups (deploy/user reads the password from stdin)."""
    done = subprocess.run([os.path.join(REPO, "deploy", "user"), name, *groups], input=pw + "\n", text=True,
                          capture_output=True)
    if done.returncode != 0:  # the tool's log (migrations, connections) only when it failed
        raise RuntimeError(f"deploy/user {name} failed: {done.stdout}{done.stderr}")


def owner_env():
    """psql's environment for the archive's owner role."""
    return dict(os.environ, PGPASSWORD=os.environ["ARCHIVE_DB_OWNER_PASSWORD"],
                PGHOST=os.environ.get("ARCHIVE_DB_HOST", "localhost"), PGPORT=os.environ.get("ARCHIVE_DB_PORT", "5432"),
                PGUSER=os.environ["ARCHIVE_DB_OWNER_USER"], PGDATABASE=os.environ.get("ARCHIVE_DB_NAME", "archive"),
                PGOPTIONS="-c client_min_messages=warning")


def owner_sql(sql):
    """Runs SQL as the archive's owner role; stops at the first error."""
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], env=owner_env(), check=True,
                   stdout=subprocess.DEVNULL)


def owner_copy(query):
    """What a query gives as the owner role, as CSV with a header line (COPY ... TO STDOUT)."""
    return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                           f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"], env=owner_env(), check=True,
                          capture_output=True, text=True).stdout


def delete_users(*names):
    """Deletes the users; their sessions and tokens go with them (ON DELETE CASCADE)."""
    owner_sql("DELETE FROM archive.users WHERE name IN (%s)" % ", ".join("'%s'" % n for n in names))
