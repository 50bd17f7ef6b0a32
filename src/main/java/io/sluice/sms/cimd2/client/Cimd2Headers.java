package io.sluice.sms.cimd2.client;

/** Camel message headers of the {@code cimd2:} component, in and out. */
public final class Cimd2Headers {

    /** In (submit): destination address (021), e.g. {@code +447700900123}. Out (deliveries): the same parameter. */
    public static final String DESTINATION = "CamelCimd2Destination";
    /** In (submit): originating address (023). Out (deliver message): the phone that sent it. */
    public static final String ORIGINATOR = "CamelCimd2Originator";
    /** In (submit): status report request bit mask (056); absent or 0 asks for no report. */
    public static final String STATUS_REPORT_REQUEST = "CamelCimd2StatusReportRequest";
    /** In (submit): relative validity period (050), GSM 03.40 coded 0-255 ({@code Cimd2RelativeValidity}); absent: the SMSC's default. */
    public static final String VALIDITY_PERIOD_RELATIVE = "CamelCimd2ValidityPeriodRelative";
    /**
     * In (submit): the text already cut into SMS parts, a {@code List<io.sluice.sms.text.SmsPart>}, sent as
     * they are (the edge's own parts, as camel-smpp takes a splitter); without it the body is cut here.
     */
    public static final String PARTS = "CamelCimd2Parts";
    /** In (submit, body cut here): concatenation reference (low 8 bits used) for a text of several parts; keep it for a resend. */
    public static final String CONCATENATION_REFERENCE = "CamelCimd2ConcatenationReference";
    /** Out: service centre time stamp (060) of the submit response, or of the message a report is about. */
    public static final String SERVICE_CENTRE_TIMESTAMP = "CamelCimd2ServiceCentreTimestamp";
    /**
     * Out: what identifies a submitted message for its status report, {@code <destination>:<SCTS>}: CIMD2
     * has no message id, the report quotes the destination (021) and the submit's time stamp (060).
     */
    public static final String MESSAGE_ID = "CamelCimd2MessageId";
    /** Out (deliveries): {@link #DELIVER_MESSAGE} or {@link #DELIVER_STATUS_REPORT}. */
    public static final String MESSAGE_TYPE = "CamelCimd2MessageType";
    /** Out (status reports): status code (061), an Integer. */
    public static final String STATUS_CODE = "CamelCimd2StatusCode";
    /** Out (status reports): status error code (062), an Integer, when the SMSC gave one. */
    public static final String STATUS_ERROR_CODE = "CamelCimd2StatusErrorCode";
    /**
     * Out (deliver message): the User Data Header (032) octets, length octet included, when the SMSC sent
     * one, e.g. for a part of a concatenated message; the body is then that part's text only.
     */
    public static final String USER_DATA_HEADER = "CamelCimd2UserDataHeader";
    /** Out (deliver message): data coding scheme (030), an Integer, when the SMSC gave one (absent: GSM text). */
    public static final String DATA_CODING_SCHEME = "CamelCimd2DataCodingScheme";
    /** Out (deliveries): the SMSC's packet number, for the log. */
    public static final String PACKET_NUMBER = "CamelCimd2PacketNumber";

    public static final String DELIVER_MESSAGE = "DeliverMessage";
    public static final String DELIVER_STATUS_REPORT = "DeliverStatusReport";

    private Cimd2Headers() {
    }

    /** The id under which a submit's status report will be recognised. */
    public static String messageId(String destination, String serviceCentreTimestamp) {
        return destination + ":" + serviceCentreTimestamp;
    }
}
