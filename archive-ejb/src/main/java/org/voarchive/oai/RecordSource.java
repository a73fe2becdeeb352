package org.voarchive.oai;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One kind of record the OAI-PMH repository serves, in sets of its own: the DOI records (package {@code doi})
 * and the VO resources of the publishing registry (package {@code registry}). {@link OaiService} keeps the
 * protocol (verbs, arguments, paging, tokens, errors) and asks every source; a source knows only its records.
 * Items are in (datestamp, ID) order, IDs compared as Java compares strings (PostgreSQL's "C" collation).
 */
public interface RecordSource {

    /** Its place among the sources: their sets, formats and Identify descriptions are listed in this order. */
    int rank();

    /** Its sets. */
    List<MetadataFormat.Set> sets();

    /** The formats its records are offered in. */
    List<MetadataFormat> formats();

    /** Whether its records are offered in the format of this prefix. */
    default boolean offers(String prefix) {
        return formats().stream().anyMatch(f -> f.prefix().equals(prefix));
    }

    /** Brings its datestamps up to date before a list starts (resumed pages go on from the same state). */
    default void reconcile() throws SQLException {
    }

    /** How many of a set's items are tombstones (deleted records); none by default. */
    default long tombstones(String set) throws SQLException {
        return 0;
    }

    /** When {@link #reconcile} last brought it up to date; empty for a source that has nothing to reconcile. */
    default Optional<Instant> reconciled() throws SQLException {
        return Optional.empty();
    }

    /** The earliest datestamp any of its records has had; empty when it has none. */
    Optional<Instant> earliest() throws SQLException;

    /** Its item of this ID (the OAI identifier without the repository's prefix; an IVOID as it is), if it has one. */
    Optional<OaiItem> item(String id) throws SQLException;

    /**
     * Its items in a set (null: all its sets) changed between from and until (null: open), after the last item
     * of the previous page (null: from the start), at most {@code limit}.
     */
    List<OaiItem> page(String set, Instant from, Instant until, OaiItem after, int limit) throws SQLException;

    /** How many items {@link #page} would list without paging. */
    long count(String set, Instant from, Instant until) throws SQLException;

    /**
     * The metadata of its items that are not deleted, read together; an item missing from the answer has gone
     * since it was listed.
     */
    Map<String, Metadata> metadata(List<OaiItem> items) throws SQLException;

    /** What the source adds to Identify's {@code description}s (OAI-PMH 2.0 section 4.2); nothing by default. */
    default void describeRepository(XMLStreamWriter w) throws XMLStreamException, SQLException {
    }

    /** Whether a set is one of its own, or no set was asked for. */
    default boolean covers(String set) {
        return set == null || sets().stream().anyMatch(s -> s.spec().equals(set));
    }

    /** One record's metadata, written in a format the source offers. */
    @FunctionalInterface
    interface Metadata {

        /** @param identifier the record's OAI identifier */
        void write(RecordWriter out, String prefix, String identifier) throws XMLStreamException, SQLException;
    }
}
