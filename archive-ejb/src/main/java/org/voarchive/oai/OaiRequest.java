package org.voarchive.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OAI-PMH request checked against the protocol's argument rules (OAI-PMH 2.0
 * section 4): the verb, and exactly the arguments it allows, each once;
 * resumptionToken exclusive; from/until at day or second granularity (the same
 * on both), from not after until.
 *
 * @param arguments every argument as given, verb included, for the response's request echo
 * @param from      inclusive, or null
 * @param until     inclusive (a day's end for a date), or null
 */
public record OaiRequest(String verb, Map<String, String> arguments, String identifier, String metadataPrefix,
                         String set, Instant from, Instant until, String resumptionToken) {

    private static final Map<String, Set<String>> REQUIRED = Map.of(
        "GetRecord", Set.of("identifier", "metadataPrefix"),
        "ListIdentifiers", Set.of("metadataPrefix"),
        "ListRecords", Set.of("metadataPrefix"));
    private static final Map<String, Set<String>> ALLOWED = Map.of(
        "Identify", Set.of(),
        "ListMetadataFormats", Set.of("identifier"),
        "ListSets", Set.of("resumptionToken"),
        "GetRecord", Set.of("identifier", "metadataPrefix"),
        "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
        "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

    /**
     * The arguments of a request, from its query string and, for a POST, its form (OAI-PMH 2.0 section 3.1.1
     * allows both). Unlike DALI's parameters, OAI-PMH's are case-sensitive: they are kept as sent, and a name
     * given in both places is given twice (an error the parser reports).
     */
    @SafeVarargs
    public static Map<String, List<String>> arguments(Map<String, List<String>>... sources) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Map<String, List<String>> source : sources) {
            source.forEach((name, values) -> all.computeIfAbsent(name, k -> new java.util.ArrayList<>()).addAll(values));
        }
        return all;
    }

    public static OaiRequest parse(Map<String, List<String>> parameters) throws OaiException {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getValue().size() != 1) {
                throw new OaiException(p.getKey().equals("verb") ? "badVerb" : "badArgument",
                    p.getKey() + " is given " + p.getValue().size() + " times; each argument may be given once");
            }
            arguments.put(p.getKey(), p.getValue().get(0));
        }
        String verb = arguments.get("verb");
        if (verb == null || !ALLOWED.containsKey(verb)) {
            throw new OaiException("badVerb", verb == null ? "the verb argument is missing"
                : "'" + verb + "' is not an OAI-PMH verb; use Identify, ListMetadataFormats, ListSets, GetRecord,"
                    + " ListIdentifiers or ListRecords");
        }
        for (String name : arguments.keySet()) {
            if (!name.equals("verb") && !ALLOWED.get(verb).contains(name)) {
                throw new OaiException("badArgument", verb + " takes no argument " + name);
            }
        }
        String token = arguments.get("resumptionToken");
        if (token != null && arguments.size() > 2) {
            throw new OaiException("badArgument", "resumptionToken is exclusive: give it alone with the verb");
        }
        if (token == null) {
            for (String required : REQUIRED.getOrDefault(verb, Set.of())) {
                if (!arguments.containsKey(required) || arguments.get(required).isBlank()) {
                    throw new OaiException("badArgument", verb + " needs the argument " + required);
                }
            }
        }
        String from = arguments.get("from");
        String until = arguments.get("until");
        if (from != null && until != null && from.length() != until.length()) {
            throw new OaiException("badArgument", "from and until must have the same granularity");
        }
        Instant f = from == null ? null : datestamp("from", from, false);
        Instant u = until == null ? null : datestamp("until", until, true);
        if (f != null && u != null && f.isAfter(u)) {
            throw new OaiException("badArgument", "from is later than until");
        }
        return new OaiRequest(verb, arguments, arguments.get("identifier"), arguments.get("metadataPrefix"),
            arguments.get("set"), f, u, token);
    }

    /** YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (the repository's granularity); a day's "until" means its last second. */
    static Instant datestamp(String name, String value, boolean endOfDay) throws OaiException {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(value);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1)
                    : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error
        }
        throw new OaiException("badArgument", name + "=" + value + " is no datestamp: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
    }
}
