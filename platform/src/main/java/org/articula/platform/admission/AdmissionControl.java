package org.articula.platform.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.problem.RouteProblems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sheds the API requests a service cannot serve quickly (docs/decisions/0034-load-shedding.md): at most
 * {@code articula.admission.max-concurrent} requests under {@code /api/} in service at once, at most
 * {@code max-waiting} more waiting up to {@code max-wait} for a permit, and any other answered at once with 503
 * {@code overloaded} and {@code Retry-After}. Nothing of a refused request has been read or run, so repeating it
 * (same client id) is always safe. Health, metrics and the OpenAPI document (under {@code /q/}) are never limited.
 *
 * <p>A Vert.x route rather than a REST filter: it runs before the body is read or a worker thread taken, and the
 * routing context's end handler fires once whatever ends the request (answer sent, failure, client gone), which
 * is where the permit is released.
 */
@Singleton
public class AdmissionControl {

    /** After the size checks (OversizedRequests at -3, Quarkus's upload limit at -2), before everything else. */
    static final int ORDER = -1;
    /** The largest body read to the end before a refusal, so the connection stays open for the next request. */
    static final long DRAIN_UP_TO = 64 * 1024;

    @ConfigProperty(name = "articula.admission.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "articula.admission.max-concurrent", defaultValue = "40")
    int maxConcurrent;
    @ConfigProperty(name = "articula.admission.max-waiting", defaultValue = "20")
    int maxWaiting;
    @ConfigProperty(name = "articula.admission.max-wait", defaultValue = "100ms")
    Duration maxWait;
    @ConfigProperty(name = "articula.admission.retry-after", defaultValue = "1")
    int retryAfterSeconds;
    @Inject
    ObjectMapper json;

    private AdmissionLimiter limiter;
    private Counter shedFull;
    private Counter shedTimeout;

    void install(@Observes Router router, MeterRegistry registry) {
        if (!enabled) {
            return;
        }
        limiter = new AdmissionLimiter(maxConcurrent, maxWaiting);
        Gauge.builder("articula.admission.in.flight", limiter, AdmissionLimiter::inService)
                .description("API requests in service now (at most articula.admission.max-concurrent)")
                .register(registry);
        Gauge.builder("articula.admission.waiting", limiter, AdmissionLimiter::waiting)
                .description("API requests waiting for a permit now").register(registry);
        shedFull = shed(registry, "full");
        shedTimeout = shed(registry, "timeout");
        router.route("/api/*").order(ORDER).handler(this::admit);
    }

    private static Counter shed(MeterRegistry registry, String reason) {
        return Counter.builder("articula.admission.shed").tag("reason", reason)
                .description("API requests refused with 503 overloaded: the queue was full, or the wait ran out")
                .register(registry);
    }

    /** The permits in use now; empty when admission control is switched off. */
    public Optional<AdmissionLimiter> limiter() {
        return Optional.ofNullable(limiter);
    }

    private void admit(RoutingContext routing) {
        Admission admission = new Admission(routing, Vertx.currentContext());
        routing.addEndHandler(ended -> admission.finished());
        switch (limiter.enter(admission)) {
            case ADMITTED -> admission.proceed();
            case WAITING -> admission.startWaiting();
            case REFUSED -> {
                admission.abandon();
                shedFull.increment();
                refuse(routing);
            }
        }
    }

    private void refuse(RoutingContext routing) {
        String detail = "El servicio está atendiendo todas las solicitudes que puede responder a tiempo y no procesó "
                + "esta: no se guardó nada. Repita la misma solicitud en " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " segundo." : " segundos.");
        Runnable answer = () -> RouteProblems.answer(routing, json, ProblemType.OVERLOADED, detail,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        HttpServerRequest request = routing.request();
        if (request.isEnded() || !smallBody(request)) {
            answer.run();
            return;
        }
        // The rest of a small body is read and dropped first: a connection answered before its request was read
        // cannot carry the next one, and under overload a new connection for every retry costs more than the
        // refused requests themselves (a full benchmark run at 1,314 lots/s lost 7,186 requests to it).
        request.handler(ignored -> {
        }).endHandler(ignored -> answer.run());
        request.resume();
    }

    /** No body, or a declared one of at most {@link #DRAIN_UP_TO} bytes (a single lot, not a large batch). */
    private static boolean smallBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        }
        try {
            return Long.parseLong(length.strip()) <= DRAIN_UP_TO;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * One request's way through: waiting, in service, over. The permit is released exactly once, by whichever of
     * the end of the request and a late hand-over comes second; states change under the object's lock because
     * the hand-over comes on the thread that freed the permit.
     */
    private final class Admission implements AdmissionLimiter.Waiter {

        private enum State {
            WAITING,
            IN_SERVICE,
            OVER
        }

        private final RoutingContext routing;
        private final Context context;
        private State state = State.WAITING;
        private long timer = -1;

        Admission(RoutingContext routing, Context context) {
            this.routing = routing;
            this.context = context;
        }

        void proceed() {
            synchronized (this) {
                state = State.IN_SERVICE;
            }
            routing.next();
        }

        void startWaiting() {
            long id = routing.vertx().setTimer(Math.max(1, maxWait.toMillis()), fired -> waitedEnough());
            synchronized (this) {
                timer = id;
            }
        }

        synchronized void abandon() {
            state = State.OVER;
        }

        @Override
        public void admitted() {
            boolean gone;
            long pending;
            synchronized (this) {
                gone = state == State.OVER;
                state = gone ? State.OVER : State.IN_SERVICE;
                pending = timer;
            }
            if (gone) { // the client left while it waited: the permit it was just given goes on
                limiter.release();
                return;
            }
            if (pending >= 0) {
                routing.vertx().cancelTimer(pending);
            }
            context.runOnContext(ignored -> routing.next());
        }

        private void waitedEnough() {
            if (!limiter.giveUp(this)) {
                return; // a permit reached it at the same moment: admitted() serves it
            }
            synchronized (this) {
                state = State.OVER;
            }
            shedTimeout.increment();
            refuse(routing);
        }

        void finished() {
            State was;
            synchronized (this) {
                was = state;
                state = State.OVER;
            }
            if (was == State.IN_SERVICE) {
                limiter.release();
            } else if (was == State.WAITING) {
                limiter.giveUp(this); // if a permit reached it meanwhile, admitted() sees OVER and releases it
            }
        }
    }
}
