/**
 * The learned quality router: per prompt, how likely the cheaper model is to answer as well as the strong one,
 * learned from per-prompt outcome data, with one knob (target share of the strong model's quality, or a maximum
 * share of strong calls) calibrated on validation data.
 */
package dev.gapwise.routing.quality;
