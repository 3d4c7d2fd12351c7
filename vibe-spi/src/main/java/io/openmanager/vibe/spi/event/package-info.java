/** The sealed hierarchy of events that Vibe delivers to listeners. */
package io.openmanager.vibe.spi.event;
