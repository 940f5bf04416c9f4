package io.debrief.calibration.domain;

/** One rule of the bar, evaluated exactly; {@code area} only for AREA_MINIMUM. */
public record Check(Rule rule, Area area, boolean passed, Fraction actual, Fraction required) {

    /** How far the actual value is below the required one (zero when passed). */
    public Fraction shortfall() {
        return passed ? Fraction.ZERO : required.minus(actual);
    }

    /** The part of the check that decides whether a decision changed. */
    String signature() {
        return rule + (area == null ? "" : "/" + area) + "=" + passed;
    }
}
