package org.voarchive.curation;

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
import java.util.OptionalLong;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * Credits (creators, contributors, related identifiers) of schemas and
 * tables: stored as validated JSON on the object's row and versioned with it.
 */
@Stateless
public class CreditsAdmin {

    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    private DataSources dataSources;

    /**
     * The credits with the object's version; empty if there is no such object.
     *
     * @param owner a schema or a table (columns have no credits)
     */
    public Optional<Credits> credits(VersionedObject owner, List<String> names) throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT o.credits::text AS credits, o.version FROM " + credited(owner).from + " WHERE " + owner.where)) {
            owner.bind(s, names, 1);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Credits stored = JSON.fromJson(rs.getString("credits"), Credits.class);
                return Optional.of(new Credits(stored.creators(), stored.contributors(), stored.relatedIdentifiers(),
                    stored.resourceVersion(), rs.getInt("version")));
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
    public Optional<Credits> setCredits(VersionedObject owner, List<String> names, Credits edit, boolean checkVersion)
            throws SQLException {
        credited(owner);
        if (edit == null) {
            throw new InvalidField("credits", "a JSON object with creators, contributors and relatedIdentifiers is required");
        }
        if (checkVersion && edit.version() == null) {
            throw new InvalidField("version", "the version read is required");
        }
        Credits credits = CreditsValidation.normalized(edit);
        String document = JSON.toJson(new Credits(credits.creators(), credits.contributors(),
            credits.relatedIdentifiers(), credits.resourceVersion(), null));
        try (Connection c = dataSources.app().getConnection()) {
            OptionalLong id = owner.lock(c, names, checkVersion ? edit.version() : null);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE " + owner.rows + " SET credits = CAST(? AS jsonb) WHERE id = ?")) {
                s.setString(1, document);
                s.setLong(2, id.getAsLong());
                s.executeUpdate();
            }
        }
        return credits(owner, names);
    }

    private static VersionedObject credited(VersionedObject owner) {
        if (owner == VersionedObject.COLUMN) {
            throw new IllegalArgumentException("columns have no credits, their schemas and tables have");
        }
        return owner;
    }
}
