package io.dltrigger.training.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One checkpoint per epoch: {@code DIR/epoch-NNNN/} holding the network with its updater state and the loss
 * history so far. Each is written under a temporary name and renamed when complete, so a crash mid-write leaves
 * no checkpoint that looks whole; resuming takes the highest complete epoch.
 */
public final class Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "model.zip";
    private static final String STATE = "state.json";
    private static final String BEST = "best.zip";

    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** Training progress after an epoch; {@code bestEpoch}'s network is kept as {@code best.zip} next to the epochs. */
    public record State(
            int epoch, List<Double> trainLoss, List<Double> validationLoss, double bestValidationLoss, int bestEpoch) {
        public State {
            trainLoss = List.copyOf(trainLoss);
            validationLoss = List.copyOf(validationLoss);
        }
    }

    public record Restored(ComputationGraph network, State state) {}

    public void save(ComputationGraph net, State state, boolean isBest) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".tmp-epoch-");
        ModelSerializer.writeModel(net, tmp.resolve(MODEL).toFile(), true);
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(STATE).toFile(), state);
        List<Path> before = epochs();
        if (isBest) {
            Files.copy(tmp.resolve(MODEL), tmp.resolve(BEST));
        } else if (!before.isEmpty()
                && Files.exists(before.get(before.size() - 1).resolve(BEST))) {
            // the best network so far travels with the newest checkpoint, so older ones can go
            Files.copy(before.get(before.size() - 1).resolve(BEST), tmp.resolve(BEST));
        }
        Files.move(tmp, dir.resolve(String.format("epoch-%04d", state.epoch())), StandardCopyOption.ATOMIC_MOVE);
        for (Path old : epochs()) {
            if (!old.getFileName().toString().equals(String.format("epoch-%04d", state.epoch()))) {
                deleteTree(old);
            }
        }
    }

    public Optional<Restored> latest() throws IOException {
        List<Path> all = epochs();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Path last = all.get(all.size() - 1);
        ComputationGraph net =
                ModelSerializer.restoreComputationGraph(last.resolve(MODEL).toFile(), true);
        State state = JSON.readValue(last.resolve(STATE).toFile(), State.class);
        return Optional.of(new Restored(net, state));
    }

    /** The network of the best validation loss so far, from the newest checkpoint. */
    public ComputationGraph best() throws IOException {
        List<Path> all = epochs();
        Path last = all.get(all.size() - 1);
        Path best = Files.exists(last.resolve(BEST)) ? last.resolve(BEST) : last.resolve(MODEL);
        return ModelSerializer.restoreComputationGraph(best.toFile(), true);
    }

    private List<Path> epochs() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out =
                    new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4}"))
                            .toList());
            out.sort(Comparator.comparing(p -> p.getFileName().toString()));
            return out;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
