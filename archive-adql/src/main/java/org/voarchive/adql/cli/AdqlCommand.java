package org.voarchive.adql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * Command line for operators and scripts, reading one query from standard input:
 * <ul>
 * <li>{@code java -jar adql.jar parse}: exit status 0 if the query is valid ADQL 2.1;</li>
 * <li>{@code java -jar adql.jar translate}: prints its PostgreSQL + pg_sphere translation.</li>
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
        if (args.length != 1 || !(args[0].equals("parse") || args[0].equals("translate"))) {
            System.err.println("usage: java -jar adql.jar parse|translate < query.adql");
            return 2;
        }
        String adql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        try {
            Query query = QueryParser.syntaxOnly().parse(adql);
            if (args[0].equals("translate")) {
                System.out.println(new PostgresTranslator().translate(query, OptionalLong.empty()));
            }
            return 0;
        } catch (AdqlException e) {
            System.err.println(e.positioned());
            return 1;
        }
    }
}
