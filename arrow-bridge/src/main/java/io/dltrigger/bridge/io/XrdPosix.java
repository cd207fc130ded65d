package io.dltrigger.bridge.io;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * XRootD's own client, through the C interface of its POSIX layer ({@code XrdPosix_*} in
 * {@code libXrdPosixPreload}, Debian's libxrdposix3, which xrootd-client depends on), called with JNA.
 * Everything below it is the official client (XrdCl): redirections, EOS's multi-server layout,
 * authentication (Kerberos, GSI/X.509 proxies, tokens) and the client's {@code XRD_*} settings, all taken
 * from the environment as {@code xrdcp} takes them.
 *
 * <p>The library is loaded with {@code RTLD_LOCAL}: it also defines {@code open}, {@code read}... (it is
 * meant for {@code LD_PRELOAD}), and those must not become visible to anything else in the process.
 */
final class XrdPosix {
    /** The functions used, as declared in XrdPosix.hh (64-bit file offsets on 64-bit Linux). */
    interface Lib extends Library {
        int XrdPosix_Open(String path, int oflag, int mode);

        long XrdPosix_Pread(int fd, Pointer buf, long nbyte, long offset);

        int XrdPosix_Close(int fd);

        int XrdPosix_Fstat(int fd, Pointer buf);

        int XrdPosix_Stat(String path, Pointer buf);

        Pointer XrdPosix_Opendir(String path);

        Pointer XrdPosix_Readdir64(Pointer dir);

        int XrdPosix_Closedir(Pointer dir);
    }

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String strerror(int errnum);
    }

    static final int O_RDONLY = 0;
    private static final int RTLD_LAZY = 1;
    /** Offset of d_name in struct dirent64 (d_ino 8, d_off 8, d_reclen 2, d_type 1). */
    static final int DIRENT_NAME = 19;

    /**
     * Client settings applied when the environment does not set them: fail a refused connection at
     * once rather than after XrdCl's 5 x 2 minute window; try a server again 1 s after a failure rather
     * than answering every request with the old failure for 30 minutes (XrdCl's stream error window);
     * give up on a request after 2 minutes rather than 30. The caller retries with its own backoff and
     * reports each failure.
     */
    private static final Map<String, String> CLIENT_DEFAULTS = Map.of(
            "XRD_CONNECTIONRETRY", "1",
            "XRD_STREAMERRORWINDOW", "1",
            "XRD_REQUESTTIMEOUT", "120");

    private XrdPosix() {}

    private static final class Holder {
        static final LibC LIBC = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        static final Lib LIB = load();

        private static Lib load() {
            CLIENT_DEFAULTS.forEach((k, v) -> LIBC.setenv(k, v, 0));
            return Native.load("XrdPosixPreload", Lib.class, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
        }
    }

    /** The client library, loaded on first use; fails with what to install when it is missing. */
    static Lib lib() {
        checkPlatform();
        try {
            return Holder.LIB;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "root:// needs the XRootD client library (libXrdPosixPreload.so.2): on Debian/Ubuntu"
                            + " apt-get install xrootd-client; on EL, dnf install xrootd-client-libs ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    static String strerror(int errno) {
        return Holder.LIBC.strerror(errno);
    }

    /** struct stat's layout differs by architecture: these offsets hold for Linux x86-64 and aarch64. */
    private static void checkPlatform() {
        if (!Platform.isLinux() || !Platform.is64Bit() || !(Platform.isIntel() || Platform.isARM())) {
            throw new IllegalStateException("root:// is supported on 64-bit Linux (x86-64, aarch64), not on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /** A struct stat buffer (144 bytes on x86-64, 128 on aarch64). */
    static Memory statBuffer() {
        return new Memory(256);
    }

    static long size(Memory st) {
        return st.getLong(48);
    }

    static long modifiedMillis(Memory st) {
        return st.getLong(88) * 1000 + st.getLong(96) / 1_000_000;
    }

    static boolean isDirectory(Memory st) {
        int mode = st.getInt(Platform.isIntel() ? 24 : 16);
        return (mode & 0170000) == 0040000;
    }
}
