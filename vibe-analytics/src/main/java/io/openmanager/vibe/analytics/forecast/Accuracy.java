package io.openmanager.vibe.analytics.forecast;

/**
 * The accuracy of one forecaster over a backtest.
 *
 * @param method    the forecaster's method name (e.g. {@code auto})
 * @param forecasts the number of forecasts scored (series times origins)
 * @param smape     mean symmetric MAPE in per cent (0 .. 200), averaged per forecast
 * @param mase      mean absolute scaled error, each forecast's MAE divided by the in-sample mean absolute seasonal
 *                  difference of its training data; forecasts whose scale is 0 (a constant history) are left out
 * @param owa       overall weighted average relative to the reference: {@code (smape / smape_ref + mase / mase_ref) / 2};
 *                  NaN when there was no reference
 * @param coverage80 the share of actual values inside the 80 % prediction intervals (calibrated: about 0.8)
 * @param coverage95 the share of actual values inside the 95 % prediction intervals (calibrated: about 0.95)
 */
public record Accuracy(String method, int forecasts, double smape, double mase, double owa, double coverage80,
                       double coverage95) {

    /** This accuracy with its OWA relative to {@code reference}. */
    public Accuracy relativeTo(Accuracy reference) {
        double o = 0.5 * (smape / reference.smape + mase / reference.mase);
        return new Accuracy(method, forecasts, smape, mase, o, coverage80, coverage95);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-8s sMAPE %7.3f  MASE %7.3f  OWA %6.3f  cover80 %.2f  cover95 %.2f"
                + "  (%d forecasts)", method, smape, mase, owa, coverage80, coverage95, forecasts);
    }
}
