package org.yaqaza.prevention.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/**
 * A person in a programme, known everywhere by a pseudonymous code. The identity columns hold AES-GCM ciphertexts
 * (see IdentityCipher) and are emptied by anonymisation.
 */
@Entity
@Table(name = "participant")
public class Participant extends ProtectedRecord {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "full_name_ar")
    public byte[] fullNameAr;

    @Column(name = "full_name_latin")
    public byte[] fullNameLatin;

    @Column(name = "national_id")
    public byte[] nationalId;

    @Column(name = "birth_date")
    public byte[] birthDate;

    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    /** Associated data for one identity field: binds the ciphertext to this participant and field. */
    public String context(String field) {
        return "participant:" + id + ":" + field;
    }
}
