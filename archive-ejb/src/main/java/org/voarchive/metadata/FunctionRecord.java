package org.voarchive.metadata;

/**
 * An operator's ADQL user-defined function as the admin API shows and takes it.
 *
 * @param form        the TAPRegExt form, {@code name(param TYPE, ...) -> TYPE}
 * @param sqlTemplate the PostgreSQL a call becomes, {@code {1}}, {@code {2}} ... for the arguments;
 *                    null for a database function of the same name
 * @param description what it does (TAPRegExt's feature description)
 * @param published   accepted in queries and listed in the capabilities
 * @param version     optimistic locking; null to create
 */
public record FunctionRecord(String name, String form, String sqlTemplate, String description, Boolean published,
                             Integer version) {
}
