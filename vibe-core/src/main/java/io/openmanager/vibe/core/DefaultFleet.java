package io.openmanager.vibe.core;

import static io.openmanager.vibe.core.Environment.AWS;
import static io.openmanager.vibe.core.Environment.AZURE;
import static io.openmanager.vibe.core.Environment.GCP;
import static io.openmanager.vibe.core.Environment.IDC;
import static io.openmanager.vibe.core.Environment.KUBERNETES;
import static io.openmanager.vibe.core.Environment.ONPREMISE;
import static io.openmanager.vibe.core.Environment.VDI;
import static io.openmanager.vibe.core.Role.API;
import static io.openmanager.vibe.core.Role.CACHE;
import static io.openmanager.vibe.core.Role.DATABASE;
import static io.openmanager.vibe.core.Role.GATEWAY;
import static io.openmanager.vibe.core.Role.MONITORING;
import static io.openmanager.vibe.core.Role.STORAGE;
import static io.openmanager.vibe.core.Role.WEB;
import static io.openmanager.vibe.core.Role.WORKER;

/**
 * The 20 servers of OpenManager Vibe, in its order. The order is part of the contract: server indexes, and therefore
 * simulated output, depend on it.
 */
final class DefaultFleet {
    static final Fleet INSTANCE = Fleet.of(
            Server.of("web-server-01", ONPREMISE, WEB),
            Server.of("db-primary-01", ONPREMISE, DATABASE),
            Server.of("storage-nfs-01", ONPREMISE, STORAGE),
            Server.of("monitor-sys-01", ONPREMISE, MONITORING),
            Server.of("k8s-worker-01", KUBERNETES, WORKER),
            Server.of("k8s-api-01", KUBERNETES, API),
            Server.of("k8s-ingress-01", KUBERNETES, GATEWAY),
            Server.of("aws-web-lb-01", AWS, GATEWAY),
            Server.of("aws-db-rds-01", AWS, DATABASE),
            Server.of("aws-cache-elasticache-01", AWS, CACHE),
            Server.of("gcp-compute-01", GCP, WEB),
            Server.of("azure-vm-01", AZURE, API),
            Server.of("idc-storage-01", IDC, STORAGE),
            Server.of("vdi-desktop-01", VDI, WORKER),
            Server.of("db-replica-01", ONPREMISE, DATABASE),
            Server.of("api-gateway-01", KUBERNETES, GATEWAY),
            Server.of("cache-redis-01", ONPREMISE, CACHE),
            Server.of("backup-server-01", IDC, STORAGE),
            Server.of("worker-queue-01", AWS, WORKER),
            Server.of("monitoring-elk-01", GCP, MONITORING));

    private DefaultFleet() {
    }
}
