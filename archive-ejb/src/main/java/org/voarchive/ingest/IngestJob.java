package org.voarchive.ingest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.TableName;
import org.voarchive.obscore.ObsCoreView;
import org.voarchive.site.SiteIdentity;
import org.voarchive.table.StilTable;
import org.voarchive.table.TableDefinition;
import org.voarchive.table.TableLoader;
import org.voarchive.table.UntrustedTable;
import org.voarchive.uws.ErrorType;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;
import org.voarchive.uws.JobExecutor;
import org.voarchive.uws.JobFailure;
import org.voarchive.uws.JobResult;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingest as a UWS job (job list "ingest", behind /admin/ingest): the table file
 * uploaded as part {@value #FILE_PART}, loaded into TABLE=schema.table exactly
 * as deploy/ingest does, with the rows loaded so far as the job's progress. A
 * failure (or ABORT, which cancels the COPY) leaves nothing created.
 */
@ApplicationScoped
public class IngestJob implements JobExecutor {

    public static final String JOB_LIST = "ingest";
    /** The multipart part holding the table file. */
    public static final String FILE_PART = "file";

    @EJB
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.db.app.user", defaultValue = "archive_app")
    String appRole;

    @Inject
    SiteIdentity site;

    @Override
    public String jobList() {
        return JOB_LIST;
    }

    @Override
    public List<JobResult> execute(Job job, JobContext context) throws JobFailure {
        String target = job.parameter("TABLE").map(String::trim)
            .orElseThrow(() -> fatal("TABLE is missing: give TABLE=schema.table"));
        if (!target.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
            throw fatal("TABLE=" + target + " must be schema.table, each a plain SQL name");
        }
        Path file = context.uploadFile(FILE_PART).orElseThrow(() -> fatal("no table file: upload it as the multipart "
            + "part '" + FILE_PART + "' (with a file name)"));
        boolean publish = job.parameter("PUBLISH").map(String::trim).map(Boolean::parseBoolean).orElse(false);
        TableName name = TableName.parse(target).orElseThrow();
        try (Connection c = dataSources.owner().getConnection()) {
            if (!context.cancellation().attach(c)) {
                throw fatal("aborted before it started");
            }
            try {
                String format = job.parameter("FORMAT").map(f -> f.trim().toLowerCase(Locale.ROOT)).orElse(null);
                if (format != null && !UntrustedTable.FORMATS.contains(format)) {
                    throw fatal("FORMAT=" + format + " is not known; give votable, fits or csv");
                }
                TableLoader loader = new TableLoader(c, appRole, new ObsCoreView.Site(site.baseUrl(), site.authority()));
                loader.ensureSchema(name.schema(), "Ingested tables");
                StilTable.Loaded loaded = StilTable.ingest(loader, file, format, name.schema(), name.table(),
                    rows -> context.progress(rows + " rows loaded", false));
                Registration.register(c, List.of(loaded.table()), publish);
                context.progress(loaded.rows() + " rows loaded into " + target + ", done", true);
                return List.of(report(context, target, loaded));
            } finally {
                context.cancellation().release(c);
            }
        } catch (IllegalArgumentException e) {
            throw fatal(e.getMessage());
        } catch (SQLException e) {
            throw fatal("the database refused the load: " + e.getMessage());
        } catch (IOException e) {
            // mostly a malformed file; running the same file again would not help
            throw fatal("the table file could not be read: " + e.getMessage());
        }
    }

    /** The result: what was created, as JSON. */
    private static JobResult report(JobContext context, String target, StilTable.Loaded loaded) throws IOException {
        TableDefinition t = loaded.table();
        String json = "{\"table\":\"" + target + "\",\"rows\":" + loaded.rows()
            + ",\"position\":" + (t.hasPosition() ? "[\"" + t.raColumn() + "\",\"" + t.decColumn() + "\"]" : "null")
            + ",\"primaryKey\":\"" + (t.primaryKey() != null ? t.primaryKey() : TableDefinition.ROW_ID_COLUMN) + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = context.createResult("report.json")) {
            out.write(bytes);
        }
        return new JobResult("report", "report.json", "application/json", bytes.length);
    }

    private static JobFailure fatal(String message) {
        return new JobFailure(ErrorType.FATAL, message);
    }
}
