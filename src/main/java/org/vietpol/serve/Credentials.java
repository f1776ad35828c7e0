package org.vietpol.serve;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The users allowed to write, from a credentials file: one {@code user:password} a line, {@code #} starts a comment.
 * It is the format of Jetty's realm properties, which Fuseki reads to authenticate; a password may also be given
 * hashed, as {@code MD5:...} or {@code CRYPT:...}. The file is checked here so that a mistake stops the server at
 * start-up rather than locking every writer out.
 *
 * @param file  the credentials file
 * @param users the user names it defines, sorted
 */
public record Credentials(Path file, List<String> users) {

    public Credentials {
        users = List.copyOf(users);
    }

    /**
     * Reads and checks a credentials file.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, or defines no user with a password
     */
    public static Credentials read(Path file) {
        if (file == null)
            throw new IllegalArgumentException("no credentials file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
            throw new IllegalArgumentException("cannot read the credentials file " + file);
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the credentials file " + file + ": " + e.getMessage());
        }
        List<String> users = new ArrayList<>();
        for (String user : props.stringPropertyNames()) {
            String password = props.getProperty(user).split(",", 2)[0].strip();
            if (user.isBlank() || password.isEmpty())
                throw new IllegalArgumentException("credentials file " + file + ": user '" + user
                        + "' has no password (lines are user:password)");
            users.add(user);
        }
        if (users.isEmpty())
            throw new IllegalArgumentException("credentials file " + file + " defines no user (lines are user:password)");
        users.sort(null);
        return new Credentials(file.toAbsolutePath(), users);
    }

    /** Whether users other than the owner may read the file (always false where permissions are not POSIX). */
    public boolean readableByOthers() {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
