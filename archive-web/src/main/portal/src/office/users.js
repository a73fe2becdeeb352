// Users and groups (administrators only): who has an account, in which groups, with how many live sessions
// and tokens. Read from the admin API (/admin/accounts); users are made with deploy/user.
import { call } from "../account-api.js";
import { problem } from "./api.js";
import { el, place, say } from "./dom.js";

export async function usersPage(main) {
  const status = document.getElementById("office-status");
  const users = place("users");
  const groups = place("groups");
  let directory;
  try {
    directory = await call(main.dataset.accounts, "GET");
  } catch (e) {
    say(status, `The users cannot be read: ${problem(e)}`, true);
    return;
  }
  const table = (id, headings, rows) => el("div", { className: "table-scroll" }, el("table", { id },
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c, i) =>
      el("td", { className: typeof c === "number" ? "n" : null, text: i === 0 ? null : String(c ?? "") },
        i === 0 ? el("code", { text: c }) : null)))))));
  users.append(table("user-list", ["User", "Groups", "Since", "Sessions", "Tokens"], directory.users.map((u) =>
    [u.name, u.groups.join(", "), (u.created || "").slice(0, 10), u.sessions, u.tokens])));
  groups.append(table("group-list", ["Group", "Description", "Members"], directory.groups.map((g) =>
    [g.name, g.description || "", g.members])));
}
