package org.voarchive.adql.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates UCD1+ strings against the IVOA UCD1+ controlled vocabulary
 * (ucd1p-words.txt beside this class: the IVOA Endorsed Note's word list,
 * version 1.6 of 2024-12-18, {@code ucd-list.txt} of ivoa-std/UCDList; the
 * older list Debian's python3-astropy ships lacks words standards use, such
 * as ObsCore's {@code pos.outline;obs.field}). Every word must be known; words
 * flagged P (primary) may only come first, words flagged S (secondary) never
 * first; Q, E, C and V words may stand anywhere (E, C and V only say which
 * words may follow them, which this check leaves to the curator).
 */
public final class Ucd {

    private static final Map<String, Character> WORDS = load();

    private Ucd() {
    }

    private static Map<String, Character> load() {
        Map<String, Character> words = new HashMap<>();
        try (InputStream in = Ucd.class.getResourceAsStream("ucd1p-words.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\\|");
                if (f.length >= 2 && f[0].trim().length() == 1) {
                    words.put(f[1].trim().toLowerCase(Locale.ROOT), f[0].trim().charAt(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UCD1+ word list", e);
        }
        return Map.copyOf(words);
    }

    /** @return what is wrong with the UCD, or empty if it is valid UCD1+ */
    public static Optional<String> problem(String ucd) {
        String[] words = ucd.trim().split(";");
        for (int i = 0; i < words.length; i++) {
            String word = words[i].trim();
            Character flag = WORDS.get(word.toLowerCase(Locale.ROOT));
            if (flag == null) {
                return Optional.of("'" + word + "' is not a UCD1+ word");
            }
            if (i == 0 && flag == 'S') {
                return Optional.of("'" + word + "' is a secondary UCD1+ word and cannot come first");
            }
            if (i > 0 && flag == 'P') {
                return Optional.of("'" + word + "' is a primary UCD1+ word and must come first");
            }
        }
        return Optional.empty();
    }
}
