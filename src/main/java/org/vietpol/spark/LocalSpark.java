package org.vietpol.spark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./vietpol spark} without spark-submit: Spark is a provided dependency, not inside {@code vietpol.jar}, so
 * the command starts a second JVM with the jar, Spark's jars and the JVM options Spark needs on Java 17. Spark's
 * jars come from {@code $SPARK_HOME/jars} when it is set, else from {@code spark-classpath.txt}, which the Maven
 * build writes next to the jar (the jars in the local Maven repository). Uses no Spark class.
 */
public final class LocalSpark {
    private LocalSpark() {}

    /** The JVM options spark-submit gives a driver on Java 17 (Spark's JavaModuleOptions). */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");

    /** Whether Spark is on this JVM's class path (spark-submit, the tests, an IDE). */
    public static boolean present() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, LocalSpark.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Why Spark cannot be started here, or null when it can be. */
    public static String missing() {
        try {
            classPath();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** Runs {@code vietpol ARGS} again in a JVM that has Spark; gives its exit status. */
    public static int relaunch(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        // the user's heap and system properties (VIETPOL_JAVA_OPTS) go along
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) cmd.add(a);
        }
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add("org.vietpol.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        // the embedded driver talks to itself only: the loopback address, and no warning that the host name is one
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            return p.waitFor();
        } finally {
            p.destroy();
        }
    }

    private static String classPath() {
        Path self;
        try {
            self = Paths.get(LocalSpark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where vietpol's classes are");
        }
        String spark;
        String home = System.getenv("SPARK_HOME");
        if (home != null && Files.isDirectory(Paths.get(home, "jars"))) {
            spark = Paths.get(home, "jars") + File.separator + "*";
        } else {
            Path dir = Files.isDirectory(self) ? self.getParent() : self.getParent(); // target/ for target/vietpol.jar and target/classes
            Path list = dir.resolve("spark-classpath.txt");
            if (!Files.isRegularFile(list)) {
                throw new IllegalStateException("Spark is not on the class path and " + list + " is missing: "
                        + "build with Maven (mvn -B package), set SPARK_HOME, or run the job with spark-submit");
            }
            try {
                spark = Files.readString(list, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + list + ": " + e.getMessage());
            }
            for (String jar : spark.split(File.pathSeparator)) {
                if (!jar.isEmpty() && !Files.exists(Paths.get(jar))) {
                    throw new IllegalStateException("Spark's jar " + jar + " is gone (listed in " + list
                            + "): build again with Maven (mvn -B package)");
                }
            }
        }
        return self + File.pathSeparator + spark;
    }
}
