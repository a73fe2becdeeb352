package org.voarchive.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How personal tables (V30) sit in the read model: left out where the archive publishes, laid over per caller. */
class PersonalMetadataTest {

    private static PublishedMetadata.Table table(String schema, String name, String owner) {
        return new PublishedMetadata.Table(schema, name, "table", null, null, null, 0L, true, List.of(), List.of(), null,
            PublishedMetadata.Publication.NONE, owner == null ? null : new PublishedMetadata.Personal(owner, List.of()));
    }

    private static PublishedMetadata.Schema schema(String name, String owner, PublishedMetadata.Table... tables) {
        return new PublishedMetadata.Schema(name, null, null, null, PublishedMetadata.Publication.NONE, List.of(tables),
            owner);
    }

    private static List<String> names(PublishedMetadata m) {
        return m.tables().stream().map(PublishedMetadata.Table::qualifiedName).toList();
    }

    @Test
    void withoutPersonalKeepsThePublishedOnly() {
        PublishedMetadata m = new PublishedMetadata(List.of(schema("demo", null, table("demo", "kstars", null)),
            schema("user_bob", "bob", table("user_bob", "t", "bob"))));
        assertEquals(List.of("demo.kstars"), names(m.withoutPersonal()));
        assertEquals(List.of("demo"), m.withoutPersonal().schemas().stream().map(PublishedMetadata.Schema::name).toList());
        PublishedMetadata published = new PublishedMetadata(List.of(schema("demo", null, table("demo", "kstars", null))));
        assertSame(published, published.withoutPersonal());
    }

    @Test
    void ownTablesReplaceTheSharedViewOfTheirSchema() {
        // alice's group sees one of her tables through sharing; her own view has both
        PublishedMetadata shared = new PublishedMetadata(List.of(schema("demo", null, table("demo", "kstars", null)),
            schema("user_alice", "alice", table("user_alice", "shared", "alice")),
            schema("user_zed", "zed", table("user_zed", "z", "zed"))));
        PublishedMetadata own = new PublishedMetadata(List.of(schema("user_alice", "alice",
            table("user_alice", "mine", "alice"), table("user_alice", "shared", "alice"))));
        assertEquals(List.of("demo.kstars", "user_alice.mine", "user_alice.shared", "user_zed.z"),
            names(shared.with(own)));
    }

    @Test
    void anOwnSchemaNobodyElseSeesComesAmongThePersonalOnesByName() {
        PublishedMetadata shared = new PublishedMetadata(List.of(schema("demo", null, table("demo", "kstars", null)),
            schema("tap_schema", null), schema("user_bob", "bob", table("user_bob", "t", "bob")),
            schema("user_dan", "dan", table("user_dan", "t", "dan"))));
        PublishedMetadata own = new PublishedMetadata(List.of(schema("user_carol", "carol",
            table("user_carol", "t", "carol"))));
        assertEquals(List.of("demo", "tap_schema", "user_bob", "user_carol", "user_dan"),
            shared.with(own).schemas().stream().map(PublishedMetadata.Schema::name).toList());
        assertSame(shared, shared.with(new PublishedMetadata(List.of())));
    }
}
