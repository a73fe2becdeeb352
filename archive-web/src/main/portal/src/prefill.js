// The query the page starts with when its address names a table (/query?table=schema.table, as the home
// page's and the landing pages' Query buttons link it): a first look at that table's rows.

/** An ADQL table name: one to three regular identifiers, as the archive's schemas and tables are named. */
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){0,2}$/;

/**
 * The query for the table the address's search part names, or null if it names none (or something that is
 * no table name: the page never writes text from its address into the editor).
 */
export function tableQuery(search) {
  const table = new URLSearchParams(search).get("table");
  return table && TABLE_NAME.test(table) ? `SELECT TOP 10 *\nFROM ${table}` : null;
}
