package org.voarchive.portal;

import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.voarchive.adql.BuiltInFunction;
import org.voarchive.adql.ReservedWords;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.UserDefinedFunction;

/**
 * The words the editor highlights and completes, taken from the ADQL engine itself, so the page never
 * disagrees with the parser: its functions (ADQL 2.1's and the standard UDFs every query may call) and its
 * reserved words (which a name must quote). Lower case, space-separated, as CodeMirror's SQL dialects take them.
 */
final class AdqlVocabulary {

    private AdqlVocabulary() {
    }

    static String functions() {
        return String.join(" ", functionSet());
    }

    /** The reserved words that are no function names (those are highlighted as functions). */
    static String keywords() {
        SortedSet<String> words = new TreeSet<>(ReservedWords.all());
        words.removeAll(functionSet());
        words.removeIf(w -> !w.matches("[a-z_0-9]+")); // SQL-92's end-exec is no ADQL token
        return String.join(" ", words);
    }

    private static SortedSet<String> functionSet() {
        SortedSet<String> names = new TreeSet<>();
        Arrays.stream(BuiltInFunction.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).forEach(names::add);
        StandardFunctions.all().stream().map(UserDefinedFunction::name).map(n -> n.toLowerCase(Locale.ROOT))
            .forEach(names::add);
        return names;
    }
}
