package io.openmanager.vibe.analytics.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A NAB application profile: how much a detected window earns and what a false positive and a missed window cost.
 * NAB's weight names are kept: {@code tpWeight}, {@code fpWeight}, {@code fnWeight} (its {@code tnWeight} is never
 * used by the scoring and is not kept).
 *
 * <p>The three NAB profiles are built in ({@link #STANDARD}, {@link #REWARD_LOW_FP_RATE},
 * {@link #REWARD_LOW_FN_RATE}); {@link #load(Path)} reads NAB's {@code profiles.json} format.
 *
 * @param name     the profile's name, used in result tables (NAB's {@code S(t)_<name>} columns)
 * @param tpWeight what the earliest possible detection of a window earns; finite and {@code > 0}
 * @param fpWeight what a false positive costs at most; finite and {@code >= 0}
 * @param fnWeight what a missed window costs; finite and {@code >= 0}
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB's {@code standard} profile: (1, 0.11, 1). */
    public static final CostProfile STANDARD = new CostProfile("standard", 1.0, 0.11, 1.0);
    /** NAB's {@code reward_low_FP_rate} profile: (1, 0.22, 1). */
    public static final CostProfile REWARD_LOW_FP_RATE = new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** NAB's {@code reward_low_FN_rate} profile: (1, 0.11, 2). */
    public static final CostProfile REWARD_LOW_FN_RATE = new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** Validates the fields; the message names the profile, the field and the value. */
    public CostProfile {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank: '" + name + "'");
        }
        if (!Double.isFinite(tpWeight) || tpWeight <= 0) {
            throw new IllegalArgumentException("tpWeight of profile '" + name + "' must be finite and > 0: "
                    + tpWeight);
        }
        if (!Double.isFinite(fpWeight) || fpWeight < 0) {
            throw new IllegalArgumentException("fpWeight of profile '" + name + "' must be finite and >= 0: "
                    + fpWeight);
        }
        if (!Double.isFinite(fnWeight) || fnWeight < 0) {
            throw new IllegalArgumentException("fnWeight of profile '" + name + "' must be finite and >= 0: "
                    + fnWeight);
        }
    }

    /** The three NAB profiles: standard, reward_low_FP_rate, reward_low_FN_rate. */
    public static List<CostProfile> builtIns() {
        return List.of(STANDARD, REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE);
    }

    /**
     * Reads profiles in NAB's {@code profiles.json} format, in file order:
     * <pre>{@code {"standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11, "tnWeight": 1.0}}}}</pre>
     *
     * @throws MalformedDataException if the file is not JSON of that shape or a weight is invalid
     * @throws IOException            if the file cannot be read
     */
    public static List<CostProfile> load(Path profilesJson) throws IOException {
        if (!Files.isRegularFile(profilesJson)) {
            throw new NoSuchFileException(profilesJson.toString(), null, "no such profiles file");
        }
        JsonNode root;
        try {
            // A repeated key would silently replace the first profile of that name.
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(profilesJson.toFile());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedDataException(profilesJson, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new MalformedDataException(profilesJson, 0,
                    "expected a JSON object of profiles: {\"name\": {\"CostMatrix\": {...}}}");
        }
        List<CostProfile> profiles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode matrix = entry.getValue().path("CostMatrix");
            try {
                profiles.add(new CostProfile(entry.getKey(),
                        weight(profilesJson, entry.getKey(), matrix, "tpWeight"),
                        weight(profilesJson, entry.getKey(), matrix, "fpWeight"),
                        weight(profilesJson, entry.getKey(), matrix, "fnWeight")));
            } catch (IllegalArgumentException e) {
                throw new MalformedDataException(profilesJson, 0, e.getMessage(), e);
            }
        }
        return List.copyOf(profiles);
    }

    private static double weight(Path file, String profile, JsonNode matrix, String field)
            throws MalformedDataException {
        JsonNode value = matrix.get(field);
        if (value == null || !value.isNumber()) {
            throw new MalformedDataException(file, 0, "profile '" + profile + "': CostMatrix." + field
                    + " must be a number, found " + (value == null ? "nothing" : value.toString()));
        }
        return value.doubleValue();
    }
}
