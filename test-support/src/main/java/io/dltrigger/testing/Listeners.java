package io.dltrigger.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listening TCP sockets of a process, from /proc: its socket inodes ({@code /proc/PID/fd}) matched against the
 * listening sockets of {@code /proc/PID/net/tcp} and {@code tcp6}. For tests that check that what we start listens
 * on loopback only.
 */
public final class Listeners {
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    private Listeners() {}

    /** Local addresses ({@code 127.0.0.1:PORT}, {@code [::1]:PORT}...) this process listens on. */
    public static List<String> ofThisProcess() throws IOException {
        return of(ProcessHandle.current().pid());
    }

    /** Local addresses process {@code pid} listens on. */
    public static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher m = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        inodes.add(m.group(1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while we listed them
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/net/" + table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    out.add(address(f[1]));
                }
            }
        }
        return out;
    }

    /** Is {@code 127.0.0.1:80} or {@code [::1]:80} (as {@link #of} gives them) a loopback address? */
    public static boolean loopback(String address) {
        String host =
                address.substring(0, address.lastIndexOf(':')).replace("[", "").replace("]", "");
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code 0100007F:1F90} (32-bit little-endian words) -> {@code 127.0.0.1:8080}. */
    static String address(String hex) throws UnknownHostException {
        String ip = hex.substring(0, hex.indexOf(':'));
        int port = Integer.parseInt(hex.substring(hex.indexOf(':') + 1), 16);
        byte[] bytes = new byte[ip.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(ip.substring(at, at + 2), 16);
            }
        }
        String host = InetAddress.getByAddress(bytes).getHostAddress();
        return (bytes.length == 16 ? "[" + host + "]" : host) + ":" + port;
    }
}
