package org.voarchive.adql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * Command line for operators and scripts, reading one query from standard input:
 * <ul>
 * <li>{@code java -jar adql.jar parse}: exit status 0 if the query is valid ADQL 2.1;</li>
 * <li>{@code java -jar adql.jar translate [--catalog FILE]}: prints its PostgreSQL + pg_sphere
 * translation; with a catalogue (JSON, see {@link CatalogFile}) names are checked and resolved first,
 * and the IVOA registry functions (ivo_hasword, ...) are available.</li>
 * </ul>
 * Exit status 1 for a query that is not acceptable, with {@code line:column: message}
 * on standard error; 2 for wrong usage.
 */
public final class AdqlCommand {

    private AdqlCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in));
    }

    static int run(String[] args, InputStream in) throws IOException {
        boolean parse = args.length == 1 && args[0].equals("parse");
        boolean translate = args.length >= 1 && args[0].equals("translate")
            && (args.length == 1 || args.length == 3 && args[1].equals("--catalog"));
        if (!parse && !translate) {
            System.err.println("usage: java -jar adql.jar parse < query.adql");
            System.err.println("       java -jar adql.jar translate [--catalog catalog.json] < query.adql");
            return 2;
        }
        String adql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (parse) {
                QueryParser.syntaxOnly().parse(adql);
                return 0;
            }
            if (args.length == 1) {
                System.out.println(new PostgresTranslator().translate(QueryParser.syntaxOnly().parse(adql), OptionalLong.empty()));
                return 0;
            }
            Catalog catalog;
            try {
                catalog = CatalogFile.read(Path.of(args[2]));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("adql: cannot read the catalogue " + args[2] + ": " + e.getMessage());
                return 2;
            }
            FunctionRegistry functions = StandardFunctions.registry();
            Query query = new QueryChecker(catalog, functions).check(new QueryParser(functions).parse(adql)).query();
            System.out.println(new PostgresTranslator(functions).translate(query, OptionalLong.empty()));
            return 0;
        } catch (AdqlException e) {
            System.err.println(e.positioned());
            return 1;
        }
    }
}
