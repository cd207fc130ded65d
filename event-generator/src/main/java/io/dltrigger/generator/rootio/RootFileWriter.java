package io.dltrigger.generator.rootio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The records of a ROOT file with one directory, written front to back: the file header and the top
 * directory (rewritten at the end, when their pointers are known), then keyed records, then the directory's
 * key list, the StreamerInfo record and the free-segment record. Small-file format (32-bit positions in
 * header, directory and object keys); baskets use 64-bit keys as ROOT 6 writes them.
 */
final class RootFileWriter implements AutoCloseable {
    static final int BEGIN = 100;
    /** ROOT's small-file limit (TFile::kStartBigFile): positions beyond need the 64-bit format we do not write. */
    static final long MAX_END = 2_000_000_000L;

    private static final int FILE_VERSION = 63214; // the ROOT 6.32 layout of the reference Delphes file
    private static final int SMALL_KEY_HEADER = 26;
    private static final int BIG_KEY_HEADER = 34;
    private static final int DIRECTORY_BYTES = 60; // TDirectory record, small format with its 12 spare bytes

    private final FileChannel channel;
    private final String name;
    private final int compress;
    private final int datime;
    private final UUID uuid;
    private final int directoryKeyLength;
    private final int directoryNbytes;
    private final List<byte[]> listedKeys = new ArrayList<>();
    private long end;

