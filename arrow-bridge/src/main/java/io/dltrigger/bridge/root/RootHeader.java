package io.dltrigger.bridge.root;

import io.dltrigger.bridge.io.ByteSource;
import io.dltrigger.bridge.io.FileEndException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The fixed header at the start of every ROOT file (TFile::Init): read before anything else, so that a
 * file too short for what it declares is reported as truncated, with numbers, rather than by whatever
 * the decoder trips over first; and so that the file's UUID is known, part of its identity.
 *
 * @param end where the file ends, by the header (fEND)
 * @param uuid the file's TUUID, written by ROOT when the file is created (hex, 8-4-4-4-12)
 */
record RootHeader(int version, long end, String uuid) {
    /** Small files (4-byte positions): fUUID's version is at byte 45, its 16 bytes at 47. */
    private static final int UUID_AT_SMALL = 47;
    /** Files past 2 GB (version > 1000000, 8-byte positions): at 59. */
    private static final int UUID_AT_LARGE = 59;

    private static final int BYTES = UUID_AT_LARGE + 16;

    static RootHeader read(ByteSource source) throws IOException {
        String location = source.location();
        long size = source.status().size();
        if (size < 4) {
            throw new RootFormatException(location, "not a ROOT file: only " + size + " bytes");
        }
        ByteBuffer b;
        try {
            b = source.read(0, (int) Math.min(size, BYTES));
        } catch (FileEndException e) {
            throw new RootFormatException(
                    location, "truncated: the file ends at byte " + e.fileEnd() + ", inside its header");
        }
        byte[] magic = new byte[4];
        b.get(0, magic);
        if (!"root".equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new RootFormatException(location, "not a ROOT file: it does not start with the 'root' magic");
        }
        if (b.limit() < UUID_AT_SMALL + 16) {
            throw new RootFormatException(location, "truncated: the file ends at byte " + size + ", inside its header");
        }
        int version = b.getInt(4);
        boolean large = version > 1_000_000;
        long end = large ? b.getLong(12) : Integer.toUnsignedLong(b.getInt(12));
        if (large && b.limit() < UUID_AT_LARGE + 16) {
            throw new RootFormatException(location, "truncated: the file ends at byte " + size + ", inside its header");
        }
        byte[] id = new byte[16];
        b.get(large ? UUID_AT_LARGE : UUID_AT_SMALL, id);
        String hex = HexFormat.of().formatHex(id);
        String uuid = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        if (end > size) {
            throw new RootFormatException(
                    location,
                    "truncated: the header says the file ends at byte " + end + " but it has " + size + " bytes");
        }
        return new RootHeader(version % 1_000_000, end, uuid);
    }
}
