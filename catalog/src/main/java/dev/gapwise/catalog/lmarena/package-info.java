/**
 * Readers for LMArena (Chatbot Arena) tables: the rating history by model key, the displayed leaderboard
 * snapshots, the 2023 displayed-Elo tables, the model metadata, and the hand-made organisation → country
 * map. Arena data becomes {@link dev.gapwise.catalog.Leaderboard} snapshots: ratings are relative to one
 * snapshot and are compared only within it.
 */
package dev.gapwise.catalog.lmarena;
