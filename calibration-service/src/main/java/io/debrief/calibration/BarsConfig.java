package io.debrief.calibration;

import java.math.BigDecimal;
import java.util.Map;

import io.debrief.calibration.domain.Bar;
import io.debrief.calibration.domain.Bars;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.Level;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hiring bar per level ({@code debrief.bars.<level>.*}); the defaults are the handbook's. */
@ConfigMapping(prefix = "debrief.bars")
public interface BarsConfig {

    LevelBar junior();

    LevelBar mid();

    LevelBar senior();

    interface LevelBar {
        BigDecimal average();

        @WithDefault("0")
        BigDecimal areaMinimum();

        /** Areas that must score exactly 5; 0 = no such rule for the level. */
        @WithDefault("0")
        int expertAreas();

        default Bar toBar() {
            return new Bar(Fraction.of(average()), Fraction.of(areaMinimum()), expertAreas() > 0 ? expertAreas() : null);
        }
    }

    default Bars toBars() {
        return new Bars(Map.of(Level.JUNIOR, junior().toBar(), Level.MID, mid().toBar(), Level.SENIOR, senior().toBar()));
    }

}
