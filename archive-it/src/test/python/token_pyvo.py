"""pyvo (the Debian python3-pyvo package) with a personal API token on a PRIVATE table of the running archive.

Makes a scratch table whose data and metadata are PRIVATE to a group, and a member of that group (deploy/user),
who creates a token with their password (POST /account/tokens). Then, as a VO user would:
  - pyvo.auth.AuthSession with the token as the HTTP Basic password: pyvo reads the security methods from the
    capabilities (ivo://ivoa.net/sso#BasicAA) and sends it; sync and async queries see the table and its rows;
  - a requests session with an "Authorization: Bearer" header, as TAPService's session: the same rows;
  - anonymous pyvo: the table is unknown;
  - the token revoked: the Bearer session is refused (401), never answered as anonymous.
Removes the table, the group and the users at the end, whatever happened. Usage:
    python3 token_pyvo.py http://localhost:8080
with the archive's ARCHIVE_DB_* settings in the environment (deploy/test exports them). Exits non-zero on the
first failed check.
"""
import sys

import pyvo
import requests
from pyvo.auth import AuthSession

from archive_fixtures import answered, check, delete_users, make_user, owner_sql, password

BASE = sys.argv[1].rstrip("/")
SCHEMA = "pyvo_token"
TABLE = SCHEMA + ".secrets"
GROUP = "pyvo_token_readers"
ADMIN = "pyvo-token-admin"
MEMBER = "pyvo-token-member"
QUERY = f"SELECT id, word FROM {TABLE} ORDER BY id"
WORDS = ["alpha", "beta", "gamma"]


def rows(table):
    return [(int(r["id"]), str(r["word"])) for r in table]


EXPECTED = list(enumerate(WORDS, 1))


def set_up(admin):
    owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}';"
              f" CREATE SCHEMA {SCHEMA}; CREATE TABLE {TABLE} (id integer PRIMARY KEY, word text);"
              f" INSERT INTO {TABLE} VALUES " + ", ".join(f"({i}, '{w}')" for i, w in EXPECTED))
    answered(admin.post(f"{BASE}/admin/metadata/discover", params={"schema": SCHEMA}), 200, "discovery")
    schema = answered(admin.get(f"{BASE}/admin/metadata/schemas/{SCHEMA}"), 200, "the schema").json()
    answered(admin.put(f"{BASE}/admin/metadata/schemas/{SCHEMA}", json={"published": True, "version": schema["version"]}),
             200, "publishing the schema")
    answered(admin.put(f"{BASE}/admin/metadata/tables/{TABLE}/groups", json=[GROUP]), 200, "the table's group")
    table = answered(admin.get(f"{BASE}/admin/metadata/tables/{TABLE}"), 200, "the table").json()
    answered(admin.put(f"{BASE}/admin/metadata/tables/{TABLE}", json={
        "published": True, "dataAccess": "PRIVATE", "metadataAccess": "PRIVATE", "version": table["version"]}),
        200, "the table PRIVATE and published")


def run():
    admin_password, member_password = password(), password()
    make_user(ADMIN, admin_password, "admin")
    make_user(MEMBER, member_password, GROUP)
    admin = requests.Session()
    admin.auth = (ADMIN, admin_password)
    set_up(admin)

    # the token, made with the password as a script would (the account page does the same from a session)
    owner = requests.Session()
    owner.auth = (MEMBER, member_password)
    created = answered(owner.post(f"{BASE}/account/tokens", json={"name": "pyvo", "days": 1}), 201, "the token").json()
    token = created["token"]
    check(token.startswith("voat_"), f"a personal token: {token[:5]}...")

    anonymous = pyvo.dal.TAPService(f"{BASE}/tap")
    try:
        anonymous.run_sync(QUERY)
        check(False, "anonymous pyvo read the PRIVATE table")
    except pyvo.dal.DALQueryError as e:
        check(TABLE in str(e) or "not found" in str(e).lower(), f"anonymous: the table is unknown: {e}")
    check(TABLE not in [t.name for t in anonymous.tables], "anonymous: not in the tables")
    print("ok anonymous pyvo does not see the table")

    # HTTP Basic with the token as the password, negotiated by pyvo from the capabilities
    auth = AuthSession()
    auth.credentials.set_password(MEMBER, token)
    basic = pyvo.dal.TAPService(f"{BASE}/tap", session=auth)
    check(rows(basic.run_sync(QUERY).to_table()) == EXPECTED, "pyvo.auth (Basic, token as password): the rows")
    check(rows(basic.run_async(QUERY).to_table()) == EXPECTED, "pyvo.auth async: the rows")
    check(TABLE in [t.name for t in basic.tables], "pyvo.auth: the table is listed")
    print("ok pyvo.auth.AuthSession with the token as the Basic password: sync, async, tables")

    # a Bearer token in the session's headers
    bearer_session = requests.Session()
    bearer_session.headers["Authorization"] = "Bearer " + token
    bearer = pyvo.dal.TAPService(f"{BASE}/tap", session=bearer_session)
    check(rows(bearer.run_sync(QUERY).to_table()) == EXPECTED, "Bearer: the rows")
    print("ok pyvo with a Bearer token: sync")

    answered(owner.delete(f"{BASE}/account/tokens/{created['id']}"), 204, "revoking the token")
    # pyvo reads the 401's DALI error document as the query's error: the archive's message, not anonymous rows
    for service, what, message in [(bearer, "Bearer", "unknown, expired or revoked token"),
                                    (basic, "Basic", "wrong user name or token")]:
        try:
            service.run_sync(QUERY)
            check(False, f"a revoked token still queried ({what})")
        except (pyvo.dal.DALQueryError, pyvo.dal.DALServiceError) as e:
            check(message in str(e), f"{what}: a revoked token is refused: {e}")
    refused = bearer_session.get(f"{BASE}/tap/sync", params={"LANG": "ADQL", "QUERY": QUERY})
    check(refused.status_code == 401 and refused.headers.get("WWW-Authenticate", "").startswith("Basic realm="),
          f"HTTP 401 with a challenge: {refused.status_code} {refused.headers}")
    print("ok a revoked token is refused (401)")


def clean_up():
    owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}';"
              f" DELETE FROM archive.groups WHERE name = '{GROUP}'")
    delete_users(ADMIN, MEMBER)


try:
    run()
finally:
    clean_up()
print("all token checks passed")
