package org.voarchive.doi;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Base64;
import org.voarchive.doi.xml.DataCiteResource;

/**
 * A record as the DataCite REST API takes it for creating or updating a DOI
 * (JSON:API, type "dois"): the DOI, its landing page URL, and the kernel 4.5
 * XML itself (base64), so the JSON says exactly what the XML says. Without an
 * event the DOI is a draft; "publish" makes it findable.
 */
public final class DataCiteJson {

    private DataCiteJson() {
    }

    /** @param event null (draft), "register" or "publish" */
    public static String of(DataCiteResource record, String landingUrl, String event) {
        String xml = Base64.getEncoder().encodeToString(record.toXml(false));
        StringWriter json = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(json)) {
            g.writeStartObject().writeStartObject("data").write("type", "dois").write("id", record.identifier.value)
                .writeStartObject("attributes").write("doi", record.identifier.value).write("url", landingUrl);
            if (event != null) {
                g.write("event", event);
            }
            g.write("xml", xml).writeEnd().writeEnd().writeEnd();
        }
        return json.toString();
    }

    /** The landing page URL a record names (its alternate identifier "DOI Landing Page"). */
    public static String landingUrl(DataCiteResource record) {
        return record.alternateIdentifiers.stream().filter(a -> a.alternateIdentifierType.equals("DOI Landing Page"))
            .map(a -> a.value).findFirst().orElseThrow();
    }
}
