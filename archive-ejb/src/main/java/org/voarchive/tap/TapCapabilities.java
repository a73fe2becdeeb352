package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.voarchive.uws.JobQueueSettings;
import org.voarchive.uws.UwsSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voarchive.adql.LanguageFeatures;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.obscore.ObsCoreView;
import org.voarchive.site.SiteIdentity;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.capabilities.ParamHttp;
import org.voarchive.vosi.xml.capabilities.WebBrowser;

/**
 * The TAP service's VOSI capabilities: one TAPRegExt capability built from
 * what the code implements (the ADQL engine's features and functions, the
 * output formats, the configured limits), and the VOSI endpoints.
 */
@ApplicationScoped
public class TapCapabilities {

    public static final String TAP = "ivo://ivoa.net/std/TAP";
    /** DALI 1.1 section 2.3: the examples document, a page (vr:WebBrowser). */
    public static final String EXAMPLES = "ivo://ivoa.net/std/DALI#examples";
    /** ObsCore 1.1 section 4 (with the erratum): the data model ivoa.obscore implements. */
    public static final String OBSCORE_1_1 = "ivo://ivoa.net/std/ObsCore#core-1.1";
    /**
     * Personal tables (issue 22): the standardIDs CADC's youcat declares (opencadc/tap youcat capabilities.xml),
     * by which cadc-tap finds the endpoints; no IVOA standard defines them yet (VOSI 1.2 is a working draft).
     */
    public static final String TABLE_UPDATE_ASYNC = "ivo://ivoa.net/std/VOSI#table-update-async-1.x";
    public static final String TABLE_LOAD_SYNC = "ivo://ivoa.net/std/VOSI#table-load-sync-1.x";
    public static final String TABLE_PERMISSIONS = "ivo://ivoa.net/std/VOSI#table-permissions-1.x";

    @Inject
    SiteIdentity site;

    @Inject
    TapLimits limits;

    @Inject
    UwsSettings uws;

    @Inject
    org.voarchive.metadata.PublishedMetadataCache metadata;

    public byte[] document() {
        Capabilities doc = new Capabilities();
        doc.capabilities.addAll(capabilities());
        return doc.toXml(TableAccess.class);
    }

    /** The TAP capability and the VOSI ones, as the capabilities document and the registry record list them. */
    public List<Capability> capabilities() {
        String base = site.baseUrl() + "/tap";
        List<Capability> all = new java.util.ArrayList<>(List.of(tableAccess(base),
            new Capability("ivo://ivoa.net/std/VOSI#capabilities", ParamHttp.at(base + "/capabilities", "full")),
            new Capability("ivo://ivoa.net/std/VOSI#availability", ParamHttp.at(base + "/availability", "full")),
            new Capability("ivo://ivoa.net/std/VOSI#tables-1.1", ParamHttp.at(base + "/tables", "full")),
            new Capability(EXAMPLES, WebBrowser.at(site.baseUrl() + TapExamples.PATH))));
        all.addAll(personalTables(base));
        return List.copyOf(all);
    }

    /**
     * The endpoints of personal tables under the TAP base URL, as youcat declares them: base URLs, to which
     * clients append the qualified table name (load, permissions) or nothing (the table-update job list).
     */
    public static List<Capability> personalTables(String tapBase) {
        return List.of(new Capability(TABLE_UPDATE_ASYNC, ParamHttp.at(tapBase + "/table-update", "base")),
            new Capability(TABLE_LOAD_SYNC, ParamHttp.at(tapBase + "/load", "base")),
            new Capability(TABLE_PERMISSIONS, ParamHttp.at(tapBase + "/permissions", "base")));
    }

