package org.voarchive.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voarchive.adql.unit.VoUnit;

/**
 * UCDs a column's name and unit suggest, each with the reason in words, for the back office to offer as
 * choices (never applied by themselves). A small rule set that a curator can follow: a name such as
 * {@code ra}, {@code dec}, {@code pmra}, {@code parallax}, {@code z}, {@code vmag}, {@code flux_g},
 * {@code source_id}; a unit whose dimension is a proper motion's (angle per time: {@code mas/yr}), a
 * velocity's, a flux density's, a temperature's, a magnitude ({@code mag}) or a distance's ({@code pc});
 * and the error columns of all of them ({@code e_vmag}, {@code ra_error}: {@code stat.error} first). Every
 * UCD here is valid UCD1+ (the unit test checks each rule's).
 */
public final class UcdSuggestions {

    /** A UCD to offer, and why. */
    public record Suggestion(String ucd, String reason) {
    }

    /** A rule on the whole (lower-case) name, without an error's prefix or suffix. */
    private record NameRule(Pattern name, String ucd, String what) {
    }

    private static NameRule name(String regex, String ucd, String what) {
        return new NameRule(Pattern.compile(regex), ucd, what);
    }

    /** The first matching rule of each kind wins: more specific names come first. */
    private static final List<NameRule> NAME_RULES = List.of(
        name("pm_?ra|pmra_?cos_?dec|pm_?alpha", "pos.pm;pos.eq.ra", "a proper motion in right ascension"),
        name("pm_?dec?|pm_?delta", "pos.pm;pos.eq.dec", "a proper motion in declination"),
        name("ra|ra_?(deg|icrs|j?2000)|alpha(_?j?2000)?", "pos.eq.ra;meta.main", "a right ascension"),
        name("dec?|decl|dec?_?(deg|icrs|j?2000)|delta(_?j?2000)?", "pos.eq.dec;meta.main", "a declination"),
        name("glon|gal_?l|l_?gal", "pos.galactic.lon", "a galactic longitude"),
        name("glat|gal_?b|b_?gal", "pos.galactic.lat", "a galactic latitude"),
        name("parallax|plx|varpi", "pos.parallax", "a parallax"),
        name("z|redshift|z_?spec", "src.redshift", "a redshift"),
        name("rv|vrad|v_?rad|radial_?velocity", "spect.dopplerVeloc", "a radial velocity"),
        name("dist|distance", "pos.distance", "a distance"),
        name("t_?eff", "phys.temperature.effective", "an effective temperature"),
        name("log_?g", "phys.gravity", "a surface gravity"),
        name("fe_?h", "phys.abund.Fe", "an iron abundance [Fe/H]"),
        name("(mjd|jd|hjd|bjd)(_.*)?|.*_(mjd|jd)|epoch|date_?obs|obs_?date|obs_?time|time", "time.epoch",
            "an instant of time"),
        name("exp_?time|exposure(_?time)?", "time.duration;obs.exposure", "an exposure time"),
        name("([bvrijhk])_?mag|mag_?([bvrijhk])", "phot.mag;", "a magnitude in a photometric band"),
        // a word of the name (between underscores), so that image_url is no magnitude
        name("(.*_)?([a-z]?mag|magnitude)(_.*)?", "phot.mag", "a magnitude"),
        name("(.*_)?flux(_.*)?", "phot.flux", "a flux"),
        name("id|source_?id|obj_?id|object_?id", "meta.id;meta.main", "the main identifier"),
        name(".*_id|name|designation|obj_?name|source_?name", "meta.id", "an identifier or name"));

    /** The band letter next to "mag" in a name, and its UCD word. */
    private static final Map<String, String> BANDS = Map.of("b", "em.opt.B", "v", "em.opt.V", "r", "em.opt.R",
        "i", "em.opt.I", "j", "em.IR.J", "h", "em.IR.H", "k", "em.IR.K");

    /** An error column's name: a prefix (e_, err_, sig_) or a suffix (_err, _error, _sigma, _sig), and what remains. */
    private static final Pattern ERROR = Pattern.compile("(?:e|err|error|sig|sigma)_(.+)|(.+?)_?(?:err|error|sigma|sig)");

