package io.dltrigger.shaded.laurelin.spark_ttree;

import com.google.common.collect.ImmutableRangeMap;

import io.dltrigger.shaded.laurelin.array.ArrayBuilder;
import io.dltrigger.shaded.laurelin.cache.BasketCache;
import io.dltrigger.shaded.laurelin.root_proxy.ROOTFileCache;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import io.dltrigger.shaded.laurelin.spark_ttree.SlimTBranch.SlimTBasket;

public interface SlimTBranchInterface {

    long[] getBasketEntryOffsets();

    SlimTBasket getBasket(int basketid);

    TBranch.ArrayDescriptor getArrayDesc();

    /**
     * Glue callback to integrate with io.dltrigger.shaded.laurelin.array
     * @param basketCache the cache we should be using
     * @param fileCache what file handle cache we should be using
     * @return GetBasket object used by array
     */
    ArrayBuilder.GetBasket getArrayBranchCallback(BasketCache basketCache, ROOTFileCache fileCache);

    ImmutableRangeMap<Long, Integer> getRangeToBasketIDMap();

}