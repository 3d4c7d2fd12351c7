package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import io.openmanager.vibe.analytics.evaluation.NabSeries;
import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backtests on the NAB subset and on simulated-like server series. The printed tables are the numbers the README
 * reports ({@code ./mvnw -B -o -pl vibe-analytics -am verify -Dtest=BacktestTest}).
 */
class BacktestTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static List<Forecaster> all(int horizon) {
        List<Forecaster> list = new ArrayList<>();
        for (Method m : Method.values()) {
            if (m != Method.SEASONAL_NAIVE) {
                list.add(m == Method.AUTO ? Forecaster.auto(0, horizon) : Forecaster.of(m, 0));
            }
        }
        return list;
    }

    private static Accuracy find(List<Accuracy> results, String method) {
        return results.stream().filter(a -> a.method().equals(method)).findFirst().orElseThrow();
    }

    private static void print(String title, List<Accuracy> results) {
        System.out.println("== " + title);
        for (Accuracy a : results) {
            System.out.println("   " + a);
        }
    }

    @Test
    void metricsMatchAHandComputedExample() {
        // Train 1..12 (period 1 scale = 1); forecast naive = 12 for actuals 13, 14.
        double[] y = new double[14];
        for (int t = 0; t < 14; t++) {
            y[t] = t + 1;
        }
        Accuracy a = Backtest.of(2, 1).withPeriod(1).evaluate(Forecaster.of(Method.NAIVE, 0), List.of(y));
        double smape = (200.0 * 1 / 25 + 200.0 * 2 / 26) / 2;
        assertThat(a.smape()).isCloseTo(smape, within(1e-9));
        assertThat(a.mase()).isCloseTo(1.5, within(1e-9));
        assertThat(a.forecasts()).isEqualTo(1);
    }

    @Test
    void autoBeatsSeasonalNaiveOnSimulatedServerSeries() {
        List<double[]> series = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            series.add(Synthetic.serverLike(100 + s, 24 * 28, 24));
        }
        int h = 24;
        List<Accuracy> r = Backtest.of(h, 4).withStep(Duration.ofHours(1))
                .compare(all(h), Forecaster.of(Method.SEASONAL_NAIVE, 0), series);
        print("simulated-like hourly server series (12 series x 4 origins, h=24)", r);
        Accuracy auto = find(r, "auto");
        Accuracy snaive = find(r, "snaive");
        assertThat(auto.smape()).isLessThan(snaive.smape());
        assertThat(auto.mase()).isLessThan(snaive.mase());
        assertThat(auto.coverage80()).as("80 %% interval calibration").isBetween(0.7, 0.9);
        assertThat(auto.coverage95()).as("95 %% interval calibration").isBetween(0.85, 0.99);
    }

    @Test
    @RequiresCorpus(Corpus.NAB)
    void autoIsNoWorseThanSeasonalNaiveOnTheNabSubset() throws IOException {
        NabCorpus corpus = NabCorpus.load(Corpus.NAB.path());
        List<double[]> series = new ArrayList<>();
        for (NabSeries s : corpus.series()) {
            if (s.size() > 2 && s.epochMillis(1) - s.epochMillis(0) == FIVE_MINUTES.toMillis()) {
                double[] y = new double[s.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = s.value(i);
                }
                series.add(y);
            }
        }
        assertThat(series).hasSizeGreaterThan(15);
        int h = 48;
        List<Accuracy> r = Backtest.of(h, 3).withStep(FIVE_MINUTES)
                .compare(all(h), Forecaster.of(Method.SEASONAL_NAIVE, 0), series);
        print("NAB subset, " + series.size() + " series at 5 min x 3 origins, h=48 (4 h)", r);
        // Five-minute series four hours ahead: the recent level matters more than the day; auto is about as accurate
        // as seasonal naive (better sMAPE, a little worse MASE).
        assertThat(find(r, "auto").owa()).isLessThan(1.0);
    }

}
