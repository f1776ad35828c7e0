package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WikidataClientTest {
    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2025-08-01T10:00:00Z");
        assertEquals(Duration.ofSeconds(1), WikidataClient.retryAfter("1", now));
        assertEquals(Duration.ofSeconds(120), WikidataClient.retryAfter(" 120 ", now));
        assertEquals(Duration.ofSeconds(30), WikidataClient.retryAfter("Fri, 01 Aug 2025 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, WikidataClient.retryAfter("Fri, 01 Aug 2025 09:00:00 GMT", now));
        assertNull(WikidataClient.retryAfter("soon", now));
        assertNull(WikidataClient.retryAfter(null, now));
    }

    @Test
    void backoffDoublesUpToTheLongestWait() {
        WikidataClient c = WikidataClient.create("http://127.0.0.1:9/sparql").backoff(Duration.ofSeconds(2)).maxWait(Duration.ofSeconds(10)).build();
        assertEquals(Duration.ofSeconds(2), c.backoff(1));
        assertEquals(Duration.ofSeconds(4), c.backoff(2));
        assertEquals(Duration.ofSeconds(8), c.backoff(3));
        assertEquals(Duration.ofSeconds(10), c.backoff(4));
    }

    @Test
    void aRefusedConnectionEndsAtOnce() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WikidataClient c = WikidataClient.create("http://127.0.0.1:" + port + "/sparql").build();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> c.select("SELECT * WHERE { ?s ?p ?o }"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        assertEquals(1, c.requestsSent());
    }

    @Test
    void onlyHttpEndpointsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> WikidataClient.create("ftp://example.org/sparql"));
        assertThrows(IllegalArgumentException.class, () -> WikidataClient.create("not a url"));
        assertEquals(WikidataClient.DEFAULT_ENDPOINT, WikidataClient.create(WikidataClient.DEFAULT_ENDPOINT).build().endpoint());
    }
}
