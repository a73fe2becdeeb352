package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;
import java.util.TreeMap;
import org.voarchive.site.Html;
import org.voarchive.site.SiteIdentity;

/**
 * The archive's own Datalink semantics vocabulary (e.g. {@code #doi}) as an
 * HTML page with RDFa (SKOS), so that each term's full URI
 * {@code <base>/datalink/semantics#term} resolves to its definition, for
 * people and for RDF readers alike.
 */
@Path("datalink/semantics")
@RequestScoped
public class SemanticsResource {

    @Inject
    SiteIdentity site;

    @GET
    @Produces("text/html;charset=UTF-8")
    public String get() {
        String scheme = site.baseUrl() + Semantics.LOCAL_PATH;
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\" prefix=\"skos: http://www.w3.org/2004/02/skos/core#"
                + " dc: http://purl.org/dc/terms/\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>Datalink semantics of ").append(Html.escape(site.name())).append("</title>\n</head>\n")
            .append("<body about=\"").append(Html.escape(scheme)).append("\" typeof=\"skos:ConceptScheme\">\n")
            .append("<h1 property=\"dc:title\">Datalink semantics of ").append(Html.escape(site.name())).append("</h1>\n")
            .append("<p property=\"dc:description\">Terms this archive uses in the semantics column of its DataLink"
                + " responses beyond the IVOA core vocabulary (").append("<a href=\"").append(Semantics.CORE)
            .append("\">").append(Semantics.CORE).append("</a>). Each term's URI is this page's address followed by"
                + " #term.</p>\n<dl>\n");
        Map<String, String[]> terms = new TreeMap<>(Semantics.LOCAL_TERMS);
        for (Map.Entry<String, String[]> term : terms.entrySet()) {
            String uri = Semantics.local(site.baseUrl(), term.getKey());
            html.append("<div id=\"").append(Html.escape(term.getKey())).append("\" about=\"").append(Html.escape(uri))
                .append("\" typeof=\"skos:Concept\">\n<link property=\"skos:inScheme\" href=\"").append(Html.escape(scheme))
                .append("\"/>\n<dt><code property=\"skos:notation\">#").append(Html.escape(term.getKey()))
                .append("</code>: <span property=\"skos:prefLabel\">").append(Html.escape(term.getValue()[0]))
                .append("</span></dt>\n<dd property=\"skos:definition\">").append(Html.escape(term.getValue()[1]))
                .append("</dd>\n</div>\n");
        }
        html.append("</dl>\n</body>\n</html>\n");
        return html.toString();
    }
}
