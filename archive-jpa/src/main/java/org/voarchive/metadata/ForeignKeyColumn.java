package org.voarchive.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One column pair of a foreign key, in order (archive.foreign_key_columns, TAP_SCHEMA.key_columns). */
@Entity
@Table(name = "foreign_key_columns", schema = "archive")
@IdClass(ForeignKeyColumn.Key.class)
public class ForeignKeyColumn {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "foreign_key_id")
    private ForeignKey foreignKey;

    @Id
    private int position;

    @Column(name = "from_column", nullable = false)
    private String fromColumn;

    @Column(name = "target_column", nullable = false)
    private String targetColumn;

    protected ForeignKeyColumn() {
    }

    ForeignKeyColumn(ForeignKey foreignKey, int position, String fromColumn, String targetColumn) {
        this.foreignKey = foreignKey;
        this.position = position;
        this.fromColumn = fromColumn;
        this.targetColumn = targetColumn;
    }

    public String fromColumn() {
        return fromColumn;
    }

    public String targetColumn() {
        return targetColumn;
    }

    /** The primary key: the key's id and the pair's position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long foreignKey;
        private int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(foreignKey, k.foreignKey) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(foreignKey, position);
        }
    }
}
