/** The scenario model: triggers, selectors, actions, steps, and the built-in cascades. */
package io.openmanager.vibe.sim.scenario;
