package io.debrief.calibration.store;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest version of one interviewer's scorecard in one loop. */
@Entity
@Table(name = "scorecard")
public class ScorecardEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "loop_id")
    public String loopId;
    @Column(name = "interviewer_id")
    public String interviewerId;
    public int version;
    @Column(name = "scorecard_id")
    public String scorecardId;
    public String stage;
    /** JSON {AREA: int} */
    public String scores;
    /** JSON [flag] */
    @Column(name = "red_flags")
    public String redFlags;
    public String recommendation;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Length-prefixed, so that no two (loopId, interviewerId) pairs share an id whatever characters they hold. */
    public static String idOf(String loopId, String interviewerId) {
        return loopId.length() + ":" + loopId + "/" + interviewerId;
    }
}