    /** Units of distances in astronomy (metres and kilometres measure much else). */
    private static final Set<String> DISTANCE_UNITS = Set.of("pc", "kpc", "Mpc", "Gpc", "AU", "au", "lyr");

    /** A rule on the unit's dimension: units that convert to the reference unit. */
    private record UnitRule(String reference, String ucd, String what) {
    }

    private static final List<UnitRule> UNIT_RULES = List.of(
        new UnitRule("mas/yr", "pos.pm", "a proper motion's (an angle per time)"),
        new UnitRule("km/s", "phys.veloc", "a velocity's"),
        new UnitRule("Jy", "phot.flux.density", "a flux density's"),
        new UnitRule("K", "phys.temperature", "a temperature's"));

    private UcdSuggestions() {
    }

    /**
     * @param column the column's name
     * @param unit   its unit (VOUnit), or null or blank
     * @return the suggestions, each UCD once, those from the name first
     */
    public static List<Suggestion> suggest(String column, String unit) {
        Map<String, Suggestion> found = new LinkedHashMap<>();
        String name = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
        Matcher error = ERROR.matcher(name);
        boolean isError = error.matches() && !name.equals("sig") && !name.equals("err");
        String base = isError ? (error.group(1) != null ? error.group(1) : error.group(2)) : name;
        String because = isError ? "the name " + column + " is the error of " + base + ", which names " : "the name "
            + column + " names ";
        Optional<Suggestion> byName = nameRule(base);
        byName.ifPresent(s -> add(found, isError, s.ucd(), because + s.reason()));
        String u = unit == null ? "" : unit.strip();
        for (Suggestion s : unitRules(u, byName.isEmpty())) {
            add(found, isError, s.ucd(), "the unit " + u + " is " + s.reason()
                + (isError ? ", and the name " + column + " an error's" : ""));
        }
        return List.copyOf(found.values());
    }

    /** The first name rule that matches, with the band word where the rule takes one. */
    private static Optional<Suggestion> nameRule(String name) {
        for (NameRule rule : NAME_RULES) {
            Matcher m = rule.name().matcher(name);
            if (m.matches()) {
                if (rule.ucd().endsWith(";")) { // the band rule: its letter is group 1 or 2
                    String band = m.group(1) != null ? m.group(1) : m.group(2);
                    return Optional.of(new Suggestion(rule.ucd() + BANDS.get(band), rule.what() + " (" + band.toUpperCase(Locale.ROOT) + ")"));
                }
                return Optional.of(new Suggestion(rule.ucd(), rule.what()));
            }
        }
        return Optional.empty();
    }

    /** @param guess whether to offer a UCD the unit makes likely only (no name rule said what the column is) */
    private static List<Suggestion> unitRules(String unit, boolean guess) {
        List<Suggestion> found = new ArrayList<>();
        if (unit.isEmpty()) {
            return found;
        }
        if (unit.equals("mag") || unit.equals("mmag")) {
            found.add(new Suggestion("phot.mag", "a magnitude's"));
        }
        if (guess && unit.equals("mas")) { // also positions' errors and sizes: only where the name says nothing
            found.add(new Suggestion("pos.parallax", "the usual unit of a parallax"));
        }
        if (DISTANCE_UNITS.contains(unit)) {
            found.add(new Suggestion("pos.distance", "a distance's"));
        }
        VoUnit parsed;
        try {
            parsed = VoUnit.parse(unit);
        } catch (IllegalArgumentException e) {
            return found; // not a unit with a dimension: no rule on it
        }
        for (UnitRule rule : UNIT_RULES) {
            if (parsed.factorTo(VoUnit.parse(rule.reference())).isPresent()) {
                found.add(new Suggestion(rule.ucd(), rule.what()));
            }
        }
        return found;
    }

    /** Adds the suggestion (an error's: stat.error first, without meta.main) unless its UCD is there already. */
    private static void add(Map<String, Suggestion> found, boolean isError, String ucd, String reason) {
        String suggested = isError ? "stat.error;" + ucd.replace(";meta.main", "") : ucd;
        found.putIfAbsent(suggested, new Suggestion(suggested, reason));
    }
}
