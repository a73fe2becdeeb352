package org.voarchive.dali;

import java.util.regex.Pattern;

/**
 * The syntax of a media type as RFC 9110 section 8.3.1 gives it: {@code type/subtype}
 * and any {@code ;name=value} parameters (a token or a quoted string). A format
 * named by a malformed media type is no format: echoed as a Content-Type it would
 * break the response.
 */
public final class MediaTypes {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
        "[ \\t]*" + TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*[ \\t]*");

    private MediaTypes() {
    }

    public static boolean wellFormed(String value) {
        return value != null && MEDIA_TYPE.matcher(value).matches();
    }
}
