package org.yaqaza.common.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One link of an audit hash chain. A database holds several chains that verify as one; {@code seq} is the global
 * insertion order, {@code chainSeq} the event's position in its {@code chain}. Rows are only ever inserted; the
 * database refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public long seq;

    /** Which of the database's chains the event extends (0 for every event written before there were several). */
    @Column(nullable = false)
    public short chain;

    /** Position in its chain, from 1, without gaps. */
    @Column(name = "chain_seq", nullable = false)
    public long chainSeq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String roles;

    public String agency;

    public String partner;

    @Column(nullable = false)
    public String action;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    public Short classification;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "client_address")
    public String clientAddress;

    public String detail;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
