package org.voarchive.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's front-end assets: the files the Maven build bundled from {@code src/main/portal} (see its
 * {@code build.mjs}) into this package's {@code assets} folder on the class path, each read once and kept
 * with its media type and an entity tag (a digest of its bytes, so a rebuilt asset is fetched again at the
 * same stable path). Only flat names with a known extension are looked up: no path ever reaches the class
 * loader.
 */
@ApplicationScoped
public class Assets {

    /** The assets' path below the application's root. */
    static final String PATH = org.voarchive.site.PageLayout.ASSETS;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css|txt)");
    private static final Map<String, String> TYPES = Map.of(
        "js", "text/javascript;charset=UTF-8",
        "css", "text/css;charset=UTF-8",
        "txt", "text/plain;charset=UTF-8"); // licenses.txt: the notices of the bundled packages

    /** An asset's bytes, media type and entity tag. */
    record Asset(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    /** The asset of that name; empty for names that are no asset's. */
    Optional<Asset> get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(name, Assets::load);
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return Optional.of(new Asset(bytes, type, HexFormat.of().formatHex(sha256(bytes), 0, 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("the portal asset " + name + " cannot be read from the application", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
