package io.dltrigger.features.physics;

/**
 * Entries counting-sorted into (eta, phi) cells at least one cone wide, so that every entry within the
 * cone of a point lies in the point's cell or one of its 8 neighbours; phi cells wrap around (the last
 * cell neighbours the first). Eta beyond +-{@value #ETA_EDGE} is clamped into the edge cells, which keeps
 * the neighbour property (clamping never increases a cell distance). The in-cone test is the same
 * expression as {@link PairwiseConeSum}'s, so both select the same entries; only the summation order differs.
 */
public final class BinnedConeSum implements ConeSum {
    static final double ETA_EDGE = 5.0;

    private final double cone2;
    private final int etaCells;
    private final double etaWidth;
    private final int phiCells;
    private final double phiWidth;
    /** cellStart[c] .. cellStart[c + 1] index the entries of cell c in the sorted arrays. */
    private final int[] cellStart;

    private final int[] fill;
    private float[] eta = new float[256];
    private float[] phi = new float[256];
    private float[] pt = new float[256];
    private int[] cellOf = new int[256];
    private int n;

    public BinnedConeSum(double cone) {
        if (!(cone > 0)) {
            throw new IllegalArgumentException("isolation cone must be positive, got " + cone);
        }
        this.cone2 = cone * cone;
        this.etaCells = Math.max(1, (int) Math.floor(2 * ETA_EDGE / cone));
        this.etaWidth = 2 * ETA_EDGE / etaCells;
        this.phiCells = Math.max(1, (int) Math.floor(2 * Math.PI / cone));
        this.phiWidth = 2 * Math.PI / phiCells;
        this.cellStart = new int[etaCells * phiCells + 1];
        this.fill = new int[etaCells * phiCells];
    }

    private int etaCell(double e) {
        int c = (int) Math.floor((e + ETA_EDGE) / etaWidth);
        return c < 0 ? 0 : (c >= etaCells ? etaCells - 1 : c);
    }

    private int phiCell(double p) {
        int c = (int) Math.floor((p + Math.PI) / phiWidth) % phiCells;
        return c < 0 ? c + phiCells : c;
    }

    @Override
    public void load(float[] etaIn, float[] phiIn, float[] ptIn, int count, float ptMin) {
        if (cellOf.length < count) {
            int cap = Math.max(count, cellOf.length * 2);
            eta = new float[cap];
            phi = new float[cap];
            pt = new float[cap];
            cellOf = new int[cap];
        }
        java.util.Arrays.fill(cellStart, 0);
        n = 0;
        for (int i = 0; i < count; i++) {
            if (ptIn[i] > ptMin) {
                int c = etaCell(etaIn[i]) * phiCells + phiCell(DeltaR.deltaPhi(phiIn[i], 0));
                cellOf[i] = c;
                cellStart[c + 1]++;
                n++;
            } else {
                cellOf[i] = -1;
            }
        }
        for (int c = 0; c < fill.length; c++) {
            cellStart[c + 1] += cellStart[c];
            fill[c] = cellStart[c];
        }
        for (int i = 0; i < count; i++) {
            int c = cellOf[i];
            if (c >= 0) {
                int k = fill[c]++;
                eta[k] = etaIn[i];
                phi[k] = phiIn[i];
                pt[k] = ptIn[i];
            }
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double sum(double e, double p) {
        if (n == 0) {
            return 0;
        }
        int ec = etaCell(e);
        int pc = phiCell(DeltaR.deltaPhi(p, 0));
        int eLo = Math.max(0, ec - 1);
        int eHi = Math.min(etaCells - 1, ec + 1);
        double s = 0;
        for (int ei = eLo; ei <= eHi; ei++) {
            int row = ei * phiCells;
            if (phiCells < 3) {
                // Fewer than 3 phi cells: the neighbours would repeat a cell, so visit each cell once.
                s += sumRange(cellStart[row], cellStart[row + phiCells], e, p);
            } else {
                int prev = pc == 0 ? phiCells - 1 : pc - 1;
                int next = pc == phiCells - 1 ? 0 : pc + 1;
                s += sumRange(cellStart[row + prev], cellStart[row + prev + 1], e, p);
                s += sumRange(cellStart[row + pc], cellStart[row + pc + 1], e, p);
                s += sumRange(cellStart[row + next], cellStart[row + next + 1], e, p);
            }
        }
        return s;
    }

    private double sumRange(int from, int to, double e, double p) {
        double s = 0;
        for (int k = from; k < to; k++) {
            if (DeltaR.squared(eta[k], phi[k], e, p) < cone2) {
                s += pt[k];
            }
        }
        return s;
    }
}
