package io.openmanager.vibe.flink.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.DetectorSnapshot;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Flink's serializer for a live detector held in keyed state. Its stored form is the detector's
 * {@link DetectorSnapshot} record as the library's JSON (a length-prefixed UTF-8 document with a {@code "type"} tag):
 *
 * <ul>
 *   <li>The snapshot records are the library's documented, tested way to persist a detector and to continue it
 *       bit-identically; their JSON is type-tagged and polymorphic, which Flink's own type system cannot express
 *       for an interface-typed value (it would fall back to Kryo, whose bytes are neither stable nor readable).</li>
 *   <li>With the heap state backend (the default) the JSON is written only when a checkpoint is taken and read only
 *       on restore: between checkpoints the operator updates the live detector in place, allocation-free. With
 *       RocksDB every access (de)serialises, which costs a JSON round trip per value.</li>
 * </ul>
 *
 * {@link #copy(AnomalyDetector)} is {@code snapshot().restore()}, which the heap backend uses for copy-on-write while
 * an asynchronous checkpoint is running.
 */
public final class DetectorStateSerializer extends TypeSerializer<AnomalyDetector> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The one instance (the serializer is stateless). */
    public static final DetectorStateSerializer INSTANCE = new DetectorStateSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<AnomalyDetector> duplicate() {
        return this;
    }

    @Override
    public AnomalyDetector createInstance() {
        return null;
    }

    @Override
    public AnomalyDetector copy(AnomalyDetector from) {
        return from == null ? null : from.snapshot().restore();
    }

    @Override
    public AnomalyDetector copy(AnomalyDetector from, AnomalyDetector reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AnomalyDetector record, DataOutputView target) throws IOException {
        byte[] json = JSON.writeValueAsBytes(record.snapshot());
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public AnomalyDetector deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        byte[] json = new byte[length];
        source.readFully(json);
        return JSON.readValue(json, DetectorSnapshot.class).restore();
    }

    @Override
    public AnomalyDetector deserialize(AnomalyDetector reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        byte[] json = new byte[length];
        source.readFully(json);
        // Through an array: write(DataInputView, int) does not grow a DataOutputSerializer's buffer.
        target.writeInt(length);
        target.write(json);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof DetectorStateSerializer;
    }

    @Override
    public int hashCode() {
        return DetectorStateSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<AnomalyDetector> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's configuration snapshot: there is none beyond its class (version 1). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnomalyDetector> {
        /** Used by Flink when restoring. */
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
