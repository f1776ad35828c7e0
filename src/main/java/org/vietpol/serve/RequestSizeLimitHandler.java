package org.vietpol.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses request bodies above a size with 413, before any servlet sees them.
 * <ul>
 * <li>A declared {@code Content-Length} above the limit is refused at once. The body is read and dropped first (up
 * to {@value #DRAIN_LIMIT} bytes): answering while the client is still sending would reset the connection, and the
 * client would see a broken pipe instead of the 413. A client that waits for {@code 100 Continue} sends nothing.</li>
 * <li>A chunked body is read into memory up to the limit: above it, 413; within it, it is passed on as read. (Jetty's
 * own {@code SizeLimitHandler} fails the read instead, which the SPARQL servlets report as a 500.)</li>
 * </ul>
 */
final class RequestSizeLimitHandler extends Handler.Wrapper {

    /** Most bytes of a refused body read and dropped; beyond it the connection is just closed. */
    static final long DRAIN_LIMIT = 16L << 20;

    private final long limit;

    RequestSizeLimitHandler(long limit, Handler next) {
        super(next);
        if (limit < 1 || limit >= Integer.MAX_VALUE)
            throw new IllegalArgumentException("request size limit out of range: " + limit);
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length > limit) {
            if (!expectsContinue(request))
                drain(Request.asInputStream(request), Math.min(length, DRAIN_LIMIT));
            refuse(request, response, callback);
            return true;
        }
        if (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            InputStream in = Request.asInputStream(request);
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                drain(in, DRAIN_LIMIT);
                refuse(request, response, callback);
                return true;
            }
            return super.handle(new BufferedBody(request, body), response, callback);
        }
        return super.handle(request, response, callback);
    }

    private void refuse(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "Request body larger than " + limit + " bytes");
    }

    private static boolean expectsContinue(Request request) {
        String expect = request.getHeaders().get(HttpHeader.EXPECT);
        return expect != null && expect.strip().equalsIgnoreCase("100-continue");
    }

    private static void drain(InputStream in, long max) {
        byte[] buf = new byte[8192];
        long read = 0;
        try {
            while (read < max) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, max - read));
                if (n < 0)
                    return;
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent garbage; the refusal is all that is left to do.
        }
    }

    /** The request with its body already read. */
    private static final class BufferedBody extends Request.Wrapper {
        private final long length;
        private Content.Chunk next;

        BufferedBody(Request request, byte[] body) {
            super(request);
            this.length = body.length;
            this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public synchronized boolean consumeAvailable() {
            next = Content.Chunk.EOF;
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            consumeAvailable();
        }
    }
}
