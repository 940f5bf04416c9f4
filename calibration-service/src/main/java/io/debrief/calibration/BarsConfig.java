package io.debrief.calibration;

import java.math.BigDecimal;
import java.util.Map;

import io.debrief.calibration.domain.Bar;
import io.debrief.calibration.domain.Bars;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.Level;
import io.smallrye.config.ConfigMapping;

/**
 * The hiring bar per level ({@code debrief.bars.<level>.*}). The defaults are the handbook's, written once in
 * application.properties (each level has its own, so they cannot live on this shared interface).
 */
@ConfigMapping(prefix = "debrief.bars")
public interface BarsConfig {

    LevelBar junior();

    LevelBar mid();

    LevelBar senior();

    interface LevelBar {
        BigDecimal average();

        BigDecimal areaMinimum();

        /** Areas that must score exactly 5; 0 = no such rule for the level. */
        int expertAreas();

        default Bar toBar() {
            return new Bar(Fraction.of(average()), Fraction.of(areaMinimum()), expertAreas() > 0 ? expertAreas() : null);
        }
    }

    default Bars toBars() {
        return new Bars(Map.of(Level.JUNIOR, junior().toBar(), Level.MID, mid().toBar(), Level.SENIOR, senior().toBar()));
    }

}
