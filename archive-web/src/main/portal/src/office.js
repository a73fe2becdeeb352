// The back office (/admin, office.BackOfficeResource): its page says which it is (main#office data-page); each
// is a client of the admin API, which it finds in main's data- attributes.
import { homePage } from "./office/home.js";
import { schemaPage } from "./office/schema.js";
import { tablePage } from "./office/table.js";
import { usersPage } from "./office/users.js";
import { operationsPage } from "./office/operations.js";
import { doisPage } from "./office/dois.js";
import { datalinksPage } from "./office/datalinks.js";
import { exchangePage } from "./office/exchange.js";

const main = document.getElementById("office");
const pages = { home: homePage, schema: schemaPage, table: tablePage, users: usersPage, operations: operationsPage,
  dois: doisPage, datalinks: datalinksPage, exchange: exchangePage };
if (main && pages[main.dataset.page]) {
  pages[main.dataset.page](main).catch((e) => {
    const status = document.getElementById("office-status");
    status.textContent = `The page failed: ${e.message}`;
    status.classList.add("error");
  });
}
