package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.MetricSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Normal behaviour looks like a real fleet: a quiet week (seed 42, no scenarios, Monday to Sunday, 5 s ticks). The
 * front tier (web, API, gateway and worker servers) follows its users most closely.
 */
class RealismTest {
    private static final Set<Role> FRONT_TIER = EnumSet.of(Role.WEB, Role.API, Role.GATEWAY, Role.WORKER);
    private static final int CPU = MetricSet.CPU;
    private static final int TICKS_PER_MINUTE = 12;

    private final Series week = Weeks.quiet();

    @Test
    void loadFollowsTheDayMondayMorningBusierThanTheNightBefore() {
        for (Server server : week.engine.fleet().servers()) {
            double[] cpu = week.value(server.hostname(), CPU);
            double morning = Stats.mean(cpu, week.atHour(0, 9), week.atHour(0, 11));
            double night = Stats.mean(cpu, week.atHour(0, 2), week.atHour(0, 4));
            assertThat(morning / night).as("cpu 09-11 / 02-04 on Monday of %s", server.hostname())
                    .isGreaterThan(FRONT_TIER.contains(server.role()) ? 1.8 : 1.2);
        }
    }

    @Test
    void loadFollowsTheWeekMondayBusierThanSaturday() {
        for (Server server : week.engine.fleet().servers()) {
            double[] cpu = week.value(server.hostname(), CPU);
            double monday = Stats.mean(cpu, week.atHour(0, 0), week.atHour(1, 0));
            double saturday = Stats.mean(cpu, week.atHour(5, 0), week.atHour(6, 0));
            assertThat(monday / saturday).as("mean cpu Monday / Saturday of %s", server.hostname())
                    .isGreaterThan(FRONT_TIER.contains(server.role()) ? 1.4 : 1.05);
        }
    }

    @Test
    void cpuBurstsLastMinutesNotSingleSamples() {
        for (Server server : frontTier()) {
            double[] cpu = week.value(server.hostname(), CPU);
            double[] residual = Stats.minus(cpu, Stats.movingAverage(cpu, 15 * TICKS_PER_MINUTE));
            List<Integer> runs = new ArrayList<>();
            int run = 0;
            for (double r : residual) {
                if (r > 5) {
                    run++;
                } else if (run > 0) {
                    runs.add(run);
                    run = 0;
                }
            }
            Collections.sort(runs);
            long blips = runs.stream().filter(r -> r <= 2).count();
            assertThat(runs).as("bursts of %s", server.hostname()).hasSizeGreaterThan(50);
            assertThat(runs.get(runs.size() / 2)).as("median burst of %s, ticks", server.hostname())
                    .isGreaterThanOrEqualTo(TICKS_PER_MINUTE);
            assertThat(blips / (double) runs.size()).as("share of bursts of 1 or 2 ticks, %s", server.hostname())
                    .isLessThan(0.1);
            double[] now = Arrays.copyOfRange(residual, 0, residual.length - TICKS_PER_MINUTE);
            double[] minuteLater = Arrays.copyOfRange(residual, TICKS_PER_MINUTE, residual.length);
            assertThat(Stats.correlation(now, minuteLater)).as("cpu residual autocorrelation at 1 min, %s",
                    server.hostname()).isGreaterThan(0.5);
        }
    }

    @Test
    void memoryFollowsCpu() {
        for (Server server : week.engine.fleet().servers()) {
            double r = Stats.correlation(week.value(server.hostname(), CPU),
                    week.value(server.hostname(), MetricSet.MEMORY));
            assertThat(r).as("corr(cpu, memory) of %s", server.hostname())
                    .isGreaterThan(FRONT_TIER.contains(server.role()) ? 0.8 : 0.3);
        }
    }

    @Test
    void responseTimeRisesWithCpuAlongAConvexCurve() {
        for (Server server : week.engine.fleet().servers()) {
            double[] cpu = week.value(server.hostname(), CPU);
            double[] response = week.value(server.hostname(), MetricSet.RESPONSE_TIME);
            assertThat(Stats.correlation(cpu, Stats.log(response))).as("corr(cpu, log response) of %s",
                    server.hostname()).isGreaterThan(FRONT_TIER.contains(server.role()) ? 0.9 : 0.4);
        }
        for (Server server : frontTier()) {
            double[] cpu = week.value(server.hostname(), CPU);
            double[] response = week.value(server.hostname(), MetricSet.RESPONSE_TIME);
            Integer[] byCpu = new Integer[cpu.length];
            for (int i = 0; i < byCpu.length; i++) {
                byCpu[i] = i;
            }
            Arrays.sort(byCpu, Comparator.comparingDouble(i -> cpu[i]));
            // Mean (cpu, response) of the lowest, middle and highest fifth of the ticks by cpu.
            double[][] bins = new double[3][2];
            int fifth = cpu.length / 5;
            int[] starts = {0, 2 * fifth, cpu.length - fifth};
            for (int b = 0; b < 3; b++) {
                for (int k = starts[b]; k < starts[b] + fifth; k++) {
                    bins[b][0] += cpu[byCpu[k]] / fifth;
                    bins[b][1] += response[byCpu[k]] / fifth;
                }
            }
            double lowSlope = (bins[1][1] - bins[0][1]) / (bins[1][0] - bins[0][0]);
            double highSlope = (bins[2][1] - bins[1][1]) / (bins[2][0] - bins[1][0]);
            assertThat(lowSlope).as("ms per cpu point at low load, %s", server.hostname()).isPositive();
            assertThat(highSlope / lowSlope).as("response slope high / low load, %s", server.hostname())
                    .isGreaterThan(1.3);
        }
    }

