/**
 * The {@code gapwise} executable: one picocli command per capability, wired by hand in {@link
 * dev.gapwise.cli.Main}. Commands parse and validate their options, call the modules, and turn user errors
 * into one clear line on stderr and a non-zero exit code — never a stack trace.
 */
package dev.gapwise.cli;
