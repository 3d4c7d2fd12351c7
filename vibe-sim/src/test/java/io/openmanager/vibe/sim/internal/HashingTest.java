package io.openmanager.vibe.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the counter-based randomness every simulated value comes from. They must never change: a change
 * here changes every simulated value of every seed.
 */
class HashingTest {

    @Test
    void mixIsSplitMix64sFinaliser() {
        // SplitMix64 from state 0: its first three outputs are mix(GOLDEN), mix(2 GOLDEN), mix(3 GOLDEN).
        assertThat(Hashing.mix(Hashing.GOLDEN)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Hashing.mix(2 * Hashing.GOLDEN)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(Hashing.mix(3 * Hashing.GOLDEN)).isEqualTo(0x06C45D188009454FL);
        assertThat(Hashing.mix(0)).isZero();
        assertThat(Hashing.mix(1)).isEqualTo(0x5692161D100B05E5L);
        assertThat(Hashing.mix(-1)).isEqualTo(0xB4D055FCF2CBBD7BL);
    }

    @Test
    void hashesOfCoordinates() {
        assertThat(Hashing.hash(42, 7)).isEqualTo(0xCCF635EE9E9E2FA4L);
        assertThat(Hashing.hash(42, 7, 9)).isEqualTo(0xA5ACAC58F6809C41L);
        assertThat(Hashing.unit(0xE220A8397B1DCDAFL)).isEqualTo(0.8833108082136426);
        assertThat(Hashing.signed(0xE220A8397B1DCDAFL)).isEqualTo(0.7666216164272852);
    }

    @Test
    void stringHashIsMixedFnv1a() {
        // FNV-1a 64 of "" is the offset basis; of "a" it is 0xAF63DC4C8601EC8C (the published test vectors).
        assertThat(Hashing.of("")).isEqualTo(Hashing.mix(0xCBF29CE484222325L)).isEqualTo(0xF52A15E9A9B5E89BL);
        assertThat(Hashing.of("a")).isEqualTo(Hashing.mix(0xAF63DC4C8601EC8CL));
        assertThat(Hashing.of("web-server-01")).isEqualTo(0xF3DAA564504B31BDL);
    }

    @Property(tries = 200)
    void unitIsInZeroToOneAndSignedInMinusOneToOne(@ForAll long hash) {
        assertThat(Hashing.unit(hash)).isGreaterThanOrEqualTo(0).isLessThan(1);
        assertThat(Hashing.signed(hash)).isGreaterThanOrEqualTo(-1).isLessThan(1);
    }
}
