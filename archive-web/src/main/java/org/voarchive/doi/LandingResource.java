package org.voarchive.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import org.voarchive.dali.DaliException;
import org.voarchive.datalink.DatalinkCapabilities;
import org.voarchive.site.Html;
import org.voarchive.site.SiteIdentity;
import org.voarchive.web.CallerName;

/** Landing pages under stable URLs: {@code /landing/schema}, {@code /landing/schema.table}, {@code /landing/object-id}. */
@Path("landing/{id: .+}")
@RequestScoped
public class LandingResource {

    @Inject
    LandingPages pages;

    @Inject
    SiteIdentity site;

    @Context
    SecurityContext security;

    @GET
    @Produces("text/html;charset=UTF-8")
    public String get(@PathParam("id") String id) throws SQLException, DaliException {
        String caller = CallerName.of(security);
        LandingPage page = pages.find(id, caller).orElseThrow(() -> new NotFoundException("nothing is published as " + id));
        return render(page);
    }

    private String render(LandingPage p) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(Html.escape(p.title())).append("</title>\n");
        if (p.doi() != null) {
            html.append("<meta name=\"DC.identifier\" content=\"doi:").append(Html.escape(p.doi())).append("\">\n");
        }
        html.append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3em .8em;text-align:left}"
                + "</style>\n</head>\n<body>\n<p>").append(Html.escape(p.kind())).append(" <code>")
            .append(Html.escape(p.id())).append("</code></p>\n<h1>").append(Html.escape(p.title())).append("</h1>\n");
        if (p.description() != null) {
            html.append("<p class=\"description\">").append(Html.escape(p.description())).append("</p>\n");
        }
        if (p.longDescription() != null) {
            html.append("<div class=\"long-description\"><pre>").append(Html.escape(p.longDescription()))
                .append("</pre></div>\n");
        }
        html.append("<dl>\n");
        if (p.doi() != null) {
            String url = "https://doi.org/" + p.doi();
            html.append("<dt>DOI</dt><dd><a id=\"doi\" href=\"").append(Html.escape(url)).append("\">")
                .append(Html.escape(url)).append("</a></dd>\n");
        }
        if (!p.creators().isEmpty()) {
            html.append("<dt>Creators</dt><dd>").append(Html.escape(String.join("; ",
                p.creators().stream().map(c -> c.name()).toList()))).append("</dd>\n");
        }
        if (p.version() != null) {
            html.append("<dt>Version</dt><dd id=\"version\">").append(Html.escape(p.version())).append("</dd>\n");
        }
        if (p.licenseLabel() != null || p.licenseUrl() != null) {
            String label = p.licenseLabel() != null ? p.licenseLabel() : p.licenseUrl();
            html.append("<dt>Licence</dt><dd>").append(p.licenseUrl() == null ? Html.escape(label)
                : "<a href=\"" + Html.escape(p.licenseUrl()) + "\">" + Html.escape(label) + "</a>").append("</dd>\n");
        }
        html.append("<dt>Publisher</dt><dd>").append(Html.escape(p.publisher())).append("</dd>\n</dl>\n")
            .append("<h2>How to cite</h2>\n<p class=\"citation\">").append(Html.escape(p.citation())).append("</p>\n");
        if (!p.links().isEmpty()) {
            html.append("<h2>Datalinks</h2>\n<table id=\"links\">\n<tr><th>Semantics</th><th>Link</th><th>Description</th></tr>\n");
            p.links().forEach(l -> html.append("<tr><td>").append(Html.escape(l.semantics())).append("</td><td>")
                .append(l.accessUrl() == null ? "" : "<a href=\"" + Html.escape(l.accessUrl()) + "\">"
                    + Html.escape(l.accessUrl()) + "</a>")
                .append("</td><td>").append(Html.escape(l.description())).append("</td></tr>\n"));
            html.append("</table>\n<p><a href=\"").append(Html.escape(site.baseUrl() + DatalinkCapabilities.LINKS_PATH
                + "?ID=" + java.net.URLEncoder.encode(p.id(), java.nio.charset.StandardCharsets.UTF_8)))
                .append("\">The links as a DataLink VOTable</a></p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }
}
