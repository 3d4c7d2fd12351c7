package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any frame and any series that the jqwik provider generates: every value in its metric's range, none missing. */
class GeneratedValueRangeProperties {

    @Property(tries = 40)
    void generatedFramesStayInRange(@ForAll FleetFrame frame) {
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            for (int m = 0; m < frame.metrics().size(); m++) {
                Metric metric = frame.metrics().get(m);
                assertThat(frame.value(s, m)).as("%s of %s", metric.name(), frame.fleet().get(s).hostname())
                        .matches(metric::isValid);
            }
        }
    }

    @Property(tries = 40)
    void generatedSeriesStayInRange(@ForAll MetricSeries series) {
        Metric metric = MetricSet.standard().get(MetricSet.standard().require(series.metric()));
        for (int i = 0; i < series.size(); i++) {
            assertThat(series.value(i)).as("%s at %s", series, series.timestamp(i)).matches(metric::isValid);
        }
    }
}
