/**
 * Handles low-level loading C-struct type things and (optionally compressed)
 * byte ranges from low level I/O
 */
package io.dltrigger.shaded.laurelin.root_proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.slf4j.Logger;

import io.dltrigger.shaded.laurelin.root_proxy.IOProfile.Event;
import io.dltrigger.shaded.laurelin.root_proxy.IOProfile.FileProfiler;

public class ROOTFile implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ROOTFile.class);

    public static class FileBackedBuf implements BackingBuf {
        ROOTFile fh;

        /**
         * Size of a "cache page"
         */
        private static final int CACHE_PAGE_SIZE = 16 * 1024;

        /**
         * Total number of caches pages to store per file. Past this, the
         * least recently used page is evicted. DLTrigger fork: upstream kept
         * 1024 pages in one process-wide Guava cache, keyed by file; small
         * reads are metadata (keys, directories), read once when a file is
         * opened, so a small cache of the file's own suffices, and its pages
         * go with the file.
         */
        private static final int CACHE_PAGE_COUNT = 64;

        /**
         * Maximum size we'll attempt to cache in a single read. Past that,
         * we'll just pass it directly since more often than not, it's some
         * sort of compressed blob
         */
        private static final int CACHE_READ_MAX = 4 * CACHE_PAGE_SIZE;

        protected FileBackedBuf(ROOTFile fh) {
            this.fh = fh;

        }

        /*
         * All application-level reads enter the I/O subsystem here
         */
        @Override
        public ByteBuffer read(long off, long len) throws IOException {
            ByteBuffer ret;
            long lowerPage = off / CACHE_PAGE_SIZE;
            long upperPage = (off + len) / CACHE_PAGE_SIZE;
            try (Event ev = this.fh.profile.startUpperOp(off, (int)len)) {
                if ((len > CACHE_READ_MAX)
                        || (lowerPage != upperPage)) {
                    /*
                     *  1) Don't cache very large reads, since they will end up
                     *     being compressed baskets more often than not (and
                     *     the decompressed versions are what's stored)
                     *  2) Shortcut out if the read would otherwise straddle
                     *     a cache to make the initial code simpler
                     */
                    ret = fh.read(off, len);
                } else {
                    ret = page(lowerPage * CACHE_PAGE_SIZE).duplicate();
                    long newPos = (off - (CACHE_PAGE_SIZE * lowerPage));
                    ret.position((int) newPos);
                    ret.limit((int)(newPos + len));
                    ret = ret.slice();
                }
            }  catch (Exception e) {
                throw new IOException(e);
            }
            return ret;
        }

        private ByteBuffer page(long off) throws IOException {
            synchronized (fh.pages) {
                ByteBuffer page = fh.pages.get(off);
                if (page == null) {
                    if (fh.getLimit() > off + CACHE_PAGE_SIZE) {
                        page = fh.read(off, CACHE_PAGE_SIZE);
                    } else {
                        long shortCount = fh.getLimit() - off;
                        page = fh.read(off, shortCount);
                    }
                    fh.pages.put(off, page);
                }
                return page;
            }
        }

        @Override
        public boolean hasLimit() throws IOException {
            return true;
        }

        @Override
        public long getLimit() throws IOException {
            return fh.getLimit();
        }

        @Override
        public BackingBuf duplicate() {
            return new FileBackedBuf(fh);
        }
    }

    private FileInterface fh;
    private String path;
    protected FileProfiler profile;

    /** This file's cache of small reads (see FileBackedBuf), least recently used first. */
    private final Map<Long, ByteBuffer> pages = new LinkedHashMap<Long, ByteBuffer>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ByteBuffer> eldest) {
            return size() > FileBackedBuf.CACHE_PAGE_COUNT;
        }
    };

    /* Hide constructor */
    private ROOTFile(String path) {
        profile = IOProfile.getInstance().beginProfile(path);
        this.path = path;
    }

    public static ROOTFile getInputFile(String path) throws IOException {
        FileInterface fh = IOFactory.openForRead(path);
        return ROOTFile.getInputFile(path, fh);
    }

    public static ROOTFile getInputFile(String path, FileInterface fh) throws IOException {
        ROOTFile rf = new ROOTFile(path);
        rf.fh = fh;
        return rf;
    }

    public long getLimit() throws IOException {
        return fh.getLimit();
    }

    /*
     * To enable correct caching, any ByteByte buffers that get passed to
     * users must be copies of the internal ByteBuffers we have. Otherwise
     * we couldn't change the contents without breaking the users
     */
    private ByteBuffer readUnsafe(long offset, long l) throws IOException {
        /*
         * This bytebuffer can be a copy of the internal cache
         */
        ByteBuffer ret;
        try (Event time = profile.startLowerOp(offset, (int)l)) {
            // This is a call to the actual filesystem
            ret = fh.read(offset, l);
            ret.position(0);
            ret = ret.asReadOnlyBuffer();
        } catch (Exception e) {
            throw new IOException(e);
        }
        return ret;
    }

    public ByteBuffer read(long offset, long len) throws IOException {
        /*
         * TODO:
         * This bytebuffer must be a completely new and unlinked buffer, so
         * copy the internal array to a new one to make sure there's nothing
         * tying them together
         */
        return readUnsafe(offset, len);
    }

    public Cursor getCursor(long off) {
        return new Cursor(new FileBackedBuf(this), off);
    }

    @Override
    public void close() throws Exception {
        fh.close();

    }

    public FileInterface getFileInterface() {
        return fh;
    }

    public String getPath() {
        return path;
    }
}
