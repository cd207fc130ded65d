package io.dltrigger.training.step;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.OneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * DL4J's {@code LSTM} layer (no peepholes, tanh, sigmoid gates) over a batch of particle lists, returning each
 * event's output at its last real particle, which is what {@code LastTimeStep} returns under the mask, and the
 * backward pass of that. Same parameters, same layout, same arithmetic as DL4J's layer: gate columns in DL4J's
 * order [block input a (tanh) | forget f | output o | input modulation g], c = f*c' + g*a, h = o*tanh(c).
 *
 * <p>Why it is faster than the layer: the input projection of all steps is one matrix product, as are the input and
 * recurrent weight gradients (DL4J does three per step); the buffers are time-major, so each step's rows are
 * contiguous, and are kept between minibatches; the sequence is cut at the longest real one in the batch. Padding
 * needs no mask: it sits after each event's last real step, so it never reaches that step's output, and no gradient
 * flows back into it (padding input is zeroed so that this holds exactly, whatever the padding rows hold).
 */
final class LstmEncoder {
    private static final int F = FeaturesTableContract.PARTICLE_FEATURES;
    private static final int ROW = FeaturesTableContract.PARTICLE_VALUES;
    private static final double TINY = 1e-20;

    private final INDArray w;
    private final INDArray rw;
    private final INDArray b;
    private final INDArray gw;
    private final INDArray grw;
    private final INDArray gb;
    private final INDArray gbRow;
    private final int units;
    private final int gates;

    private int n;
    private int steps;
    private int[] last = new int[0];
    private long capacity;
    private INDArray xBuf;
    private INDArray zBuf;
    private INDArray cBuf;
    private INDArray tcBuf;
    private INDArray hBuf;
    private INDArray dzBuf;
    private INDArray onesBuf;
    private int smallFor = -1;
    private INDArray dh;
    private INDArray dc;
    private INDArray carry;
    private INDArray tmp;
    private INDArray upstream;
    private INDArray upF;
    private INDArray upO;
    private INDArray upG;
    private long colEws;

    LstmEncoder(ParamViews p, String layer) {
        w = p.param(layer + "_W");
        rw = p.param(layer + "_RW");
        b = p.param(layer + "_b");
        gw = p.gradient(layer + "_W");
        grw = p.gradient(layer + "_RW");
        gb = p.gradient(layer + "_b");
        gbRow = gb.reshape(1, gb.length()); // a view: DL4J's LSTM bias is a vector, a matrix product wants [1, 4R]
        units = (int) rw.size(0);
        gates = 4 * units;
        if (w.size(0) != F || w.size(1) != gates || rw.size(1) != gates) {
            throw new IllegalArgumentException("not an LSTM over " + F + " particle features without peepholes: W "
                    + Arrays.toString(w.shape()) + ", RW " + Arrays.toString(rw.shape()));
        }
    }

    int units() {
        return units;
    }

    /** Each event's output at its last real particle, [n, units] (a new array). */
    INDArray forward(EventBlock block) {
        prepare(block);
        INDArray x = rows(xBuf, 0, steps, F);
        INDArray z = rows(zBuf, 0, steps, gates);
        Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
        z.addiRowVector(b);
        for (int t = 0; t < steps; t++) {
            INDArray zt = rows(zBuf, t, 1, gates);
            if (t > 0) {
                Nd4j.gemm(rows(hBuf, t - 1, 1, units), rw, zt, false, false, 1.0, 1.0);
            }
            INDArray a = cols(zBuf, t, 0, units);
            INDArray sig = cols(zBuf, t, units, 3 * units);
            Nd4j.exec(new Tanh(a, a));
            Nd4j.exec(new Sigmoid(sig, sig));
            INDArray ct = rows(cBuf, t, 1, units);
            Nd4j.exec(new MulOp(cols(zBuf, t, 3 * units, units), a, ct));
            if (t > 0) {
                Nd4j.exec(new MulOp(cols(zBuf, t, units, units), rows(cBuf, t - 1, 1, units), tmp));
                ct.addi(tmp);
            }
            INDArray tct = rows(tcBuf, t, 1, units);
            Nd4j.exec(new Tanh(ct, tct));
            Nd4j.exec(new MulOp(cols(zBuf, t, 2 * units, units), tct, rows(hBuf, t, 1, units)));
        }
        int[] at = new int[n];
        for (int e = 0; e < n; e++) {
            at[e] = last[e] * n + e;
        }
        return Nd4j.pullRows(rows(hBuf, 0, steps, units), 1, at);
    }