    @Test
    void networkOutFollowsNetworkIn() {
        for (Server server : week.engine.fleet().servers()) {
            assertThat(Stats.correlation(week.value(server.hostname(), MetricSet.NETWORK_IN),
                    week.value(server.hostname(), MetricSet.NETWORK_OUT)))
                    .as("corr(network in, network out) of %s", server.hostname()).isGreaterThan(0.9);
        }
    }

    @Test
    void diskIsASawtoothOfSlowGrowthAndCleanUps() {
        for (Server server : week.engine.fleet().servers()) {
            String host = server.hostname();
            double[] disk = week.value(host, MetricSet.DISK);
            List<Integer> cleanUps = new ArrayList<>();
            int flips = 0;
            int moves = 0;
            double fastestRise = 0;
            double sharpestWobble = 0;
            for (int i = 1; i < disk.length; i++) {
                double change = disk[i] - disk[i - 1];
                fastestRise = Math.max(fastestRise, change);
                if (change >= -1) {
                    sharpestWobble = Math.min(sharpestWobble, change);
                }
                if (change < -1) {
                    cleanUps.add(i);
                } else if (i > 1 && disk[i - 1] - disk[i - 2] > -1 && change != 0) {
                    moves++;
                    flips += Math.signum(change) != Math.signum(disk[i - 1] - disk[i - 2]) ? 1 : 0;
                }
            }
            assertThat(fastestRise).as("fastest rise of %s in a tick", host).isLessThan(0.01);
            assertThat(sharpestWobble).as("largest fall of %s in a tick, clean-ups aside", host).isGreaterThan(-0.01);
            assertThat(cleanUps.size()).as("clean-ups of %s in a week: daily or weekly", host).isIn(1, 7);
            if (FRONT_TIER.contains(server.role())) {
                assertThat(cleanUps).as("daily clean-ups of %s", host).hasSize(7);
            }
            assertThat(flips / (double) moves).as("direction changes of %s per tick (a random walk: 0.5)", host)
                    .isLessThan(0.01);
            cleanUps.add(0, 0);
            cleanUps.add(disk.length);
            for (int c = 1; c < cleanUps.size(); c++) {
                int from = cleanUps.get(c - 1);
                int to = cleanUps.get(c);
                if (to - from > 24 * 60 * TICKS_PER_MINUTE) {
                    assertThat(slope(disk, from, to)).as("%s grows between clean-ups", host).isPositive();
                }
            }
        }
    }

    @Test
    void twoServersWithTheSameRoleDiffer() {
        for (Role role : EnumSet.of(Role.WEB, Role.GATEWAY, Role.DATABASE)) {
            List<Server> servers = week.engine.fleet().byRole(role);
            for (int a = 0; a < servers.size(); a++) {
                for (int b = a + 1; b < servers.size(); b++) {
                    double[] cpuA = week.value(servers.get(a).hostname(), CPU);
                    double[] cpuB = week.value(servers.get(b).hostname(), CPU);
                    String pair = servers.get(a).hostname() + " and " + servers.get(b).hostname();
                    assertThat(Stats.mean(cpuA)).as("mean cpu of %s", pair).isNotCloseTo(Stats.mean(cpuB),
                            org.assertj.core.data.Offset.offset(0.2));
                    double[] wobbleA = Stats.minus(cpuA, Stats.movingAverage(cpuA, 15 * TICKS_PER_MINUTE));
                    double[] wobbleB = Stats.minus(cpuB, Stats.movingAverage(cpuB, 15 * TICKS_PER_MINUTE));
                    assertThat(Math.abs(Stats.correlation(wobbleA, wobbleB)))
                            .as("correlation of the minute-scale wobbles of %s", pair).isLessThan(0.3);
                }
            }
        }
    }

    private List<Server> frontTier() {
        List<Server> result = new ArrayList<>();
        for (Server server : week.engine.fleet().servers()) {
            if (FRONT_TIER.contains(server.role())) {
                result.add(server);
            }
        }
        return result;
    }

    /** Least-squares slope of {@code x[from..to)} per tick. */
    private static double slope(double[] x, int from, int to) {
        double n = to - from;
        double mt = (from + to - 1) / 2.0;
        double mx = Stats.mean(x, from, to);
        double sxy = 0;
        double stt = 0;
        for (int i = from; i < to; i++) {
            sxy += (i - mt) * (x[i] - mx);
            stt += (i - mt) * (i - mt);
        }
        return n > 1 ? sxy / stt : 0;
    }
}
