package io.sluice.sms.cimd2;

import java.nio.charset.StandardCharsets;

/** Test vectors written readably: {@code <STX>}, {@code <ETX>} and {@code <TAB>} stand for 0x02, 0x03 and 0x09. */
final class Cimd2Bytes {

    private Cimd2Bytes() {
    }

    static byte[] bytes(String readable) {
        return readable.replace("<STX>", "\u0002").replace("<ETX>", "\u0003").replace("<TAB>", "\t")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static String readable(byte[] octets) {
        return new String(octets, StandardCharsets.ISO_8859_1).replace("\u0002", "<STX>").replace("\u0003", "<ETX>")
                .replace("\t", "<TAB>");
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
