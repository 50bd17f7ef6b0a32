package io.sluice.sms.text;

/**
 * A User Data Header whose lengths do not add up (3GPP TS 23.040 §9.2.3.24): its UDHL runs past the
 * message, an information element runs past the UDHL, or a concatenation element has the wrong
 * length. The spec tells a handset to ignore such a header; a gateway cannot, because without it the
 * rest of the message cannot be told apart from the header, so it is reported by name instead.
 */
public class MalformedUdhException extends RuntimeException {

    public MalformedUdhException(String message) {
        super(message);
    }
}
