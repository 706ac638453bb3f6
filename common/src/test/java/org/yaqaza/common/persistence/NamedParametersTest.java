package org.yaqaza.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Only a {@code :name} that PostgreSQL would read as code becomes a placeholder. */
class NamedParametersTest {

    private static void assertParsed(String sql, String jdbc, String... names) {
        NamedParameters.Parsed parsed = NamedParameters.parse(sql);
        assertEquals(jdbc, parsed.jdbcSql(), sql);
        assertEquals(List.of(names), parsed.names(), sql);
    }

    @Test
    void namesBecomePlaceholdersInOrderRepeatsIncluded() {
        assertParsed("select * from r where a = :a and (b = :b or b = :a)",
                "select * from r where a = ? and (b = ? or b = ?)", "a", "b", "a");
        assertParsed("values (:id,:created_at)", "values (?,?)", "id", "created_at");
        assertParsed("where x = :x1", "where x = ?", "x1");
    }

    @Test
    void castsStayCasts() {
        assertParsed("select x::text, :v::uuid, ('a'::regconfig)", "select x::text, ?::uuid, ('a'::regconfig)", "v");
        assertParsed("select :a::int[]", "select ?::int[]", "a");
    }

    @Test
    void stringLiteralsAreNotParameters() {
        assertParsed("select 'a:b', ':c' || :d", "select 'a:b', ':c' || ?", "d");
        assertParsed("select 'it''s :x' , :y", "select 'it''s :x' , ?", "y");
        // an escape string: \' does not end it
        assertParsed("select E'it\\'s :x', :y", "select E'it\\'s :x', ?", "y");
        // in a standard string a backslash is just a character, so the literal ends at the next quote
        assertParsed("select 'a\\', :y", "select 'a\\', ?", "y");
        assertParsed("select 'وقت :ساعة' as t, :نص", "select 'وقت :ساعة' as t, ?", "نص");
    }

    @Test
    void quotedIdentifiersAreNotParameters() {
        assertParsed("select \"col:x\", \"a\"\"b:c\" from t where v = :v",
                "select \"col:x\", \"a\"\"b:c\" from t where v = ?", "v");
    }

    @Test
    void commentsAreNotParameters() {
        assertParsed("select 1 -- :c\n, :d", "select 1 -- :c\n, ?", "d");
        assertParsed("select 1 -- :c at the end", "select 1 -- :c at the end");
        assertParsed("select /* :d */ :e", "select /* :d */ ?", "e");
        assertParsed("select /* outer /* :inner */ :still_comment */ :f",
                "select /* outer /* :inner */ :still_comment */ ?", "f");
        // a lone dash or slash is an operator
        assertParsed("select :a - :b / :c", "select ? - ? / ?", "a", "b", "c");
    }

    @Test
    void dollarQuotedBodiesAreNotParameters() {
        assertParsed("select $$ :a 'x' $$, :b", "select $$ :a 'x' $$, ?", "b");
        assertParsed("do $fn$ begin perform :a; end $fn$; select :b",
                "do $fn$ begin perform :a; end $fn$; select ?", "b");
        // $1 is not a dollar quote, nor is a $ inside an identifier
        assertParsed("select $1, a$b, :c", "select $1, a$b, ?", "c");
    }

    @Test
    void questionMarksOutsideLiteralsAreEscapedForTheDriver() {
        assertParsed("select doc ? 'k', doc ?| :keys, '?' from t", "select doc ?? 'k', doc ??| ?, '?' from t",
                "keys");
    }

    @Test
    void unterminatedLiteralsRunToTheEndRatherThanInventingParameters() {
        assertParsed("select 'open :a", "select 'open :a");
        assertParsed("select /* open :a", "select /* open :a");
        assertParsed("select $q$ open :a", "select $q$ open :a");
    }

    @Test
    void colonsThatStartNoNameStayAsTheyAre() {
        assertParsed("select a[1:2], :x", "select a[1:2], ?", "x");
        assertParsed("select a[lo : hi]", "select a[lo : hi]");
        assertParsed("select :", "select :");
    }
}
