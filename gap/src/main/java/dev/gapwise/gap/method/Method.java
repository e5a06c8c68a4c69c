package dev.gapwise.gap.method;

import java.util.Locale;
import java.util.Optional;

/** The lag methods, with the letters EVALUATION.md §1 gives them. */
public enum Method {
    DISCRETE_CATCH_UP("a", "catch-up", "discrete catch-up",
            "for each new leader record, the first follower record within the tolerance; lag = follower date - leader date"),
    FIXED_THRESHOLDS("b", "thresholds", "fixed thresholds",
            "for each score level, first date the follower frontier reached it - first date the leader's did"),
    HORIZONTAL_DISTANCE("c", "horizontal", "horizontal distance",
            "mean over the shared score range of t_follower(s - tol) - t_leader(s)"),
    BACKWARD_LAG("d", "backward", "day-by-day backward lag",
            "each day: days since the leader frontier was last no better than today's follower frontier (+ tol)"),
    REGRESSION("e", "regression", "regression lag",
            "lines of score on date per group; lag = (leader fit - follower fit at the last date) / leader slope"),
    THRESHOLD_GRID("f", "grid", "threshold grid over time",
            "per threshold the follower reached: its crossing date - the leader's, placed at the follower's crossing");

    private final String letter;
    private final String id;
    private final String title;
    private final String definition;

    Method(String letter, String id, String title, String definition) {
        this.letter = letter;
        this.id = id;
        this.title = title;
        this.definition = definition;
    }

    /** The letter in EVALUATION.md (a–f). */
    public String letter() {
        return letter;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** "(a) discrete catch-up". */
    public String title() {
        return "(" + letter + ") " + title;
    }

    /** One sentence on how it is computed. */
    public String definition() {
        return definition;
    }

    /** By command-line name or letter, ignoring case. */
    public static Optional<Method> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (Method method : values()) {
            if (method.id.equals(key) || method.letter.equals(key) || method.name().toLowerCase(Locale.ROOT).equals(key)
                    || method.title.equals(key)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
