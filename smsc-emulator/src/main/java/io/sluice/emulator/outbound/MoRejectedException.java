package io.sluice.emulator.outbound;

/** A mobile-originated message that cannot be sent as asked; the message says why in words. */
public final class MoRejectedException extends RuntimeException {

    private final MoRejection rejection;

    public MoRejectedException(MoRejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public MoRejection rejection() {
        return rejection;
    }
}
