package io.openmanager.vibe.flink.internal;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorStateSerializerTest {
    private static final DetectorStateSerializer SERIALIZER = DetectorStateSerializer.INSTANCE;
    private static final long STEP = 5_000;

    static List<String> names() {
        return AnomalyDetectors.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void aDeserialisedDetectorContinuesExactlyLikeTheOriginal(String name) throws Exception {
        AnomalyDetector original = warmed(name, 600);
        DataOutputSerializer out = new DataOutputSerializer(1024);
        SERIALIZER.serialize(original, out);
        AnomalyDetector back = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.snapshot()).isEqualTo(original.snapshot());
        for (int i = 600; i < 900; i++) {
            assertThat(back.update(i * STEP, value(i))).as("value %d", i).isEqualTo(original.update(i * STEP, value(i)));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void aCopyIsIndependentOfItsOriginal(String name) {
        AnomalyDetector original = warmed(name, 600);
        AnomalyDetector copy = SERIALIZER.copy(original);
        AnomalyDetector twin = warmed(name, 600);
        for (int i = 600; i < 700; i++) {
            copy.update(i * STEP, value(i) * 3);
        }
        assertThat(original.snapshot()).isEqualTo(twin.snapshot()).isNotEqualTo(copy.snapshot());
    }

    @ParameterizedTest
    @MethodSource("names")
    void copyingSerialisedBytesKeepsThemWhole(String name) throws Exception {
        DataOutputSerializer first = new DataOutputSerializer(1024);
        SERIALIZER.serialize(warmed(name, 300), first);
        SERIALIZER.serialize(warmed(name, 400), first);
        DataOutputSerializer second = new DataOutputSerializer(1024);
        DataInputDeserializer in = new DataInputDeserializer(first.getCopyOfBuffer());
        SERIALIZER.copy(in, second);
        SERIALIZER.copy(in, second);
        assertThat(second.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }

    @org.junit.jupiter.api.Test
    void itsConfigurationSnapshotRestoresAnEqualSerializer() throws Exception {
        TypeSerializerSnapshot<AnomalyDetector> snapshot = SERIALIZER.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        snapshot.writeSnapshot(out);
        DetectorStateSerializer.Snapshot read = new DetectorStateSerializer.Snapshot();
        read.readSnapshot(snapshot.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(SERIALIZER);
        assertThat(SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
    }

    private static AnomalyDetector warmed(String name, int values) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        for (int i = 0; i < values; i++) {
            d.update(i * STEP, value(i));
        }
        return d;
    }

    private static double value(int i) {
        return 50 + 10 * Math.sin(i / 20.0) + (i % 7) + (i == 650 ? 40 : 0);
    }
}
