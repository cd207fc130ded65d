package io.dltrigger.training.step;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float matrix in host memory, row- or column-major with a leading dimension, as OpenBLAS takes it, with a
 * {@link FloatBuffer} over the same memory for element-wise loops. Made once per buffer, so a training step makes
 * no native allocation and no ND4J op object per product.
 */
record HostMatrix(FloatPointer pointer, FloatBuffer values, int rows, int cols, int ld, boolean rowMajor) {

    /** A new row-major matrix (contents undefined). */
    static HostMatrix allocate(int rows, int cols) {
        FloatPointer p = new FloatPointer((long) rows * cols);
        return new HostMatrix(p, p.asBuffer(), rows, cols, cols, true);
    }

    /**
     * The memory of {@code a}, a float matrix, or vector (as one row), of ND4J's CPU backend (e.g. a view of a
     * network's parameters).
     */
    static HostMatrix of(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.rank() < 1 || a.rank() > 2) {
            throw new IllegalArgumentException(
                    "not a float matrix: " + a.dataType() + " " + Arrays.toString(a.shape()));
        }
        boolean vector = a.rank() == 1;
        int rows = vector ? 1 : (int) a.size(0);
        int cols = (int) a.size(vector ? 0 : 1);
        long s0 = vector ? cols : a.stride(0);
        long s1 = a.stride(vector ? 0 : 1);
        boolean rowMajor;
        int ld;
        if (s1 == 1 && (rows == 1 || s0 >= cols)) {
            rowMajor = true;
            ld = rows == 1 ? cols : (int) s0;
        } else if (s0 == 1 && (cols == 1 || s1 >= rows)) {
            rowMajor = false;
            ld = cols == 1 ? rows : (int) s1;
        } else {
            throw new IllegalArgumentException("not a BLAS matrix: shape " + Arrays.toString(a.shape()) + ", strides "
                    + Arrays.toString(a.stride()));
        }
        long span = rowMajor ? (long) (rows - 1) * ld + cols : (long) (cols - 1) * ld + rows;
        // addressPointer() already points at the view's first element
        FloatPointer p = new FloatPointer(a.data().addressPointer()).capacity(span);
        return new HostMatrix(p, p.asBuffer(), rows, cols, ld, rowMajor);
    }

    /** The first {@code n} rows of this row-major matrix. */
    HostMatrix top(int n) {
        if (!rowMajor || n > rows) {
            throw new IllegalArgumentException("no " + n + " top rows in " + this);
        }
        return new HostMatrix(pointer, values, n, cols, ld, true);
    }

    /** c = op(a) op(b), where op transposes when asked; c is overwritten. */
    static void gemm(HostMatrix a, boolean transA, HostMatrix b, boolean transB, HostMatrix c) {
        if (!c.rowMajor) {
            gemm(b, !transB, a, !transA, c.transposed()); // c' = op(b)' op(a)'
            return;
        }
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int n = transB ? b.rows : b.cols;
        if (m != c.rows || n != c.cols || k != (transB ? b.cols : b.rows)) {
            throw new IllegalArgumentException("shapes do not multiply: " + a + ", " + b + " into " + c);
        }
        cblas_sgemm(
                CblasRowMajor,
                flag(a, transA),
                flag(b, transB),
                m,
                n,
                k,
                1f,
                a.pointer,
                a.ld,
                b.pointer,
                b.ld,
                0f,
                c.pointer,
                c.ld);
    }

    /** A column-major matrix is its transpose in row-major order, so a product over it flips its flag. */
    private static int flag(HostMatrix x, boolean transpose) {
        return transpose == x.rowMajor ? CblasTrans : CblasNoTrans;
    }

    private HostMatrix transposed() {
        return new HostMatrix(pointer, values, cols, rows, ld, !rowMajor);
    }

    @Override
    public String toString() {
        return rows + "x" + cols + (rowMajor ? " row-major" : " column-major") + " (ld " + ld + ")";
    }
}
