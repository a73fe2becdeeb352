package org.voarchive.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A table or view the archive describes (archive.tables, TAP_SCHEMA.tables),
 * with its columns. Its version is the optimistic lock of everything that
 * belongs to it (columns, credits, cone search, foreign keys): a change to
 * any of them moves it on ({@link #changed()}).
 */
@Entity
@Table(name = "tables", schema = "archive")
@NamedQuery(name = ArchiveTable.BY_NAME,
    query = "SELECT t FROM ArchiveTable t WHERE t.schema.name = :schema AND t.name = :name")
public class ArchiveTable {

    public static final String BY_NAME = "ArchiveTable.byName";

    @Id
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "schema_id", updatable = false)
    private ArchiveSchema schema;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private int version;

    @OneToMany(mappedBy = "table", fetch = FetchType.LAZY)
    @OrderBy("name")
    private List<ArchiveColumn> columns;

    protected ArchiveTable() {
    }

    public long id() {
        return id;
    }

    /** schema.table */
    public String qualifiedName() {
        return schema.name() + "." + name;
    }

    public int version() {
        return version;
    }

    public List<ArchiveColumn> columns() {
        return List.copyOf(columns);
    }

    public Optional<ArchiveColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Something of the table changed: its update date, and with it its version, move on. */
    public void changed() {
        updated = Instant.now();
    }
}