    RootFileWriter(Path path, String storedName, int compress, Instant time) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.name = storedName;
        this.compress = compress;
        this.datime = datime(time);
        this.uuid = UUID.nameUUIDFromBytes((storedName + "@" + time).getBytes(StandardCharsets.UTF_8));
        this.directoryKeyLength = smallKeyLength("TFile", name, "");
        this.directoryNbytes =
                directoryKeyLength + RootBuffer.stringSize(name) + RootBuffer.stringSize("") + DIRECTORY_BYTES;
        this.end = BEGIN + directoryNbytes;
        channel.position(end); // header and directory are written last, in front
    }

    long end() {
        return end;
    }

    int datime() {
        return datime;
    }

    static int smallKeyLength(String className, String keyName, String title) {
        return SMALL_KEY_HEADER
                + RootBuffer.stringSize(className)
                + RootBuffer.stringSize(keyName)
                + RootBuffer.stringSize(title);
    }

    static int basketKeyLength(String branchName, String treeName) {
        // 64-bit key header, its three strings, then TBasket's own header (version, fBufferSize, fNevBufSize,
        // fNevBuf, fLast, flag)
        return BIG_KEY_HEADER
                + RootBuffer.stringSize("TBasket")
                + RootBuffer.stringSize(branchName)
                + RootBuffer.stringSize(treeName)
                + 2
                + 4 * 4
                + 1;
    }

    /** Appends records at the end of the file and returns where they start. */
    long append(ByteBuffer... parts) throws IOException {
        long at = end;
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        if (at + total > MAX_END) {
            throw new IllegalStateException("ROOT file " + name + " would exceed " + MAX_END
                    + " bytes, the small-file format this writer produces: write fewer events per file");
        }
        long written = 0;
        while (written < total) {
            written += channel.write(parts, 0, parts.length);
        }
        end = at + total;
        return at;
    }

    /**
     * Writes an object record (TTree, ...) in the top directory and lists its key there.
     *
     * @param object the serialized object, made with origin {@link #smallKeyLength}
     * @param zip compressor for the object, or null to store it as is
     */
    void writeKeyed(String className, String keyName, String title, byte[] object, ZlibBlocks zip) throws IOException {
        listedKeys.add(writeKey(className, keyName, title, object, zip, BEGIN));
    }

    /** Finishes the file: key list, StreamerInfo, free segments, then header and directory. */
    void finish(byte[] streamerInfo, ZlibBlocks zip) throws IOException {
        int keysLength = smallKeyLength("TFile", name, "");
        RootBuffer keys = new RootBuffer(keysLength, 256);
        keys.i32(listedKeys.size());
        listedKeys.forEach(keys::bytes);
        long seekKeys = end;
        writeKey("TFile", name, "", keys.toByteArray(), null, BEGIN);
        int nbytesKeys = (int) (end - seekKeys);

        long seekInfo = end;
        writeKey("TList", "StreamerInfo", "Doubly linked list", streamerInfo, zip, BEGIN);
        int nbytesInfo = (int) (end - seekInfo);

        // One free segment: from the end of the file to the small-file limit, as ROOT records it.
        long seekFree = end;
        int freeLength = smallKeyLength("TFile", name, "");
        long fileEnd = seekFree + freeLength + 10;
        RootBuffer free = new RootBuffer(freeLength, 16);
        free.i16(1);
        free.i32((int) fileEnd);
        free.i32((int) MAX_END);
        writeKey("TFile", name, "", free.toByteArray(), null, BEGIN);

        channel.write(header(seekFree, (int) (end - seekFree), seekInfo, nbytesInfo), 0);
        channel.write(directory(seekKeys, nbytesKeys), BEGIN);
        channel.force(true);
    }

    private byte[] writeKey(String className, String keyName, String title, byte[] object, ZlibBlocks zip, long parent)
            throws IOException {
        int keyLength = smallKeyLength(className, keyName, title);
        byte[] payload = object;
        int payloadLength = object.length;
        if (zip != null && zip.compress(object, object.length, false)) {
            payload = zip.output();
            payloadLength = zip.length();
        }
        long seek = end;
        RootBuffer key = new RootBuffer(0, keyLength);
        key.i32(keyLength + payloadLength);
        key.i16(4);
        key.i32(object.length);
        key.i32(datime);
        key.i16(keyLength);
        key.i16(1); // cycle
        key.i32((int) seek);
        key.i32((int) parent);
        key.string(className);
        key.string(keyName);
        key.string(title);
        byte[] header = key.toByteArray();
        append(ByteBuffer.wrap(header), ByteBuffer.wrap(payload, 0, payloadLength));
        return header;
    }

    private ByteBuffer header(long seekFree, int nbytesFree, long seekInfo, int nbytesInfo) {
        RootBuffer h = new RootBuffer(0, BEGIN);
        h.bytes("root".getBytes(StandardCharsets.US_ASCII));
        h.i32(FILE_VERSION);
        h.i32(BEGIN);
        h.i32((int) end);
        h.i32((int) seekFree);
        h.i32(nbytesFree);
        h.i32(1); // number of free segments
        h.i32(directoryKeyLength + RootBuffer.stringSize(name) + RootBuffer.stringSize("")); // fNbytesName
        h.u8(4); // fUnits: 4-byte positions
        h.i32(compress);
        h.i32((int) seekInfo);
        h.i32(nbytesInfo);
        uuid(h);
        while (h.length() < BEGIN) {
            h.u8(0);
        }
        return ByteBuffer.wrap(h.toByteArray());
    }

    /** The top directory's key, name, title and TDirectory record at {@link #BEGIN}. */
    private ByteBuffer directory(long seekKeys, int nbytesKeys) {
        RootBuffer d = new RootBuffer(0, directoryNbytes);
        int objectLength = directoryNbytes - directoryKeyLength;
        d.i32(directoryNbytes);
        d.i16(4);
        d.i32(objectLength);
        d.i32(datime);
        d.i16(directoryKeyLength);
        d.i16(1);
        d.i32(BEGIN);
        d.i32(0);
        d.string("TFile");
        d.string(name);
        d.string("");
        d.string(name); // TNamed part of TFile: fName, fTitle
        d.string("");
        d.i16(5); // TDirectory version, small format
        d.i32(datime); // fDatimeC
        d.i32(datime); // fDatimeM
        d.i32(nbytesKeys);
        d.i32(directoryKeyLength + RootBuffer.stringSize(name) + RootBuffer.stringSize("")); // fNbytesName
        d.i32(BEGIN); // fSeekDir
        d.i32(0); // fSeekParent
        d.i32((int) seekKeys);
        uuid(d);
        d.i32(0); // room ROOT keeps to rewrite the record with 64-bit positions
        d.i32(0);
        d.i32(0);
        return ByteBuffer.wrap(d.toByteArray());
    }

    private void uuid(RootBuffer b) {
        b.i16(1);
        b.i64(uuid.getMostSignificantBits());
        b.i64(uuid.getLeastSignificantBits());
    }

    /** TDatime's packed form: years since 1995, month, day, hour, minute, second (UTC here). */
    private static int datime(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return (t.getYear() - 1995) << 26
                | t.getMonthValue() << 22
                | t.getDayOfMonth() << 17
                | t.getHour() << 12
                | t.getMinute() << 6
                | t.getSecond();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
