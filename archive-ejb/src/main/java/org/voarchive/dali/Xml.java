package org.voarchive.dali;

/** Escaping for the few XML documents written by hand (where JAXB would not stream). */
public final class Xml {

    private Xml() {
    }

    /** An attribute value: as {@link #text}, and line breaks and tabs as references so parsers keep them. */
    public static String attribute(String s) {
        return text(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /** Character data: markup escaped, characters XML 1.0 forbids replaced. */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c);
            }
        }
        return b.toString();
    }
}
