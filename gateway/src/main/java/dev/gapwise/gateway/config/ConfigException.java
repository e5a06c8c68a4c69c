package dev.gapwise.gateway.config;

/** A configuration value that cannot be used; the message names the key, the value and the fix. */
public final class ConfigException extends RuntimeException {
    /**
     * @param key     the dotted key path, e.g. {@code providers.openai.base_url}
     * @param problem what is wrong and how to fix it
     */
    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
