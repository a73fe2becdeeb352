package org.voarchive.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An operator's ADQL user-defined function (archive.functions, V18): its
 * TAPRegExt form, its documentation and the PostgreSQL it becomes.
 */
@Entity
@Table(name = "functions", schema = "archive")
@NamedQuery(name = AdqlFunction.ALL, query = "SELECT f FROM AdqlFunction f ORDER BY f.name")
@NamedQuery(name = AdqlFunction.BY_NAME, query = "SELECT f FROM AdqlFunction f WHERE f.name = :name")
public class AdqlFunction {

    public static final String ALL = "AdqlFunction.all";
    public static final String BY_NAME = "AdqlFunction.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String name;

    @Column(nullable = false)
    private String form;

    @Column(name = "sql_template")
    private String sqlTemplate;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private boolean published;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private int version;

    protected AdqlFunction() {
    }

    public AdqlFunction(String name) {
        this.name = name;
        this.created = Instant.now();
    }

    /** @param sqlTemplate null: the database function of the same name */
    public void set(String form, String sqlTemplate, String description, boolean published) {
        this.form = form;
        this.sqlTemplate = sqlTemplate;
        this.description = description;
        this.published = published;
        this.updated = Instant.now();
    }

    public String name() {
        return name;
    }

    public String form() {
        return form;
    }

    public String sqlTemplate() {
        return sqlTemplate;
    }

    public String description() {
        return description;
    }

    public boolean published() {
        return published;
    }

    public int version() {
        return version;
    }
}
