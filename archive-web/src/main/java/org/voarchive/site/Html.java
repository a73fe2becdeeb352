package org.voarchive.site;

import org.voarchive.dali.Xml;

/** Escaping for text and attribute values written into HTML pages: the same rules as for XML. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : Xml.text(text);
    }
}
