package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverloadTest {

    @Test
    void aStepThatTookWhatItWasOfferedIsNotTheLevel() {
        assertThat(Overload.levelledOff(0, 25, 24.97)).isFalse();
        assertThat(Overload.levelledOff(40, 100, 95)).isFalse();
    }

    @Test
    void aSaturatedStepThatStillGainedOnTheBestGoesOnClimbing() {
        // the quiet run at 68b7700: its 50/s step took 40/s, while the service later took 80/s
        assertThat(Overload.levelledOff(24.97, 50, 40.47)).isFalse();
        assertThat(Overload.levelledOff(40.47, 100, 75)).isFalse();
    }

    @Test
    void aSaturatedStepThatGainedLittleOrLostIsTheLevel() {
        assertThat(Overload.levelledOff(75, 200, 80)).isTrue();
        assertThat(Overload.levelledOff(75, 200, 60)).isTrue();
        assertThat(Overload.levelledOff(80, 200, 88)).isTrue();
        assertThat(Overload.levelledOff(80, 200, 88.1)).isFalse();
    }
}
