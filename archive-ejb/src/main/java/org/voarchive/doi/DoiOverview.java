package org.voarchive.doi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.database.DataSources;
import org.voarchive.datalink.DatalinkService;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.doi.xml.DataCiteResource;

/**
 * The back office's view of the DOIs: what has one (published schemas and tables with a DOI, objects with a
 * {@code #doi} link), and for one of them the DataCite record as registration would send it, its validity
 * against the kernel 4.5 schema, and what DataCite has of it.
 */
@ApplicationScoped
public class DoiOverview {

    /** How many objects with a DOI the list names (a page of the back office, not a harvest). */
    public static final int LISTED_OBJECTS = 1000;

    @Inject
    DatalinkService datalink;

    @Inject
    DataCiteRecords records;

    @Inject
    DataCiteRegistration registration;

    @EJB
    DataSources dataSources;

    /** A schema, table or object with a DOI. */
    public record Entry(String id, String kind, String doi, String title) {
    }

    /**
     * Where a DOI stands at DataCite: {@code not-configured}, {@code not-registered}, {@code draft},
     * {@code registered}, {@code findable} or {@code failed} (with the reason).
     */
    public record Registration(String state, String reason) {
    }

    /** The DataCite record of one ID, as XML, with its problems against the schema (none: valid). */
    public record View(Entry entry, byte[] xml, List<String> problems, Registration registration) {
    }

    /** The published schemas and tables the caller may see that have a DOI, then objects with a #doi link. */
    public List<Entry> list(String callerName) throws SQLException, DaliException {
        List<Entry> entries = new ArrayList<>();
        for (PublishedMetadata.Schema s : datalink.context(callerName).metadata().schemas()) {
            if (s.publication().doi() != null) {
                entries.add(new Entry(s.name(), "schema", s.publication().doi(), s.title()));
            }
            for (PublishedMetadata.Table t : s.tables()) {
                if (t.publication().doi() != null) {
                    entries.add(new Entry(t.qualifiedName(), "table", t.publication().doi(), t.title()));
                }
            }
        }
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT object_id, min(access_url) AS doi FROM archive.datalinks
                 WHERE semantics = '#doi' AND access_url IS NOT NULL GROUP BY object_id ORDER BY object_id LIMIT ?""")) {
            s.setInt(1, LISTED_OBJECTS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString("object_id"), "object",
                        rs.getString("doi").replaceFirst("^https?://(dx\\.)?doi\\.org/", ""), null));
                }
            }
        }
        return entries;
    }

    /** @return empty if the ID has no DOI or the caller may not see it */
    public Optional<View> view(String id, String callerName) throws SQLException, DaliException {
        Optional<DataCiteResource> record = records.record(id, callerName);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        DataCiteResource r = record.get();
        byte[] xml = r.toXml(false);
        String title = r.titles.isEmpty() ? null : r.titles.get(0).value;
        String kind = r.resourceType == null ? null : r.resourceType.value;
        return Optional.of(new View(new Entry(id, kind, r.identifier.value, title), xml, DataCiteValidation.problems(xml),
            registration(r.identifier.value)));
    }

    /** What DataCite says of the DOI, asked now (its state is DataCite's, not kept here). */
    public Registration registration(String doi) {
        if (!registration.configured()) {
            return new Registration("not-configured", null);
        }
        try {
            DataCiteRegistration.Outcome o = registration.lookup(doi);
            if (o.status() == 404) {
                return new Registration("not-registered", null);
            }
            if (o.status() / 100 != 2) {
                return new Registration("failed", "DataCite answered HTTP " + o.status() + ": " + abbreviated(o.body()));
            }
            JsonObject data = Json.createReader(new StringReader(o.body())).readObject().getJsonObject("data");
            String state = data == null || data.getJsonObject("attributes") == null ? null
                : data.getJsonObject("attributes").getString("state", null);
            return state == null ? new Registration("failed", "DataCite's answer names no state: " + abbreviated(o.body()))
                : new Registration(state, null);
        } catch (DaliException e) {
            return new Registration("failed", e.getMessage());
        } catch (JsonException | ClassCastException e) {
            return new Registration("failed", "DataCite's answer is no JSON API document: " + abbreviated(e.getMessage()));
        }
    }

    private static String abbreviated(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 300 ? t.substring(0, 300) + "\u2026" : t;
    }
}
