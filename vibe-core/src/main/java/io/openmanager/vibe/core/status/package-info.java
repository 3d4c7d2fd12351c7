/** Statuses, thresholds with hysteresis, status policies and health scores. */
package io.openmanager.vibe.core.status;
