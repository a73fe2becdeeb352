package org.voarchive.scs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.dali.DataOrigin;
import org.voarchive.database.Cancellation;
import org.voarchive.database.ReadRouting;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.TableName;
import org.voarchive.scs.xml.ConeSearchCapability;
import org.voarchive.site.SiteIdentity;
import org.voarchive.tap.QueryService;
import org.voarchive.tap.RunningQuery;
import org.voarchive.tap.TapLimits;
import org.voarchive.tap.TapRequest;
import org.voarchive.tap.UploadSource;
import uk.ac.starlink.table.ColumnInfo;

/**
 * Simple Cone Search over the tables whose metadata enable it: a cone becomes
 * ADQL and runs as a TAP sync query would (on a replica if one may serve it), with the access rules of the
 * table; the result's key columns then get the UCDs SCS 1.03 prescribes.
 */
@ApplicationScoped
public class ConeSearchService {

    @Inject
    QueryService queries;

    @Inject
    TapLimits limits;

    @Inject
    SiteIdentity site;

    /**
     * The table's metadata, if it has a cone search the caller may use.
     *
     * @throws DaliException 404 otherwise (unknown and forbidden alike, so nothing is given away)
     */
    public PublishedMetadata.Table find(String schema, String table, Caller caller) throws DaliException {
        return find(queries.metadata(caller), schema, table);
    }

    /** The cone searches the caller may use, in metadata order. */
    public List<PublishedMetadata.Table> list(Caller caller) throws DaliException {
        return queries.metadata(caller).withoutPersonal().tables().stream()
            .filter(PublishedMetadata.Table::coneSearchUsable).toList();
    }

    /** The path of a table's cone search below the base URL (its capabilities and availability are below it). */
    public static String path(String schema, String table) {
        return "/scs/" + segment(schema) + "/" + segment(table);
    }

    private static String segment(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The most rows this cone search returns. */
    public long maxRecords(ConeSearchSettings settings) {
        long configured = settings.maxRecords() == null ? limits.defaultMaxrec() : settings.maxRecords();
        return Math.min(configured, limits.hardMaxrec());
    }

    /**
     * @param parameters the request's parameters as given, which the result's Data Origin {@code request} states
     * @param callerName the authenticated user, or null
     * @return the executed query: the caller writes (or closes) it
     * @throws DaliException 400 for a bad cone (SR above maxSR), 404 for no such cone search, 5xx for faults
     */
    public RunningQuery search(String schema, String table, ConeRequest request, DaliParameters parameters,
                               String callerName) throws DaliException {
        Instant received = Instant.now();
        Caller caller = queries.caller(callerName);
        PublishedMetadata metadata = queries.metadata(caller);
        PublishedMetadata.Table t = find(metadata, schema, table);
        Double maxSR = t.coneSearch().maxSR();
        if (maxSR != null && request.sr() > maxSR) {
            throw DaliException.badRequest("SR=" + request.sr() + " is larger than this service's maxSR of " + maxSR
                + " degrees");
        }
        ConeSearchQuery cone = ConeSearchQuery.of(t, request, maxRecords(t.coneSearch()));
        TapRequest tap = new TapRequest(cone.adql(), "ADQL", request.format(), request.formatRequested(),
            OptionalLong.of(cone.maxrec()), null, List.of());
        // the cone search's own registry record and standardID; no ADQL was given, so no query item
        DataOrigin.Request origin = new DataOrigin.Request(ConeSearchCapability.STANDARD_ID, "Simple Cone Search 1.03",
            site.ivoid(path(schema, table)),
            DataOrigin.requestUrl(site.baseUrl() + path(schema, table), parameters.asMap()), received, null);
        RunningQuery running = queries.start(tap, caller, metadata, UploadSource.NONE, limits.syncTimeoutSeconds(),
            new Cancellation(), origin, Optional.of(ReadRouting.Read.SCS));
        describe(running, cone.columns());
        return running;
    }

    private static PublishedMetadata.Table find(PublishedMetadata metadata, String schema, String table)
            throws DaliException {
        TableName name = new TableName(schema, table);
        // cone searches are published services: never of users' personal tables
        return metadata.withoutPersonal().table(name).filter(PublishedMetadata.Table::coneSearchUsable)
            .orElseThrow(() -> new DaliException(404, "there is no cone search for " + name + " (or it needs a login)"));
    }

    /**
     * The key columns carry SCS 1.03's UCD1 words, which its clients (pyvo among them) look for; a FIELD
     * has one ucd, so their UCD1+ stays in TAP_SCHEMA and VOSI tables. The distance gets UCD1+ (SCS names none).
     */
    private static void describe(RunningQuery running, List<ConeSearchQuery.Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            ColumnInfo field = running.field(i);
            switch (outputs.get(i).role()) {
                case ID -> {
                    field.setUCD("ID_MAIN");
                    field.setDescription(outputs.get(i).column().description()); // a CAST to text has none of its own
                }
                case RA -> field.setUCD("POS_EQ_RA_MAIN");
                case DEC -> field.setUCD("POS_EQ_DEC_MAIN");
                case DISTANCE -> {
                    field.setUCD("pos.angDistance");
                    field.setUnitString("deg");
                    field.setDescription("Distance from the centre of the cone");
                }
                case OTHER -> {
                }
            }
        }
    }
}
