package org.yaqaza.gateway.api;

/** Shapes of names in the directory API. */
public final class Names {

    /** Usernames are stored in lower case; no colon, so they stay safe in HTTP Basic credentials. */
    public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}";
    public static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
    /** A partner's id as the liaison service knows it. */
    public static final String PARTNER = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** Not blank: something other than white space. */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private Names() {
    }
}
