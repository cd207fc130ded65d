package io.dltrigger.training.train;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.core.loader.MultiDataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Reads back minibatches exported with {@link MultiDataSet#save}. ND4J saves a null mask that sits beside a
 * non-null one (the inclusive model: a particle mask, no HLF mask) as a rank-1 placeholder and does not restore
 * the null on load; dl4j-spark's re-batching then fails with "Invalid rank: 1". This loader restores the nulls.
 */
final class BatchFiles implements MultiDataSetLoader {
    @Override
    public MultiDataSet load(Source source) throws IOException {
        MultiDataSet m = new MultiDataSet();
        try (InputStream in = source.getInputStream()) {
            m.load(in);
        }
        m.setFeaturesMaskArrays(restoreNulls(m.getFeaturesMaskArrays()));
        m.setLabelsMaskArray(restoreNulls(m.getLabelsMaskArrays()));
        return m;
    }

    private static INDArray[] restoreNulls(INDArray[] masks) {
        if (masks == null) {
            return null;
        }
        boolean any = false;
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] != null && masks[i].rank() == 1) {
                masks[i] = null;
            }
            any |= masks[i] != null;
        }
        return any ? masks : null;
    }
}
