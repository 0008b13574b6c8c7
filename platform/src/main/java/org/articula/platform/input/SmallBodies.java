package org.articula.platform.input;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a small API request body whole on the event loop before the endpoint's worker thread is taken.
 *
 * <p>Quarkus REST reads the body of a blocking endpoint (all of ours: they run a transaction) on the worker
 * thread, from a stream the event loop feeds chunk by chunk; the hand-over costs a lock and a wake-up per chunk
 * and was an eighth of lots-service's CPU for single lots (docs/benchmarks/2026-12-01-third-pass.md). With the
 * body already in the routing context, Quarkus REST reads it from memory. Only bodies that declare a length of
 * at most {@link #UP_TO} bytes, over HTTP/1.x: large batches, chunked bodies and HTTP/2 streams still stream.
 */
@Singleton
public class SmallBodies {

    /** After admission control (-1): a refused request is not read here. */
    static final int ORDER = 0;
    /** Larger than any single lot, producer or agreement; smaller than a batch worth streaming. */
    static final long UP_TO = 64 * 1024;

    /** How long a body may take to arrive: Quarkus's limit for blocking reads, which this read replaces. */
    @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s")
    Duration readTimeout;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::readAhead);
    }

    void readAhead(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        // HTTP/1.x only: Quarkus REST pauses every request it takes, and an HTTP/2 stream whose body has ended
        // refuses to be paused ("Request has already been read"); the web app's proxy speaks HTTP/2.
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2 || !declaresSmallBody(request)) {
            routing.next();
            return;
        }
        // A client that stops sending mid-body is cut off, as the blocking read would have timed out: it must not
        // hold its admission permit until the connection's idle timeout. Nothing was run, so nothing is answered.
        long timer = routing.vertx().setTimer(Math.max(1, readTimeout.toMillis()),
                fired -> request.connection().close());
        request.body().onComplete(read -> {
            routing.vertx().cancelTimer(timer);
            if (read.failed()) {
                routing.fail(read.cause()); // the client went away mid-body: nothing was run
                return;
            }
            routing.setBody(read.result());
            routing.next();
        });
        request.resume(); // the router pauses a request until a handler reads it
    }

    static boolean declaresSmallBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return false;
        }
        try {
            long declared = Long.parseLong(length.strip());
            return declared > 0 && declared <= UP_TO;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
