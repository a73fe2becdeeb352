package org.voarchive.usertables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingTest {

    private static final String AUTHORITY = "ivo://archive.example.org";

    private static void refused(String text, String expected) {
        TableRequestException e = assertThrows(TableRequestException.class,
            () -> Sharing.parse(text, Sharing.PRIVATE, AUTHORITY));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void formatsAsYoucat() {
        assertEquals("owner=alice\npublic=false\nr-group=\nrw-group=\n", Sharing.PRIVATE.format("alice", AUTHORITY));
        assertEquals("""
            owner=alice
            public=true
            r-group=ivo://archive.example.org/gms?astro-team ivo://archive.example.org/gms?survey
            rw-group=
            """, new Sharing(true, Set.of("survey", "astro-team")).format("alice", AUTHORITY + "/"));
    }

    @Test
    void changesOnlyTheKeysGiven() {
        Sharing shared = new Sharing(false, Set.of("g1"));
        assertEquals(new Sharing(true, Set.of("g1")), Sharing.parse("public=true\n", shared, AUTHORITY));
        assertEquals(new Sharing(false, Set.of("g2", "g3")), Sharing.parse("r-group=g2 ivo://archive.example.org/gms?g3",
            shared, AUTHORITY));
        assertEquals(new Sharing(false, Set.of()), Sharing.parse("r-group=\r\n", shared, AUTHORITY));
        assertEquals(shared, Sharing.parse("", shared, AUTHORITY));
    }

    @Test
    void readsCadcTapsBody() {
        assertEquals(new Sharing(true, Set.of("g")),
            Sharing.parse("public=true\nr-group=ivo://archive.example.org/gms?g\n", Sharing.PRIVATE, AUTHORITY));
        // what format writes reads back as the same sharing (owner and rw-group empty are refused: set)
        Sharing s = new Sharing(true, Set.of("a", "b"));
        String text = s.format("alice", AUTHORITY).replace("owner=alice\n", "");
        assertEquals(s, Sharing.parse(text, Sharing.PRIVATE, AUTHORITY));
    }

    @Test
    void refusesWhatItCannotDo() {
        refused("rw-group=ivo://archive.example.org/gms?g", "only the owner writes");
        refused("owner=bob", "owner cannot be set");
        refused("public=yes", "true or false");
        refused("x-vosi-group=g", "unknown key 'x-vosi-group'");
        refused("public", "line 1: 'public' is not key=value");
        refused("public=true\npublic=false", "line 2: the key public is given twice");
        refused("r-group=ivo://other.org/gms?g", "not a group of this archive");
        refused("r-group=bad/name", "not a group of this archive");
        refused("r-group=a;b", "not a group name");
    }
}
