package io.openmanager.vibe.flink.internal;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serialises splits (version 1: seven fixed-width fields) and the enumerator's list of unassigned splits. */
public final class SplitSerializer implements SimpleVersionedSerializer<SimulationSplit> {
    /** The one instance. */
    public static final SplitSerializer INSTANCE = new SplitSerializer();
    private static final int VERSION = 1;

    private SplitSerializer() {
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SimulationSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public SimulationSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(SimulationSplit s, DataOutputStream out) throws IOException {
        out.writeInt(s.index());
        out.writeInt(s.serverFrom());
        out.writeInt(s.serverTo());
        out.writeLong(s.fromTick());
        out.writeLong(s.toTick());
        out.writeLong(s.nextTick());
        out.writeLong(s.anchorMillis());
    }

    static SimulationSplit read(DataInputStream in) throws IOException {
        return new SimulationSplit(in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
    }

    static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown serialisation version " + version + " (this code reads " + VERSION + ")");
        }
    }

    /** Serialises the enumerator's checkpoint: the splits not yet assigned to a reader. */
    public static final class PendingSplits implements SimpleVersionedSerializer<List<SimulationSplit>> {
        /** The one instance. */
        public static final PendingSplits INSTANCE = new PendingSplits();

        private PendingSplits() {
        }

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<SimulationSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + 48 * splits.size());
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (SimulationSplit s : splits) {
                    write(s, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<SimulationSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<SimulationSplit> result = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    result.add(read(in));
                }
                return result;
            }
        }
    }
}
