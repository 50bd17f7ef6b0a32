package io.sluice.emulator.cimd2;

import io.netty.channel.EventLoop;
import io.sluice.emulator.EmulatorProperties;
import io.sluice.emulator.ViolationPolicy;
import io.sluice.emulator.smpp.HandshakeDelay;
import io.sluice.emulator.smpp.SmscServices;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2ParameterException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a client's requests (CIMD Interface Specification §4.1-4.8, §4.11). Login, logout and alive are
 * answered at once; the message operations after the simulated processing time, scheduled on the
 * connection's event loop so that an overlapping request really is processed next to the first one.
 */
final class Cimd2Requests {

    private static final Logger log = LoggerFactory.getLogger(Cimd2Requests.class);
    /** How long a refused client has to read its login response and hang up before we do. */
    private static final Duration REFUSED_LOGIN_GRACE = Duration.ofSeconds(1);
    /** Parameter 500 value asking for the SMSC time (§4.8). */
    private static final int GET_MC_TIME = Cimd2Parameter.MC_TIME.code();
    /** What a request breaking stop-and-wait gets under {@code violation-policy: REJECT}. */
    static final Cimd2ErrorCode VIOLATION_ERROR = Cimd2ErrorCode.TEMPORARY_CONGESTION;

    private final Cimd2Session session;
    private final SmscServices services;
    private final EmulatorProperties properties;
    private final HandshakeDelay delay;
    private final Cimd2Submits submits;

    Cimd2Requests(Cimd2Session session, SmscServices services) {
        this.session = session;
        this.services = services;
        this.properties = services.properties();
        this.delay = new HandshakeDelay(properties.handshakeTime(), properties.handshakeJitter(), new Random());
        this.submits = new Cimd2Submits(session, services);
    }

    void handle(Cimd2Packet request, EventLoop loop) {
        switch (request.operation()) {
            case LOGIN -> login(request, loop);
            case LOGOUT -> {
                session.send(request.response().build());
                session.closeAfterFlush();
            }
            case ALIVE -> session.send(request.response().build());
            default -> {
                if (session.account() == null) {
                    session.send(request.negativeResponse(Cimd2ErrorCode.UNEXPECTED_OPERATION));
                } else if (properties.violationPolicy() == ViolationPolicy.REJECT
                        && session.isOutOfTurn(request.packetNumber())) {
                    session.send(request.negativeResponse(VIOLATION_ERROR));
                } else {
                    loop.schedule(() -> process(request), delay.next().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private void login(Cimd2Packet request, EventLoop loop) {
        String user = request.value(Cimd2Parameter.USER_IDENTITY).orElse("");
        String password = request.value(Cimd2Parameter.PASSWORD).orElse(null);
        if (session.account() != null || !Objects.equals(properties.accounts().get(user), password)) {
            services.stats().bindRefused();
            log.info("{}: login of '{}' refused", session.id(), user);
            session.send(request.negativeResponse(Cimd2ErrorCode.INVALID_LOGIN));
            if (session.account() == null) {
                loop.schedule(session::close, REFUSED_LOGIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        session.loggedIn(user);
        session.send(request.response().build());
        session.startLane();
    }

    private void process(Cimd2Packet request) {
        try {
            switch (request.operation()) {
                case SUBMIT -> submits.submit(request);
                // The emulator delivers at once: nothing is stored to enquire about, retrieve or cancel.
                case ENQUIRE_MESSAGE_STATUS -> session.send(request.negativeResponse(Cimd2ErrorCode.CANNOT_FIND_INFORMATION));
                case DELIVERY_REQUEST -> session.send(request.response().add(Cimd2Parameter.MESSAGE_COUNT, 0).build());
                case CANCEL -> session.send(request.negativeResponse(Cimd2ErrorCode.REQUESTED_OPERATION_FAILED));
                case SET -> session.send(request.negativeResponse(Cimd2ErrorCode.CHANGING_PASSWORD_NOT_ALLOWED));
                case GET -> get(request);
                // Deliver message and deliver status report go from the SMSC to the client, never back.
                default -> session.send(request.negativeResponse(Cimd2ErrorCode.UNEXPECTED_OPERATION));
            }
        } catch (Cimd2ParameterException e) {
            session.send(request.negativeResponse(e.errorCode()));
        }
    }

    private void get(Cimd2Packet request) {
        if (request.integer(Cimd2Parameter.GET_PARAMETER).orElse(-1) == GET_MC_TIME) {
            session.send(request.response()
                    .add(Cimd2Parameter.MC_TIME, Cimd2Timestamps.format(services.clock().instant())).build());
        } else {
            session.send(request.negativeResponse(Cimd2ErrorCode.UNSUPPORTED_ITEM_REQUESTED));
        }
    }
}