    private TableAccess tableAccess(String base) {
        TableAccess tap = new TableAccess();
        tap.standardID = TAP;
        ParamHttp http = ParamHttp.at(base, "base");
        http.role = "std";
        http.version = "1.1";
        tap.interfaces.add(http);
        if (obsCorePublished()) {
            tap.dataModels.add(new TableAccess.DataModel("ObsCore-1.1", OBSCORE_1_1));
        }
        tap.languages.add(adql(functions(), limits.queryMaxLength()));
        for (OutputFormat f : OutputFormat.values()) {
            TableAccess.OutputFormat format = new TableAccess.OutputFormat();
            format.ivoId = f.standardId().orElse(null);
            format.mime = f.mimeType();
            format.aliases.addAll(f.aliases());
            tap.outputFormats.add(format);
        }
        tap.uploadMethods.add(new TableAccess.UploadMethod("ivo://ivoa.net/std/TAPRegExt#upload-inline"));
        tap.uploadMethods.add(new TableAccess.UploadMethod("ivo://ivoa.net/std/TAPRegExt#upload-http"));
        tap.uploadMethods.add(new TableAccess.UploadMethod("ivo://ivoa.net/std/TAPRegExt#upload-https"));
        // TAPRegExt's time limits are those of UWS jobs: the default queue's, and the largest of any queue
        List<JobQueueSettings> queues = uws.queues();
        tap.executionDuration = new TableAccess.TimeLimits(queues.get(0).maxExecutionSeconds(),
            queues.stream().mapToLong(JobQueueSettings::maxExecutionSeconds).max().orElseThrow());
        tap.retentionPeriod = new TableAccess.TimeLimits(queues.get(0).retention().toSeconds(),
            queues.stream().mapToLong(q -> q.retention().toSeconds()).max().orElseThrow());
        tap.outputLimit = new TableAccess.DataLimits(new TableAccess.DataLimit(limits.defaultMaxrec(), "row"),
            new TableAccess.DataLimit(limits.hardMaxrec(), "row"));
        tap.uploadLimit = new TableAccess.DataLimits(null, new TableAccess.DataLimit(limits.uploadMaxBytes(), "byte"));
        return tap;
    }

    /** Declared only while ivoa.obscore exists (some table is mapped to it), as anonymous callers see it. */
    private boolean obsCorePublished() {
        try {
            return metadata.get(org.voarchive.metadata.Caller.ANONYMOUS).table(ObsCoreView.TABLE).isPresent();
        } catch (java.sql.SQLException e) {
            java.util.logging.Logger.getLogger(TapCapabilities.class.getName()).log(java.util.logging.Level.WARNING,
                "reading the published metadata failed; the capabilities declare no data model", e);
            return false;
        }
    }

    /** The standard functions and the operators' published ones; the standard ones alone if the database is down. */
    private org.voarchive.adql.FunctionRegistry functions() {
        try {
            return metadata.get(org.voarchive.metadata.Caller.ANONYMOUS).registry();
        } catch (java.sql.SQLException e) {
            java.util.logging.Logger.getLogger(TapCapabilities.class.getName()).log(java.util.logging.Level.WARNING,
                "reading the operators' ADQL functions failed; the capabilities list the standard ones", e);
            return StandardFunctions.registry();
        }
    }

    /** TAPRegExt 1.0 has no element for the longest query: the language's description says it. */
    private static TableAccess.Language adql(org.voarchive.adql.FunctionRegistry functions, int maxQueryLength) {
        TableAccess.Language adql = new TableAccess.Language();
        adql.name = "ADQL";
        adql.versions.add(new TableAccess.Version("2.0", "ivo://ivoa.net/std/ADQL#v2.0"));
        adql.versions.add(new TableAccess.Version("2.1", "ivo://ivoa.net/std/ADQL#v2.1"));
        adql.description = "ADQL 2.1 (queries in ADQL 2.0 are accepted as well), translated to PostgreSQL with pg_sphere;"
            + " a query has at most " + maxQueryLength + " characters";
        Map<String, TableAccess.FeatureList> byType = new LinkedHashMap<>();
        for (LanguageFeatures.Feature f : LanguageFeatures.supported(functions)) {
            TableAccess.FeatureList list = byType.computeIfAbsent(f.type(), t -> {
                TableAccess.FeatureList l = new TableAccess.FeatureList();
                l.type = t;
                return l;
            });
            TableAccess.Feature feature = new TableAccess.Feature();
            feature.form = f.form();
            feature.description = f.description() == null || f.description().isEmpty() ? null : f.description();
            list.features.add(feature);
        }
        adql.features.addAll(byType.values());
        return adql;
    }
}
