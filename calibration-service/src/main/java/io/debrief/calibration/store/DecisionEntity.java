package io.debrief.calibration.store;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One decision version of a loop, with the event that made it. */
@Entity
@Table(name = "decision")
public class DecisionEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "loop_id")
    public String loopId;
    public int version;
    @Column(name = "trigger_event")
    public String triggerEvent;
    /** The Decision JSON, exactly as published. */
    public String decision;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static String idOf(String loopId, int version) {
        return loopId + ":" + version;
    }
}
