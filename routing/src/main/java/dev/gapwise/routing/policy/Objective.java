package dev.gapwise.routing.policy;

import dev.gapwise.routing.quality.Knob;

/** How a tier orders its eligible deployments; the first is called, the rest are fallbacks. */
public sealed interface Objective {
    /** Cheapest estimated cost first. */
    record Cheapest() implements Objective {
    }

    /** Smallest lag behind the frontier first (best quality), cost breaking ties; combine with a price cap. */
    record BestQuality() implements Objective {
    }

    /**
     * The learned quality router decides per request: the cheapest eligible deployment when it is likely good
     * enough, else the best-quality one. High complexity always gets the best-quality one.
     */
    record QualityRouter(Knob knob) implements Objective {
    }

    /** e.g. "cheapest eligible". */
    default String describe() {
        return switch (this) {
            case Cheapest c -> "cheapest eligible";
            case BestQuality b -> "best quality eligible";
            case QualityRouter q -> "quality router (" + q.knob().describe() + ")";
        };
    }
}
