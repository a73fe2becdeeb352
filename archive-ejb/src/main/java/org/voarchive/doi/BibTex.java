package org.voarchive.doi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.voarchive.metadata.Credits;

/**
 * A landing page's citation as a BibTeX {@code @misc} entry, with the fields DataCite's own BibTeX export gives a
 * dataset (author, title, publisher, year, version, DOI, URL). Text is escaped for LaTeX; braces become
 * {@code \textbraceleft{}} and {@code \textbraceright{}}, because BibTeX counts every brace (escaped or not) to
 * find where a field ends, so an unbalanced {@code \{} would break the entry. Persons are written
 * "Family, Given", which keeps particles ("van der Berg, Jan") where BibTeX expects them; organisations are
 * braced whole, so BibTeX never splits them into first and last names.
 */
final class BibTex {

    /** " and " separates names in an author list: inside one name it must be braced. */
    private static final Pattern AND = Pattern.compile("(?i)\\sand\\s");

    private BibTex() {
    }

    static String entry(LandingPage p) {
        List<String> authors = new ArrayList<>();
        for (Credits.Agent a : p.creators()) {
            authors.add(author(a));
        }
        if (authors.isEmpty()) { // as the citation and the DataCite record: the publisher stands in
            authors.add("{" + escape(p.publisher()) + "}");
        }
        StringBuilder b = new StringBuilder("@misc{").append(key(p)).append(",\n");
        field(b, "author", String.join(" and ", authors));
        field(b, "title", "{" + escape(p.title()) + "}"); // double braces: styles keep its capitals
        field(b, "publisher", escape(p.publisher()));
        field(b, "year", Integer.toString(p.publicationYear()));
        if (p.version() != null) {
            field(b, "version", escape(p.version()));
        }
        if (p.doi() != null && p.doi().chars().noneMatch(c -> c == '{' || c == '}' || c == '\\' || Character.isWhitespace(c))) {
            field(b, "doi", p.doi()); // verbatim, as styles and biblatex read it
        }
        field(b, "url", url(p.identifier()));
        b.setLength(b.length() - 2); // no comma after the last field
        return b.append("\n}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" ".repeat(Math.max(1, 10 - name.length()))).append("= {").append(value)
            .append("},\n");
    }

    /** The entry's key: the page's ID and the year, in the characters every BibTeX reads in a key. */
    static String key(LandingPage p) {
        return p.id().replaceAll("[^A-Za-z0-9.:_-]", "_") + "_" + p.publicationYear();
    }

    /** One name of the author list. */
    static String author(Credits.Agent a) {
        if ("Organizational".equals(a.nameType())) {
            return "{" + escape(a.name()) + "}";
        }
        if (a.familyName() != null) {
            return part(a.familyName()) + (a.givenName() == null ? "" : ", " + part(a.givenName()));
        }
        long commas = a.name().chars().filter(c -> c == ',').count();
        if (commas == 1) { // "Family, Given", as curated names of persons are written
            int comma = a.name().indexOf(',');
            return part(a.name().substring(0, comma).trim()) + ", " + part(a.name().substring(comma + 1).trim());
        }
        return "{" + escape(a.name()) + "}"; // no way to tell the family name: the name as it is, never split
    }

    /** A family or given name: braced if a comma or an "and" inside would split it. */
    private static String part(String name) {
        String escaped = escape(name);
        return name.indexOf(',') >= 0 || AND.matcher(name).find() ? "{" + escaped + "}" : escaped;
    }

    /** Text for a BibTeX field read by LaTeX: its special characters as commands, control characters as spaces. */
    static String escape(String text) {
        StringBuilder e = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> e.append("\\textbackslash{}");
                case '{' -> e.append("\\textbraceleft{}");
                case '}' -> e.append("\\textbraceright{}");
                case '~' -> e.append("\\textasciitilde{}");
                case '^' -> e.append("\\textasciicircum{}");
                case '&', '%', '$', '#', '_' -> e.append('\\').appendCodePoint(c);
                default -> {
                    if (Character.isISOControl(c)) {
                        e.append(' ');
                    } else {
                        e.appendCodePoint(c);
                    }
                }
            }
        });
        return e.toString();
    }

    /** A URL as a field: verbatim, but for the characters that would unbalance or break the entry. */
    private static String url(String url) {
        return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }
}
