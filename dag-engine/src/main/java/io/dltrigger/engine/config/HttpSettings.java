package io.dltrigger.engine.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and how the REST API and UI listen.
 *
 * @param allowedHosts the names a request's {@code Host} header may carry (else refused: DNS rebinding)
 * @param tls null for plain HTTP
 * @param insecureBind allows a non-loopback address without TLS (with a warning)
 */
public record HttpSettings(String bind, int port, List<String> allowedHosts, Tls tls, boolean insecureBind) {
    public HttpSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Loopback, port 0 (any free one), the default host names, no TLS: for tests and programs. */
    public static HttpSettings loopback() {
        return new HttpSettings("127.0.0.1", 0, List.of("localhost", "127.0.0.1", "[::1]"), null, false);
    }

    public HttpSettings withBind(String address, boolean insecure) {
        return new HttpSettings(address, port, allowedHosts, tls, insecure);
    }

    /** A keystore (PKCS12 or JKS) and its password; {@link #toString} leaves the password out. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + "]";
        }
    }
}
