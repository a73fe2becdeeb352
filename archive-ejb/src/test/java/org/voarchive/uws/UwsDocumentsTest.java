package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.uws.xml.UwsDocuments;
import org.voarchive.uws.xml.UwsXml;

/** Every UWS document the archive writes, in every shape, validated against the UWS 1.1 schema. */
class UwsDocumentsTest {

    private static final String URL = "https://archive.example.org/tap/async";

    private static Job job(String owner) {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        return new Job("abc123", "tap", owner, "short", t, 600, t.plusSeconds(86400), List.of(
            new JobParameter("LANG", "ADQL", false),
            new JobParameter("QUERY", "SELECT * FROM demo.bsc5 WHERE name < 'a & b'", false),
            new JobParameter("UPLOAD", "t1,param:t1", true)));
    }

    private static String xml(Object document) {
        return new String(UwsXml.toBytes(document), StandardCharsets.UTF_8);
    }

    private static void assertValid(String doc, String root) throws Exception {
        assertEquals(List.of(), SchemaValidator.problems(doc.getBytes(StandardCharsets.UTF_8), UwsXml.NAMESPACE, root), doc);
    }

    @Test
    void pendingAnonymousJob() throws Exception {
        String doc = xml(UwsDocuments.job(job(null), URL + "/abc123"));
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:ownerId xsi:nil=\"true\"/>"), doc);
        assertTrue(doc.contains("<uws:startTime xsi:nil=\"true\"/>"), doc);
        assertTrue(doc.contains("version=\"1.1\""), doc);
        assertTrue(doc.contains("<uws:parameter id=\"UPLOAD\" byReference=\"true\">"), doc);
        assertTrue(doc.contains("&lt; 'a &amp; b'"), doc);
    }

    @Test
    void completedJobWithResult() throws Exception {
        Job job = job("alice");
        job.setRunId("run-1");
        job.moveTo(ExecutionPhase.QUEUED, Instant.now());
        job.moveTo(ExecutionPhase.EXECUTING, Instant.now());
        job.addResult(new JobResult("result", "result.vot", "application/x-votable+xml", 1234));
        job.moveTo(ExecutionPhase.COMPLETED, Instant.now());
        String doc = xml(UwsDocuments.job(job, URL + "/abc123"));
        assertValid(doc, "job");
        assertTrue(doc.contains("xlink:href=\"" + URL + "/abc123/results/result\""), doc);
        assertTrue(doc.contains("size=\"1234\""), doc);
        assertEquals(1234, job.resultBytes());
        assertEquals(4, job.history().size());
        assertValid(xml(UwsDocuments.results(job, URL + "/abc123")), "results");
        assertValid(xml(UwsDocuments.parameters(job)), "parameters");
    }

    @Test
    void failedJobHasItsErrorSummary() throws Exception {
        Job job = job("alice");
        job.fail(ErrorType.FATAL, "ADQL error at 1:8", Instant.now());
        String doc = xml(UwsDocuments.job(job, URL + "/abc123"));
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:errorSummary type=\"fatal\" hasDetail=\"true\">"), doc);
    }

    @Test
    void progressIsJobInfo() throws Exception {
        Job job = job("admin");
        job.setProgress("120000 rows loaded");
        String doc = xml(UwsDocuments.job(job, URL + "/abc123"));
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:jobInfo>") && doc.contains("<archive:progress>120000 rows loaded</archive:progress>"), doc);
        assertTrue(doc.indexOf("<archive:queue>short</archive:queue>") < doc.indexOf("<archive:progress>"), doc);
    }

    @Test
    void queueIsJobInfo() throws Exception {
        String doc = xml(UwsDocuments.job(job(null), URL + "/abc123"));
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:jobInfo>") && doc.contains("<archive:queue>short</archive:queue>"), doc);
        assertTrue(!doc.contains("progress"), "no progress before the job reports any: " + doc);
    }

    @Test
    void jobLists() throws Exception {
        Job mine = job("bob");
        mine.setRunId("first & <last>");
        String doc = xml(UwsDocuments.list(List.of(ListedJob.of(job(null)), ListedJob.of(mine)), URL));
        assertValid(doc, "jobs");
        assertTrue(doc.contains("<uws:runId>first &amp; &lt;last&gt;</uws:runId>"), doc);
        assertTrue(doc.contains("<uws:ownerId>bob</uws:ownerId>"), doc);
        assertValid(xml(UwsDocuments.list(List.of(), URL)), "jobs");
    }
}
