package org.voarchive.table;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a FITS file's declared sizes against the bytes present, HDU by HDU: the data size from
 * BITPIX, NAXISn, PCOUNT and GCOUNT; in binary tables, the column widths against NAXIS1 and every
 * variable-length array descriptor (P and Q) against the heap. STIL allocates what these say, so a
 * small file that declares a huge array would exhaust the heap.
 */
final class FitsCheck {

    private static final int BLOCK = 2880;
    private static final int CARD = 80;
    /** More header blocks than any real table needs; a header that does not end is refused before it is all read. */
    private static final int MAX_HEADER_BLOCKS = 1000;

    private FitsCheck() {
    }

    static void check(Path file) throws IOException {
        long size = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long position = 0;
            for (int hdu = 0; position < size; hdu++) {
                Map<String, String> header = new HashMap<>();
                position += readHeader(in, header, hdu);
                long dataBytes = dataBytes(header, hdu);
                if (dataBytes > size - position) {
                    throw refused("HDU " + hdu + " declares " + dataBytes + " bytes of data, but the file has "
                        + Math.max(0, size - position) + " more");
                }
                if ("BINTABLE".equals(header.get("XTENSION"))) {
                    checkBinaryTable(in, header, hdu);
                } else {
                    in.skipNBytes(dataBytes);
                }
                position += dataBytes;
                long padding = Math.min((BLOCK - dataBytes % BLOCK) % BLOCK, size - position);
                in.skipNBytes(padding);
                position += padding;
            }
        } catch (EOFException e) {
            throw refused("the file ends within an HDU");
        }
    }

    /** Reads header blocks up to the END card; returns the bytes read. */
    private static long readHeader(DataInputStream in, Map<String, String> header, int hdu) throws IOException {
        byte[] block = new byte[BLOCK];
        for (int blocks = 1; blocks <= MAX_HEADER_BLOCKS; blocks++) {
            in.readFully(block);
            for (int card = 0; card < BLOCK; card += CARD) {
                String text = new String(block, card, CARD, StandardCharsets.US_ASCII);
                String keyword = text.substring(0, 8).trim();
                if (keyword.equals("END")) {
                    if (hdu == 0 && !"T".equals(header.get("SIMPLE"))) {
                        throw refused("not a FITS file: it does not start with SIMPLE = T");
                    }
                    return (long) blocks * BLOCK;
                }
                if (text.length() > 9 && text.charAt(8) == '=') {
                    header.putIfAbsent(keyword, value(text.substring(10)));
                }
            }
        }
        throw refused("HDU " + hdu + " has no END card within " + MAX_HEADER_BLOCKS + " header blocks");
    }

    /** A card's value: a string without its quotes, or the text before any comment. */
    private static String value(String field) {
        String v = field.trim();
        if (v.startsWith("'")) {
            int end = v.indexOf('\'', 1);
            return (end < 0 ? v.substring(1) : v.substring(1, end)).trim();
        }
        int slash = v.indexOf('/');
        return (slash < 0 ? v : v.substring(0, slash)).trim();
    }

    private static long dataBytes(Map<String, String> header, int hdu) {
        long bitpix = Math.abs(integer(header, "BITPIX", hdu));
        if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64) {
            throw refused("HDU " + hdu + " has BITPIX " + header.get("BITPIX"));
        }
        long naxis = integer(header, "NAXIS", hdu);
        if (naxis < 0 || naxis > 999) {
            throw refused("HDU " + hdu + " has NAXIS " + naxis);
        }
        if (naxis == 0) {
            return 0;
        }
        boolean groups = hdu == 0 && "T".equals(header.get("GROUPS"));
        try {
            long elements = 1;
            for (int i = 1; i <= naxis; i++) {
                long n = integer(header, "NAXIS" + i, hdu);
                if (n < 0) {
                    throw refused("HDU " + hdu + " has a negative NAXIS" + i);
                }
                if (!(groups && i == 1 && n == 0)) { // random groups: NAXIS1 = 0 is a marker, not a size
                    elements = Math.multiplyExact(elements, n);
                }
            }
            long pcount = header.containsKey("PCOUNT") ? integer(header, "PCOUNT", hdu) : 0;
            long gcount = header.containsKey("GCOUNT") ? integer(header, "GCOUNT", hdu) : 1;
            if (pcount < 0 || gcount < 0) {
                throw refused("HDU " + hdu + " has a negative PCOUNT or GCOUNT");
            }
            return Math.multiplyExact(bitpix / 8, Math.multiplyExact(gcount, Math.addExact(pcount, elements)));
        } catch (ArithmeticException e) {
            throw refused("HDU " + hdu + " declares a data size beyond any file");
        }
    }

    /** Column widths add up to NAXIS1, and every array descriptor points inside the heap. */
    private static void checkBinaryTable(DataInputStream in, Map<String, String> header, int hdu) throws IOException {
        long rowBytes = integer(header, "NAXIS1", hdu);
        long rows = integer(header, "NAXIS2", hdu);
        long pcount = header.containsKey("PCOUNT") ? integer(header, "PCOUNT", hdu) : 0;
        long fields = integer(header, "TFIELDS", hdu);
        if (fields < 0 || fields > 999) {
            throw refused("HDU " + hdu + " has TFIELDS " + fields);
        }
        long main = rowBytes * rows; // no overflow: dataBytes checked the product
        long heapStart = header.containsKey("THEAP") ? integer(header, "THEAP", hdu) : main;
        if (heapStart < main || heapStart > main + pcount) {
            throw refused("HDU " + hdu + " has THEAP outside its data");
        }
        long[] offsets = new long[(int) fields];
        int[] descriptorBytes = new int[(int) fields];
        long[] elementBits = new long[(int) fields];
        long width = 0;
        for (int i = 0; i < fields; i++) {
            Column c = Column.parse(header.get("TFORM" + (i + 1)), hdu, i + 1);
            offsets[i] = width;
            descriptorBytes[i] = c.descriptorBytes();
            elementBits[i] = c.arrayElementBits();
            width += c.bytes();
            if (width > rowBytes) {
                throw refused("HDU " + hdu + ": the columns up to TFORM" + (i + 1) + " are wider than NAXIS1 = " + rowBytes);
            }
        }
        if (width != rowBytes) {
            throw refused("HDU " + hdu + ": the columns are " + width + " bytes wide, NAXIS1 says " + rowBytes);
        }
        long heapBytes = main + pcount - heapStart;
        boolean arrays = false;
        for (int d : descriptorBytes) {
            arrays |= d > 0;
        }
        if (!arrays) {
            in.skipNBytes(main + pcount);
            return;
        }
        byte[] row = new byte[(int) rowBytes];
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(row); // FITS is big-endian, as ByteBuffer's default
        for (long r = 0; r < rows; r++) {
            in.readFully(row);
            for (int i = 0; i < fields; i++) {
                if (descriptorBytes[i] == 0) {
                    continue;
                }
                int at = (int) offsets[i];
                long count = descriptorBytes[i] == 8 ? buffer.getInt(at) : buffer.getLong(at);
                long offset = descriptorBytes[i] == 8 ? buffer.getInt(at + 4) : buffer.getLong(at + 8);
                if (count < 0 || offset < 0 || count > heapBytes * 8 || offset > heapBytes
                        || (count * elementBits[i] + 7) / 8 > heapBytes - offset) {
                    throw refused("HDU " + hdu + ", row " + (r + 1) + ", column " + (i + 1) + ": the array of " + count
                        + " elements at heap offset " + offset + " is outside the heap of " + heapBytes + " bytes");
                }
            }
        }
        in.skipNBytes(pcount);
    }

    private static long integer(Map<String, String> header, String keyword, int hdu) {
        String v = header.get(keyword);
        if (v == null) {
            throw refused("HDU " + hdu + " has no " + keyword);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw refused("HDU " + hdu + ": " + keyword + " = " + v + " is not an integer");
        }
    }

    private static TableRefusedException refused(String why) {
        return new TableRefusedException("malformed FITS: " + why);
    }

    /** A binary table column's TFORM: repeat count and type; P and Q are array descriptors. */
    private record Column(long repeat, char type, char arrayType) {

        static Column parse(String tform, int hdu, int n) {
            if (tform == null) {
                throw refused("HDU " + hdu + " has no TFORM" + n);
            }
            var m = java.util.regex.Pattern.compile("(\\d*)([LXBIJKAEDCMPQ])(?:([LXBIJKAEDCM]).*)?")
                .matcher(tform.trim().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw refused("HDU " + hdu + ": TFORM" + n + " = " + tform + " is not a binary table format");
            }
            long repeat;
            try {
                repeat = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw refused("HDU " + hdu + ": TFORM" + n + " = " + tform + " repeats beyond any file");
            }
            char type = m.group(2).charAt(0);
            if ((type == 'P' || type == 'Q') && m.group(3) == null) {
                throw refused("HDU " + hdu + ": TFORM" + n + " = " + tform + " names no array element type");
            }
            return new Column(repeat, type, m.group(3) == null ? ' ' : m.group(3).charAt(0));
        }

        long bytes() {
            try {
                return type == 'X' ? (repeat + 7) / 8 : Math.multiplyExact(repeat, bits(type) / 8);
            } catch (ArithmeticException e) {
                throw refused("a TFORM repeats beyond any file");
            }
        }

        int descriptorBytes() {
            if (repeat > 1 && (type == 'P' || type == 'Q')) {
                throw refused("array descriptors (P, Q) with a repeat count other than 1 are not supported");
            }
            return type == 'P' && repeat == 1 ? 8 : type == 'Q' && repeat == 1 ? 16 : 0;
        }

        long arrayElementBits() {
            return arrayType == ' ' ? 0 : bits(arrayType);
        }

        private static long bits(char t) {
            return switch (t) {
                case 'X' -> 1;
                case 'L', 'B', 'A' -> 8;
                case 'I' -> 16;
                case 'J', 'E' -> 32;
                case 'K', 'D', 'C', 'P' -> 64;
                case 'M', 'Q' -> 128;
                default -> throw new IllegalStateException("no size for TFORM type " + t);
            };
        }
    }
}
