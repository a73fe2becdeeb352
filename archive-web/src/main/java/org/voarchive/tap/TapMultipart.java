package org.voarchive.tap;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

/**
 * A multipart request of a TAP query (TAP 1.1 section 2.5.4) as the query path takes it: the parameters (the
 * query string's, then the parts without a file name) and the parts {@code UPLOAD=name,param:part} may name.
 * Shared by TAP sync and the portal's ADQL check, which read the same uploads the same way.
 */
public record TapMultipart(DaliParameters parameters, UploadSource uploads) {

    /** @throws DaliException 400 when a part cannot be read */
    public static TapMultipart of(MultivaluedMap<String, String> query, List<EntityPart> parts) throws DaliException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        Map<String, EntityPart> files = new HashMap<>();
        try {
            for (EntityPart part : parts) {
                if (part.getFileName().isPresent()) {
                    files.put(part.getName(), part);
                } else {
                    form.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getContent(String.class));
                }
            }
        } catch (IOException e) {
            throw DaliException.badRequest("the multipart request could not be read: " + e.getMessage());
        }
        return new TapMultipart(DaliParameters.of(query, form), name -> {
            EntityPart part = files.get(name);
            if (part == null) {
                // a client may send the table as a plain part too
                return parts.stream().filter(p -> p.getName().equals(name)).findFirst().map(EntityPart::getContent);
            }
            return Optional.of(part.getContent());
        });
    }
}
