package dev.gapwise.routing.quality;

/**
 * The quality router's single knob, one of two forms: keep a target share of the strong model's quality, or cap
 * the share of requests sent to the strong model. Mapped to a score threshold by the validation calibration.
 */
public sealed interface Knob {
    /** Keep at least this share (0–1) of the strong model's quality, as measured on validation data. */
    record TargetQuality(double share) implements Knob {
        public TargetQuality {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("target quality must be in (0, 1], e.g. 0.95; got " + share);
            }
        }
    }

    /** Send at most this share (0–1) of requests to the strong model. */
    record MaxStrongShare(double share) implements Knob {
        public MaxStrongShare {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("max strong share must be in [0, 1], e.g. 0.3; got " + share);
            }
        }
    }

    /** e.g. "target quality 95 %". */
    default String describe() {
        return switch (this) {
            case TargetQuality q -> String.format("target quality %.0f %%", q.share() * 100);
            case MaxStrongShare s -> String.format("at most %.0f %% strong calls", s.share() * 100);
        };
    }
}
