package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Role;

/**
 * The behaviour of a role, after OpenManager Vibe v5.11's profiles: base utilisation and how load swings, bursts and
 * wobbles, plus the traffic and latency figures the seed did not have.
 *
 * @param cpu            base CPU %
 * @param memory         base memory %
 * @param disk           base disk %
 * @param peak           peak multiplier: how strongly the daily cycle drives load
 * @param burst          probability of a burst in a 10-minute window
 * @param stability      0..1, higher means less noise
 * @param volatility     0..1, higher means more noise and larger bursts
 * @param trafficMbps    typical inbound traffic, MB/s
 * @param outRatio       outbound / inbound traffic
 * @param latencyMs      response time at idle, ms
 * @param cleanupHours   period of the disk clean-up sawtooth
 * @param diskGrowth     disk % added between two clean-ups
 */
record RoleProfile(double cpu, double memory, double disk, double peak, double burst, double stability,
                   double volatility, double trafficMbps, double outRatio, double latencyMs, double cleanupHours,
                   double diskGrowth) {

    static RoleProfile of(Role role) {
        switch (role) {
            case WEB:
                return new RoleProfile(35, 45, 25, 2.8, 0.15, 0.8, 0.6, 40, 3.0, 120, 24, 6);
            case DATABASE:
                return new RoleProfile(25, 70, 45, 1.8, 0.08, 0.9, 0.3, 15, 1.2, 15, 168, 10);
            case API:
            case GATEWAY:
                return new RoleProfile(30, 40, 20, 3.2, 0.20, 0.7, 0.8, role == Role.GATEWAY ? 60 : 25,
                        role == Role.GATEWAY ? 1.0 : 1.5, role == Role.GATEWAY ? 40 : 80, 24, 4);
            case WORKER:
                return new RoleProfile(20, 55, 30, 4.0, 0.25, 0.6, 0.9, 10, 0.8, 200, 24, 5);
            case CACHE:
                return new RoleProfile(15, 70, 10, 2.0, 0.12, 0.85, 0.4, 30, 1.1, 2, 168, 2);
            case STORAGE:
                return new RoleProfile(20, 30, 60, 1.5, 0.05, 0.95, 0.2, 50, 0.9, 30, 168, 12);
            case MONITORING:
                return new RoleProfile(40, 60, 50, 1.6, 0.06, 0.9, 0.3, 20, 0.5, 100, 24, 8);
            default:
                throw new IllegalArgumentException("no profile for role " + role);
        }
    }
}
