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
        }

        int dims() {
            return 1 + (trend ? 2 : 0) + (season == Season.NONE ? 0 : 1);
        }

        /** Maps a point of the unit cube to (alpha, beta, gamma, phi). */
        double[] params(double[] u) {
            double alpha = LO + (HI - LO) * u[0];
            int i = 1;
            double beta = 0;
            double phi = 1;
            if (trend) {
                beta = LO + (HI - LO) * u[i++];
                phi = phiLo + (phiHi - phiLo) * u[i++];
            }
            double gamma = season == Season.NONE ? 0 : LO + (HI - LO) * u[i];
            return new double[] {alpha, beta, gamma, phi};
        }

        /**
         * Runs the recursions; returns the SSE, and when {@code out} is non-null stores level, trend, the m seasonal
         * states (rotated so out[2 + j] is the state for step n + j + 1's season) and the one-step residual count.
         */
        double run(double[] p, double[] out) {
            double alpha = p[0];
            double beta = p[1];
            double gamma = p[2];
            double phi = p[3];
            double[] s = s0.clone();
            double l = l0;
            double b = b0;
            double sse = 0;
            int n = y.length;
            boolean mul = season == Season.MULTIPLICATIVE;
            int j = -1;
            for (int t = 0; t < n; t++) {
                double lb = l + phi * b;
                j = j + 1 == m ? 0 : j + 1;
                double st = season == Season.NONE ? (mul ? 1 : 0) : s[j];
                double yhat = mul ? lb * st : lb + st;
                double e = y[t] - yhat;
                sse += e * e;
                double lNew = mul ? alpha * (y[t] / st) + (1 - alpha) * lb : alpha * (y[t] - st) + (1 - alpha) * lb;
                if (trend) {
                    b = beta * (lNew - l) + (1 - beta) * phi * b;
                }
                if (season == Season.ADDITIVE) {
                    s[j] = gamma * (y[t] - lNew) + (1 - gamma) * st;
                } else if (mul) {
                    s[j] = gamma * (y[t] / lNew) + (1 - gamma) * st;
                    if (!(s[j] > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                l = lNew;
                if (!Double.isFinite(sse)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            if (out != null) {
                out[0] = l;
                out[1] = b;
                for (int k = 0; k < m; k++) {
                    out[2 + k] = s[(n + k) % m];
                }
            }
            return sse;
        }
    }

    /** Fits the structure and returns the fitted model. Requires {@code y.length >= 2 * m} when seasonal. */
    static Fitted fit(double[] y, int m, boolean trend, Season season, double phiLo, double phiHi,
                      String description) {
        Spec spec = new Spec(y, m, trend, season, phiLo, phiHi);
        int d = spec.dims();
        double[] best;
        if (d == 1) {
            best = new double[] {minimiseOne(spec)};
        } else {
            best = minimise(spec, d);
        }
        double[] p = spec.params(best);
        double[] state = new double[2 + spec.m];
        double sse = spec.run(p, state);
        if (!Double.isFinite(sse)) {
            // Degenerate start (e.g. multiplicative with a zero level): keep a simple, safe model.
            return Fitted.naive(y, description + " -> naive");
        }
        int params = d + (trend ? 1 : 0) + 1;
        int dof = Math.max(1, y.length - params);
        double sigma = Math.sqrt(sse / dof);
        return new EtsModel(description, spec.m, y.length, spec.season, trend, p, state, sigma);
    }

    /**
     * The same structure and smoothing parameters as {@code model}, run on another series (initial states
     * recomputed): for holdout folds, where re-optimising on nearly the same data changes little and costs most.
     * Requires {@code y.length >= 2 * model.period()} when seasonal.
     */
    static Fitted rerun(double[] y, EtsModel model) {
        Spec spec = new Spec(y, model.m, model.trend, model.season, 1, 1);
        double[] p = {model.alpha, model.beta, model.gamma, model.phi};
        double[] state = new double[2 + spec.m];
        double sse = spec.run(p, state);
        if (!Double.isFinite(sse)) {
            return Fitted.naive(y, model.description() + " -> naive");
        }
        int dof = Math.max(1, y.length - (spec.dims() + (model.trend ? 1 : 0) + 1));
        return new EtsModel(model.description(), spec.m, y.length, spec.season, model.trend, p, state,
                Math.sqrt(sse / dof));
    }

    private static double minimiseOne(Spec spec) {
        UnivariateFunction f = u -> {
            double v = spec.run(spec.params(new double[] {u}), null);
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
        MultivariateFunction f = u -> {
            double v = spec.run(spec.params(u), null);
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
            new BOBYQAOptimizer(2 * d + 1, 0.2, 1e-4).optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(f),
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

        EtsModel(String description, int m, int n, Season season, boolean trend, double[] p, double[] state,
                 double sigma) {
            super(description, m, n);
            this.m = m;
            this.season = season;
            this.trend = trend;
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
