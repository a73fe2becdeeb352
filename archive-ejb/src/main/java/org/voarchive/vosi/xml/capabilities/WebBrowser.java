package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlType;

/** {@code vr:WebBrowser}: a page for people (and, for DALI examples, for RDFa readers). */
@XmlType(name = "WebBrowser", namespace = Capabilities.VORESOURCE)
public class WebBrowser extends Interface {

    public static WebBrowser at(String url) {
        WebBrowser i = new WebBrowser();
        i.accessUrls.add(new AccessUrl(url, "full"));
        return i;
    }
}
