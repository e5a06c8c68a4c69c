package dev.gapwise.routing.classify;

/**
 * A sparse feature vector: {@code size} (index, value) pairs; an index may repeat (its values add up).
 * The arrays are owned by the vector; callers must not change them.
 */
public record SparseVector(int[] indices, float[] values, int size) {
}
