package io.debrief.calibration.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The bar of every level. */
public record Bars(Map<Level, Bar> byLevel) {

    /** The handbook's "Hiring Bar". */
    public static final Bars HANDBOOK = new Bars(Map.of(
            Level.JUNIOR, new Bar(Fraction.parse("2.5"), Fraction.of(2), null),
            Level.MID, new Bar(Fraction.parse("3.5"), Fraction.of(3), null),
            Level.SENIOR, new Bar(Fraction.parse("4.0"), Fraction.of(3), 3)));

    public Bars {
        EnumMap<Level, Bar> copy = new EnumMap<>(Level.class);
        copy.putAll(byLevel);
        for (Level level : Level.values()) {
            Objects.requireNonNull(copy.get(level), () -> "no bar for " + level);
        }
        byLevel = Map.copyOf(copy);
    }

    public Bar of(Level level) {
        return byLevel.get(level);
    }
}
