package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helper: runs the default engine (seed 42) through an exporter into a string, keeping copies of the frames. */
final class Export {
    static final SimulationEngine ENGINE = SimulationEngine.builder().build();

    final String text;
    final List<FleetFrame> frames;

    private Export(String text, List<FleetFrame> frames) {
        this.text = text;
        this.frames = frames;
    }

    static Export run(ExportFormat format, NamingConvention naming, long fromTick, long toTick) {
        return run(format, naming, fromTick, toTick, 1);
    }

    static Export run(ExportFormat format, NamingConvention naming, long fromTick, long toTick, int threads) {
        StringWriter out = new StringWriter();
        List<FleetFrame> frames = new ArrayList<>();
        try (Exporter exporter = Exporters.of(format, out, naming)) {
            ENGINE.batch().ticks(fromTick, toTick).threads(threads).framesOnly().listener(event -> {
                exporter.onEvent(event);
                frames.add(((FrameEvent) event).frame().copy());
            }).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(out.toString(), frames);
    }

    List<String> lines() {
        return text.lines().toList();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
