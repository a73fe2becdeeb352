#!/usr/bin/env python3
"""The account page in a real browser: Debian's headless Chromium driven by Selenium (python3-selenium) through
Debian's chromium-driver, as a person uses it (keys and clicks, not scripts):
  - a wrong password on the sign-in form shows the archive's message, and no session;
  - the right one signs in: the page shows the user's name and groups, the site header of every page (the
    account page, the query page, the home page, a landing page) names the user, and the session cookie is
    HttpOnly (no script sees it) and SameSite=Lax;
  - creating a token shows its secret once and lists it; the secret works as a Bearer token (asked here
    directly); after a reload the list still has it, without the secret;
  - Revoke removes it from the list, and the secret no longer works (401);
  - Sign out returns to the sign-in form, and the old cookie is refused (401);
  - no errors in the console (no CSP violations) but the 401 the wrong password provokes.
Makes its own user (deploy/user, with the archive's settings in the environment as deploy/test exports them)
and deletes it at the end. Screenshots of each step go to --screenshots (and one when a check failed).

Usage: python3 account_page.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import json
import os
import sys
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from chromium import check, main, no_console_errors, session

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, owner_sql, password  # noqa: E402

USER = "browser-account-user"
GROUP = "browser_account_group"
TOKEN_NAME = "browser test"
LANDING = "/landing/demo"
WRONG_PASSWORD = "/account/sign-in - Failed to load resource: the server responded with a status of 401 (Unauthorized)"


def status_of(base, path, headers):
    """The HTTP status of a GET asked without the browser."""
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def token_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")[:4]]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#tokens tbody tr")]


def steps(driver, wait, base, shots, secret_password):
    driver.get(base + "/account")
    user_field = wait.until(lambda d: d.find_element(By.ID, "user"))
    check(driver.find_element(By.ID, "account-link").text == "Sign in", "the header offers to sign in")
    check(driver.find_element(By.CSS_SELECTOR, "label[for=password]").text == "Password", "the fields are labelled")
    driver.save_screenshot(os.path.join(shots, "account-sign-in.png"))

    # a wrong password: the archive's message on the page, and no session
    user_field.send_keys(USER)
    driver.find_element(By.ID, "password").send_keys("not the password", Keys.ENTER)
    wait.until(lambda d: "wrong user name or password" in d.find_element(By.ID, "sign-in-status").text)
    check("error" in driver.find_element(By.ID, "sign-in-status").get_attribute("class"), "shown as an error")
    check(not driver.get_cookies(), f"no cookie for a wrong password: {driver.get_cookies()}")
    driver.save_screenshot(os.path.join(shots, "account-wrong-password.png"))
    print("ok: a wrong password shows the archive's message and signs no one in")

    # the right one: the page as the signed-in user sees it
    driver.find_element(By.ID, "password").send_keys(secret_password, Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.ID, "user-name"))
    check(driver.find_element(By.ID, "user-name").text == USER, "the page names the user")
    check(driver.find_element(By.ID, "user-groups").text == GROUP, "and the user's groups")
    check(driver.find_element(By.ID, "account-link").text == USER, "the header names the user")
    cookies = driver.get_cookies()
    check(len(cookies) == 1 and cookies[0]["name"] == "voarchive-session", f"one session cookie: {cookies}")
    cookie = cookies[0]
    check(cookie["httpOnly"] and cookie.get("sameSite") == "Lax" and cookie["path"] == "/",
          f"HttpOnly, SameSite=Lax, the whole site: {cookie}")
    check(driver.execute_script("return document.cookie") == "", "no script sees the session cookie")
    driver.save_screenshot(os.path.join(shots, "account-signed-in.png"))
    no_console_errors(driver, "the account page", [WRONG_PASSWORD])
    for page, path in (("the query page", "/query"), ("the home page", "/"), ("a landing page", LANDING)):
        driver.get(base + path)
        link = wait.until(lambda d: d.find_element(By.ID, "account-link"))
        check(link.text == USER and link.get_attribute("title") == "Your account", f"{page}'s header names the user too")
        no_console_errors(driver, page)
    print(f"ok: signed in as {USER} ({GROUP}); the cookie is HttpOnly and SameSite=Lax")

    # a token: shown once, listed, and it works as a Bearer token
    driver.get(base + "/account")
    name_field = wait.until(lambda d: d.find_element(By.ID, "token-name"))
    check(driver.find_element(By.ID, "no-tokens").is_displayed(), "no tokens yet")
    name_field.send_keys(TOKEN_NAME)
    days = driver.find_element(By.ID, "token-days")
    days.send_keys(Keys.CONTROL, "a")
    days.send_keys("7", Keys.ENTER)
    wait.until(lambda d: d.find_element(By.ID, "new-token").is_displayed())
    secret = driver.find_element(By.ID, "new-token-secret").text
    check(secret.startswith("voat_") and len(secret) == 48, f"the secret is shown: {secret[:5]}...")
    check(driver.find_element(By.ID, "new-token-name").text == TOKEN_NAME, "with its name")
    rows = token_rows(driver)
    check(len(rows) == 1 and rows[0][0] == TOKEN_NAME and rows[0][3] == "never", f"the token is listed: {rows}")
    check("created" in driver.find_element(By.ID, "token-status").text, "the status says so")
    driver.save_screenshot(os.path.join(shots, "account-token-created.png"))
    status, body = status_of(base, "/account/me", {"Authorization": "Bearer " + secret})
    check(status == 200 and json.loads(body)["name"] == USER, f"the token works as a Bearer token: {status} {body}")
    driver.refresh()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tokens tbody tr"))
    check([r[0] for r in token_rows(driver)] == [TOKEN_NAME], "still listed after a reload")
    check(secret not in driver.page_source and not driver.find_element(By.ID, "new-token").is_displayed(),
          "the secret is not shown again")
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "tokens"))
    driver.save_screenshot(os.path.join(shots, "account-token-listed.png"))
    print(f"ok: token '{TOKEN_NAME}' created, shown once, listed, and it works as a Bearer token")

    # revoke it
    driver.find_element(By.CSS_SELECTOR, "#tokens button.revoke").click()
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#tokens tbody tr"))
    check(driver.find_element(By.ID, "no-tokens").is_displayed(), "the list says there are none")
    check("revoked" in driver.find_element(By.ID, "token-status").text, "the status says so")
    driver.save_screenshot(os.path.join(shots, "account-token-revoked.png"))
    status, _ = status_of(base, "/account/me", {"Authorization": "Bearer " + secret})
    check(status == 401, f"the revoked token is refused: {status}")
    print("ok: Revoke removes the token, which is then refused (401)")

    # sign out
    driver.find_element(By.ID, "sign-out-button").click()
    wait.until(lambda d: d.find_elements(By.ID, "sign-in"))
    check(driver.find_element(By.ID, "account-link").text == "Sign in", "signed out: the header offers to sign in")
    check(not driver.get_cookies(), f"the browser forgot the cookie: {driver.get_cookies()}")
    status, _ = status_of(base, "/account/me", {"Cookie": f"{cookie['name']}={cookie['value']}"})
    check(status == 401, f"the old cookie is refused: {status}")
    driver.save_screenshot(os.path.join(shots, "account-signed-out.png"))
    print("ok: Sign out ends the session; its old cookie is refused (401)")

    no_console_errors(driver, "the account page")
    print("ok: no console errors under the pages' Content-Security-Policy")


def run(base, shots):
    secret_password = password()
    make_user(USER, secret_password, GROUP)
    try:
        return session("account", shots, lambda driver, wait: steps(driver, wait, base, shots, secret_password),
                       [WRONG_PASSWORD])
    finally:
        delete_users(USER)
        owner_sql(f"DELETE FROM archive.groups WHERE name = '{GROUP}'")


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "account page"))
