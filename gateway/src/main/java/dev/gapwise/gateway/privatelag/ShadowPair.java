package dev.gapwise.gateway.privatelag;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One scored shadow call read back: which deployment was the cheaper candidate and which the dearer reference,
 * whether the candidate was acceptable (a user's feedback on a served candidate overrides the score), and each
 * side's real cost (empty when unknown: an unpriced deployment, or a ledger row that is missing).
 *
 * @param requestId       the request
 * @param atMillis        when the shadow call ran
 * @param tier            the request's tier
 * @param task            its task label
 * @param share           the sampled share it stands for
 * @param candidate       the cheaper deployment
 * @param candidateModel  its model
 * @param reference       the dearer deployment
 * @param referenceModel  its model
 * @param acceptable      the verdict (feedback first)
 * @param basis           what decided it (a score basis, or {@code feedback})
 * @param candidateCost   nano-USD of the candidate's answer
 * @param referenceCost   nano-USD of the reference's answer
 * @param candidateServed whether the candidate is the deployment that answered the client
 * @param feedback        the user's score on the served answer, when given
 * @param judgeCost       nano-USD spent judging the pair
 */
public record ShadowPair(String requestId, long atMillis, String tier, String task, double share, String candidate,
                         String candidateModel, String reference, String referenceModel, boolean acceptable,
                         String basis, OptionalLong candidateCost, OptionalLong referenceCost, boolean candidateServed,
                         OptionalDouble feedback, long judgeCost) {
    public ShadowPair {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(candidateCost, "candidateCost");
        Objects.requireNonNull(referenceCost, "referenceCost");
        Objects.requireNonNull(feedback, "feedback");
    }

    /** The group this pair is counted in. */
    public Key key() {
        return new Key(task, tier, candidate, reference);
    }

    /** Pairs are grouped by task label, tier, candidate and reference. */
    public record Key(String task, String tier, String candidate, String reference) {
    }

    static Optional<Boolean> verdictFromFeedback(boolean candidateServed, OptionalDouble feedback) {
        return candidateServed && feedback.isPresent() ? Optional.of(feedback.getAsDouble() >= 0.5) : Optional.empty();
    }
}
