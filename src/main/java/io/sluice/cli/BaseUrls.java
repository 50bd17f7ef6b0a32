package io.sluice.cli;

import java.net.URI;
import java.util.Set;

/** The {@code --…-url} options of the command-line roles: an http(s) base URL that paths resolve against. */
public final class BaseUrls {

    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

    private BaseUrls() {
    }

    /**
     * @param option  the option's name, for the message ({@code --core-url})
     * @param example a valid value, for the message
     * @throws IllegalArgumentException naming the option when {@code url} is not an http(s) URL with a host
     */
    public static URI parse(String option, String url, String example) {
        URI uri = null;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (uri == null || !HTTP_SCHEMES.contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be an http URL such as " + example + ", not '" + url + "'");
        }
        return uri;
    }
}
