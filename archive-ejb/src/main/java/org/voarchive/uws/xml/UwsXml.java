package org.voarchive.uws.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;

/** Writes the UWS documents; one JAXB context for all of them. */
public final class UwsXml {

    public static final String NAMESPACE = "http://www.ivoa.net/xml/UWS/v1.0";
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    /** The namespace of the archive's own additions (jobInfo). */
    public static final String ARCHIVE = "urn:voarchive:uws";
    /** The version attribute of job and jobs documents. */
    public static final String VERSION = "1.1";

    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(JobSummary.class, JobList.class, Parameters.class, Results.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UwsXml() {
    }

    /** The document as UTF-8 bytes. */
    public static byte[] toBytes(Object document) {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(document, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("UWS document could not be written", e);
        }
    }
}
