/** Servers, their environments and roles, and fleets of them. Start with {@link io.openmanager.vibe.core.Fleet}. */
package io.openmanager.vibe.core;
