package org.voarchive.metadata;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A foreign key (archive.foreign_keys, TAP_SCHEMA.keys) with its column pairs
 * (TAP_SCHEMA.key_columns): read from the database by discovery, or declared
 * by an operator ({@code curated}), which discovery then leaves alone.
 */
@Entity
@Table(name = "foreign_keys", schema = "archive")
@NamedQuery(name = ForeignKey.BY_KEY_ID, query = "SELECT k FROM ForeignKey k WHERE k.keyId = :keyId")
@NamedQuery(name = ForeignKey.FROM_TABLE,
    query = "SELECT k FROM ForeignKey k WHERE k.fromTable = :table ORDER BY k.keyId")
public class ForeignKey {

    public static final String BY_KEY_ID = "ForeignKey.byKeyId";
    public static final String FROM_TABLE = "ForeignKey.fromTable";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_id", nullable = false, unique = true)
    private String keyId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "from_table_id")
    private ArchiveTable fromTable;

    @ManyToOne(optional = false)
    @JoinColumn(name = "target_table_id")
    private ArchiveTable targetTable;

    private String utype;

    private String description;

    @Column(nullable = false)
    private boolean curated;

    @OneToMany(mappedBy = "foreignKey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ForeignKeyColumn> columns = new ArrayList<>();

    protected ForeignKey() {
    }

    /** A key an operator declares. */
    public ForeignKey(String keyId, ArchiveTable fromTable) {
        this.keyId = keyId;
        this.fromTable = fromTable;
        this.curated = true;
    }

    /** Replaces what the key says (and makes it curated: an operator said it). */
    public void set(ArchiveTable target, List<String[]> fromAndTarget, String utype, String description) {
        this.targetTable = target;
        this.utype = utype;
        this.description = description;
        this.curated = true;
        columns.clear();
        for (int i = 0; i < fromAndTarget.size(); i++) {
            columns.add(new ForeignKeyColumn(this, i + 1, fromAndTarget.get(i)[0], fromAndTarget.get(i)[1]));
        }
    }

    public String keyId() {
        return keyId;
    }

    public ArchiveTable fromTable() {
        return fromTable;
    }

    public ArchiveTable targetTable() {
        return targetTable;
    }

    public String utype() {
        return utype;
    }

    public String description() {
        return description;
    }

    public boolean curated() {
        return curated;
    }

    public List<ForeignKeyColumn> columns() {
        return List.copyOf(columns);
    }
}
