package io.debrief.calibration.store;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A loop as known from its events, with its current calibration. */
@Entity
@Table(name = "loop")
public class LoopEntity extends PanacheEntityBase {

    @Id
    @Column(name = "loop_id")
    public String loopId;

    public boolean opened;
    public boolean cancelled;
    @Column(name = "candidate_id")
    public String candidateId;
    @Column(name = "candidate_name")
    public String candidateName;
    public String position;
    public String level;
    /** JSON [{interviewerId, stage}] */
    public String panel;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    public String status;
    public String outcome;
    @Column(name = "decision_version")
    public Integer decisionVersion;
    @Column(name = "decision_signature")
    public String decisionSignature;
    /** The current Calibration JSON, exactly as published. */
    public String calibration;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