    /** Writes the gradients of W, RW and b given the loss gradient with respect to {@link #forward}'s output. */
    void backward(INDArray dLast) {
        int[] endsAt = new int[steps];
        for (int e = 0; e < n; e++) {
            endsAt[last[e]]++;
        }
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dzt = rows(dzBuf, t, 1, gates);
            if (t == steps - 1) {
                dh.assign(0);
            } else {
                Nd4j.gemm(rows(dzBuf, t + 1, 1, gates), rw, dh, false, true, 1.0, 0.0);
            }
            if (endsAt[t] > 0) {
                dh.addi(dLast.mulColumnVector(endMask(t)));
            }
            flushTiny(dh);
            INDArray a = cols(zBuf, t, 0, units);
            INDArray f = cols(zBuf, t, units, units);
            INDArray o = cols(zBuf, t, 2 * units, units);
            INDArray g = cols(zBuf, t, 3 * units, units);
            INDArray tct = rows(tcBuf, t, 1, units);
            // dc = carried + dh * o * (1 - tanh(c)^2)
            Nd4j.exec(new MulOp(tct, tct, tmp));
            Nd4j.exec(new OneMinus(tmp, tmp));
            Nd4j.exec(new MulOp(tmp, o, tmp));
            Nd4j.exec(new MulOp(tmp, dh, dc));
            if (t < steps - 1) {
                dc.addi(carry);
            }
            flushTiny(dc);
            // the three sigmoid gates at once: s(1 - s) times [dc * c' | dh * tanh(c) | dc * a]
            INDArray dSig = cols(dzBuf, t, units, 3 * units);
            Nd4j.exec(new TimesOneMinus(cols(zBuf, t, units, 3 * units), dSig));
            if (t > 0) {
                Nd4j.exec(new MulOp(dc, rows(cBuf, t - 1, 1, units), upF));
            } else {
                upF.assign(0);
            }
            Nd4j.exec(new MulOp(dh, tct, upO));
            Nd4j.exec(new MulOp(dc, a, upG));
            Nd4j.exec(new MulOp(dSig, upstream, dSig));
            // block input: dc * g * (1 - a^2)
            Nd4j.exec(new MulOp(a, a, tmp));
            Nd4j.exec(new OneMinus(tmp, tmp));
            Nd4j.exec(new MulOp(tmp, g, tmp));
            Nd4j.exec(new MulOp(tmp, dc, cols(dzBuf, t, 0, units)));
            Nd4j.exec(new MulOp(dc, f, carry));
        }
        Nd4j.gemm(rows(xBuf, 0, steps, F), rows(dzBuf, 0, steps, gates), gw, true, false, 1.0, 0.0);
        if (steps > 1) {
            Nd4j.gemm(rows(hBuf, 0, steps - 1, units), rows(dzBuf, 1, steps - 1, gates), grw, true, false, 1.0, 0.0);
        } else {
            grw.assign(0);
        }
        // the bias gradient (column sums) as a product with a row of ones: ND4J's column reduction is much slower
        Nd4j.gemm(ones(steps * n), rows(dzBuf, 0, steps, gates), gbRow, false, false, 1.0, 0.0);
    }

    /**
     * Sets values below {@link #TINY} in magnitude to zero. Carried back over hundreds of steps through forget
     * gates below 1, the gradient decays into denormal floats, which make every later product (and the weight
     * gradient's matrix product over all steps) tens of times slower: measured 1.1 s instead of 24 ms for that
     * product. Below 1e-20 a gradient is nothing to Adam (whose epsilon is 1e-8), and products of values above it
     * with the gates' derivatives stay normal floats.
     */
    private static void flushTiny(INDArray a) {
        Nd4j.exec(new CompareAndSet(a, 0.0, Conditions.absLessThan(TINY)));
    }

    /** A [1, length] row of ones. */
    private INDArray ones(long length) {
        if (onesBuf == null || onesBuf.length() < length) {
            onesBuf = Nd4j.ones(DataType.FLOAT, capacity);
        }
        return Nd4j.create(onesBuf.data(), new long[] {1, length}, new long[] {length, 1}, 0, 1, 'c');
    }

    /** [n, 1]: 1 for the events whose last real step is {@code t}. */
    private INDArray endMask(int t) {
        float[] m = new float[n];
        for (int e = 0; e < n; e++) {
            m[e] = last[e] == t ? 1f : 0f;
        }
        return Nd4j.create(m, new long[] {n, 1}, 'c');
    }

    /** Time-major input [steps * n, F] (row t * n + e: particle t of event e, zero after the event's last one). */
    private void prepare(EventBlock block) {
        n = block.size();
        last = new int[n];
        steps = 1;
        for (int e = 0; e < n; e++) {
            int real = Math.min(FeaturesTableContract.MAX_PARTICLES, Math.max(1, block.nParticles()[e]));
            last[e] = real - 1;
            steps = Math.max(steps, real);
        }
        allocate((long) steps * n);
        float[] x = new float[steps * n * F];
        float[] src = block.particles();
        for (int e = 0; e < n; e++) {
            for (int t = 0; t <= last[e]; t++) {
                System.arraycopy(src, e * ROW + t * F, x, (t * n + e) * F, F);
            }
        }
        rows(xBuf, 0, steps, F).assign(Nd4j.create(x, new long[] {(long) steps * n, F}, 'c'));
    }

    private void allocate(long rows) {
        if (rows > capacity) {
            capacity = rows;
            xBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * F);
            zBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * gates);
            dzBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * gates);
            cBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * units);
            tcBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * units);
            hBuf = Nd4j.createUninitialized(DataType.FLOAT, rows * units);
        }
        if (n != smallFor) {
            smallFor = n;
            dh = Nd4j.createUninitialized(DataType.FLOAT, n, units);
            dc = Nd4j.createUninitialized(DataType.FLOAT, n, units);
            carry = Nd4j.createUninitialized(DataType.FLOAT, n, units);
            tmp = Nd4j.createUninitialized(DataType.FLOAT, n, units);
            upstream = Nd4j.createUninitialized(DataType.FLOAT, n, 3 * units);
            upF = upstream.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units));
            upO = upstream.get(NDArrayIndex.all(), NDArrayIndex.interval(units, 2 * units));
            upG = upstream.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units));
            // the element-wise stride ND4J gives a column block of a row-major matrix, for the views made below
            colEws = Nd4j.createUninitialized(DataType.FLOAT, n, gates)
                    .get(NDArrayIndex.all(), NDArrayIndex.interval(0, units))
                    .elementWiseStride();
        }
    }

    /** Rows of time steps {@code t .. t+count-1} of a time-major buffer of the given width: [count * n, width]. */
    private INDArray rows(INDArray buf, int t, int count, int width) {
        return Nd4j.create(
                buf.data(), new long[] {(long) count * n, width}, new long[] {width, 1}, (long) t * n * width, 1, 'c');
    }

    /** Columns {@code from .. from+count-1} of step {@code t} of the gate buffer: [n, count], strided. */
    private INDArray cols(INDArray buf, int t, int from, int count) {
        return Nd4j.create(
                buf.data(),
                new long[] {n, count},
                new long[] {gates, 1},
                (long) t * n * gates + from,
                count == gates ? 1 : colEws,
                'c');
    }
}
