package io.sluice.sms.cimd2;

/**
 * What {@link Cimd2Decoder} makes of one STX..ETX stretch: a packet, a packet whose operation code is not
 * known (the session answers it with a general error response), or a named decode error (the session
 * answers with NACK or a general error response and carries on: the decoder is already at the next STX).
 */
public sealed interface Cimd2Decoded permits Cimd2Packet, Cimd2UnknownOperation, Cimd2DecodeError {
}
