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
import java.util.Arrays;
import java.util.List;

/**
 * A DALI example of the TAP service (archive.examples, V23): a titled, described
 * ADQL query that /tap/examples shows.
 */
@Entity
@Table(name = "examples", schema = "archive")
@NamedQuery(name = QueryExample.ALL, query = "SELECT e FROM QueryExample e ORDER BY e.position, e.name")
@NamedQuery(name = QueryExample.BY_NAME, query = "SELECT e FROM QueryExample e WHERE e.name = :name")
public class QueryExample {

    public static final String ALL = "QueryExample.all";
    public static final String BY_NAME = "QueryExample.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String name;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String query;

    /** One qualified table name a line: the column is text, which needs no array mapping. */
    @Column(nullable = false)
    private String tables;

    private String upload;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private int version;

    protected QueryExample() {
    }

    public QueryExample(String name) {
        this.name = name;
        this.created = Instant.now();
    }

    public void set(String title, String description, String query, List<String> tables, String upload, int position) {
        this.title = title;
        this.description = description;
        this.query = query;
        this.tables = String.join("\n", tables);
        this.upload = upload;
        this.position = position;
        this.updated = Instant.now();
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String query() {
        return query;
    }

    public List<String> tables() {
        return tables == null || tables.isEmpty() ? List.of() : Arrays.asList(tables.split("\n"));
    }

    public String upload() {
        return upload;
    }

    public int position() {
        return position;
    }

    public int version() {
        return version;
    }
}
