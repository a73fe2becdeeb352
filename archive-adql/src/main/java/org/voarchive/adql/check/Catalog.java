package org.voarchive.adql.check;

import java.util.Collection;

/**
 * The tables a caller may query, with their columns: the published metadata
 * filtered by what the caller may see. The EJB layer implements it from the
 * metadata model; tests and the CLI from fixed lists.
 */
@FunctionalInterface
public interface Catalog {

    Collection<TableInfo> tables();
}
