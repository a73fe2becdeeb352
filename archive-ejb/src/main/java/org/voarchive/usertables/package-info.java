/**
 * Personal tables (issue #22): tables signed-in users create, describe, load, index, share and drop in their own
 * schema {@code user_<login>} (the schema of their kept results, {@code tap.KeptSchemas}), through VOSI 1.2's
 * user-managed tables and CADC youcat's interface (so pyvo's and cadc-tap's client code works).
 *
 * <p>This package owns the rules: names ({@link org.voarchive.usertables.PersonalNames}), the tables' life
 * cycle and access ({@link org.voarchive.usertables.PersonalTables}: every write one transaction on the
 * application role, which owns the tables), sharing in youcat's permissions text
 * ({@link org.voarchive.usertables.Sharing}), loading rows, index and load jobs, and the one exception of the
 * protocol ({@link org.voarchive.usertables.TableRequestException}, answered as {@code text/plain}).
 *
 * <p>Personal tables live in the one metadata model (archive.schemas/tables/columns with an owner, V30), so
 * TAP_SCHEMA, VOSI, the ADQL checker and the portal see them through the views and the read model they already
 * use, with the access levels of published tables; consumers that publish to the outside (registry, OAI-PMH,
 * DOIs, ObsCore, cone search, datalink) leave them out through {@code PublishedMetadata.withoutPersonal()}.
 * What changes with every load (rows, bytes) is in archive.personal_tables, so loads do not move the metadata
 * generation. Quotas are {@code account.StorageQuotas}' (a package both this one and {@code uws} use).
 */
package org.voarchive.usertables;
