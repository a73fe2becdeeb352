package org.voarchive.oai;

/**
 * An OAI-PMH error (OAI-PMH 2.0 section 3.6): its code (badVerb, badArgument,
 * badResumptionToken, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
 * noMetadataFormats, noSetHierarchy) and what was wrong. The response is still
 * HTTP 200, as the protocol has it.
 */
public class OaiException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String code;

    public OaiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** badVerb and badArgument responses echo the request without its arguments (section 3.2). */
    public boolean echoesArguments() {
        return !code.equals("badVerb") && !code.equals("badArgument");
    }
}
