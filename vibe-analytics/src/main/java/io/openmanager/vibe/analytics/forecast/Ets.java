package io.openmanager.vibe.analytics.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Exponential smoothing (simple, Holt damped, Holt-Winters additive and multiplicative) in component form, with the
 * smoothing parameters fitted on in-sample one-step squared error; initial states by the classical heuristics
 * (first period's mean, difference of the first two periods' means, first period's deviations).
 */
final class Ets {
    enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    private static final double LO = 0.001;
    private static final double HI = 0.999;
    private static final int MAX_EVAL = 600;
    /** BOBYQA's initial trust region radius and its stopping radius in the unit cube. */
    static final double RHO_BEGIN = 0.2;
    static final double RHO_END = 1e-4;

    private Ets() {
    }

    /** Parameters and initial states of one model structure. */
    private static final class Spec {
        final double[] y;
        final int m;
        final boolean trend;
        final Season season;
        final double phiLo;
        final double phiHi;
        final double l0;
        final double b0;
        final double[] s0;
        /** The seasonal states while {@link #run} recurses: one array per fit, not one per evaluation. */
        private final double[] work;

        Spec(double[] y, int m, boolean trend, Season season, double phiLo, double phiHi) {
            this.y = y;
            this.m = season == Season.NONE ? 1 : m;
            this.trend = trend;
            this.season = season;
            this.phiLo = phiLo;
            this.phiHi = phiHi;
            int n = y.length;
            if (season == Season.NONE) {
                l0 = y[0];
                int k = Math.min(n, 10);
                b0 = trend && k > 1 ? (y[k - 1] - y[0]) / (k - 1) : 0;
                s0 = new double[1];
            } else {
                double m1 = Series.mean(y, 0, m);
                double m2 = Series.mean(y, m, 2 * m);
                l0 = m1;
                b0 = trend ? (m2 - m1) / m : 0;
                s0 = new double[m];
                double avg = 0;
                for (int i = 0; i < m; i++) {
                    double detrended = m1 + (i - (m - 1) / 2.0) * b0;
                    s0[i] = season == Season.MULTIPLICATIVE ? y[i] / detrended : y[i] - detrended;
                    avg += s0[i] / m;
                }
                for (int i = 0; i < m; i++) {
                    s0[i] = season == Season.MULTIPLICATIVE ? s0[i] / avg : s0[i] - avg;
                }
            }
            work = new double[s0.length];
        }

        int dims() {
            return 1 + (trend ? 2 : 0) + (season == Season.NONE ? 0 : 1);
        }

        /** Maps a point of the unit cube to (alpha, beta, gamma, phi). */
        double[] params(double[] u) {
            return params(u, new double[4]);
        }

        /** {@link #params(double[])} into {@code p}, which is returned. */
        double[] params(double[] u, double[] p) {
            p[0] = LO + (HI - LO) * u[0];
            int i = 1;
            double beta = 0;
            double phi = 1;
            if (trend) {
                beta = LO + (HI - LO) * u[i++];
                phi = phiLo + (phiHi - phiLo) * u[i++];
            }
            p[1] = beta;
            p[2] = season == Season.NONE ? 0 : LO + (HI - LO) * u[i];
            p[3] = phi;
            return p;
        }

        /**
         * Runs the recursions; returns the SSE, and when {@code out} is non-null stores level, trend, the m seasonal
         * states (rotated so out[2 + j] is the state for step n + j + 1's season) and the one-step residual count.
         * Allocates nothing: the optimisers call it a few hundred times per fit, and it is most of the fitting time.
         */
        double run(double[] p, double[] out) {
            double[] s = work;
            System.arraycopy(s0, 0, s, 0, s.length);
            double sse;
            if (season == Season.NONE) {
                sse = runNone(p, out);
            } else if (season == Season.ADDITIVE) {
                sse = runAdditive(p, s, out);
            } else {
                sse = runMultiplicative(p, s, out);
            }
            if (!Double.isFinite(sse)) {
                // The sum of squares never returns to finite once it is not, so one check at the end is enough.
                return Double.POSITIVE_INFINITY;
            }
            if (out != null) {
                int n = y.length;
                for (int k = 0; k < m; k++) {
                    out[2 + k] = s[(n + k) % m];
                }
            }
            return sse;
        }

        // The three loops below are one recursion specialised per season; each keeps the general form's floating
        // point operations and their order (so fits are bit-identical to it), hoisting only loop-invariant products.

        private double runNone(double[] p, double[] out) {
            final double alpha = p[0];
            final double beta = p[1];
            final double phi = p[3];
            final double oneMinusAlpha = 1 - alpha;
            final double oneMinusBetaPhi = (1 - beta) * phi;
            final double[] y = this.y;
            final boolean trend = this.trend;
            double l = l0;
            double b = b0;
            double sse = 0;
            for (int t = 0; t < y.length; t++) {
                double lb = l + phi * b;
                double e = y[t] - (lb + 0.0);
                sse += e * e;
                double lNew = alpha * (y[t] - 0.0) + oneMinusAlpha * lb;
                if (trend) {
                    b = beta * (lNew - l) + oneMinusBetaPhi * b;
                }
                l = lNew;
            }
            if (out != null) {
                out[0] = l;
                out[1] = b;
            }
            return sse;
        }

        private double runAdditive(double[] p, double[] s, double[] out) {
            final double alpha = p[0];
            final double beta = p[1];
            final double gamma = p[2];
            final double phi = p[3];
            final double oneMinusAlpha = 1 - alpha;
            final double oneMinusBetaPhi = (1 - beta) * phi;
            final double oneMinusGamma = 1 - gamma;
            final double[] y = this.y;
            final boolean trend = this.trend;
            final int m = this.m;
            double l = l0;
            double b = b0;
            double sse = 0;
            int j = -1;
            for (int t = 0; t < y.length; t++) {
                double lb = l + phi * b;
                j = j + 1 == m ? 0 : j + 1;
                double st = s[j];
                double yt = y[t];
                double e = yt - (lb + st);
                sse += e * e;
                double lNew = alpha * (yt - st) + oneMinusAlpha * lb;
                if (trend) {
                    b = beta * (lNew - l) + oneMinusBetaPhi * b;
                }
                s[j] = gamma * (yt - lNew) + oneMinusGamma * st;
                l = lNew;
            }
            if (out != null) {
                out[0] = l;
                out[1] = b;
            }
            return sse;
        }

        private double runMultiplicative(double[] p, double[] s, double[] out) {
            final double alpha = p[0];
            final double beta = p[1];
            final double gamma = p[2];
            final double phi = p[3];
            final double oneMinusAlpha = 1 - alpha;
            final double oneMinusBetaPhi = (1 - beta) * phi;
            final double oneMinusGamma = 1 - gamma;
            final double[] y = this.y;
            final boolean trend = this.trend;
            final int m = this.m;
            double l = l0;
            double b = b0;
            double sse = 0;
            int j = -1;
            for (int t = 0; t < y.length; t++) {
                double lb = l + phi * b;
                j = j + 1 == m ? 0 : j + 1;
                double st = s[j];
                double yt = y[t];
                double e = yt - lb * st;
                sse += e * e;
                double lNew = alpha * (yt / st) + oneMinusAlpha * lb;
                if (trend) {
                    b = beta * (lNew - l) + oneMinusBetaPhi * b;
                }
                double sNew = gamma * (yt / lNew) + oneMinusGamma * st;
                if (!(sNew > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                s[j] = sNew;
                l = lNew;
            }
            if (out != null) {
                out[0] = l;
                out[1] = b;
            }
            return sse;
        }
    }

    /** Fits the structure and returns the fitted model. Requires {@code y.length >= 2 * m} when seasonal. */
    static Fitted fit(double[] y, int m, boolean trend, Season season, double phiLo, double phiHi,
                      String description) {
        Spec spec = new Spec(y, m, trend, season, phiLo, phiHi);
        int d = spec.dims();
        double[] best = d == 1 ? new double[] {minimiseOne(spec)} : minimise(spec, d);
        double[] p = spec.params(best);
        double[] state = new double[2 + spec.m];
        double sse = spec.run(p, state);
        if (!Double.isFinite(sse)) {
            // Degenerate start (e.g. multiplicative with a zero level): keep a simple, safe model.
            return Fitted.naive(y, description + " -> naive");
        }
        int params = d + (trend ? 1 : 0) + 1;
        int dof = Math.max(1, y.length - params);
        return new EtsModel(description, spec, p, state, Math.sqrt(sse / dof));
    }

    private static double minimiseOne(Spec spec) {
        double[] unit = new double[1];
        double[] p = new double[4];
        UnivariateFunction f = u -> {
            unit[0] = u;
            double v = spec.run(spec.params(unit, p), null);
            return Double.isFinite(v) ? v : Double.MAX_VALUE;
        };
        try {
            return new BrentOptimizer(1e-6, 1e-9)
                    .optimize(new MaxEval(MAX_EVAL), new UnivariateObjectiveFunction(f), GoalType.MINIMIZE,
                            new SearchInterval(0, 1, 0.3))
                    .getPoint();
        } catch (RuntimeException e) {
            return 0.3;
        }
    }

    private static double[] minimise(Spec spec, int d) {
        double[] start = new double[d];
        java.util.Arrays.fill(start, 0.2);
        if (spec.trend) {
            start[2] = 0.9; // damping near its upper bound
        }
        double[][] best = {start.clone()};
        double[] bestValue = {spec.run(spec.params(start), null)};
        double[] p = new double[4];
        MultivariateFunction f = u -> {
            double v = spec.run(spec.params(u, p), null);
            if (!Double.isFinite(v)) {
                return Double.MAX_VALUE;
            }
            if (v < bestValue[0]) {
                bestValue[0] = v;
                best[0] = u.clone();
            }
            return v;
        };
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(hi, 1);
        try {
            new BOBYQAOptimizer(2 * d + 1, RHO_BEGIN, RHO_END).optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(f),
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi));
        } catch (RuntimeException e) {
            // Too many evaluations or a numerical failure: the best point seen so far is kept.
        }
        return best[0];
    }

    /** A fitted exponential smoothing model; forecasting costs O(h). */
    static final class EtsModel extends Fitted {
        private final int m;
        private final Season season;
        private final boolean trend;
        private final double alpha;
        private final double beta;
        private final double gamma;
        private final double phi;
        private final double level;
        private final double slope;
        private final double[] seasons;
        private final double sigma;

        EtsModel(String description, Spec spec, double[] p, double[] state, double sigma) {
            super(description, spec.m, spec.y.length);
            this.m = spec.m;
            this.season = spec.season;
            this.trend = spec.trend;
            this.alpha = p[0];
            this.beta = p[1];
            this.gamma = p[2];
            this.phi = p[3];
            this.level = state[0];
            this.slope = state[1];
            this.seasons = java.util.Arrays.copyOfRange(state, 2, 2 + m);
            this.sigma = sigma;
        }

        double alpha() {
            return alpha;
        }

        double level() {
            return level;
        }

        double sigma() {
            return sigma;
        }

        @Override
        void fill(int h, double[] mean, double[] sd) {
            double phiPow = 1;
            double phiSum = 0;
            double var = 0;
            for (int k = 0; k < h; k++) {
                phiPow *= phi;
                phiSum += phiPow;
                double base = level + (trend ? phiSum * slope : 0);
                double s = season == Season.NONE ? 0 : seasons[k % m];
                boolean mul = season == Season.MULTIPLICATIVE;
                mean[k] = mul ? base * s : base + s;
                // var_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha (1 + beta sum_{i<=j} phi^i) + gamma [m | j]
                if (k > 0) {
                    double prevPhiSum = phiSum - phiPow;
                    double c = alpha * (1 + (trend ? beta * prevPhiSum : 0))
                            + (season != Season.NONE && k % m == 0 ? gamma * (1 - alpha) : 0);
                    var += c * c;
                }
                sd[k] = sigma * Math.sqrt(1 + var) * (mul ? Math.abs(s) : 1);
            }
        }
    }
}
