package io.dltrigger.bridge.io;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where ROOT bytes come from: one implementation per kind of storage, chosen by the location's scheme.
 *
 * <ul>
 *   <li>a plain path or {@code file:} - the local file system (and FUSE mounts such as {@code /eos});
 *   <li>{@code root://}, {@code xroot://} - XRootD, EOS's native protocol, through the official client;
 *   <li>{@code https://}, {@code http://} - ranged GETs, folders listed with WebDAV {@code PROPFIND}
 *       (EOS's HTTP interface, XRootD's HTTP plugin, dCache, any WebDAV server);
 *   <li>any other scheme ({@code hdfs:}, {@code s3a:}, ...) - Hadoop's {@code FileSystem}.
 * </ul>
 *
 * Every failure of the storage itself is a {@link StorageException}, never a format error.
 */
public interface Storage {
    /** The file or folder at the location; {@link StorageException.Kind#NOT_FOUND} if there is none. */
    StorageEntry stat(String location) throws IOException;

    /** The entries of a folder (not recursive). */
    List<StorageEntry> list(String folder) throws IOException;

    ByteSource open(String location) throws IOException;

    /** The storage for a location. XRootD and HTTP clients are shared and created on first use. */
    static Storage forLocation(String location) {
        return switch (scheme(location)) {
            case "" -> LocalStorage.INSTANCE;
            case "file" -> LocalStorage.INSTANCE;
            case "root", "xroot" -> XRootDStorage.instance();
            case "http", "https" -> HttpStorage.fromEnvironment();
            default -> HadoopStorage.INSTANCE;
        };
    }

    /** Whether Flink's and Hadoop's file systems cannot reach the location (XRootD, HTTP). */
    static boolean isRemoteProtocol(String location) {
        return switch (scheme(location)) {
            case "root", "xroot", "http", "https" -> true;
            default -> false;
        };
    }

    /** The lower-case scheme of a URI, or "" for a plain path (a Windows drive letter is not a scheme). */
    static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) {
            return "";
        }
        String s = location.substring(0, colon);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return "";
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** A location with the name appended: one slash between them. */
    static String child(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    /** Parses a URI location, reporting a malformed one as what it is. */
    static URI uri(String location) {
        try {
            return URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid location: " + location + " (" + e.getMessage() + ")", e);
        }
    }
}
