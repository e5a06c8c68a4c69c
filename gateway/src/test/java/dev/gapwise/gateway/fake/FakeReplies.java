package dev.gapwise.gateway.fake;

import java.util.List;

/** The fake upstream's answers to one request in one dialect: an error body, a complete answer, a stream. */
interface FakeReplies {
    /** The error body for the behaviour's status. */
    String error();

    /** The complete (non-streamed) answer. */
    String complete();

    /** The stream's events, in order. */
    List<FakeAnswers.Event> stream();

    /** An error event for a stream that fails mid-way. */
    String errorEvent();
}
