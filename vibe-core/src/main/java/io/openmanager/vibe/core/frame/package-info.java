/** Columnar frames: every metric of a range of servers at one instant, in primitive arrays. */
package io.openmanager.vibe.core.frame;
