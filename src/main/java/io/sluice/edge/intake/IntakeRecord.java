package io.sluice.edge.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the intake log keeps of a message the SMSC delivered: its body and the headers the MO path reads
 * (ADR 0038), as the protocol's consumer gave them. Values are strings, byte arrays or boxed numbers and
 * booleans; a header of another type is not kept (the caller names only headers of these types).
 *
 * @param sequence the journal's sequence, 0 before it is appended
 */
public record IntakeRecord(long sequence, Object body, Map<String, Object> headers) {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte BYTES = 2;
    private static final byte BYTE = 3;
    private static final byte SHORT = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte BOOLEAN = 7;

    /** The body and those of {@code headers} named in {@code kept} whose values are of a kept type. */
    public static IntakeRecord of(Object body, Map<String, Object> headers, Collection<String> kept) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String name : kept) {
            Object value = headers.get(name);
            if (value != null && typeOf(value) != NULL) {
                chosen.put(name, value);
            }
        }
        return new IntakeRecord(0, typeOf(body) == NULL ? null : body, chosen);
    }

    public IntakeRecord numbered(long journalSequence) {
        return new IntakeRecord(journalSequence, body, headers);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeValue(out, body);
            out.writeShort(headers.size());
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                out.writeUTF(header.getKey());
                writeValue(out, header.getValue());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    public static IntakeRecord decode(long sequence, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            Object body = readValue(in);
            int count = in.readUnsignedShort();
            Map<String, Object> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                headers.put(in.readUTF(), readValue(in));
            }
            return new IntakeRecord(sequence, body, headers);
        } catch (IOException corrupt) {
            throw new IllegalStateException("MO intake record " + sequence + " passed its CRC but does not decode", corrupt);
        }
    }

    private static byte typeOf(Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof byte[]) {
            return BYTES;
        } else if (value instanceof Byte) {
            return BYTE;
        } else if (value instanceof Short) {
            return SHORT;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return NULL;
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        byte type = value == null ? NULL : typeOf(value);
        out.writeByte(type);
        switch (type) {
            case STRING -> {
                byte[] utf8 = ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            case BYTES -> {
                out.writeInt(((byte[]) value).length);
                out.write((byte[]) value);
            }
            case BYTE -> out.writeByte((Byte) value);
            case SHORT -> out.writeShort((Short) value);
            case INT -> out.writeInt((Integer) value);
            case LONG -> out.writeLong((Long) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            default -> {
                // NULL: nothing follows
            }
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case NULL -> null;
            case STRING -> new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
            case BYTES -> in.readNBytes(in.readInt());
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            default -> throw new IOException("unknown value type " + type);
        };
    }
}
