package org.voarchive.curation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORCID iDs and ROR ids, checked with their check digits and written in their
 * canonical URL form (as DataCite and the registries want them).
 */
public final class PersistentIds {

    private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final Pattern ROR = Pattern.compile("(?:https?://ror\\.org/)?(0[0-9a-hjkmnp-tv-z]{6})(\\d{2})");
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

    private PersistentIds() {
    }

    /** @return https://orcid.org/NNNN-NNNN-NNNN-NNNC, empty if malformed or the check digit (ISO 7064 MOD 11-2) is wrong */
    public static Optional<String> orcid(String value) {
        String id = value.trim().replaceFirst("(?i)^https?://orcid\\.org/", "").toUpperCase(Locale.ROOT);
        if (!ORCID.matcher(id).matches()) {
            return Optional.empty();
        }
        String digits = id.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(15) == expected ? Optional.of("https://orcid.org/" + id) : Optional.empty();
    }

    /** @return https://ror.org/0xxxxxxNN, empty if malformed or the check digits (ISO 7064 MOD 97-10) are wrong */
    public static Optional<String> ror(String value) {
        Matcher m = ROR.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = 0;
        for (char c : m.group(1).toCharArray()) {
            n = n * 32 + CROCKFORD.indexOf(c);
        }
        long check = 98 - (n * 100) % 97;
        return check == Long.parseLong(m.group(2)) ? Optional.of("https://ror.org/" + m.group(1) + m.group(2))
            : Optional.empty();
    }
}
