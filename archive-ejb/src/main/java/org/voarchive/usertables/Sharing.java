package org.voarchive.usertables;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a personal table besides its owner, in youcat's terms: everyone ({@code public=true}: PUBLIC data
 * and metadata) or the members of named groups ({@code r-group}: PRIVATE with table_groups). No groups and not
 * public: the owner alone. Read and written as youcat's permissions text (GET/POST {tap}/permissions/...).
 *
 * @param isPublic   readable by anyone, anonymous callers too
 * @param readGroups the archive's group names (not URIs) whose members may read it
 */
public record Sharing(boolean isPublic, Set<String> readGroups) {

    /** The owner alone. */
    public static final Sharing PRIVATE = new Sharing(false, Set.of());

    public Sharing {
        readGroups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(readGroups));
    }

    /**
     * The sharing that a POSTed permissions text makes of {@code current}: only the keys it names change.
     *
     * @param authority the site's authority, {@code ivo://host}: group URIs are {@code {authority}/gms?{group}}
     * @throws TableRequestException 400 naming an unknown key, a bad value, an owner or rw-group that is set
     */
    public static Sharing parse(String text, Sharing current, String authority) {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** youcat's permissions text: {@code owner=}, {@code public=}, {@code r-group=} (URIs), {@code rw-group=}. */
    public String format(String owner, String authority) {
        throw new UnsupportedOperationException("WP1: not yet");
    }
}
