package org.vietpol.link;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends SELECT queries to a SPARQL endpoint (by default the Wikidata Query Service) the way its operators ask:
 * a descriptive User-Agent, one request at a time, a timeout, and on HTTP 429 or 503 (or a dropped connection) a
 * wait of the Retry-After the service gives (else an exponential backoff) before trying again, a bounded number of
 * times. A refused connection or a timeout ends at once.
 */
public final class WikidataClient {
    public static final String DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql";
    public static final String USER_AGENT = "VietPolKG/0.1 (https://w3id.org/vietpol; linking)";

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxWait;
    private final AtomicInteger requests = new AtomicInteger();

    private WikidataClient(Builder b) {
        this.endpoint = b.endpoint;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.maxWait = b.maxWait;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static Builder create(String endpoint) {
        return new Builder(endpoint);
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** HTTP requests sent so far, retries included. */
    public int requestsSent() {
        return requests.get();
    }

    /** The SPARQL JSON results of a SELECT query. Fails after the last attempt, or at once on other errors. */
    public byte[] select(String query) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            requests.incrementAndGet();
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                // no server there, or a query too heavy to finish: asking again at once would not help
                throw new IOException(endpoint + ": " + describe(e), e);
            } catch (IOException e) {
                if (attempt >= maxAttempts) throw new IOException(endpoint + ": " + describe(e) + " (after " + attempt + " attempts)", e);
                sleep(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while asking " + endpoint, e);
            }
            int status = response.statusCode();
            if (status == 200) return response.body();
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                if (wait == null) wait = backoff(attempt);
                if (wait.compareTo(maxWait) > 0)
                    throw new IOException(endpoint + " answered HTTP " + status + " and asks to wait " + wait.toSeconds()
                            + " s; try again later (answers so far are cached)");
                if (attempt >= maxAttempts)
                    throw new IOException(endpoint + " answered HTTP " + status + " " + attempt + " times; try again later (answers so far are cached)");
                sleep(wait);
                continue;
            }
            throw new IOException(endpoint + " answered HTTP " + status + ": " + excerpt(response.body()));
        }
    }

    /** base, 2 base, 4 base ... capped at the longest wait allowed. */
    Duration backoff(int attempt) {
        Duration d = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    /** Retry-After as delta-seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.matches("[0-9]{1,9}")) return Duration.ofSeconds(Long.parseLong(v));
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }

    private String describe(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.ConnectException) return "cannot connect";
        if (e instanceof java.net.http.HttpTimeoutException) return "no answer within " + timeout.toSeconds() + " s";
        return e.toString();
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    public static final class Builder {
        private final URI endpoint;
        private Duration timeout = Duration.ofSeconds(65); // the Query Service stops queries at 60 s
        private int maxAttempts = 5;
        private Duration backoff = Duration.ofSeconds(2);
        private Duration maxWait = Duration.ofSeconds(120);

        private Builder(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            URI u;
            try {
                u = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + endpoint);
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null)
                throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
            this.endpoint = u;
        }

        /** How long one request may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Requests per query at most, the first included. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1");
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** First wait when the service gives no Retry-After; doubled on each further attempt. */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /** The longest wait accepted; a longer Retry-After ends the run (the cache keeps what was got). */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public WikidataClient build() {
            return new WikidataClient(this);
        }
    }
}
