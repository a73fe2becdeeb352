package org.voarchive.datalink;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.dali.DataOrigin;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.site.SiteIdentity;

/**
 * The {links} of a list of IDs: the stored rows, then what every
 * {@link DynamicLinks} generator adds, all as the caller may see them
 * ({@link LinkAccess}: links to data need the table's data access level). An
 * ID that nothing knows, or of which the caller may use no row, gets one
 * NotFoundFault row: DataLink 1.1 (section 3.4) has no fault for a refused ID,
 * and the same answer for both says nothing about restricted objects.
 */
@ApplicationScoped
public class DatalinkService {

    private static final Logger LOG = Logger.getLogger(DatalinkService.class.getName());

    @EJB
    DataSources dataSources;

    @Inject
    PublishedMetadataCache metadata;

    @Inject
    SiteIdentity site;

    @Inject
    Instance<DynamicLinks> generators;

    @Inject
    @ConfigProperty(name = "archive.datalink.max-ids", defaultValue = "1000")
    int maxIds;

    /**
     * @param callerName the authenticated user, or null
     * @throws DaliException 500 (TransientFault) if the database cannot be read
     */
    public LinksResponse links(List<String> requested, String callerName) throws DaliException {
        return links(requested, context(callerName));
    }

    /**
     * As {@link #links(List, String)}, with the Data Origin INFOs of the response: the DataLink service and
     * the request ({@code parameters} as given) and the tables of the answered IDs' rows, from the same
     * published metadata the links were chosen with.
     */
    public LinksResponse links(List<String> requested, String callerName, DaliParameters parameters)
            throws DaliException {
        Instant received = Instant.now();
        LinkContext context = context(callerName);
        LinksResponse response = links(requested, context);
        DataOrigin.Request request = new DataOrigin.Request(LinksWriter.STANDARD_ID, "DataLink 1.1",
            site.ivoid(SiteIdentity.DATALINK),
            DataOrigin.requestUrl(site.baseUrl() + DatalinkCapabilities.LINKS_PATH, parameters.asMap()), received, null);
        return response.withOrigin(DataOrigin.of(DataOrigin.Site.of(site), request, context.metadata(), response.tables()));
    }

    /** What the caller sees, for generators and for callers that ask about several IDs in turn. */
    public LinkContext context(String callerName) throws DaliException {
        try {
            Caller caller = metadata.caller(callerName);
            // links, landing pages, DOIs and OAI-PMH records are of published data, never of users' personal tables
            return new LinkContext(metadata.get(caller).withoutPersonal(), site.baseUrl());
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "reading the metadata failed", e);
            throw new DaliException(503, "TransientFault: the links cannot be read now; the service log has the details");
        }
    }

    /** As {@link #links(List, String)}, for a caller whose view is read already. */
    public LinksResponse links(List<String> requested, LinkContext context) throws DaliException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(requested));
        boolean overflow = ids.size() > maxIds;
        if (overflow) {
            ids = ids.subList(0, maxIds); // never cut inside one ID's rows (DataLink 1.1 section 3.1.1)
        }
        try (Connection c = dataSources.app().getConnection()) {
            return links(c, ids, overflow, context, null);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "reading the datalink rows failed", e);
            throw new DaliException(503, "TransientFault: the links cannot be read now; the service log has the details");
        }
    }

    /**
     * The links of objects for their landing pages (a page of an OAI-PMH harvest): as {@link #links(List, String)}
     * without the limit of a {links} request, with what the stored rows say of each object, and the caller's view
     * they were chosen with, all read on one connection (every connection taken is a round trip to validate it).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // as PublishedMetadataCache.get: outside the caller's transaction
    public Described describe(List<String> requested, String callerName) throws DaliException {
        try (Connection c = dataSources.app().getConnection()) {
            LinkContext context = new LinkContext(metadata.get(c, metadata.caller(c, callerName)).withoutPersonal(),
                site.baseUrl());
            Map<String, StoredObject> objects = new HashMap<>();
            LinksResponse links = links(c, new ArrayList<>(new LinkedHashSet<>(requested)), false, context, objects);
            return new Described(context, links, objects);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "reading the datalink rows failed", e);
            throw new DaliException(503, "TransientFault: the links cannot be read now; the service log has the details");
        }
    }

    /**
     * @param context the caller's view the links were chosen with
     * @param objects what the stored rows of each ID that has some say of it
     */
    public record Described(LinkContext context, LinksResponse links, Map<String, StoredObject> objects) {
    }

    private LinksResponse links(Connection c, List<String> ids, boolean overflow, LinkContext context,
                                Map<String, StoredObject> objects) throws SQLException {
        List<String> tables = new ArrayList<>();
        Map<String, List<Link>> stored = StoredLinks.find(c, ids, context, tables, objects);
        List<Link> links = new ArrayList<>();
        for (String id : ids) {
            List<Link> found = new ArrayList<>(stored.getOrDefault(id, List.of()));
            for (DynamicLinks generator : generators) {
                found.addAll(generator.links(id, context));
            }
            links.addAll(found.isEmpty() ? List.of(Link.notFound(id)) : found);
            if (!found.isEmpty() && context.metadata().table(id).isPresent() && !tables.contains(id)) {
                tables.add(id); // a table asked about by name: its metadata links describe it
            }
        }
        return new LinksResponse(links, overflow, maxIds, tables, null);
    }

    public int maxIds() {
        return maxIds;
    }
}
