package io.openmanager.vibe.core;

import java.util.Locale;

/** Where a server runs. The lower-case enum name is the name used in text formats ({@code env:aws}). */
public enum Environment {
    /** Company data centre, on-premise hardware. */
    ONPREMISE,
    /** A Kubernetes cluster node or workload. */
    KUBERNETES,
    /** Amazon Web Services. */
    AWS,
    /** Google Cloud Platform. */
    GCP,
    /** Microsoft Azure. */
    AZURE,
    /** A rented internet data centre (colocation). */
    IDC,
    /** Virtual desktop infrastructure. */
    VDI;

    /** The name used in text formats: the lower-case enum name. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an environment name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Environment parse(String name) {
        return Enums.parse(Environment.class, "environment", name);
    }
}
