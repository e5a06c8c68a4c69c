package dev.gapwise.gap;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A leader group and a follower group: the lag is how far the follower trails the leader.
 *
 * @param id       short name used on the command line, e.g. {@code open-vs-closed}
 * @param leader   the group ahead (closed, US, all models)
 * @param follower the group behind (open weights, China)
 */
public record Comparison(String id, Group leader, Group follower) {
    /** Open-weight models against closed ones (Epoch 2024, AI Index). */
    public static final Comparison OPEN_VS_CLOSED = new Comparison("open-vs-closed", Group.CLOSED, Group.OPEN);
    /** Chinese developers against US developers (AI Index). */
    public static final Comparison CHINA_VS_US = new Comparison("china-vs-us", Group.US, Group.CHINA);
    /** Open-weight models against the state of the art of all models (Epoch 2025–2026 insights). */
    public static final Comparison OPEN_VS_SOTA = new Comparison("open-vs-sota", Group.ALL, Group.OPEN);

    private static final List<Comparison> PRESETS = List.of(OPEN_VS_CLOSED, CHINA_VS_US, OPEN_VS_SOTA);

    public Comparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(follower, "follower");
    }

    /** The built-in comparisons. */
    public static List<Comparison> presets() {
        return PRESETS;
    }

    /** A built-in comparison by id, ignoring case. */
    public static Optional<Comparison> preset(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        return PRESETS.stream().filter(c -> c.id().equals(key)).findFirst();
    }

    /**
     * A comparison of two user-defined groups. Its id is derived from both names and a short hash of both
     * expressions, so two custom comparisons never share an id (nor the file names of their charts).
     */
    public static Comparison custom(Group leader, Group follower) {
        String slug = (slug(follower.label()) + "-vs-" + slug(leader.label()));
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        String hash = Integer.toHexString((leader.expression() + "\u0000" + follower.expression()).hashCode() & 0xffffff);
        return new Comparison("custom-" + slug + "-" + "0".repeat(6 - hash.length()) + hash, leader, follower);
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "group" : slug;
    }

    /** "open weights vs closed". */
    public String label() {
        return follower.label() + " vs " + leader.label();
    }
}
