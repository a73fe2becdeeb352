package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admin API (role admin): loads datalink rows from an uploaded VOTable or CSV
 * file (part {@code file}); {@code MODE=merge} (default) replaces the rows of
 * the file's IDs, {@code MODE=replace} all rows. One transaction: a bad file
 * answers 400 naming the row, and changes nothing.
 */
@Path("admin/datalink")
@RequestScoped
public class AdminDatalinkResource {

    @Inject
    DatalinkAdmin admin;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public String load(List<EntityPart> parts) throws IOException, SQLException {
        DatalinkLoader.Mode mode = mode(parts);
        return spooled(parts, (file, format) -> {
            DatalinkLoader.Report r = admin.load(file, format, mode);
            return Json.createObjectBuilder().add("rows", r.rows()).add("objects", r.objects())
                .add("replaced", r.removed()).add("mode", r.mode().name().toLowerCase(Locale.ROOT)).build().toString();
        });
    }

    /** MODE: merge (default) or replace. */
    static DatalinkLoader.Mode mode(List<EntityPart> parts) throws IOException {
        return switch (text(parts, "MODE").orElse("merge").toLowerCase(Locale.ROOT)) {
            case "merge" -> DatalinkLoader.Mode.MERGE;
            case "replace" -> DatalinkLoader.Mode.REPLACE;
            default -> throw new BadRequestException("MODE must be merge (the file's IDs) or replace (all rows)");
        };
    }

    /** What is done with the uploaded file (part file), spooled to a temporary file, and its FORMAT (or null). */
    interface Upload<T> {
        T with(java.nio.file.Path file, String format) throws IOException, SQLException;
    }

    static <T> T spooled(List<EntityPart> parts, Upload<T> work) throws IOException, SQLException {
        EntityPart file = parts.stream().filter(p -> p.getName().equals("file")).findFirst()
            .orElseThrow(() -> new BadRequestException("the datalink file is missing: send it as multipart part 'file'"));
        String format = text(parts, "FORMAT").map(f -> f.toLowerCase(Locale.ROOT)).orElse(null);
        java.nio.file.Path spooled = Files.createTempFile("datalink-", ".upload");
        try {
            try (InputStream in = file.getContent()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            return work.with(spooled, format);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    static Optional<String> text(List<EntityPart> parts, String name) throws IOException {
        for (EntityPart p : parts) {
            if (p.getName().equalsIgnoreCase(name) && p.getFileName().isEmpty()) {
                return Optional.of(p.getContent(String.class).trim());
            }
        }
        return Optional.empty();
    }
}
