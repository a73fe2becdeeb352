package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlType;

/** {@code vs:ParamHTTP}: an HTTP interface taking parameters (VODataService 1.2 section 3.4). */
@XmlType(name = "ParamHTTP", namespace = Capabilities.VODATASERVICE)
public class ParamHttp extends Interface {

    /**
     * @param use "full" for a complete URL, "base" for one that the standard's paths are appended to
     */
    public static ParamHttp at(String url, String use) {
        ParamHttp i = new ParamHttp();
        i.accessUrls.add(new AccessUrl(url, use));
        return i;
    }
}
