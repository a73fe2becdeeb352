package org.voarchive.usertables;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may read a personal table besides its owner, in youcat's terms: everyone ({@code public=true}: PUBLIC data
 * and metadata) or the members of named groups ({@code r-group}: PRIVATE with table_groups). No groups and not
 * public: the owner alone. Read and written as youcat's permissions text (GET/POST {tap}/permissions/...), one
 * {@code key=value} a line; group values are the URIs {@code {authority}/gms?{group}} (our convention: there is no
 * GMS service behind them) or, beyond youcat, bare group names. youcat holds one read group, we hold a set
 * (space-separated, as cadc-tap's one URI is a set of one).
 *
 * @param isPublic   readable by anyone, anonymous callers too
 * @param readGroups the archive's group names (not URIs) whose members may read it, sorted
 */
public record Sharing(boolean isPublic, Set<String> readGroups) {

    /** The owner alone. */
    public static final Sharing PRIVATE = new Sharing(false, Set.of());

    /** As archive.groups' CHECK (V3). */
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Sharing {
        readGroups = Collections.unmodifiableSortedSet(new TreeSet<>(readGroups));
    }

    /**
     * The sharing that a POSTed permissions text makes of {@code current}: only the keys it names change. Whether
     * the groups exist and the owner is in them is for the caller to check (it needs the database).
     *
     * @param authority the site's authority, {@code ivo://host}: group URIs are {@code {authority}/gms?{group}}
     * @throws TableRequestException 400 naming an unknown or repeated key, a line without {@code =}, a bad value,
     *                               an owner or rw-group that is set
     */
    public static Sharing parse(String text, Sharing current, String authority) {
        boolean isPublic = current.isPublic();
        Set<String> groups = current.readGroups();
        Set<String> seen = new HashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = "line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new TableRequestException(400, at + "'" + line + "' is not key=value (keys: public, r-group,"
                    + " rw-group, owner)");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (!seen.add(key)) {
                throw new TableRequestException(400, at + "the key " + key + " is given twice");
            }
            switch (key) {
                case "public" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new TableRequestException(400, at + "public must be true or false, not '" + value + "'");
                    }
                    isPublic = value.equalsIgnoreCase("true");
                }
                case "r-group" -> groups = groups(value, authority, at);
                case "rw-group" -> {
                    if (!value.isEmpty()) {
                        throw new TableRequestException(400, at + "rw-group cannot be set: only the owner writes a"
                            + " personal table");
                    }
                }
                case "owner" -> {
                    if (!value.isEmpty()) {
                        throw new TableRequestException(400, at + "owner cannot be set: a table stays its creator's");
                    }
                }
                default -> throw new TableRequestException(400, at + "unknown key '" + key + "' (keys: public, r-group,"
                    + " rw-group, owner)");
            }
        }
        return new Sharing(isPublic, groups);
    }

    /** The group names of an r-group value: URIs of this site's groups or bare names, space-separated. */
    private static Set<String> groups(String value, String authority, String at) {
        Set<String> groups = new LinkedHashSet<>();
        String prefix = groupPrefix(authority);
        for (String item : value.split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            String name = item;
            if (item.contains(":") || item.contains("/") || item.contains("?")) {
                if (!item.startsWith(prefix)) {
                    throw new TableRequestException(400, at + "'" + item + "' is not a group of this archive: its"
                        + " groups are " + prefix + "{name}");
                }
                name = item.substring(prefix.length());
            }
            if (!GROUP.matcher(name).matches()) {
                throw new TableRequestException(400, at + "'" + item + "' is not a group name");
            }
            groups.add(name);
        }
        return groups;
    }

    /** youcat's permissions text: {@code owner=}, {@code public=}, {@code r-group=} (URIs), {@code rw-group=}. */
    public String format(String owner, String authority) {
        String prefix = groupPrefix(authority);
        return "owner=" + owner + "\n"
            + "public=" + isPublic + "\n"
            + "r-group=" + String.join(" ", readGroups.stream().map(g -> prefix + g).toList()) + "\n"
            + "rw-group=\n";
    }

    /** A group's URI without its name: {@code {authority}/gms?}. */
    public static String groupPrefix(String authority) {
        return (authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority) + "/gms?";
    }
}
