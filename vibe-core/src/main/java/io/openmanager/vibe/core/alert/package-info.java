/** Alerts, severities and log events. */
package io.openmanager.vibe.core.alert;
