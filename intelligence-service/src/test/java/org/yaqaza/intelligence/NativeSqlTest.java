package org.yaqaza.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.persistence.Sql;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The shared SQL helper against real PostgreSQL: only what PostgreSQL reads as code is a parameter. */
@QuarkusTest
class NativeSqlTest {

    @Inject
    Sql sql;

    @Test
    void literalsIdentifiersCommentsDollarBodiesCastsAndJsonbOperatorsReachPostgresqlIntact() {
        String arabic = "اجتماع: المدينة القديمة";
        List<String> row = QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select 'a:b' as literal, -- :c is a comment
                       :p::text as bound, /* :d is one too */ $tag$ :e $tag$ as dollar, 1 as "col:x",
                       '{"k":1}'::jsonb ? 'k' as has_key, E'it\\'s :f' as escaped""",
                Map.of("p", arabic), rs -> List.of(rs.getString("literal"), rs.getString("bound"),
                        rs.getString("dollar"), rs.getString("col:x"), rs.getString("has_key"),
                        rs.getString("escaped"))));
        assertEquals(List.of("a:b", arabic, " :e ", "1", "t", "it's :f"), row);
    }

    @Test
    void aParameterWithoutAValueIsRefusedBeforeTheDatabaseSeesIt() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> sql.one("select :absent::text as v", Map.of(),
                        rs -> rs.getString("v"))));
        assertEquals("no value for SQL parameter absent", missing.getMessage());
    }
}
