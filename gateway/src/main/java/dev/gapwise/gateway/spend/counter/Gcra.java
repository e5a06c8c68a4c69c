package dev.gapwise.gateway.spend.counter;

/**
 * The generic cell rate algorithm, the same arithmetic as {@code admit.lua}: a limit of {@code amount} per {@code
 * period} keeps one number, the theoretical arrival time (TAT). A request of {@code cost} units moves it to {@code
 * max(TAT, now) + cost × period / amount} and fits while that is at most {@code period} ahead of now — so the whole
 * amount may go at once and it refills one unit every {@code period / amount}. Pure.
 */
final class Gcra {
    /** Slack for floating-point error, in microseconds. */
    static final double EPSILON = 0.5;

    private Gcra() {
    }

    /** The TAT after taking {@code cost} units. */
    static double after(double tat, double now, Counters.LimitCharge limit, long cost) {
        return Math.max(tat, now) + cost * limit.emissionMicros();
    }

    /** Whether a TAT of {@code next} is within the limit. */
    static boolean fits(double next, double now, Counters.LimitCharge limit) {
        return next - now <= limit.periodMicros() + EPSILON;
    }

    /** Whether {@code cost} units could ever fit (an empty limit holds {@code amount}). */
    static boolean possible(Counters.LimitCharge limit, long cost) {
        return cost <= limit.amount();
    }

    /** Microseconds until a TAT of {@code next} fits. */
    static long wait(double next, double now, Counters.LimitCharge limit) {
        return (long) Math.ceil(next - limit.periodMicros() - now);
    }

    /** The level a TAT leaves: units that fit now, and time until the limit is full. */
    static Counters.LimitLevel level(double tat, double now, Counters.LimitCharge limit) {
        double ahead = Math.max(0, tat - now);
        long remaining = (long) Math.floor((limit.periodMicros() - ahead + EPSILON) / limit.emissionMicros());
        return new Counters.LimitLevel(Math.max(0, Math.min(limit.amount(), remaining)), (long) Math.ceil(ahead));
    }
}
