/**
 * The gateway's configuration: {@code gapwise.yaml} parsed into a tree, validated with messages that name the
 * bad key and the fix, then turned into immutable records that are passed through constructors. Secrets are
 * never in the file: a provider key is a reference to an environment variable ({@link
 * dev.gapwise.gateway.config.SecretRef}), redacted wherever it is printed.
 */
package dev.gapwise.gateway.config;
