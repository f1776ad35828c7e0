package org.vietpol.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts (or joins, under spark-submit) a Spark session, runs {@link SparkJob}, prints its summary. */
public final class SparkRunner {
    private SparkRunner() {}

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

    /**
     * The master to use: {@code local}, {@code local[N]} and {@code local[*]} get the task retries a cluster has
     * (Spark's local mode otherwise fails the job on a task's first failure); any other is left as it is.
     */
    static String master(String master) {
        if (master == null) return null;
        Matcher m = LOCAL.matcher(master.strip());
        if (!m.matches()) return master;
        return "local[" + (m.group(1) == null ? "1" : m.group(1)) + ",4]";
    }

    /** Spark, Hadoop and Parquet say a lot at INFO: warnings only, unless the user set a level. */
    static void quietLogging() {
        for (String logger : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                "io.netty", "org.apache.curator", "org.apache.zookeeper")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) System.setProperty(key, logger.equals("org.apache.hadoop") ? "error" : "warn");
        }
        // Spark brings Woodstox as the StAX parser, which does not know one of the properties Jena's RDF/XML reader
        // sets (external DTDs, which Jena turns off by another property as well): an ERROR line per reader, harmless
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena.util.JenaXMLInput",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.jena.util.JenaXMLInput", "off"));
    }

    /** A session for the job: the given master (local mode embedded) or the one spark-submit configured. */
    public static SparkSession session(String master) {
        quietLogging();
        SparkConf conf = new SparkConf(true);
        String m = master(master);
        if (m != null) conf.setMaster(m);
        if (!conf.contains("spark.master")) conf.setMaster("local[*,4]");
        if (!conf.contains("spark.app.name")) conf.setAppName("vietpol spark");
        if (conf.get("spark.master").startsWith("local")) {
            // embedded: no web UI, and the driver on the loopback address only
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.registerKryoClasses(new Class<?>[] {Item.class, String[].class, Inputs.InputFile.class});
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Runs the job and prints its summary; the exit status of {@code vietpol spark}: 0, or 1 when inputs were skipped. */
    public static int run(String master, SparkJob.Options options, PrintStream out) throws java.io.IOException {
        SparkSession spark = session(master);
        try {
            SparkJob.Report r = SparkJob.run(spark, options);
            out.println(r.summary());
            return r.problems() > 0 ? 1 : 0;
        } finally {
            spark.stop();
        }
    }
}
