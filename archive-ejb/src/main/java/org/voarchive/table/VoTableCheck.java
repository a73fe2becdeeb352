package org.voarchive.table;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a VOTable once, as STIL will, with an XML parser that refuses what STIL would follow:
 * <ul>
 * <li>any DOCTYPE (internal subsets declare entities that read files or URLs; external DTDs are fetched);</li>
 * <li>{@code STREAM href} (STIL reads the named file or URL as the table's data);</li>
 * <li>BINARY and BINARY2 data whose array lengths exceed the bytes present (STIL allocates them);</li>
 * <li>inline FITS data, checked as any FITS file is;</li>
 * <li>FIELDs and PARAMs whose fixed array size is larger than the file could fill.</li>
 * </ul>
 */
final class VoTableCheck extends SafeXml.StrictHandler {

    /** Slack for fixed-size arrays in TABLEDATA: STIL pads short cells up to the declared size. */
    private static final long FIXED_ARRAY_SLACK = 1 << 16;

    private final long fileBytes;
    private final Path scratch;
    private List<Field> fields = new ArrayList<>();
    private String serialization; // BINARY, BINARY2 or FITS while inside one
    private OutputStream stream; // the base64 text of the STREAM being read
    private Path streamFile;

    private VoTableCheck(long fileBytes, Path scratch) {
        this.fileBytes = fileBytes;
        this.scratch = scratch;
    }

    /**
     * @param scratch a directory for the decoded inline streams (removed by the caller)
     * @throws TableRefusedException saying what is unsafe or malformed
     */
    static void check(Path file, Path scratch) throws IOException {
        VoTableCheck check = new VoTableCheck(Files.size(file), scratch);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            SafeXml.parse(in, check);
        } catch (SAXParseException e) {
            throw new TableRefusedException("not an acceptable VOTable " + SafeXml.located(e));
        } catch (SAXException e) {
            if (e.getCause() instanceof TableRefusedException refused) {
                throw refused;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new TableRefusedException("not an acceptable VOTable: " + e.getMessage());
        } finally {
            check.closeStream();
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        switch (name) {
            case "TABLE" -> fields = new ArrayList<>();
            case "FIELD" -> fields.add(field(attributes, "FIELD"));
            case "PARAM" -> field(attributes, "PARAM");
            case "BINARY", "BINARY2", "FITS" -> serialization = name;
            case "STREAM" -> startStream(attributes);
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        if (name.equals("STREAM")) {
            endStream();
        } else if (name.equals("BINARY") || name.equals("BINARY2") || name.equals("FITS")) {
            serialization = null;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (stream == null) {
            return;
        }
        try {
            for (int i = start; i < start + length; i++) {
                char c = ch[i];
                // only the base64 alphabet and white space: every decoder then reads the same bytes
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                        || c == '=' || Character.isWhitespace(c))) {
                    throw new SAXException(refuse("a STREAM holds '" + (c < 32 ? "\\u" + (int) c : String.valueOf(c))
                        + "', which is not base64"));
                }
                stream.write(c);
            }
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    private Field field(Attributes attributes, String element) throws SAXException {
        String datatype = attributes.getValue("datatype");
        String arraysize = attributes.getValue("arraysize");
        String name = attributes.getValue("name");
        Field field = Field.of(name, element, datatype, arraysize);
        if (field.fixedBytes() > fileBytes + FIXED_ARRAY_SLACK) {
            throw refuse(element + " " + name + " declares arrays of " + field.fixedBytes()
                + " bytes, more than the whole file holds");
        }
        return field;
    }

    private void startStream(Attributes attributes) throws SAXException {
        if (attributes.getValue("href") != null) {
            throw refuse("a STREAM refers to " + attributes.getValue("href") + "; this archive reads data only from "
                + "inside the VOTable (inline base64 STREAMs or TABLEDATA)");
        }
        String encoding = attributes.getValue("encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("base64")) {
            throw refuse("an inline STREAM must be base64-encoded, not '" + encoding + "'");
        }
        if (serialization == null) {
            throw refuse("a STREAM outside BINARY, BINARY2 or FITS");
        }
        try {
            streamFile = Files.createTempFile(scratch, "stream-", ".b64");
            stream = new BufferedOutputStream(Files.newOutputStream(streamFile), 1 << 16);
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    private void endStream() throws SAXException {
        try {
            stream.close();
            stream = null;
            Path decoded = Files.createTempFile(scratch, "stream-", ".bin");
            try (InputStream in = Base64.getMimeDecoder().wrap(new BufferedInputStream(Files.newInputStream(streamFile)))) {
                Files.copy(in, decoded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IllegalArgumentException e) {
                throw refuse("a STREAM is not valid base64: " + e.getMessage());
            }
            Files.delete(streamFile);
            if (serialization.equals("FITS")) {
                FitsCheck.check(decoded);
            } else {
                walkRows(decoded, serialization.equals("BINARY2"));
            }
            Files.delete(decoded);
        } catch (TableRefusedException e) {
            throw new SAXException(e);
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    /** Walks the decoded rows, every variable-length prefix checked against the bytes left. */
    private void walkRows(Path decoded, boolean binary2) throws IOException {
        long left = Files.size(decoded);
        if (left > 0 && fields.isEmpty()) {
            throw refuse(serialization + " data for a table without FIELDs");
        }
        long flags = binary2 ? (fields.size() + 7) / 8 : 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(decoded), 1 << 16))) {
            for (long row = 1; left > 0; row++) {
                left = skip(in, flags, left, row, "the null flags");
                for (Field f : fields) {
                    long bytes;
                    if (f.variable()) {
                        left = need(4, left, row, f);
                        int count = in.readInt();
                        if (count < 0) {
                            throw refuse("row " + row + ", FIELD " + f.name() + ": a negative array length " + count);
                        }
                        bytes = f.bytesFor(count);
                    } else {
                        bytes = f.fixedBytes();
                    }
                    left = skip(in, bytes, left, row, "FIELD " + f.name());
                }
            }
        } catch (EOFException e) {
            throw refuse("the " + serialization + " stream ends within a row");
        }
    }

    private long need(long bytes, long left, long row, Field f) {
        if (bytes > left) {
            throw refuse("row " + row + ", FIELD " + f.name() + ": the stream ends within the row");
        }
        return left - bytes;
    }

    private long skip(DataInputStream in, long bytes, long left, long row, String what) throws IOException {
        if (bytes > left) {
            throw refuse("row " + row + ", " + what + ": " + bytes + " bytes declared, " + left + " left in the stream");
        }
        in.skipNBytes(bytes);
        return left - bytes;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    private static TableRefusedException refuse(String why) {
        return new TableRefusedException("not an acceptable VOTable: " + why);
    }

    /** A FIELD's (or PARAM's) binary layout: element size and shape, variable if its last dimension is '*'. */
    private record Field(String name, long elementBits, long fixedElements, boolean variable) {

        static Field of(String name, String element, String datatype, String arraysize) {
            long bits = bits(datatype, element, name);
            if (arraysize == null || arraysize.isBlank()) {
                return new Field(name, bits, 1, false);
            }
            String[] dims = arraysize.trim().split("x");
            long elements = 1;
            boolean variable = false;
            for (int i = 0; i < dims.length; i++) {
                String d = dims[i].trim();
                boolean star = d.endsWith("*");
                if (star && i != dims.length - 1) {
                    throw refuse(element + " " + name + ": only the last dimension of arraysize may be '*': " + arraysize);
                }
                String digits = star ? d.substring(0, d.length() - 1) : d;
                if (star && digits.isEmpty()) {
                    variable = true;
                    continue;
                }
                if (!digits.matches("[0-9]{1,18}")) {
                    throw refuse(element + " " + name + ": arraysize '" + arraysize + "' is not a VOTable array size");
                }
                try {
                    elements = Math.multiplyExact(elements, Long.parseLong(digits));
                } catch (ArithmeticException e) {
                    throw refuse(element + " " + name + ": arraysize '" + arraysize + "' is beyond any file");
                }
                variable |= star; // "10*": at most 10, but prefixed by a count as any variable array
            }
            return new Field(name, bits, elements, variable);
        }

        long fixedBytes() {
            return variable ? 0 : bytesFor(fixedElements);
        }

        /** The bytes of {@code count} elements (bits round up to whole bytes); overflow means no file holds them. */
        long bytesFor(long count) {
            if (elementBits == 1) {
                return (count + 7) / 8;
            }
            if (count > Long.MAX_VALUE / elementBits) {
                return Long.MAX_VALUE;
            }
            return count * (elementBits / 8);
        }

        private static long bits(String datatype, String element, String name) {
            if (datatype == null) {
                throw refuse(element + " " + name + " has no datatype");
            }
            return switch (datatype.trim().toLowerCase(Locale.ROOT)) {
                case "bit" -> 1;
                case "boolean", "unsignedbyte", "char" -> 8;
                case "short", "unicodechar" -> 16;
                case "int", "float" -> 32;
                case "long", "double", "floatcomplex" -> 64;
                case "doublecomplex" -> 128;
                default -> throw refuse(element + " " + name + ": '" + datatype + "' is not a VOTable datatype");
            };
        }
    }
}
