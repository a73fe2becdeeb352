package org.voarchive.portal;

import java.util.List;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.scs.ConeSearchService;
import org.voarchive.site.Degrees;
import org.voarchive.site.Html;

/**
 * The query page's cone search ({@code cone.js}): a table that has a Simple Cone Search the caller may use, a
 * position (decimal degrees or sexagesimal), a radius and at most how many rows. The page calls the table's own
 * cone search ({@code /scs/schema/table}), which applies the table's cone settings (its ID and position columns,
 * the columns of VERB=2, the largest radius and result); its JSON result carries the ADQL it ran, which the page
 * puts into the editor. Rendered hidden and shown by the script; nothing when the caller may use no cone search.
 */
final class ConeSearchForm {

    private ConeSearchForm() {
    }

    /**
     * @param root  the application's root path, ending in '/'
     * @param cones the tables whose cone search the caller may use, in the metadata's order
     */
    static String html(String root, List<PublishedMetadata.Table> cones) {
        if (cones.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(1024)
            .append("<section id=\"cone-search\" class=\"panel\" aria-labelledby=\"cone-heading\" hidden>\n")
            .append("<h2 id=\"cone-heading\">Cone search</h2>\n")
            .append("<form id=\"cone-form\" novalidate>\n")
            .append("<label for=\"cone-table\">Table</label><select id=\"cone-table\">");
        for (PublishedMetadata.Table t : cones) {
            ConeSearchSettings settings = t.coneSearch();
            html.append("<option value=\"").append(Html.escape(t.qualifiedName())).append("\" data-scs=\"")
                .append(Html.escape(root + ConeSearchService.path(t.schema(), t.name()).substring(1))).append('"');
            if (settings.maxSR() != null) {
                html.append(" data-max-sr=\"").append(Degrees.text(settings.maxSR())).append('"');
            }
            if (settings.testQuery() != null) { // a cone known to find rows: the form's first position
                html.append(" data-ra=\"").append(Degrees.text(settings.testQuery().ra())).append("\" data-dec=\"")
                    .append(Degrees.text(settings.testQuery().dec())).append('"');
            }
            html.append('>').append(Html.escape(t.qualifiedName())).append("</option>");
        }
        return html.append("</select>\n")
            .append("<div class=\"position\"><div><label for=\"cone-ra\">RA</label>")
            .append("<input id=\"cone-ra\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\" required"
                + " aria-describedby=\"cone-hint\"></div>\n")
            .append("<div><label for=\"cone-dec\">Dec</label>")
            .append("<input id=\"cone-dec\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\" required"
                + " aria-describedby=\"cone-hint\"></div></div>\n")
            .append("<p id=\"cone-hint\" class=\"hint\">ICRS, in decimal degrees (101.2875, -16.7161) or sexagesimal"
                + " (06:45:09, -16:42:58; RA in hours)</p>\n")
            .append("<div class=\"radius\"><div><label for=\"cone-radius\">Radius</label>")
            .append("<input id=\"cone-radius\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"1\""
                + " required></div>\n")
            .append("<div><label for=\"cone-unit\">Unit</label><select id=\"cone-unit\">")
            .append("<option value=\"deg\">degrees</option><option value=\"arcmin\" selected>arcmin</option>")
            .append("<option value=\"arcsec\">arcsec</option></select></div></div>\n")
            .append("<label for=\"cone-maxrec\">At most rows <span class=\"optional\">(optional)</span></label>")
            .append("<input id=\"cone-maxrec\" type=\"number\" min=\"0\" step=\"1\" inputmode=\"numeric\">\n")
            .append("<div class=\"actions\"><button type=\"submit\" id=\"cone-run\">Search</button></div>\n")
            .append("<p id=\"cone-status\" class=\"check\" role=\"status\"></p>\n")
            .append("</form>\n</section>\n").toString();
    }
}
