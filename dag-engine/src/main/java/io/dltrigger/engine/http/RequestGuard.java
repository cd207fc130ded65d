package io.dltrigger.engine.http;

import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.model.ApiToken;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every request must show before a route sees it:
 * <ul>
 *   <li>a {@code Host} header naming this server ({@code allowed_hosts}): a page of a foreign site that re-points its
 *       own name at this machine (DNS rebinding) is refused;
 *   <li>for a change (anything but GET and HEAD), an {@code Origin} header, when the browser sends one, of an allowed
 *       host: a foreign page can't post here (CSRF);
 *   <li>an {@code Authorization: Bearer TOKEN} header with an active API token (else {@code 401}). Credentials are
 *       taken from this header only, never from a cookie or the URL, so a browser never attaches them on its own.
 * </ul>
 * The health probe and the UI's static files (which hold no data: the page asks for a token and sends it with each
 * API call) need no token.
 */
final class RequestGuard {
    static final String CALLER = "dltrigger.caller";
    /** Paths that need no token: the probe and the UI's static files. */
    private static final Set<String> PUBLIC = Set.of("/health", "/", "/index.html", "/app.js", "/style.css");

    private final Set<String> allowedHosts;
    private final Function<String, Optional<ApiToken>> tokens;

    /** {@code tokens}: the active token a secret stands for, if any. */
    RequestGuard(List<String> allowedHosts, Function<String, Optional<ApiToken>> tokens) {
        this.allowedHosts = new HashSet<>();
        allowedHosts.forEach(h -> this.allowedHosts.add(h.toLowerCase(Locale.ROOT)));
        this.tokens = tokens;
    }

    /** A refusal, answered as {@code {"error": ...}} with its status. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    void check(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (host == null || !allowedHosts.contains(host)) {
            throw new Refusal(
                    403, "host '" + ctx.header("Host") + "' is not one of this server's names (http.allowed_hosts)");
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String origin = ctx.header("Origin");
            if (origin != null && !allowedHosts.contains(originHost(origin))) {
                throw new Refusal(403, "cross-site request from origin '" + origin + "' refused");
            }
        }
        if (PUBLIC.contains(ctx.path()) && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"dltrigger\"");
            throw new Refusal(401, "an API token is required (Authorization: Bearer TOKEN)");
        }
        Optional<ApiToken> token = tokens.apply(auth.substring(7).trim());
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"dltrigger\", error=\"invalid_token\"");
            throw new Refusal(401, "the API token is unknown or revoked");
        }
        ctx.attribute(CALLER, Caller.of(token.get(), ctx.ip()));
    }

    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new IllegalStateException("no caller: the route was not guarded");
        }
        return c;
    }

    /** {@code example.org:8080} -> {@code example.org}, {@code [::1]:80} -> {@code [::1]}; null if malformed. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
