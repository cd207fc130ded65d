package io.dltrigger.training.cli;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.tune.GridPoint;
import io.dltrigger.training.tune.GridSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "grid",
        mixinStandardHelpOptions = true,
        description = {
            "Expand tune.grid and cut it into groups of grid point indices: the retrain DAG maps one tune task over",
            "each group (its output: {\"points\": N, \"groups\": [[0, 1], [2, 3]], ...})."
        })
final class GridCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--group-size", defaultValue = "1", description = "grid points per tune task (default: 1)")
    int groupSize;

    @Override
    public Integer call() {
        if (groupSize < 1) {
            throw new IllegalArgumentException("--group-size must be >= 1, got " + groupSize);
        }
        TrainingConfig c = common.load();
        List<GridPoint> grid =
                GridSearch.expand(c.tune().model(), c.tune().grid(), c.train().seed());
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < grid.size(); i += groupSize) {
            List<Integer> g = new ArrayList<>();
            for (int j = i; j < Math.min(grid.size(), i + groupSize); j++) {
                g.add(j);
            }
            groups.add(g);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", c.tune().model().name());
        o.put("points", grid.size());
        o.put("groups", groups);
        o.put("grid", grid);
        TaskIo.fromEnvironment().output(o);
        System.out.printf("%d grid points in %d groups of up to %d%n", grid.size(), groups.size(), groupSize);
        return 0;
    }
}
