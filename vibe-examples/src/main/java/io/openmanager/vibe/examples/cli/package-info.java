/**
 * The {@code vibe} command line: {@link io.openmanager.vibe.examples.cli.VibeCli} is the entry point, and each
 * subcommand ({@code fleet}, {@code simulate}, ...) is a class of its own registered there.
 *
 * <p>Exit codes: 0 success, 1 runtime error, 2 usage error (unknown option or command, bad value).
 */
package io.openmanager.vibe.examples.cli;
