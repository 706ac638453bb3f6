package org.yaqaza.prevention.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Compares the configured identity keys with the check values stored in the database, so that a service given the
 * wrong key refuses to start with a clear message instead of failing on (or showing garbage for) every identity.
 * The first start with a new key id records its check value.
 */
public final class IdentityKeyCheck {

    private IdentityKeyCheck() {
    }

    public static void verify(DataSource dataSource, IdentityCipher cipher, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> problems = new ArrayList<>();
            List<String> storedIds = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select key_id, check_value from identity_key_check");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    storedIds.add(id);
                    if (cipher.keyIds().contains(id) && !cipher.matchesCheckValue(id, rs.getBytes(2))) {
                        problems.add("the key configured for key id '" + id
                                + "' is not the key that encrypted the stored identities");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select distinct substring(v from 3 for get_byte(v, 1)) from ("
                            + " select full_name_latin as v from participant where full_name_latin is not null"
                            + " union all select full_name_latin from referral where full_name_latin is not null) x");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                    if (!cipher.keyIds().contains(id)) {
                        problems.add("stored identities are encrypted under key id '" + id
                                + "', which is not configured (yaqaza.prevention.previous-identity-keys." + id + ")");
                    }
                }
            }
            if (!problems.isEmpty()) {
                c.rollback();
                throw new IllegalStateException("Refusing to start: " + String.join("; ", problems)
                        + ". Configure the original yaqaza.prevention.identity-key (or list it under "
                        + "yaqaza.prevention.previous-identity-keys) instead of a new one.");
            }
            for (String id : cipher.keyIds()) {
                if (!storedIds.contains(id)) {
                    try (PreparedStatement s = c.prepareStatement("insert into identity_key_check "
                            + "(key_id, check_value, created_at) values (?, ?, ?) on conflict (key_id) do nothing")) {
                        s.setString(1, id);
                        s.setBytes(2, cipher.checkValue(id));
                        s.setTimestamp(3, Timestamp.from(now));
                        s.executeUpdate();
                    }
                    // a concurrent first start may have recorded a different key under the same id
                    try (PreparedStatement s = c.prepareStatement(
                            "select check_value from identity_key_check where key_id = ?")) {
                        s.setString(1, id);
                        try (ResultSet rs = s.executeQuery()) {
                            if (!rs.next() || !cipher.matchesCheckValue(id, rs.getBytes(1))) {
                                c.rollback();
                                throw new IllegalStateException("Refusing to start: another instance recorded a "
                                        + "different identity key under key id '" + id + "'.");
                            }
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Refusing to start: could not check the identity key against the database",
                    e);
        }
    }
}
