package org.vietpol.serve;

import java.lang.reflect.Field;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Fuseki's per-request and Jetty's start-up logging down to warnings, so serving prints one line.
 * Users keep control: a level already set with {@code -Dorg.slf4j.simpleLogger.log.NAME=...} is left alone.
 */
final class QuietLogging {

    private static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.log.";
    private static final List<String> PREFIXES = List.of("org.apache.jena.fuseki", "org.eclipse.jetty");
    // Loggers Fuseki creates eagerly (static fields of org.apache.jena.fuseki.Fuseki).
    private static final List<String> FUSEKI_LOGGERS = List.of(
            "org.apache.jena.fuseki.Fuseki", "org.apache.jena.fuseki.Server", "org.apache.jena.fuseki.Request",
            "org.apache.jena.fuseki.Config", "org.apache.jena.fuseki.Admin", "org.apache.jena.fuseki.Servlet");

    private QuietLogging() {}

    static void apply() {
        for (String prefix : PREFIXES) {
            if (System.getProperty(SIMPLE_PREFIX + prefix) == null)
                System.setProperty(SIMPLE_PREFIX + prefix, "warn");
        }
        // slf4j-simple fixes a logger's level when the logger is created, which Jena's start-up may already have
        // done for Fuseki's loggers; lower those in place. Other logging back-ends are configured by the user.
        if (!"warn".equals(System.getProperty(SIMPLE_PREFIX + "org.apache.jena.fuseki")))
            return;
        for (String name : FUSEKI_LOGGERS) {
            if (System.getProperty(SIMPLE_PREFIX + name) == null)
                raiseSimpleLoggerLevel(LoggerFactory.getLogger(name));
        }
    }

    private static void raiseSimpleLoggerLevel(Logger logger) {
        if (!logger.getClass().getName().equals("org.slf4j.simple.SimpleLogger"))
            return;
        try {
            Field level = logger.getClass().getDeclaredField("currentLogLevel");
            level.setAccessible(true);
            int warn = 30; // SimpleLogger.LOG_LEVEL_WARN
            if (level.getInt(logger) < warn)
                level.setInt(logger, warn);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not the expected slf4j-simple; its logging stays as configured.
        }
    }
}
