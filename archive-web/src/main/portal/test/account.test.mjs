// node --test test/account.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { messageOf, shownTime } from "../src/account-api.js";

test("the account API's JSON message is what the page shows", () => {
  assert.equal(messageOf(401, "application/json;charset=UTF-8", '{"message":"wrong user name or password"}'),
    "wrong user name or password");
});

test("a refusal written before the API (text) is shown as its text", () => {
  assert.equal(messageOf(403, "text/plain;charset=UTF-8", "cross-site request refused: ...\n"),
    "cross-site request refused: ...");
});

test("anything else is the status, never a raw document", () => {
  assert.equal(messageOf(500, "text/html", "<html>oops</html>"), "the archive answered HTTP 500");
  assert.equal(messageOf(502, "application/json", "not json"), "the archive answered HTTP 502");
  assert.equal(messageOf(500, null, ""), "the archive answered HTTP 500");
});

test("times show as the server renders them", () => {
  assert.equal(shownTime("2026-12-05T14:03:27Z"), "2026-12-05 14:03 UTC");
  assert.equal(shownTime("2026-12-05T14:03:27.123456Z"), "2026-12-05 14:03 UTC");
});
