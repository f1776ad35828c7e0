package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Spark's and Jena's libraries agree in one JVM (the enforcer's dependencyConvergence checks the build; this checks
 * what runs): one Jackson that Spark's Scala module accepts, one Guava, one SLF4J with one provider, one Netty.
 */
class DependencyAlignmentTest {
    /**
     * The one jar on the class path that holds a class (copies that Spark, Hadoop or Parquet shade under another
     * package do not count: they cannot clash).
     */
    private static String onlyJarOf(String className) throws IOException {
        var urls = DependencyAlignmentTest.class.getClassLoader().getResources(className.replace('.', '/') + ".class");
        List<String> where = new java.util.ArrayList<>();
        while (urls.hasMoreElements()) where.add(urls.nextElement().toString());
        assertEquals(1, where.size(), className + " is in several jars: " + where);
        return where.get(0);
    }

    @Test
    void oneJacksonThatSparksScalaModuleAccepts() throws Exception {
        assertEquals("2.21.2", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals("2.21.2", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        // the Scala module refuses a databind of another minor version when it is registered
        new ObjectMapper().registerModule(com.fasterxml.jackson.module.scala.DefaultScalaModule$.MODULE$);
        // and Spark SQL's JSON reading runs on it, next to Jena in the same JVM
        Dataset<Row> df = SparkTestSupport.spark().read().json(SparkTestSupport.spark()
                .createDataset(List.of("{\"id\": \"a\", \"n\": 1}"), org.apache.spark.sql.Encoders.STRING()));
        assertEquals(1L, df.count());
        assertEquals("a", df.first().getAs("id"));
    }

    @Test
    void oneGuavaOneSlf4jOneNetty() throws Exception {
        assertTrue(onlyJarOf("com.google.common.base.Preconditions").contains("guava-33.6.0-jre.jar"));
        assertTrue(onlyJarOf("org.slf4j.LoggerFactory").contains("slf4j-api-2.0.17.jar"));
        // one provider: the project's slf4j-simple (Spark's log4j binding is excluded)
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
        Set<String> netty = new HashSet<>();
        io.netty.util.Version.identify().values().forEach(v -> netty.add(v.artifactVersion()));
        assertEquals(Set.of("4.2.13.Final"), netty);
        assertTrue(onlyJarOf("com.fasterxml.jackson.databind.ObjectMapper").contains("jackson-databind-2.21.2.jar"));
        assertTrue(onlyJarOf("io.netty.buffer.ByteBuf").contains("4.2.13.Final"));
    }
}
