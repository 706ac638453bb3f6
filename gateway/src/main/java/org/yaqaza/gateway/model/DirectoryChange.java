package org.yaqaza.gateway.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A directory change waiting for a second administrator (four-eyes): what was asked, by whom, why it needs a
 * second person, and how it was decided. The payload holds credentials only as hashes.
 */
@Entity
@Table(name = "directory_change")
public class DirectoryChange {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** What the change does once approved. */
    public enum Action {
        CREATE_USER, UPDATE_USER, SET_PASSWORD, CREATE_CLIENT, UPDATE_CLIENT, SET_SECRET, SET_KEYS
    }

    @Id
    public UUID id;

    /** {@code user} or {@code client}. */
    @Column(nullable = false)
    public String kind;

    /** The user or client the change is about. */
    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String action;

    /** {@link DirectoryChangePayload} as JSON. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "old_values")
    public String oldValues;

    @Column(name = "new_values", nullable = false)
    public String newValues;

    /** Why it needs a second administrator, separated by "; ". */
    @Column(nullable = false)
    public String reasons;

    /** The entry's version when an update was asked for: approving a change to a since-changed entry is refused. */
    @Column(name = "target_version")
    public Long targetVersion;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;

    public Action action() {
        return Action.valueOf(action);
    }
}
