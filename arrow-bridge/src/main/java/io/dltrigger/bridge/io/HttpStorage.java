package io.dltrigger.bridge.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code https://} and {@code http://}: each read is one GET with a {@code Range} header; stat and listing
 * are WebDAV {@code PROPFIND} (depth 0 and 1), which EOS, XRootD's HTTP plugin and dCache answer, with a
 * {@code HEAD} fallback for a plain web server's stat. Redirects are followed (EOS sends a read to the
 * server holding the file), never from https to http. Credentials: {@link HttpCredentials}.
 */
final class HttpStorage implements Storage {
    private static final String NS = "DAV:";
    private static final String PROPFIND_BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:getcontentlength/>"
            + "<D:getlastmodified/></D:prop></D:propfind>";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private static volatile HttpStorage fromEnvironment;

    private final HttpCredentials credentials;
    private volatile HttpClient client;

    HttpStorage(Map<String, String> env) {
        this.credentials = new HttpCredentials(env);
        this.client = newClient();
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(credentials.sslContext())
                .build();
    }

    /** The client, set up again when the X.509 proxy was renewed (a long-running job outlives a proxy). */
    private HttpClient client() {
        if (credentials.tlsChanged()) {
            synchronized (this) {
                if (credentials.tlsChanged()) {
                    client = newClient();
                }
            }
        }
        return client;
    }

    /** The storage for this process's environment, created on first use. */
    static HttpStorage fromEnvironment() {
        if (fromEnvironment == null) {
            synchronized (HttpStorage.class) {
                if (fromEnvironment == null) {
                    fromEnvironment = new HttpStorage(System.getenv());
                }
            }
        }
        return fromEnvironment;
    }

    /** For tests and tools that pass their own environment (a CA folder, a token). */
    static Storage withEnvironment(Map<String, String> env) {
        return new HttpStorage(env);
    }

