package org.voarchive.adql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;

/**
 * Command line for operators and scripts: {@code java -jar adql.jar parse < query.adql}.
 * Exit status 0: valid ADQL 2.1; 1: not, with {@code line:column: message} on
 * standard error; 2: wrong usage.
 */
public final class AdqlCommand {

    private AdqlCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in));
    }

    static int run(String[] args, InputStream in) throws IOException {
        if (args.length != 1 || !args[0].equals("parse")) {
            System.err.println("usage: java -jar adql.jar parse < query.adql");
            return 2;
        }
        String query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        try {
            QueryParser.syntaxOnly().parse(query);
            return 0;
        } catch (AdqlException e) {
            System.err.println(e.positioned());
            return 1;
        }
    }
}
