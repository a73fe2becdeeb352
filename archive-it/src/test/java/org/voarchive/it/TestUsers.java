package org.voarchive.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own users, declared once:
 * {@code @RegisterExtension static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");}
 * makes (or resets) them through {@link Archive#user}, as deploy/user does, and deletes exactly them again,
 * not every name that looks like the class's (another class's user may share a prefix).
 *
 * <p>JUnit wraps the class's own methods in the callbacks of an extension registered on a static field: this
 * beforeAll runs before the class's {@code @BeforeAll} methods, which may use the users (an admin publishing
 * the scratch tables), and this afterAll after its {@code @AfterAll} methods, which may still need them (an
 * admin rebuilding a view, the owners deleting their UWS jobs). A group the class deletes there goes before its
 * members, which is fine: archive.user_groups cascades from both sides (V3).
 */
final class TestUsers implements BeforeAllCallback, AfterAllCallback {

    private record User(String name, String password, List<String> groups) {
    }

    private final List<User> users = new ArrayList<>();

    /** A user with this password and exactly these groups (created with it if new). */
    TestUsers add(String name, String password, String... groups) {
        users.add(new User(name, password, List.of(groups)));
        return this;
    }

    /** Users of no group, all with the same password. */
    TestUsers addAll(List<String> names, String password) {
        names.forEach(name -> add(name, password));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (User user : users) {
            Archive.user(user.name(), user.password(), user.groups().toArray(String[]::new));
        }
    }

    /**
     * Deletes the declared users, also those a test deleted itself or that were never made (beforeAll
     * failed half-way): nothing to do for them. Their archive.user_groups rows go with them (ON DELETE
     * CASCADE, V3); no other table references archive.users (a UWS job names its owner in text, without a
     * foreign key, so jobs are the class's to delete while their owners can still log in).
     */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (Connection c = Archive.connect("OWNER");
             PreparedStatement s = c.prepareStatement("DELETE FROM archive.users WHERE name = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", users.stream().map(User::name).toArray()));
            s.executeUpdate();
        }
    }
}
