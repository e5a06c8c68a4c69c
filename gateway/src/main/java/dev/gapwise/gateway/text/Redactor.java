package dev.gapwise.gateway.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from outside (an upstream's error message) before it reaches a client or
 * a log: every configured secret value (and its URL-encoded form) wherever it appears, and anything shaped like a
 * credential — {@code Bearer} tokens, {@code sk-…} keys, {@code key=…}/{@code x-api-key: …} pairs, JWTs, long hex or
 * base64 runs. Each is replaced by {@value #MARK}. Immutable and thread-safe.
 */
public final class Redactor {
    /** What a removed credential is replaced with. */
    public static final String MARK = "[REDACTED]";

    private static final List<Pattern> SHAPES = List.of(
            // "Bearer abc…", "Basic abc…" (a header echoed back)
            Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=*-]{6,}"),
            // name=value and name: value pairs whose name says it is a secret
            Pattern.compile("(?i)\\b([a-z0-9_-]*(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret|password|passwd"
                    + "|credential|authorization|token|key))(\\s*[=:]\\s*|\"\\s*:\\s*\")[\"']?[^\\s\"'&,;)}]{4,}"),
            // provider key shapes: sk-…, sk-ant-…, sk-proj-…, gw-… (gapwise keys), AWS and Google keys
            Pattern.compile("\\b(?:sk|rk|pk|gw)-[A-Za-z0-9_*-]{6,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"),
            // JWTs
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*"),
            // long hex or base64 runs: secrets, hashes and tokens more often than anything a person needs to read
            Pattern.compile("\\b[A-Fa-f0-9]{32,}\\b"),
            Pattern.compile("[A-Za-z0-9+/_]{40,}={0,2}"));

    private final List<String> secrets;

    /** @param secrets the configured secret values (provider keys, the admin key); blank values are ignored */
    public Redactor(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                forms.add(secret.strip());
                forms.add(URLEncoder.encode(secret.strip(), StandardCharsets.UTF_8));
            }
        }
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(ordered);
    }

    /** A redactor that knows no configured secret (shapes only). */
    public static Redactor shapesOnly() {
        return new Redactor(List.of());
    }

    /** The text with every secret and credential-shaped run replaced; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MARK);
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(out);
            if (matcher.find()) {
                out = matcher.replaceAll(match -> match.groupCount() >= 2 && match.group(2) != null
                        ? Matcher.quoteReplacement(match.group(1) + match.group(2) + MARK)
                        : Matcher.quoteReplacement(keepScheme(match) + MARK));
            }
        }
        return out;
    }

    private static String keepScheme(java.util.regex.MatchResult match) {
        return match.groupCount() >= 1 && match.group(1) != null ? match.group(1) + " " : "";
    }
}
