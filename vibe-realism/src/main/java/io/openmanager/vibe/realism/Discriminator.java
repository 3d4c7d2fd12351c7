package io.openmanager.vibe.realism;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How well a classifier tells simulated one-day windows from real ones: the cross-validated ROC AUC of a random
 * forest (Tribuo) on {@link WindowFeatures}. Folds are made of whole series, so a server's days never sit on both
 * sides of a split. 0.5 means indistinguishable, 1.0 always told apart. Deterministic for a given seed.
 */
final class Discriminator {
    static final String REAL = "real";
    static final String SIMULATED = "simulated";
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private final int folds;
    private final int trees;
    private final int windowsPerSeries;
    private final long seed;

    Discriminator(int folds, int trees, int windowsPerSeries, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2: " + folds);
        }
        this.folds = folds;
        this.trees = trees;
        this.windowsPerSeries = windowsPerSeries;
        this.seed = seed;
    }

    /** The AUC of telling {@code simulated} from {@code real} windows of one metric, or NaN with too few of either. */
    RealismReport.Discrimination discriminate(TraceMetric metric, List<Trace> real, List<Trace> simulated) {
        TRIBUO.setLevel(Level.WARNING);
        String[] names = WindowFeatures.names(metric);
        List<Group> groups = new ArrayList<>();
        int realWindows = addGroups(metric, real, REAL, groups);
        int simulatedWindows = addGroups(metric, simulated, SIMULATED, groups);
        long realGroups = groups.stream().filter(g -> g.label.equals(REAL)).count();
        long simulatedGroups = groups.size() - realGroups;
        if (realGroups < folds || simulatedGroups < folds) {
            return new RealismReport.Discrimination(metric, Double.NaN, realWindows, simulatedWindows);
        }
        assignFolds(groups);
        LabelFactory factory = new LabelFactory();
        List<Boolean> isSimulated = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            MutableDataset<Label> train = new MutableDataset<>(new SimpleDataSourceProvenance("realism", factory),
                    factory);
            for (Group g : groups) {
                if (g.fold != fold) {
                    for (double[] features : g.windows) {
                        train.add(new ArrayExample<>(new Label(g.label), names, features));
                    }
                }
            }
            CARTClassificationTrainer tree = new CARTClassificationTrainer(10, 0.5f, seed + fold);
            RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees,
                    seed + 31L * fold);
            Model<Label> model = forest.train(train);
            for (Group g : groups) {
                if (g.fold == fold) {
                    for (double[] features : g.windows) {
                        Example<Label> example = new ArrayExample<>(new Label(g.label), names, features);
                        Prediction<Label> prediction = model.predict(example);
                        Label score = prediction.getOutputScores().get(SIMULATED);
                        isSimulated.add(g.label.equals(SIMULATED));
                        scores.add(score == null ? 0.0 : score.getScore());
                    }
                }
            }
        }
        boolean[] truth = new boolean[scores.size()];
        double[] score = new double[scores.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = isSimulated.get(i);
            score[i] = scores.get(i);
        }
        return new RealismReport.Discrimination(metric, LabelEvaluationUtil.binaryAUCROC(truth, score), realWindows,
                simulatedWindows);
    }

    private int addGroups(TraceMetric metric, List<Trace> traces, String label, List<Group> groups) {
        Map<String, Group> byServer = new LinkedHashMap<>();
        int count = 0;
        for (Trace trace : traces) {
            if (trace.metric() != metric && !(metric == TraceMetric.NETWORK_IN
                    && trace.metric() == TraceMetric.NETWORK_OUT)) {
                continue;
            }
            Group g = byServer.computeIfAbsent(trace.source() + "/" + trace.server(), k -> new Group(k, label));
            List<double[]> windows = WindowFeatures.windows(trace);
            int take = Math.min(windows.size(), windowsPerSeries);
            for (int k = 0; k < take; k++) {
                // Evenly spread over the series, so that a long series does not outweigh a short one.
                g.windows.add(WindowFeatures.of(trace.metric(), windows.get((int) ((long) k * windows.size() / take))));
                count++;
            }
        }
        for (Group g : byServer.values()) {
            if (!g.windows.isEmpty()) {
                groups.add(g);
            }
        }
        return count;
    }

    /** Spreads each class's series over the folds in a seeded order. */
    private void assignFolds(List<Group> groups) {
        for (String label : new String[] {REAL, SIMULATED}) {
            List<Group> ofLabel = new ArrayList<>();
            for (Group g : groups) {
                if (g.label.equals(label)) {
                    ofLabel.add(g);
                }
            }
            ofLabel.sort(Comparator.comparingLong((Group g) -> mix(seed ^ g.name.hashCode()))
                    .thenComparing(g -> g.name));
            for (int i = 0; i < ofLabel.size(); i++) {
                ofLabel.get(i).fold = i % folds;
            }
        }
    }

    /** SplitMix64's finaliser: a seeded, platform-independent order. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Group {
        final String name;
        final String label;
        final List<double[]> windows = new ArrayList<>();
        int fold;

        Group(String name, String label) {
            this.name = name;
            this.label = label;
        }
    }
}