    private HttpRequest.Builder request(String location) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(Storage.uri(location)).timeout(REQUEST_TIMEOUT);
        Optional<String> token;
        try {
            token = credentials.bearerToken();
        } catch (IOException e) { // e.g. the token file between an agent's delete and write: retried, never "corrupt"
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, "cannot read the bearer token", e);
        }
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private <T> HttpResponse<T> send(
            String location, String what, HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        HttpClient c;
        try {
            c = client();
        } catch (IllegalStateException e) { // a proxy caught mid-renewal: retried, never "corrupt"
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, what + ": " + e.getMessage(), e);
        }
        try {
            return c.send(request, body);
        } catch (ConnectException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, what + ": connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, what + ": timed out", e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(location + ": " + what + " interrupted");
        }
    }

    private static StorageException httpError(String location, String what, int code) {
        StorageException.Kind kind = switch (code) {
            case 404, 410 -> StorageException.Kind.NOT_FOUND;
            case 401, 403 -> StorageException.Kind.DENIED;
            default -> StorageException.Kind.UNAVAILABLE;
        };
        return new StorageException(kind, location, what + ": HTTP " + code);
    }

    private List<StorageEntry> propfind(String location, int depth, String what) throws IOException {
        HttpRequest req = request(location)
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString(PROPFIND_BODY))
                .header("Depth", Integer.toString(depth))
                .header("Content-Type", "application/xml; charset=utf-8")
                .build();
        HttpResponse<byte[]> r = send(location, what, req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 405 || r.statusCode() == 501) {
            return null; // not a WebDAV server
        }
        if (r.statusCode() != 207) {
            throw httpError(location, what, r.statusCode());
        }
        return parseMultistatus(r.uri(), r.body(), location);
    }

    @Override
    public StorageEntry stat(String location) throws IOException {
        List<StorageEntry> self = propfind(location, 0, "cannot stat");
        if (self == null) {
            return head(location);
        }
        if (self.isEmpty()) {
            throw new StorageException(
                    StorageException.Kind.UNAVAILABLE, location, "cannot stat: empty PROPFIND answer");
        }
        StorageEntry e = self.get(0);
        return new StorageEntry(location, e.size(), e.modified(), e.directory());
    }

    private StorageEntry head(String location) throws IOException {
        HttpRequest req = request(location)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<Void> r = send(location, "cannot stat", req, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw httpError(location, "cannot stat", r.statusCode());
        }
        long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        long modified = r.headers()
                .firstValue("Last-Modified")
                .map(HttpStorage::httpDate)
                .orElse(0L);
        return new StorageEntry(location, size, modified, false);
    }

    @Override
    public List<StorageEntry> list(String folder) throws IOException {
        String dir = folder.endsWith("/") ? folder : folder + "/";
        List<StorageEntry> all = propfind(dir, 1, "cannot list");
        if (all == null) {
            throw new StorageException(
                    StorageException.Kind.UNAVAILABLE, folder, "cannot list: the server does not speak WebDAV");
        }
        String self = Storage.uri(dir).getPath();
        return all.stream()
                .filter(e -> !stripSlash(Storage.uri(e.location()).getPath()).equals(stripSlash(self)))
                .toList();
    }

    private static String stripSlash(String p) {
        String s = p.replaceAll("/+", "/");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public ByteSource open(String location) throws IOException {
        StorageEntry status = stat(location);
        if (status.directory()) {
            throw new StorageException(StorageException.Kind.NOT_FOUND, location, "cannot open: it is a folder");
        }
        return new HttpSource(location, status);
    }

    private final class HttpSource implements ByteSource {
        private final String location;
        private final StorageEntry status;

        HttpSource(String location, StorageEntry status) {
            this.location = location;
            this.status = status;
        }

        @Override
        public String location() {
            return location;
        }

        @Override
        public StorageEntry status() {
            return status;
        }

        @Override
        public ByteBuffer read(long offset, int length) throws IOException {
            if (length == 0) {
                return ByteBuffer.allocate(0);
            }
            String what = "cannot read " + length + " bytes at " + offset;
            HttpRequest req = request(location)
                    .GET()
                    .header("Range", "bytes=" + offset + "-" + (offset + length - 1))
                    .build();
            HttpResponse<byte[]> r = send(location, what, req, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = r.body();
            if (r.statusCode() == 416) {
                throw new FileEndException(location, -1, offset, length);
            }
            if (r.statusCode() == 200) { // a server that ignores ranges sends the whole file
                if (body.length < offset + length) {
                    throw new FileEndException(location, body.length, offset, length);
                }
                return ByteBuffer.wrap(body, (int) offset, length).slice();
            }
            if (r.statusCode() != 206 && r.statusCode() != 200) {
                throw httpError(location, what, r.statusCode());
            }
            if (body.length < length) {
                throw new FileEndException(location, offset + body.length, offset, length);
            }
            return ByteBuffer.wrap(body, 0, length).slice();
        }

        @Override
        public void close() {
            // no connection is held between reads
        }
    }

    /** The entries of a WebDAV multistatus answer (RFC 4918 section 14.16). */
    static List<StorageEntry> parseMultistatus(URI base, byte[] xml, String location) throws StorageException {
        try {
            Element root =
                    documentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            List<StorageEntry> out = new ArrayList<>();
            NodeList responses = root.getElementsByTagNameNS(NS, "response");
            for (int i = 0; i < responses.getLength(); i++) {
                Element resp = (Element) responses.item(i);
                String href = text(resp, "href");
                if (href == null) {
                    continue;
                }
                Element ok = okProps(resp);
                if (ok == null) {
                    continue;
                }
                boolean dir = ok.getElementsByTagNameNS(NS, "collection").getLength() > 0;
                String length = text(ok, "getcontentlength");
                String modified = text(ok, "getlastmodified");
                out.add(new StorageEntry(
                        locationOf(base, href),
                        dir || length == null ? 0 : Long.parseLong(length.trim()),
                        modified == null ? 0 : httpDate(modified.trim()),
                        dir));
            }
            return out;
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, location, "unreadable PROPFIND answer", e);
        }
    }

    /** The {@code prop} of the response's propstat whose status is 200 (properties it has). */
    private static Element okProps(Element resp) {
        NodeList propstats = resp.getElementsByTagNameNS(NS, "propstat");
        for (int j = 0; j < propstats.getLength(); j++) {
            Element ps = (Element) propstats.item(j);
            String st = text(ps, "status");
            if (st == null || st.contains(" 200 ")) {
                NodeList props = ps.getElementsByTagNameNS(NS, "prop");
                if (props.getLength() > 0) {
                    return (Element) props.item(0);
                }
            }
        }
        return null;
    }

    private static String locationOf(URI base, String href) {
        // href is a path (or a full URL); keep its percent-encoding, so the location is a valid URI
        String h = href.trim();
        if (h.startsWith("/")) {
            // a path; "//eos/..." too, which URI.resolve would take for a host name
            return base.getScheme() + "://" + base.getRawAuthority() + h;
        }
        URI abs = base.resolve(URI.create(h));
        return abs.getScheme() + "://" + abs.getRawAuthority() + abs.getRawPath();
    }

    private static String text(Element parent, String localName) {
        NodeList n = parent.getElementsByTagNameNS(NS, localName);
        if (n.getLength() == 0) {
            return null;
        }
        Node first = n.item(0);
        return first.getTextContent();
    }

    static long httpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // a server's answer is untrusted input: no DTDs, no external entities
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
