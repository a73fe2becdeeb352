package org.voarchive.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LittleEndianBufferTest {

    @Test
    void stringsAreTheirUtf8BytesAfterTheirLengthAsStringGetBytesHasThem() throws IOException {
        String[] strings = {"", "star 1", "Sírius ✓", "天狼星", "🌟 and 𝔸", "é".repeat(40_000), "lone \uD800 high",
            "lone \uDC00 low", "pair at the end \uD83C", "\u007F\u0080\u07FF\u0800\uFFFF"};
        LittleEndianBuffer buffer = new LittleEndianBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String s : strings) {
            buffer.writeUtf8(s);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            expected.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
            expected.write(utf8);
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        buffer.writeTo(actual);
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
    }
}
