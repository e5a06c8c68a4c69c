package dev.gapwise.routing.lab.corpus;

/** What is at stake in a request, by the definition of docs/routing.md. */
public enum Stakes {
    /** Advice, a decision or an assessment whose error can harm a person's health, legal position or money. */
    HIGH,
    /** Work on text or data whose correctness the requester can see at a glance, and everyday chat. */
    ROUTINE,
    /** Not labelled: real prompts of mixed kinds (reported, never used as a target). */
    UNLABELLED
}
