package org.voarchive.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A database schema the archive describes (archive.schemas, TAP_SCHEMA.schemas).
 * Mapped for what the entity-based admin code reads; its curated fields are
 * edited through the metadata admin's SQL.
 */
@Entity
@Table(name = "schemas", schema = "archive")
public class ArchiveSchema {

    @Id
    private long id;

    @Column(nullable = false, updatable = false)
    private String name;

    protected ArchiveSchema() {
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
