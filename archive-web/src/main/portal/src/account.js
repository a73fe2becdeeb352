// The account page: its forms go to the account API (sign in, sign out, create and revoke personal tokens)
// and the answers show on the page. Text from the archive goes in with textContent only, never as HTML.
import { AccountError, call, shownTime } from "./account-api.js";

const page = document.getElementById("account-page");
const api = { signIn: page.dataset.signIn, signOut: page.dataset.signOut, tokens: page.dataset.tokens };

function say(element, text, isError) {
  element.textContent = text;
  element.classList.toggle("error", Boolean(isError));
}

/** What to tell the user about a failed call; an ended session needs the sign-in form again. */
function problem(e) {
  if (e instanceof AccountError && e.status === 401) {
    return `${e.message} Reload the page to sign in again.`;
  }
  return e.message;
}

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

const signIn = document.getElementById("sign-in");
if (signIn) {
  const status = document.getElementById("sign-in-status");
  const password = document.getElementById("password");
  signIn.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(document.getElementById("sign-in-button"), async () => {
      say(status, "Signing in\u2026", false);
      try {
        await call(api.signIn, "POST", new URLSearchParams(new FormData(signIn)));
        if (page.dataset.next) {
          window.location.assign(page.dataset.next); // the page that sent here to sign in (the server checked it)
        } else {
          window.location.reload(); // the page as the signed-in user sees it
        }
      } catch (e) {
        say(status, e.message, true);
        password.value = "";
        password.focus();
      }
    });
  });
}

// Creating an account (where the site allows it): it waits for an administrator's approval. A refusal that names
// its field ("name: ...", "password: ...") shows beside that field.
const signUp = document.getElementById("sign-up");
if (signUp) {
  const status = document.getElementById("sign-up-status");
  const fields = { name: "sign-up-user", password: "sign-up-password" };
  const show = (field, text) => {
    const error = document.getElementById(`${fields[field]}-error`);
    error.textContent = text || "";
    error.hidden = !text;
    document.getElementById(fields[field]).toggleAttribute("aria-invalid", Boolean(text));
  };
  signUp.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(document.getElementById("sign-up-button"), async () => {
      Object.keys(fields).forEach((f) => show(f, null));
      try {
        const answer = await call(page.dataset.signUp, "POST", new URLSearchParams(new FormData(signUp)));
        say(status, answer.message, false);
        signUp.reset();
      } catch (e) {
        const named = /^(name|password): /.exec(e.message);
        if (named) {
          show(named[1], e.message.slice(named[0].length));
          say(status, "Not created: see the field marked.", true);
        } else {
          say(status, e.message, true);
        }
      }
    });
  });
}

const signOut = document.getElementById("sign-out");
if (signOut) {
  signOut.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(document.getElementById("sign-out-button"), async () => {
      try {
        await call(api.signOut, "POST");
        window.location.reload();
      } catch (e) {
        if (e instanceof AccountError && e.status === 401) {
          window.location.reload(); // the session had ended already
        } else {
          say(document.getElementById("sign-out-status"), e.message, true);
        }
      }
    });
  });
}

const tokenForm = document.getElementById("token-form");
if (tokenForm) {
  const status = document.getElementById("token-status");
  const rows = document.querySelector("#tokens tbody");
  const list = document.querySelector("#tokens").closest(".table-scroll");
  const none = document.getElementById("no-tokens");
  const fresh = document.getElementById("new-token");

  const showList = () => {
    const empty = rows.children.length === 0;
    list.hidden = empty;
    none.hidden = !empty;
  };

  tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(document.getElementById("create-token"), async () => {
      const name = document.getElementById("token-name").value;
      const days = Number(document.getElementById("token-days").value);
      try {
        const token = await call(api.tokens, "POST", JSON.stringify({ name, days }), "application/json");
        document.getElementById("new-token-name").textContent = token.name;
        document.getElementById("new-token-secret").textContent = token.token;
        fresh.dataset.tokenId = String(token.id);
        fresh.hidden = false;
        rows.prepend(row(token));
        showList();
        tokenForm.reset();
        say(status, `Token \u201c${token.name}\u201d created, valid until ${shownTime(token.expires)}.`, false);
      } catch (e) {
        say(status, problem(e), true);
      }
    });
  });

  rows.addEventListener("click", (event) => {
    const button = event.target.closest("button.revoke");
    if (!button) {
      return;
    }
    const id = button.dataset.tokenId;
    busy(button, async () => {
      try {
        await call(`${api.tokens}/${encodeURIComponent(id)}`, "DELETE");
        const name = button.closest("tr").firstElementChild.textContent;
        button.closest("tr").remove();
        if (fresh.dataset.tokenId === id) {
          fresh.hidden = true; // no secret on the page of a token that no longer works
          document.getElementById("new-token-secret").textContent = "";
        }
        showList();
        say(status, `Token \u201c${name}\u201d revoked.`, false);
      } catch (e) {
        say(status, problem(e), true);
      }
    });
  });
}

/** A row of the token table, as the page's own rows are rendered. */
function row(token) {
  const tr = document.createElement("tr");
  tr.dataset.tokenId = String(token.id);
  const cell = (content) => {
    const td = document.createElement("td");
    td.append(content);
    tr.append(td);
  };
  const time = (iso) => {
    const element = document.createElement("time");
    element.dateTime = iso;
    element.textContent = shownTime(iso);
    return element;
  };
  cell(token.name);
  cell(time(token.created));
  cell(time(token.expires));
  cell(token.lastUsed ? time(token.lastUsed) : "never");
  const revoke = document.createElement("button");
  revoke.type = "button";
  revoke.className = "revoke secondary";
  revoke.dataset.tokenId = String(token.id);
  revoke.setAttribute("aria-label", `Revoke ${token.name}`);
  revoke.textContent = "Revoke";
  cell(revoke);
  return tr;
}
