package org.voarchive.oai;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Where a record's metadata goes in an OAI-PMH response: as StAX events ({@link #xml()}), or as the bytes of
 * whole elements that a serialiser of its own writes ({@link #bytes()}). JAXB writes its UTF-8 to a stream
 * several times faster than as StAX events, where the DataCite records of a ListRecords page spent most of
 * their time.
 */
public final class RecordWriter {

    private final XMLStreamWriter xml;
    private final OutputStream bytes;

    RecordWriter(XMLStreamWriter xml, OutputStream bytes) {
        this.xml = xml;
        this.bytes = bytes;
    }

    public XMLStreamWriter xml() {
        return xml;
    }

    /**
     * The response's bytes at this point, for complete elements in UTF-8 (no XML declaration), which must declare
     * the namespaces they use; StAX events go on after them.
     */
    public OutputStream bytes() throws XMLStreamException {
        xml.writeCharacters(""); // ends the start tag StAX keeps open, so that the elements go inside it
        xml.flush(); // what StAX holds goes first
        return bytes;
    }
}
