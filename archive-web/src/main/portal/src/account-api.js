// The account API as the account page calls it, and the admin API as the back office does (JSON; same-origin
// requests only, which the archive's cross-site filter lets through because the browser names the archive itself
// as their Origin).

/**
 * A refusal to show: the service's own message, with the HTTP status, and the JSON answer it came in (the admin
 * API's names the field, or the version now), or null.
 */
export class AccountError extends Error {
  constructor(status, message, details = null) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

/**
 * What a failed answer says, in words: the JSON message of the account API, the text of a refusal written
 * before it (a 401 for an ended session, a 403 cross-site refusal, a 429), or the status.
 */
export function messageOf(status, contentType, text) {
  const type = contentType || "";
  if (type.includes("json")) {
    try {
      const message = JSON.parse(text).message;
      if (message) {
        return message;
      }
    } catch (e) {
      // not JSON after all: the status below
    }
  } else if (type.startsWith("text/plain") && text.trim()) {
    return text.trim();
  }
  return `the archive answered HTTP ${status}`;
}

/** A failed answer's JSON object, or null. */
export function detailsOf(contentType, text) {
  if (!(contentType || "").includes("json")) {
    return null;
  }
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === "object" ? parsed : null;
  } catch (e) {
    return null;
  }
}

/** An ISO-8601 instant as the page shows times: "2026-12-05 14:03 UTC". */
export function shownTime(iso) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Sends a request; resolves to the parsed JSON answer (null without one), rejects with an AccountError. */
export async function call(url, method, body, contentType) {
  const headers = { Accept: "application/json" };
  if (contentType) {
    headers["Content-Type"] = contentType;
  }
  const response = await fetch(url, { method, body, headers, credentials: "same-origin" });
  const text = await response.text();
  if (!response.ok) {
    const type = response.headers.get("Content-Type") || "";
    throw new AccountError(response.status, messageOf(response.status, type, text), detailsOf(type, text));
  }
  return text ? JSON.parse(text) : null;
}
