package io.dltrigger.bridge.summary;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Count, sum, sum of squares, min and max of every value of one branch, plus its first entries: the
 * figures JSROOT's root-summary.mjs prints, so two readers can be compared branch by branch.
 */
public final class BranchSummary {
    private long values;
    private double sum;
    private double sumsq;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private final List<Object> first = new ArrayList<>();

    public long values() {
        return values;
    }

    public double sum() {
        return sum;
    }

    public double sumsq() {
        return sumsq;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public List<Object> first() {
        return first;
    }

    /** Adds every entry of a column (a primitive, List or FixedSizeList vector). */
    public void add(FieldVector column) {
        for (int row = 0; row < column.getValueCount() && first.size() < 3; row++) {
            first.add(column.getObject(row));
        }
        if (column instanceof ListVector || column instanceof FixedSizeListVector) {
            FieldVector data = (FieldVector)
                    ((BaseListVector) column).getChildrenFromFields().get(0);
            int n = column instanceof ListVector list
                    ? list.getElementEndIndex(column.getValueCount() - 1)
                    : data.getValueCount();
            addValues(data, column.getValueCount() == 0 ? 0 : n);
        } else {
            addValues(column, column.getValueCount());
        }
    }

    private void addValues(FieldVector v, int n) {
        for (int i = 0; i < n; i++) {
            double x = value(v, i);
            values++;
            sum += x;
            sumsq += x * x;
            min = Double.isNaN(min) ? x : Math.min(min, x);
            max = Double.isNaN(max) ? x : Math.max(max, x);
        }
    }

    private static double value(FieldVector v, int i) {
        if (v instanceof FloatingPointVector f) {
            return f.getValueAsDouble(i);
        } else if (v instanceof BitVector b) {
            return b.get(i);
        } else if (v instanceof UInt1Vector u) {
            return u.getValueAsLong(i);
        } else if (v instanceof UInt2Vector u) {
            return u.getValueAsLong(i);
        } else if (v instanceof UInt4Vector u) {
            return u.getValueAsLong(i);
        } else if (v instanceof UInt8Vector u) {
            return unsigned(u.get(i));
        } else if (v instanceof BaseIntVector b) {
            return b.getValueAsLong(i);
        }
        throw new IllegalArgumentException("cannot summarize " + v.getField());
    }

    private static double unsigned(long x) {
        return x >= 0 ? x : (x >>> 1) * 2.0 + (x & 1);
    }
}
