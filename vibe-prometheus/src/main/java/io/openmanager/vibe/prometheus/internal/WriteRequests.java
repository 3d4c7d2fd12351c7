package io.openmanager.vibe.prometheus.internal;

import io.openmanager.vibe.prometheus.internal.prompb.Remote;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes batches of samples as remote-write request bodies: a protobuf {@code WriteRequest} with one
 * {@code TimeSeries} per series in the batch (its samples in the batch's order, which is time order), compressed with
 * Snappy's block format, as the protocol wants them.
 */
public final class WriteRequests {
    private final List<List<Remote.Label>> labelsBySeries = new ArrayList<>();

    /**
     * Registers a series and returns its index.
     *
     * @param labels label names to values, {@code __name__} among them; written sorted by name, as the protocol asks
     */
    public int addSeries(Map<String, String> labels) {
        List<Remote.Label> sorted = new ArrayList<>();
        new TreeMap<>(labels).forEach((name, value) ->
                sorted.add(Remote.Label.newBuilder().setName(name).setValue(value).build()));
        labelsBySeries.add(List.copyOf(sorted));
        return labelsBySeries.size() - 1;
    }

    /** Number of series registered. */
    public int seriesCount() {
        return labelsBySeries.size();
    }

    /** The uncompressed protobuf {@code WriteRequest} of a batch. */
    public byte[] protobuf(SampleBuffer.Batch batch) {
        Map<Integer, Remote.TimeSeries.Builder> bySeries = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            int series = batch.series(i);
            Remote.TimeSeries.Builder timeSeries = bySeries.get(series);
            if (timeSeries == null) {
                timeSeries = Remote.TimeSeries.newBuilder().addAllLabels(labelsBySeries.get(series));
                bySeries.put(series, timeSeries);
            }
            timeSeries.addSamples(Remote.Sample.newBuilder().setValue(batch.value(i))
                    .setTimestamp(batch.timestampMillis(i)));
        }
        Remote.WriteRequest.Builder request = Remote.WriteRequest.newBuilder();
        bySeries.values().forEach(request::addTimeseries);
        return request.build().toByteArray();
    }

    /** The request body of a batch: its {@link #protobuf} compressed with Snappy's block format. */
    public byte[] body(SampleBuffer.Batch batch) {
        try {
            return Snappy.compress(protobuf(batch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a remote-write request with Snappy: " + e.getMessage(), e);
        }
    }
}
