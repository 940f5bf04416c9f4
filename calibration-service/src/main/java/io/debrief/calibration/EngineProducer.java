package io.debrief.calibration;

import io.debrief.calibration.domain.CalibrationEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The engine with the configured bars. */
public class EngineProducer {

    @Produces
    @Singleton
    CalibrationEngine engine(BarsConfig config) {
        return new CalibrationEngine(config.toBars());
    }
}
