package io.sluice.emulator;

/** What data_coding 0, the "SMSC default alphabet" of SMPP 3.4 §5.2.19, means to this SMSC. */
public enum DefaultAlphabet {
    /** GSM 03.38 (3GPP TS 23.038 §6.2.1), unpacked: one septet per octet, as Sluice's edge sends it. */
    GSM,
    /** The {@code default-charset} (ISO-8859-1 unless set), as camel-smpp sends by default. */
    CHARSET
}
