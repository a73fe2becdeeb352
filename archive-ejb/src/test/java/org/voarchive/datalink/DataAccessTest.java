package org.voarchive.datalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.metadata.PublishedMetadata;

/**
 * Links to data follow the table's data access level, citations its metadata level; file paths have one
 * spelling and never leave the files directory.
 */
class DataAccessTest {

    private static PublishedMetadata.Table table(String name, boolean queryable) {
        return new PublishedMetadata.Table("s", name, "table", null, null, null, null, queryable, List.of(), List.of(),
            null, PublishedMetadata.Publication.NONE);
    }

    /** A caller who sees s.open (and may query it) and s.closed (metadata only), and nothing of s.hidden. */
    private static final PublishedMetadata SEEN = new PublishedMetadata(List.of(new PublishedMetadata.Schema("s", null,
        null, null, PublishedMetadata.Publication.NONE, List.of(table("open", true), table("closed", false)))));

    @Test
    void dataRowsNeedTheDataLevelAndCitationsTheMetadataLevel() {
        for (String data : List.of("#this", "#preview", "#progenitor", "#derivation", "#calibration", "#auxiliary",
                "#cutout", "http://other.org/vocab#x")) {
            assertTrue(LinkAccess.shown("s.open", data, "/files/a.fits", SEEN), data);
            assertFalse(LinkAccess.shown("s.closed", data, "/files/a.fits", SEEN), data);
            assertFalse(LinkAccess.shown("s.closed", data, "https://elsewhere.org/a.fits", SEEN), data);
            assertFalse(LinkAccess.shown("s.hidden", data, "/files/a.fits", SEEN), data);
        }
        assertTrue(LinkAccess.shown("s.closed", "#doi", "https://doi.org/10.5072/x", SEEN));
        assertTrue(LinkAccess.shown("s.closed", "#documentation", "https://elsewhere.org/about", SEEN));
        assertFalse(LinkAccess.shown("s.closed", "#documentation", "/files/logbook.pdf", SEEN), "a file is data");
        assertFalse(LinkAccess.shown("s.closed", "#doi", null, SEEN), "a service or an error is not a citation");
        assertFalse(LinkAccess.shown("s.hidden", "#doi", "https://doi.org/10.5072/x", SEEN), "no metadata, no row");
        assertTrue(LinkAccess.shown(null, "#this", "/files/public.fits", SEEN), "rows of no table are public");
    }

    @Test
    void filesAreDataOfTheTablesThatLinkThem() {
        assertTrue(LinkAccess.dataReadable("s.open", SEEN));
        assertFalse(LinkAccess.dataReadable("s.closed", SEEN));
        assertFalse(LinkAccess.dataReadable("s.hidden", SEEN));
        assertTrue(LinkAccess.dataReadable(null, SEEN));
    }

    @Test
    void filePathsHaveOneSpelling() {
        assertEquals(Optional.of("demo/plates/P0001.fits"), ArchiveFiles.canonical("demo/plates/P0001.fits"));
        assertEquals(Optional.of("a b/ü.png"), ArchiveFiles.canonical("a b/ü.png"));
        for (String bad : List.of("", "/etc/passwd", "../archive.env", "demo/../../x", "demo/./x", "demo//x", "demo/x/",
                "..", ".", "demo/%2e%2e/x", "demo%2Fx", "a\\..\\b", "x.fits?download", "x#y", "x\u0000.fits", "x\n")) {
            assertEquals(Optional.empty(), ArchiveFiles.canonical(bad), bad);
        }
        assertEquals(Optional.empty(), ArchiveFiles.canonical(null));
        assertTrue(ArchiveFiles.isArchiveFile("/files/x"));
        assertFalse(ArchiveFiles.isArchiveFile("https://archive.example.org/files/x"));
    }

    @Test
    void filesNeverLeaveTheDirectory(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("files"));
        Files.createDirectories(root.resolve("demo"));
        Path scan = Files.writeString(root.resolve("demo/a.fits"), "SIMPLE");
        Path secret = Files.writeString(tmp.resolve("archive.env"), "PASSWORD=x");
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/b.fits"), "SIMPLE");
        Files.createSymbolicLink(root.resolve("demo/inside.fits"), scan);
        Files.createSymbolicLink(root.resolve("demo/env.fits"), secret);
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("elsewhere"));

        assertEquals(Optional.of(scan.toRealPath()), ArchiveFiles.below(root, "demo/a.fits"));
        assertEquals(Optional.of(scan.toRealPath()), ArchiveFiles.below(root, "demo/inside.fits"), "a link inside is fine");
        assertEquals(Optional.empty(), ArchiveFiles.below(root, "demo/env.fits"), "a link to outside");
        assertEquals(Optional.empty(), ArchiveFiles.below(root, "out/b.fits"), "a linked directory outside");
        assertEquals(Optional.empty(), ArchiveFiles.below(root, "demo"), "a directory");
        assertEquals(Optional.empty(), ArchiveFiles.below(root, "demo/missing.fits"));
        assertEquals(Optional.empty(), ArchiveFiles.below(tmp.resolve("no-such-dir"), "demo/a.fits"));
        // what canonical() lets through never gets further than below() allows, even if it were skipped
        assertEquals(Optional.empty(), ArchiveFiles.below(root, "../archive.env"));
        assertEquals(Optional.empty(), ArchiveFiles.below(root, secret.toString()), "an absolute path");
    }

    @Test
    void theLoaderTakesFileLinksInTheirOneSpellingOnly() {
        DatalinkLoader loader = new DatalinkLoader(null, "https://archive.example.org");
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals("/files/demo/a.fits", loader.checked(new String[] {"x", "/files/demo/a.fits", null, null, "#this",
            null, null, null, null, null, null}, all, 1)[1]);
        for (String url : List.of("/files/../archive.env", "/files/demo//a.fits", "/files/demo/a%20b.fits",
                "/files/a.fits?x=1", "/files/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader.checked(
                new String[] {"x", url, null, null, "#this", null, null, null, null, null, null}, all, 3), url);
            assertTrue(e.getMessage().startsWith("row 3 (ID x): access_url " + url), e.getMessage());
        }
    }
}
