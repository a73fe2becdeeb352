package org.voarchive.tap;

import java.util.ArrayList;
import java.util.List;
import org.voarchive.dali.DaliException;

/**
 * One {@code KEEP_UPLOAD=upload[:table]} of a TAP request (design §1.9, our extension): the upload {@code upload}
 * is kept as the caller's personal table {@code table} (by default, the upload's name).
 */
public record KeepUpload(String upload, String table) {

    /**
     * @param values  the KEEP_UPLOAD values
     * @param uploads the request's uploads, one of which each value must name
     * @throws DaliException 400 for a value without a name, or naming no upload of the request
     */
    static List<KeepUpload> parse(List<String> values, List<Upload> uploads) throws DaliException {
        List<KeepUpload> keeps = new ArrayList<>();
        for (String value : values) {
            String v = value.strip();
            int colon = v.indexOf(':');
            String upload = colon < 0 ? v : v.substring(0, colon).strip();
            String table = colon < 0 ? upload : v.substring(colon + 1).strip();
            if (upload.isEmpty() || table.isEmpty()) {
                throw DaliException.badRequest("KEEP_UPLOAD=" + value + " must be upload or upload:table");
            }
            if (uploads.stream().noneMatch(u -> u.name().equalsIgnoreCase(upload))) {
                throw DaliException.badRequest("KEEP_UPLOAD=" + value + " names no UPLOAD of this request");
            }
            if (keeps.stream().anyMatch(k -> k.upload().equalsIgnoreCase(upload))) {
                throw DaliException.badRequest("KEEP_UPLOAD names the upload " + upload + " twice");
            }
            keeps.add(new KeepUpload(upload, table));
        }
        return List.copyOf(keeps);
    }
}
