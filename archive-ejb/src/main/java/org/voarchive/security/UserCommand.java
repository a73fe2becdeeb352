package org.voarchive.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.database.Migrations;
import org.voarchive.database.Settings;

/**
 * Command: {@code UserCommand NAME [GROUP ...]} creates or updates a user with
 * the password read from the first line of standard input (never from the
 * command line, where other users could see it). Run by deploy/user.
 */
public final class UserCommand {

    private UserCommand() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: user NAME [GROUP ...]   (password on standard input)");
            System.exit(2);
        }
        try {
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            Settings settings = Settings.fromEnvironment(System.getenv());
            Migrations.migrate(settings);
            List<String> groups = new ArrayList<>(List.of(args).subList(1, args.length));
            try (Connection c = settings.ownerConnection("archive user")) {
                Users.put(c, args[0], password.toCharArray(), groups);
            }
            System.out.println("user " + args[0] + " set" + (groups.isEmpty() ? "" : ", groups " + groups));
        } catch (Exception e) {
            System.err.println("user: " + e.getMessage());
            System.exit(1);
        }
    }
}
