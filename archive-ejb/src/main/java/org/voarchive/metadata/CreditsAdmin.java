package org.voarchive.metadata;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;

/**
 * Credits (creators, contributors, related identifiers) of schemas and
 * tables: stored as validated JSON on the object's row and versioned with it.
 */
@Stateless
public class CreditsAdmin {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** Where the credits of a kind of object live; names are schema, or schema and table. */
    public enum Owner {
        SCHEMA("archive.schemas o", "o.name = ?", "archive.schemas o", ""),
        TABLE("archive.tables o JOIN archive.schemas s ON s.id = o.schema_id", "s.name = ? AND o.name = ?",
            "archive.tables o", " FROM archive.schemas s WHERE s.id = o.schema_id AND");

        private final String from;
        private final String where;
        private final String updated;
        private final String join;

        Owner(String from, String where, String updated, String join) {
            this.from = from;
            this.where = where;
            this.updated = updated;
            this.join = join;
        }
    }

    @EJB
    private DataSources dataSources;

    /** The credits with the object's version; empty if there is no such object. */
    public Optional<Credits> credits(Owner owner, List<String> names) throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT o.credits::text, o.version FROM " + owner.from + " WHERE " + owner.where)) {
            bind(s, names, 1);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Credits stored = JSON.fromJson(rs.getString(1), Credits.class);
                return Optional.of(new Credits(stored.creators(), stored.contributors(), stored.relatedIdentifiers(),
                    stored.resourceVersion(), rs.getInt(2)));
            }
        }
    }

    /**
     * Replaces the credits, if the object is still at {@code edit.version()} (unless {@code checkVersion} is false,
     * as for imports).
     *
     * @return the credits as stored (ids in canonical form), empty if there is no such object
     * @throws InvalidField naming the bad entry, e.g. creators[0].orcid
     * @throws VersionConflict if someone else changed the object in between
     */
    public Optional<Credits> setCredits(Owner owner, List<String> names, Credits edit, boolean checkVersion)
            throws SQLException {
        if (edit == null) {
            throw new InvalidField("credits", "a JSON object with creators, contributors and relatedIdentifiers is required");
        }
        if (checkVersion && edit.version() == null) {
            throw new InvalidField("version", "the version read is required");
        }
        Credits credits = CreditsValidation.normalized(edit);
        String document = JSON.toJson(new Credits(credits.creators(), credits.contributors(),
            credits.relatedIdentifiers(), credits.resourceVersion(), null));
        String where = owner.join.isEmpty() ? " WHERE " : owner.join + " ";
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE " + owner.updated + " SET credits = CAST(? AS jsonb), version = o.version + 1, updated = now()"
                    + where + owner.where + " AND (? OR o.version = ?)")) {
            s.setString(1, document);
            int next = bind(s, names, 2);
            s.setBoolean(next, !checkVersion);
            s.setInt(next + 1, checkVersion ? edit.version() : 0);
            if (s.executeUpdate() == 0) {
                Optional<Credits> current = credits(owner, names);
                if (current.isPresent()) {
                    throw new VersionConflict(String.join(".", names), current.get().version());
                }
                return Optional.empty();
            }
        }
        return credits(owner, names);
    }

    private static int bind(PreparedStatement s, List<String> names, int first) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            s.setString(first + i, names.get(i));
        }
        return first + names.size();
    }
}
