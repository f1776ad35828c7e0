package org.vietpol.spark;

/**
 * The main class for {@code spark-submit}: the arguments of {@code vietpol spark}, without {@code --master}
 * (spark-submit's own option sets it). Returns normally on success, so a cluster manager sees the driver end well.
 */
public final class Submit {
    private Submit() {}

    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "spark";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = org.vietpol.cli.Main.commandLine().execute(all);
        if (code > 1) System.exit(code);
    }
}
