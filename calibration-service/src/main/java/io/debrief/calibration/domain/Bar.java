package io.debrief.calibration.domain;

import java.util.Objects;

/**
 * The hiring bar of one level: minimum average, minimum per area and, when not null, the minimum number of areas whose
 * score is exactly 5.
 */
public record Bar(Fraction average, Fraction areaMinimum, Integer expertAreas) {

    public Bar {
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(areaMinimum, "areaMinimum");
        if (expertAreas != null && expertAreas <= 0) {
            expertAreas = null; // 0 means "no such rule"
        }
    }

    public boolean hasExpertAreas() {
        return expertAreas != null;
    }
}
