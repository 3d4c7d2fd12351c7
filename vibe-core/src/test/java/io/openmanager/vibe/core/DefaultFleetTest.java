package io.openmanager.vibe.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link Fleet#defaultFleet()}: OpenManager Vibe's 20 servers, in its order. The order is part of the contract (server
 * indexes, and therefore simulated output, depend on it), so this test pins every position.
 */
class DefaultFleetTest {
    private final Fleet fleet = Fleet.defaultFleet();

    @Test
    void hasExactlyTheTwentyServersInOrderWithTheirEnvironmentsAndRoles() {
        assertThat(fleet.servers())
                .extracting(Server::hostname, Server::environment, Server::role)
                .containsExactly(
                        tuple("web-server-01", ONPREMISE, WEB),
                        tuple("db-primary-01", ONPREMISE, DATABASE),
                        tuple("storage-nfs-01", ONPREMISE, STORAGE),
                        tuple("monitor-sys-01", ONPREMISE, MONITORING),
                        tuple("k8s-worker-01", KUBERNETES, WORKER),
                        tuple("k8s-api-01", KUBERNETES, API),
                        tuple("k8s-ingress-01", KUBERNETES, GATEWAY),
                        tuple("aws-web-lb-01", AWS, GATEWAY),
                        tuple("aws-db-rds-01", AWS, DATABASE),
                        tuple("aws-cache-elasticache-01", AWS, CACHE),
                        tuple("gcp-compute-01", GCP, WEB),
                        tuple("azure-vm-01", AZURE, API),
                        tuple("idc-storage-01", IDC, STORAGE),
                        tuple("vdi-desktop-01", VDI, WORKER),
                        tuple("db-replica-01", ONPREMISE, DATABASE),
                        tuple("api-gateway-01", KUBERNETES, GATEWAY),
                        tuple("cache-redis-01", ONPREMISE, CACHE),
                        tuple("backup-server-01", IDC, STORAGE),
                        tuple("worker-queue-01", AWS, WORKER),
                        tuple("monitoring-elk-01", GCP, MONITORING));
        assertThat(fleet.size()).isEqualTo(20);
    }

    @Test
    void idsAreTheHostnamesAndThereAreNoLabels() {
        for (Server server : fleet.servers()) {
            assertThat(server.id()).isEqualTo(server.hostname());
            assertThat(server.labels()).isEmpty();
        }
    }

    @Test
    void isTheSameValueEveryCall() {
        assertThat(Fleet.defaultFleet()).isSameAs(fleet).isEqualTo(fleet);
    }

    @Test
    void findsServersByHostname() {
        assertThat(fleet.byHostname("db-primary-01")).hasValueSatisfying(db -> {
            assertThat(db.environment()).isEqualTo(ONPREMISE);
            assertThat(db.role()).isEqualTo(DATABASE);
        });
        assertThat(fleet.indexOfHostname("web-server-01")).isZero();
        assertThat(fleet.indexOfHostname("aws-cache-elasticache-01")).isEqualTo(9);
        assertThat(fleet.indexOfHostname("monitoring-elk-01")).isEqualTo(19);
        assertThat(fleet.indexOfId("cache-redis-01")).isEqualTo(16);
        assertThat(fleet.byHostname("web-server-02")).isEmpty();
        assertThat(fleet.indexOfHostname("WEB-SERVER-01")).as("hostnames are case-sensitive").isEqualTo(-1);
    }

    @Test
    void findsServersByRoleInFleetOrder() {
        assertThat(hostnames(fleet.byRole(DATABASE))).containsExactly("db-primary-01", "aws-db-rds-01",
                "db-replica-01");
        assertThat(hostnames(fleet.byRole(CACHE))).containsExactly("aws-cache-elasticache-01", "cache-redis-01");
        assertThat(hostnames(fleet.byRole(GATEWAY))).containsExactly("k8s-ingress-01", "aws-web-lb-01",
                "api-gateway-01");
        assertThat(hostnames(fleet.byRole(STORAGE))).containsExactly("storage-nfs-01", "idc-storage-01",
                "backup-server-01");
        assertThat(hostnames(fleet.byRole(WORKER))).containsExactly("k8s-worker-01", "vdi-desktop-01",
                "worker-queue-01");
        assertThat(hostnames(fleet.byRole(WEB))).containsExactly("web-server-01", "gcp-compute-01");
        assertThat(hostnames(fleet.byRole(API))).containsExactly("k8s-api-01", "azure-vm-01");
        assertThat(hostnames(fleet.byRole(MONITORING))).containsExactly("monitor-sys-01", "monitoring-elk-01");
    }

    @Test
    void findsServersByEnvironmentInFleetOrder() {
        assertThat(hostnames(fleet.byEnvironment(ONPREMISE))).containsExactly("web-server-01", "db-primary-01",
                "storage-nfs-01", "monitor-sys-01", "db-replica-01", "cache-redis-01");
        assertThat(hostnames(fleet.byEnvironment(KUBERNETES))).containsExactly("k8s-worker-01", "k8s-api-01",
                "k8s-ingress-01", "api-gateway-01");
        assertThat(hostnames(fleet.byEnvironment(AWS))).containsExactly("aws-web-lb-01", "aws-db-rds-01",
                "aws-cache-elasticache-01", "worker-queue-01");
        assertThat(hostnames(fleet.byEnvironment(GCP))).containsExactly("gcp-compute-01", "monitoring-elk-01");
        assertThat(hostnames(fleet.byEnvironment(AZURE))).containsExactly("azure-vm-01");
        assertThat(hostnames(fleet.byEnvironment(IDC))).containsExactly("idc-storage-01", "backup-server-01");
        assertThat(hostnames(fleet.byEnvironment(VDI))).containsExactly("vdi-desktop-01");
    }

    @Test
    void findsNoServerByLabelBecauseDefaultServersHaveNone() {
        assertThat(fleet.byLabel("zone", "a")).isEmpty();
    }

    @Test
    void countsServersByRole() {
        assertThat(fleet.countByRole()).isEqualTo(Map.of(
                WEB, 2, DATABASE, 3, API, 2, WORKER, 3, GATEWAY, 3, CACHE, 2, STORAGE, 3, MONITORING, 2));
    }

    private static List<String> hostnames(List<Server> servers) {
        return servers.stream().map(Server::hostname).toList();
    }
}
